"""Where the terms stand in a Swedish text.

Modest Swedish inflection, on purpose: a term's last word is cut to a stem, and a word
that begins with the stem and has at most five letters more than it matches. The stem drops
an unstressed ending (-er, -el, -en, -e, -a) and then one of a doubled consonant, so
"personnummer" (stem "personnum") finds "personnumret" and "personnummers",
"Arbetsförmedlingen" finds "Arbetsförmedlingens", "folkbokföring" finds "folkbokföringen".
Short terms (four letters or fewer, such as "sfi") match as the word itself, with -n or -s.
Case is ignored; a match starts and ends at a word boundary. Longer terms win where matches
overlap. This finds some false friends (a compound of up to five more letters) and misses
strong inflection ("folkbokförd"); the editor shows what it finds, and nothing is refused on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENDINGS = ("er", "el", "en", "e", "a")
EXTRA_LETTERS = 5
SHORT = 4


def stem(word: str) -> str:
    if len(word) <= SHORT:
        return word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORT:
            word = word[: -len(ending)]
            break
    if len(word) > SHORT and word[-1] == word[-2] and word[-1].isalpha():
        word = word[:-1]
    return word


def pattern(term: str) -> re.Pattern:
    words = term.split()
    *first, last = words
    head = "".join(re.escape(word) + r"\s+" for word in first)
    if len(last) <= SHORT:
        tail = re.escape(last) + r"(?:n|s|:s|:n)?"
    else:
        tail = re.escape(stem(last)) + rf"\w{{0,{EXTRA_LETTERS}}}"
    return re.compile(rf"(?<!\w){head}{tail}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    term: object  # terms.models.Term, or anything with .term
    start: int
    end: int
    written: str


def find(text: str, terms) -> list[Match]:
    """The terms in a text, in reading order, without overlaps."""
    found: list[Match] = []
    for term in sorted(terms, key=lambda t: -len(t.term)):
        for hit in pattern(term.term).finditer(text):
            if any(hit.start() < m.end and m.start < hit.end() for m in found):
                continue
            found.append(Match(term, hit.start(), hit.end(), hit.group()))
    return sorted(found, key=lambda m: m.start)


def unique_terms(matches: list[Match]) -> list:
    seen, terms = set(), []
    for match in matches:
        if match.term.pk not in seen:
            seen.add(match.term.pk)
            terms.append(match.term)
    return terms
