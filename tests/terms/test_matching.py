"""Terms found in Swedish text by word boundary and modest inflection (terms.matching)."""

from dataclasses import dataclass

import pytest

from terms import matching


@dataclass(frozen=True)
class T:
    term: str
    pk: int


TERMS = [T("personnummer", 1), T("sfi", 2), T("Arbetsförmedlingen", 3), T("folkbokföring", 4)]


def found(text):
    return [(m.term.term, m.written) for m in matching.find(text, TERMS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ditt personnummer.", [("personnummer", "personnummer")]),
        ("Personnumret står på beskedet.", [("personnummer", "Personnumret")]),
        ("personnummers längd", [("personnummer", "personnummers")]),
        ("Sfi är gratis. Läs sfi:s kurser.", [("sfi", "Sfi"), ("sfi", "sfi:s")]),
        ("Arbetsförmedlingens kontor", [("Arbetsförmedlingen", "Arbetsförmedlingens")]),
        ("Folkbokföringen sköts av Skatteverket.", [("folkbokföring", "Folkbokföringen")]),
    ],
)
def test_a_term_is_found_as_written_and_inflected(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sfix och osfi",  # not inside another word
        "personnummerbevisen",  # a compound more than five letters past the stem
        "När du folkbokför dig",  # strong inflection is not followed
    ],
)
def test_words_that_only_look_alike_are_not_terms(text):
    assert found(text) == []


def test_the_stem_drops_an_unstressed_ending_and_a_doubled_consonant():
    assert matching.stem("personnummer") == "personnum"
    assert matching.stem("Arbetsförmedlingen") == "Arbetsförmedling"
    assert matching.stem("sfi") == "sfi"


def test_the_longer_term_wins_where_two_overlap():
    terms = [T("nummer", 1), T("personnummer", 2)]
    assert [m.term.term for m in matching.find("ett personnummer", terms)] == ["personnummer"]
