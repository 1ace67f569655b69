"""Printed pieces keep their spelling: stored words extract as stored, languages are marked."""

import pytest

from dialogue.models import DialogueCard
from print import content, service
from print.documents.base import Renderer
from tests.pdf_tools import content_streams, info, logical_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

CARD = "foraldraledig-och-pa-vag"
PUNCTUATION = ".,،؛:!?()«»–-"


def words(text: str) -> list[str]:
    return [word.strip(PUNCTUATION) for word in text.split() if word.strip(PUNCTUATION)]


def not_logical(text: str) -> list[str]:
    """Presentation forms and private-use characters: what shaped glyphs extract as."""
    return [
        ch
        for ch in text
        if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF or 0xE000 <= ord(ch) < 0xF900
    ]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_card_text_extracts_as_the_stored_words(lang):
    pdf = service.piece_pdf(CARD, lang, "card")
    extracted = logical_text(pdf)
    card = content.card_content(DialogueCard.objects.get(slug=CARD), lang)
    assert not_logical(extracted) == []
    found = set(words(extracted))
    # Title and body: right-to-left text only. Where a Latin word stands in parentheses in
    # a right-to-left line (the headlines), poppler's own bidi ordering may glue it to the
    # next word; that is extraction's doing, not the file's.
    for stored in (card.title, card.messages[0].body):
        assert [word for word in words(stored) if word not in found] == [], stored


def test_persian_card_keeps_its_zero_width_non_joiners():
    card = content.card_content(DialogueCard.objects.get(slug=CARD), "fa")
    joined = [word for word in words(card.messages[0].body) if "\u200c" in word]
    assert joined  # the demo's Persian writes می‌کنید, کمک‌هزینه …
    extracted = words(logical_text(service.piece_pdf(CARD, "fa", "card")))
    assert all(word in extracted for word in joined)
    assert not any(word.replace("\u200c", "") in extracted for word in joined)


def test_leaflet_marks_each_column_with_its_language():
    pdf = service.piece_pdf(CARD, "ar", "leaflet")
    assert b"/Lang (ar)" in pdf  # the document's language
    streams = content_streams(pdf)
    assert b"/Span <</Lang (ar)>> BDC" in streams
    assert b"/Span <</Lang (sv)>> BDC" in streams
    assert streams.count(b"BDC") == streams.count(b"EMC")


class _EasyRead(Renderer):
    def draw(self):
        self.canvas.setPageSize((300, 200))
        self.text("Du kan få hjälp att hitta ett jobb.", "sv-ls", 12, 20, 180, 260)
        self.canvas.showPage()


def test_easy_read_swedish_is_tagged_swedish():
    pdf = _EasyRead("sv-ls", "Lättläst").render()
    assert b"/Lang (sv)" in pdf
    assert b"sv-ls" not in pdf
    streams = content_streams(pdf)
    assert b"/Span <</Lang (sv)>> BDC" in streams
    assert b"sv-ls" not in streams
    assert info(pdf)["Pages"] == "1"
