"""A central contact printed after "where to turn": her line first, numbers whole, in order."""

from io import StringIO

import pytest
from django.core.management import call_command

import languages
from dialogue.models import Agency
from print import service
from tests import builders
from tests.contacts.made import GENERAL, HER_LINE, approved_contact, card_with_contact
from tests.pdf_tools import _run, normalise, text

pytestmark = pytest.mark.django_db


def render(card, lang, tmp_path) -> bytes:
    out = tmp_path / f"card-{lang}.pdf"
    call_command("render_card", card.slug, "--lang", lang, "--out", str(out), stdout=StringIO())
    return out.read_bytes()


def page_text(pdf: bytes, page: int) -> str:
    raw = _run(
        "pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", "{pdf}", "-", data=pdf
    )
    return normalise(raw)


def reading_order(pdf: bytes, lang: str, *numbers: str) -> list[str]:
    """The numbers in the order she reads the front: line by line from the top, and within a
    line from the right in right-to-left text (pdftotext writes each line left to right, as
    it is drawn)."""
    raw = _run("pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "{pdf}", "-", data=pdf)
    lines = [normalise(line) for line in raw.splitlines()]
    rtl = languages.get(lang).is_rtl

    def place(number):
        row = next(i for i, line in enumerate(lines) if number in line)
        column = lines[row].index(number)
        return (row, -column if rtl else column)

    return sorted(numbers, key=place)


@pytest.mark.parametrize("lang", ["ar", "fa", "ti", "th"])
def test_her_line_then_the_general_number_whole_on_the_front(lang, tmp_path, empty_media):
    card = card_with_contact()
    pdf = render(card, lang, tmp_path)
    front = page_text(pdf, 1)
    assert "Försäkringskassan" in front
    assert HER_LINE in front and GENERAL in front  # whole: never "524 524-0771"
    assert reading_order(pdf, lang, HER_LINE, GENERAL) == [HER_LINE, GENERAL]  # hers first
    # The front carries what she acts on; the hours and the web address are on the Swedish
    # back, the leaflet and the QR page (print.documents.contact).
    assert "08:00" not in front and "forsakringskassan.se" not in front


def test_the_swedish_back_names_her_line(tmp_path, empty_media):
    card = card_with_contact()
    back = page_text(render(card, "ar", tmp_path), 2)
    assert "Försäkringskassan" in back
    assert f"arabiska: {HER_LINE}" in back
    assert f"{GENERAL}" in back
    assert "måndag–fredag 08:00–16:00" in back
    assert "forsakringskassan.se" in back


def test_without_a_line_in_her_language_the_general_number_only(tmp_path, empty_media):
    card = card_with_contact()
    pdf = render(card, "so", tmp_path)
    assert GENERAL in text(pdf) and HER_LINE not in text(pdf)


def test_the_leaflet_carries_the_contact_in_both_columns(empty_media):
    card = card_with_contact()
    found = text(service.leaflet_pdf([card.life_event], "ar"))
    assert found.count(HER_LINE) == 2  # her column, and the Swedish one "På arabiska"
    assert found.count(GENERAL) == 2


def test_a_contact_shared_by_two_messages_is_given_whole_once_in_the_leaflet(empty_media):
    contact = approved_contact()
    event = builders.life_event(translations=builders.samples(["title"], ["ar"]))
    agency = Agency.objects.get(short_name="FK")
    messages = [
        builders.joint_message(
            [event],
            [agency],
            translations=builders.samples(["headline", "body"], ["ar"]),
            contact=contact,
        )  # fmt: skip
        for _ in range(2)
    ]
    builders.dialogue_card(event, messages, translations=builders.samples(["title"], ["ar"]))
    found = text(service.leaflet_pdf([event], "ar"))
    assert found.count("08:00") == 2  # the hours once in her column, once in the Swedish one
    assert found.count(GENERAL) == 4  # the numbers under every message, in both columns
