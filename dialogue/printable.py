"""Refuse text the print fonts cannot show, when it is saved (admin, import, demo load).

A card must never print boxes: every character of every translation needs a glyph.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from dialogue import languages


def describe(chars: list[str]) -> str:
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)


def chars_without_glyph(text: str, code: str) -> list[str]:
    """The characters of a text in a language that no print font can show."""
    from print import fonts  # print depends on dialogue, not the other way round at import

    return fonts.uncovered(text, code)


def unprintable(obj) -> dict[str, list[str]]:
    """{field_suffix: [characters]} for every translated field with characters no font has."""
    found = {}
    for field in obj.translated_fields:
        for language in languages.enabled():
            chars = chars_without_glyph(obj.text(field, language.code), language.code)
            if chars:
                found[f"{field}_{language.field_suffix}"] = chars
    return found


def check(obj):
    """Raise ValidationError naming the characters; Swedish fields get the error on the field."""
    errors: dict[str, list[str]] = {}
    for field_name, chars in unprintable(obj).items():
        message = _("Characters that cannot be printed: %(chars)s") % {"chars": describe(chars)}
        if field_name.endswith(f"_{languages.source().field_suffix}"):
            errors.setdefault(field_name, []).append(message)
        else:
            errors.setdefault(NON_FIELD_ERRORS, []).append(f"{field_name}: {message}")
    if errors:
        raise ValidationError(errors)
