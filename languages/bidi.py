"""Keeping numbers whole inside right-to-left text.

The Unicode bidi algorithm reorders the digit groups of "0771-416 416" inside Arabic
text ("416 416-0771"), in browsers and in print. Numbers are isolated as left-to-right
at display time, so stored translations stay free of invisible marks.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Phone numbers and other digit groups joined by spaces or hyphens: "0771-416 416", "112";
# by a slash, as a browser keeps them: card "1/2" of a card that takes two, not "2/1"; and by
# a colon, a time: "08:00" isolated as two numbers around a colon would read "00:08".
NUMBER = re.compile(r"\+?\d+(?:[ \-\u2011/:]\d+)*")
DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))


def strip_direction_marks(text: str) -> str:
    """Drop LRM/RLM/ALM that translators add by hand; isolation does their job."""
    return text.translate(DIRECTION_MARKS)


def number_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each number run that must read left to right."""
    return [match.span() for match in NUMBER.finditer(text)]


def isolated_html(text) -> SafeString:
    """The text escaped for HTML, each number run in <bdi dir="ltr"> so that right-to-left
    text keeps it whole (the public pages and the offline kit's page)."""
    text = strip_direction_marks(str(text or ""))
    parts, position = [], 0
    for start, end in number_spans(text):
        parts.append(escape(text[position:start]))
        parts.append(f'<bdi dir="ltr">{escape(text[start:end])}</bdi>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308  every part is escaped above
