"""The approved terms, as the editor, the XLIFF export and the checks use them."""

from __future__ import annotations

from terms import matching
from terms.models import Term


def approved() -> list[Term]:
    """Every approved term, unchanged since its approval, with its languages."""
    terms = Term.objects.select_related("agency").prefetch_related("translations")
    return [term for term in terms if term.is_approved]


def notes(text: str, lang: str, terms) -> list[str]:
    """One line per term in a Swedish text for a translation file: "personnummer → ..." (or
    that the term stays in Swedish); terms with no approved rendering in the language are left
    out."""
    lines = []
    for term in matching.unique_terms(matching.find(text, terms)):
        if term.keep_in_swedish:
            lines.append(f"{term.term} → {term.term} (behålls på svenska)")
        elif rendering := term.rendering(lang):
            lines.append(f"{term.term} → {rendering}")
    return lines
