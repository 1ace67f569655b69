"""What a text may contain, for every language: one rule set for the admin, the translation
editor, imports and the demo loader. Rules that need what only an app above the content knows
register here from that app's ready(): print adds "a glyph for every character" (a card must
never print boxes), so validating content never loads fonts or ReportLab itself.

Direction is set by the site at display time (dialogue/bidi.py), so stored direction controls
could only spoof the text (a reversed phone number). Invisible characters hide differences
between texts that look the same. A very long unbroken word cannot be printed on a card.
ZWNJ and ZWJ stay allowed: Persian, Dari and Pashto spell with them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

import languages

DIRECTION_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
DIRECTION_CONTROLS |= {"\u200e", "\u200f", "\u061c"}
INVISIBLE = {"\u200b", "\u2060", "\ufeff", "\u180e"}
ALLOWED_CONTROLS = {"\n", "\t", "\r"}
LONGEST_WORD = 60
# Scripts written without spaces between words: ICU finds their line breaks, not spaces.
UNSPACED_SCRIPTS = {"Thai", "Laoo", "Khmr", "Mymr", "Hani", "Jpan"}

# (text, lang) -> [plain messages]; filled by the apps above (print.glyphs).
_registered_rules: list[Callable[[str, str], list[str]]] = []


def register(rule: Callable[[str, str], list[str]]) -> None:
    if rule not in _registered_rules:
        _registered_rules.append(rule)


def _named(chars) -> str:
    return ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(chars)))


def describe(chars: list[str]) -> str:
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)


def problems(text: str, lang: str) -> list[str]:
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
    language = languages.get(lang)
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
    for rule in _registered_rules:
        found += rule(text, lang)
    return found


def check(obj):
    """Raise ValidationError for any text of the object that breaks the rules; Swedish fields get
    the error on the field, translations one message each."""
    errors: dict[str, list[str]] = {}
    for field in obj.translated_fields:
        for language in languages.enabled():
            field_name = f"{field}_{language.field_suffix}"
            for message in problems(obj.text(field, language.code), language.code):
                if language.is_source:
                    errors.setdefault(field_name, []).append(message)
                else:
                    errors.setdefault(NON_FIELD_ERRORS, []).append(f"{field_name}: {message}")
    if errors:
        raise ValidationError(errors)
