"""A quality warning shown in the admin, its numbers and addresses kept in the order they
were written.

The warning is Swedish (left to right) and quotes the translation's numbers as written: the
bidi algorithm would show the groups of "٠٧٧١-٤١٦ ٤٦١" (Arabic-Indic digits) in reverse order
inside it, even in an isolate, so those fragments are shown with an explicit left-to-right
override, as the staff compare them with the Swedish digits."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

IN_WRITTEN_ORDER = {"phone", "number", "amount", "date", "url", "email"}


@register.filter
def quality_message(warning) -> str:
    message = escape(warning.message)
    if warning.kind in IN_WRITTEN_ORDER:
        for fragment in sorted(set(warning.fragments), key=len, reverse=True):
            message = message.replace(escape(fragment), f'<bdo dir="ltr">{escape(fragment)}</bdo>')
    return mark_safe(message)  # noqa: S308  the message and every fragment are escaped above
