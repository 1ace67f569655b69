"""The Swedish source in the translation editor with its terms marked, and the list of them.

Each term stands in a <mark class="term"> whose title names the approved term in the language
being translated ("personnummer → …", or that it stays in Swedish), so the translator sees it
where the word is; the list beside the text gives the same with the staff definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from terms import matching


@dataclass(frozen=True)
class Entry:
    term: str
    rendering: str  # "" when the language has none yet
    keep_in_swedish: bool
    definition: str
    explanation: str  # in the language, or the Swedish plain explanation

    @property
    def hint(self) -> str:
        if self.keep_in_swedish:
            return pgettext("staff side", "%(term)s: keep in Swedish") % {"term": self.term}
        if not self.rendering:
            return pgettext("staff side", "%(term)s: no approved term in this language yet") % {
                "term": self.term
            }
        return f"{self.term} → {self.rendering}"


def entry(term, lang: str) -> Entry:
    translation = term.in_language(lang)
    explanation = (translation.explanation if translation else "") or term.explanation
    return Entry(
        term.term, term.rendering(lang), term.keep_in_swedish, term.definition, explanation
    )


def _br(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def marked(text: str, lang: str, terms) -> tuple[SafeString, list[Entry]]:
    """The text as HTML (escaped, line breaks kept) with each term marked, and its terms."""
    matches = matching.find(text, terms)
    parts, at = [], 0
    for match in matches:
        hint = entry(match.term, lang).hint
        parts.append(_br(text[at : match.start]))
        parts.append(
            f'<mark class="term" data-term="{escape(match.term.term)}" title="{escape(hint)}">'
            f"{escape(match.written)}</mark>"
        )
        at = match.end
    parts.append(_br(text[at:]))
    entries = [entry(term, lang) for term in matching.unique_terms(matches)]
    return mark_safe("".join(parts)), entries  # noqa: S308  every fragment is escaped above
