"""The text rule that needs the print fonts: every character of a text has a glyph in them.

Registered with the content's rule set (dialogue.text_rules) from print's ready(), so a text is
refused when it is saved, not when it is printed.
"""

from django.utils.translation import gettext as _

from dialogue import text_rules
from typeset import fonts


def printable(text: str, lang: str) -> list[str]:
    chars = fonts.uncovered(text, lang)
    if not chars:
        return []
    return [
        _("Characters that cannot be printed: %(chars)s") % {"chars": text_rules.describe(chars)}
    ]
