"""Where the terms stand in a Swedish text.

A term is found in its inflected forms: a word matches when it is one of the term word's stems
followed by one of a closed set of Swedish noun and adjective endings (definite, plural,
genitive). The stems of a word are the word itself, the word less an ending it may already
carry (a term entered as "Arbetsförmedlingen", "förskola", "arbetsgivare"), and its syncope
form, in which the e of a final -el/-en/-er falls before an ending ("nummer" → "numr-et",
"regel" → "regl-er", "öppen" → "öppn-a"). A consonant may double before an ending that begins
with a vowel ("program" → "programm-et"). So "föräldrapenning" finds "föräldrapenningen" and
"föräldrapenningar", "barnbidrag" finds "barnbidraget", "personnummer" finds "personnumret", and
every word of a term inflects ("öppen förskola" finds "öppna förskolan").

Why rules and not a stemmer: none is pinned here, a Snowball stemmer would be a new dependency
and still gives "personnumm" and "personnumr" for "personnummer" and "personnumret"; and a term
needs its forms recognised, not two texts reduced to equal stems. A closed list of endings
rather than "any few letters more" keeps compounds out: "föräldrapenningdagar" and
"personnummerbevis" are other words. Strong inflection ("folkbokför", "ansökningar") is not
followed. Abbreviations and words of up to three letters ("sfi", "FK") take only a genitive or
a definite -n ("sfi:s", "FK:s"). Case is ignored; a match starts and ends at a word boundary;
longer terms win where matches overlap. The editor shows what it finds; nothing is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Endings a stem may take, longest first so the alternation prefers the whole ending.
ENDINGS = (
    "arnas", "ernas", "ornas", "arna", "erna", "orna", "rnas", "ens", "ets", "ars", "ers",
    "ors", "ans", "nas", "rna", "ret", "en", "et", "ar", "er", "or", "an", "na", "as", "es",
    "ns", "ts", "a", "e", "n", "s", "t", "r",
)  # fmt: skip
# Endings a term's word may already carry (definite or base vowel); a stem stays this long.
# Not -an: "ansökan" is no "ansök-" ("ansöker" is a verb); "Försäkringskassan" takes -s whole.
CARRIED = ("arna", "erna", "orna", "en", "et", "na", "ar", "er", "or", "a", "e")
DEFINITE = ("arna", "erna", "orna", "en", "et", "na")  # what is left is a word by itself
SHORTEST_STEM = 4
ABBREVIATION = 3  # "sfi", "FK": no stem, only these endings
ABBREVIATION_ENDINGS = (":en", ":et", ":s", ":n", "s", "n")
VOWELS = "aeiouyåäö"
SYNCOPE = re.compile(rf"([^{VOWELS}])e([lnr])$")


def stems(word: str) -> dict[str, bool]:
    """The forms an inflected word may begin with, lower case, longest first, each with
    whether it is a word by itself: the term's word, and the indefinite form of a term entered
    in the definite ("etableringsprogrammet" → "etableringsprogram"). Other stems need an
    ending: "arbetar" (a verb) is no form of "arbetare"."""
    word = word.casefold()
    found = {word: True}
    for ending in CARRIED:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            found.setdefault(word[: -len(ending)], ending in DEFINITE)
    for stem, alone in list(found.items()):
        syncope = SYNCOPE.sub(r"\1\2", stem)
        if syncope != stem and len(syncope) >= SHORTEST_STEM:
            found.setdefault(syncope, False)
        if len(stem) > SHORTEST_STEM and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            found[stem[:-1]] = found.get(stem[:-1], False) or alone  # "programm-et"
    for stem in list(found):  # "nummr" after syncope: the double falls too ("numr-et")
        if len(stem) > SHORTEST_STEM and re.search(rf"([^{VOWELS}])\1[lnr]$", stem):
            found.setdefault(stem[:-3] + stem[-2:], False)
    return dict(sorted(found.items(), key=lambda item: (-len(item[0]), item[0])))


def word_pattern(word: str) -> str:
    """A regular expression for the word in any of its forms."""
    if len(word) <= ABBREVIATION or (word.isupper() and len(word) > 1):
        endings = "|".join(re.escape(e) for e in ABBREVIATION_ENDINGS)
        return rf"{re.escape(word)}(?:{endings})?"
    endings = "|".join(ENDINGS)
    forms = []
    for stem, alone in stems(word).items():
        double = rf"{re.escape(stem[-1])}?" if stem[-1] not in VOWELS else ""
        optional = "?" if alone else ""
        forms.append(rf"{re.escape(stem)}(?:{double}(?:{endings})){optional}")
    return "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=2048)
def pattern(term: str) -> re.Pattern:
    body = r"\s+".join(word_pattern(word) for word in term.split())
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


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
