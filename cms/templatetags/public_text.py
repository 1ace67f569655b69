from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from languages import bidi

register = template.Library()


@register.filter
def isolate_numbers(text):
    """Escape the text and wrap each number run in <bdi dir="ltr"> so RTL text keeps it whole."""
    text = bidi.strip_direction_marks(str(text or ""))
    parts, position = [], 0
    for start, end in bidi.number_spans(text):
        parts.append(escape(text[position:start]))
        parts.append(f'<bdi dir="ltr">{escape(text[start:end])}</bdi>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308  every part is escaped above
