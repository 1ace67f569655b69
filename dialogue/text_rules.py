"""What a text may contain, for every language: one rule set for the admin, the translation
editor, imports and the demo loader.

Direction is set by the site at display time (dialogue/bidi.py), so stored direction controls
could only spoof the text (a reversed phone number). Invisible characters hide differences
between texts that look the same. A very long unbroken word cannot be printed on a card.
ZWNJ and ZWJ stay allowed: Persian, Dari and Pashto spell with them.
"""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext as _

from dialogue import languages, printable

DIRECTION_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
DIRECTION_CONTROLS |= {"\u200e", "\u200f", "\u061c"}
INVISIBLE = {"\u200b", "\u2060", "\ufeff", "\u180e"}
ALLOWED_CONTROLS = {"\n", "\t", "\r"}
LONGEST_WORD = 60
# Scripts written without spaces between words: ICU finds their line breaks, not spaces.
UNSPACED_SCRIPTS = {"Thai", "Laoo", "Khmr", "Mymr", "Hani", "Jpan"}


def _named(chars) -> str:
    return ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(chars)))


def problems(text: str, code: str) -> list[str]:
    """What is wrong with a text in a language, said plainly; [] when it may be saved."""
    found = []
    direction = [ch for ch in text if ch in DIRECTION_CONTROLS]
    if direction:
        found.append(
            _("Invisible direction characters (%(chars)s): remove them, the site sets direction.")
            % {"chars": _named(direction)}
        )
    hidden = [
        ch
        for ch in text
        if ch in INVISIBLE or (unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS)
    ]
    if hidden:
        found.append(
            _("Invisible or control characters (%(chars)s): remove them.")
            % {"chars": _named(hidden)}
        )
    language = languages.get(code)
    spaced = language is None or language.script not in UNSPACED_SCRIPTS
    long_words = [
        word
        for word in (text.split() if spaced else [])
        if len(word) > LONGEST_WORD and "://" not in word and not word.startswith("www.")
    ]
    if long_words:
        found.append(
            _("A word of %(length)s characters cannot be printed; at most %(limit)s.")
            % {"length": max(len(w) for w in long_words), "limit": LONGEST_WORD}
        )
    chars = printable.chars_without_glyph(text, code)
    if chars:
        found.append(
            _("Characters that cannot be printed: %(chars)s") % {"chars": printable.describe(chars)}
        )
    return found
