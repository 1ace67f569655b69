from django import template

from languages import bidi

register = template.Library()


@register.filter
def isolate_numbers(text):
    """Escape the text and wrap each number run in <bdi dir="ltr"> so RTL text keeps it whole."""
    return bidi.isolated_html(text)
