"""Refuse text the print fonts cannot show, when it is saved (admin, import, demo load).

A card must never print boxes: every character of every translation needs a glyph.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from dialogue import languages


def describe(chars: list[str]) -> str:
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)


def chars_without_glyph(text: str, code: str) -> list[str]:
    """The characters of a text in a language that no print font can show."""
    from print import fonts  # print depends on dialogue, not the other way round at import

    return fonts.uncovered(text, code)


def check(obj):
    """Raise ValidationError for any text that breaks the text rules (glyphs, invisible and
    direction characters, overlong words); Swedish fields get the error on the field."""
    from dialogue import text_rules

    errors: dict[str, list[str]] = {}
    for field in obj.translated_fields:
        for language in languages.enabled():
            field_name = f"{field}_{language.field_suffix}"
            for message in text_rules.problems(obj.text(field, language.code), language.code):
                if language.is_source:
                    errors.setdefault(field_name, []).append(message)
                else:
                    errors.setdefault(NON_FIELD_ERRORS, []).append(f"{field_name}: {message}")
    if errors:
        raise ValidationError(errors)
