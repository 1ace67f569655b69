"""The words a woman will hear in Swedish: the approved terms in a Swedish text that have an
explanation in her language ("Words you will hear" on the public pages and the leaflet)."""

from __future__ import annotations

from dataclasses import dataclass

import languages
from terms import matching


@dataclass(frozen=True)
class Word:
    term_id: int
    swedish: str
    explanation: str  # in her language


def explained(swedish_text: str, lang: str, terms) -> list[Word]:
    """In reading order; `terms` are the approved ones (termbase.approved). A term without an
    explanation in the language is left out: a bare Swedish word explains nothing. In Swedish
    the term's own plain explanation is the one ("personnummer" is an agency's word there too)."""
    words = []
    swedish = lang == languages.source().code
    for term in matching.unique_terms(matching.find(swedish_text, terms)):
        if swedish:
            explanation = term.explanation.strip()
        else:
            translation = term.in_language(lang)
            explanation = translation.explanation.strip() if translation else ""
        if explanation:
            words.append(Word(term.pk, term.term, explanation))
    return words
