"""Whether a translation uses the approved terms: warnings for staff, never refusals.

For every approved term in the Swedish of a unit the translation should carry its approved
rendering in that language (or the Swedish term itself, when the term is kept in Swedish):
"term-missing" when it does not. Only the languages the term has a row for are checked, and a
language row without an approved rendering is not checked for it. A forbidden variant of any
approved term in the translation is "term-forbidden". translations.quality adds these to its
checks when its caller gives it the approved terms (translations imports terms, never the
reverse; its pure checks stay free of the database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import pgettext

from terms import matching, renderings, termbase


@dataclass(frozen=True)
class TermWarning:
    kind: str  # "term-missing" or "term-forbidden"
    message: str
    fragments: tuple[str, ...] = ()


def _contains(text: str, words: str) -> bool:
    """Case-insensitive, at word boundaries where the words begin and end with letters."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) is not None


def _has_rendering(translation: str, term, rendering: str) -> bool:
    """Modest about the target language's inflection too (terms.renderings): Tigrinya ህዝቢ is
    ህዝብን with "and", Arabic الرقم is والرقم and رقمك."""
    if term.keep_in_swedish:  # inflected Swedish ("personnumret") counts as kept
        text = renderings.apart_from_script(translation)
        return matching.pattern(term.term).search(text) is not None
    return renderings.carries(translation, rendering)


def check(unit_swedish: str, translation: str, lang: str, terms=None) -> list[TermWarning]:
    if not translation.strip():
        return []
    terms = termbase.approved() if terms is None else terms
    warnings = []
    for term in matching.unique_terms(matching.find(unit_swedish, terms)):
        # Only languages the termbase has for the term: a term kept in Swedish is checked
        # where its language row (with the public explanation) is approved.
        rendering = term.rendering(lang) if term.in_language(lang) else ""
        if rendering and not _has_rendering(translation, term, rendering):
            if term.keep_in_swedish:
                message = pgettext(
                    "staff side",
                    "“%(term)s” is kept in Swedish, but the translation does not have it.",
                ) % {"term": term.term}
            else:
                message = pgettext(
                    "staff side", "The approved term for “%(term)s” is missing: %(approved)s"
                ) % {"term": term.term, "approved": rendering}
            warnings.append(TermWarning("term-missing", message, (term.term,)))
    for term in terms:
        for variant in term.forbidden(lang):
            if _contains(translation, variant):
                message = pgettext(
                    "staff side", "Forbidden variant of “%(term)s”: %(variant)s. Use %(approved)s."
                ) % {"term": term.term, "variant": variant, "approved": term.rendering(lang) or "–"}
                warnings.append(TermWarning("term-forbidden", message, (variant,)))
    return warnings
