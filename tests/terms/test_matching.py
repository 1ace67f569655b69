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


def test_the_stems_of_a_word_with_the_forms_that_stand_alone():
    assert matching.stems("personnummer") == {
        "personnummer": True, "personnummr": False, "personnumm": False,
        "personnumr": False, "personnum": False,
    }  # fmt: skip
    assert matching.stems("Arbetsförmedlingen")["arbetsförmedling"] is True  # indefinite
    assert matching.stems("arbetare") == {"arbetare": True, "arbetar": False}  # not the verb


INFLECTED = [T(term, pk) for pk, term in enumerate([
    "föräldrapenning", "barnbidrag", "nummer", "öppen förskola", "regel", "förälder",
    "arbetsgivare", "etableringsprogrammet", "barn", "sjukpenninggrundande inkomst", "arbetare",
    "ansökan", "FK",
], start=10)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Föräldrapenningen betalas ut.", [("föräldrapenning", "Föräldrapenningen")]),
        ("Två föräldrapenningar.", [("föräldrapenning", "föräldrapenningar")]),
        ("föräldrapenningens belopp", [("föräldrapenning", "föräldrapenningens")]),
        ("Barnbidraget kommer den 20:e.", [("barnbidrag", "Barnbidraget")]),
        ("Barnbidragen höjs.", [("barnbidrag", "Barnbidragen")]),
        ("Numret står på kortet.", [("nummer", "Numret")]),  # the e falls, the m is single
        ("Gå till öppna förskolan.", [("öppen förskola", "öppna förskolan")]),
        ("Reglerna är enkla.", [("regel", "Reglerna")]),
        ("Båda föräldrarna kan vara hemma.", [("förälder", "föräldrarna")]),
        ("Arbetsgivarna söker folk.", [("arbetsgivare", "Arbetsgivarna")]),
        ("Du kan gå etableringsprogram.", [("etableringsprogrammet", "etableringsprogram")]),
        ("Barnen leker.", [("barn", "Barnen")]),
        (
            "Din sjukpenninggrundande inkomst",
            [("sjukpenninggrundande inkomst", "sjukpenninggrundande inkomst")],
        ),
        ("Ansökans datum", [("ansökan", "Ansökans")]),
        ("FK:s handläggare", [("FK", "FK:s")]),
    ],
)
def test_a_term_is_found_in_its_swedish_inflections(text, expected):
    assert [(m.term.term, m.written) for m in matching.find(text, INFLECTED)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "föräldrapenningdagar",  # a compound is another word
        "barnbidragsbeloppet",
        "Hon arbetar deltid.",  # a verb, not "arbetare"
        "Du ansöker i dag.",  # "ansöker" is not "ansökan"
        "Vi reglerar det.",  # not "regel"
        "FKA",
    ],
)
def test_words_that_share_a_beginning_with_a_term_are_not_it(text):
    assert matching.find(text, INFLECTED) == []


def test_the_longer_term_wins_where_two_overlap():
    terms = [T("nummer", 1), T("personnummer", 2)]
    assert [m.term.term for m in matching.find("ett personnummer", terms)] == ["personnummer"]
