"""A second reference language beside the Swedish in the translation editor.

A translator often reads a close language better than Swedish nuance: a Dari translator checks
the Persian, a Sorani translator from Iraq the Arabic. Only approved texts are shown, so nobody
copies an unreviewed mistake. The editor's chooser (`?ref=xx`, `?ref=` for none) overrides the
default below."""

from __future__ import annotations

import languages

# Target language → the reference language shown by default. Small on purpose: only pairs
# where translators usually read the other language well.
DEFAULT_REFERENCE = {
    "fa-af": "fa",  # Dari and Persian are one written language with different words
    "ckb": "ar",  # Sorani translators from Iraq read Arabic
}

NONE = ""


def choices(lang: str) -> list[languages.Language]:
    """The languages a translator of `lang` may read beside the Swedish."""
    return [language for language in languages.targets() if language.code != lang]


def chosen(lang: str, requested: str | None) -> languages.Language | None:
    """The reference language: the one asked for (`requested`, "" for none), or the default.
    An unknown code, the source or the target itself falls back to the default."""
    if requested == NONE:
        return None
    if requested is not None:
        wanted = languages.get(requested)
        if wanted is not None and not wanted.is_source and wanted.code != lang:
            return wanted
    default = DEFAULT_REFERENCE.get(lang)
    return languages.get(default) if default else None
