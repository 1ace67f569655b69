"""Every layout in every demo language: fonts embedded, title extractable, QR code readable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dialogue.models import DialogueCard
from print import content, service
from print.documents import base as renderer_base
from tests import builders
from tests.pdf_tools import fonts, info, normalise, qr_codes, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

DEMO_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti", "uk", "th"]
CARD = "foraldraledig-och-pa-vag"


def title_words_found(title: str, extracted: str) -> bool:
    """The title is in the text: as one string (Thai has no spaces to split a wrapped line
    on), or word by word (pdftotext may join a wrapped right-to-left title differently)."""
    if "".join(normalise(title).split()) in "".join(extracted.split()):
        return True
    return all(word.strip(".,()") in extracted for word in normalise(title).split())


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
@pytest.mark.parametrize("layout", ["card", "card-4up", "leaflet"])
def test_layout_renders_with_embedded_fonts_and_extractable_title(code, layout):
    pdf = service.piece_pdf(CARD, code, layout)
    assert pdf.startswith(b"%PDF")
    rows = fonts(pdf)
    assert rows and all(row["emb"] == "yes" and row["sub"] == "yes" for row in rows), rows
    card = DialogueCard.objects.get(slug=CARD)
    title = card.text("title", code) if layout != "leaflet" else card.life_event.text("title", code)
    assert title_words_found(title, text(pdf))
    assert info(pdf)["Title"]


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_card_qr_code_gives_the_audio_url(code):
    pdf = service.piece_pdf(CARD, code, "card")
    card = DialogueCard.objects.get(slug=CARD)
    version = content.card_content(card, code).audio_url.split("?v=")[1]
    assert len(version) == 7
    assert qr_codes(pdf) == [f"http://127.0.0.1:8000/q/{card.code}/{code}/?v={version}"]


def test_four_up_sheet_has_four_readable_codes_and_backs_behind_fronts():
    cards = content.live_cards()[:4]
    pdf = service.cards_pdf(cards, "ar", "card-4up")
    assert info(pdf)["Pages"] == "2"
    assert sorted(qr_codes(pdf)) == sorted(content.card_content(c, "ar").audio_url for c in cards)
    from print.documents.card import CardSheetRenderer

    sheet = CardSheetRenderer.__new__(CardSheetRenderer)
    for index in range(4):
        front_x, front_y = sheet._slot_origin(index, mirror=False)
        back_x, back_y = sheet._slot_origin(index, mirror=True)
        assert back_y == front_y
        assert round(back_x + front_x + 105 * 72 / 25.4, 3) == round(595.2756, 3)


def test_pdf_carries_language_title_and_version():
    pdf = service.piece_pdf(CARD, "ar", "card")
    assert b"/Lang (ar)" in pdf
    extracted = text(pdf)
    card_content = content.card_content(DialogueCard.objects.get(slug=CARD), "ar")
    # The edition's version: the same as the QR link's v= and the pack's manifest.
    assert f"v{card_content.version}" in extracted
    assert card_content.audio_url.endswith(f"?v={card_content.version}")
    assert card_content.published.isoformat() in extracted


def test_print_shop_finish_has_bleed_and_trim_box():
    office = info(service.piece_pdf(CARD, "so", "card", "office"))
    shop = info(service.piece_pdf(CARD, "so", "card", "print-shop"))
    assert office["Page size"].startswith("297.638 x 419.528")  # A6 in points
    assert "TrimBox" in shop and shop["TrimBox"] != shop["MediaBox"]
    assert shop["BleedBox"] != shop["TrimBox"]


def test_four_up_is_refused_for_print_shops():
    with pytest.raises(content.NotPrintable, match="4-up"):
        service.piece_pdf(CARD, "so", "card-4up", "print-shop")


def test_untranslated_card_is_refused_with_a_clear_message():
    with pytest.raises(content.NotPrintable, match="not fully translated and approved in Pashto"):
        service.piece_pdf(CARD, "ps", "card")


def test_drafts_are_not_printed():
    card = DialogueCard.objects.get(slug=CARD)
    live_title = card.title_ar
    card.title_ar = "مسودة تجريبية"
    card.save_revision()  # a draft: the live row is unchanged
    printed = text(service.piece_pdf(CARD, "ar", "card"))
    assert "تجريبية" not in printed
    assert title_words_found(live_title, printed)


def test_repeat_request_is_served_from_the_cache_and_an_edit_renders_afresh(monkeypatch):
    renders = []
    original = renderer_base.Renderer.render
    monkeypatch.setattr(
        renderer_base.Renderer, "render", lambda self: renders.append(1) or original(self)
    )
    first = service.piece_pdf(CARD, "ti", "card")
    second = service.piece_pdf(CARD, "ti", "card")
    assert first == second and len(renders) == 1
    card = DialogueCard.objects.get(slug=CARD)
    builders.translate(card, "ti", title=card.title_ti + " !")
    third = service.piece_pdf(CARD, "ti", "card")
    assert len(renders) == 2 and third != first


def test_long_text_shrinks_or_continues_never_spills():
    card = DialogueCard.objects.get(slug=CARD)
    message = card.key_messages()[0]
    builders.translate(message, "so", body=("Qoraal aad u dheer oo tijaabo ah. " * 30).strip())
    pdf = service.piece_pdf(CARD, "so", "card")
    pages = int(info(pdf)["Pages"])
    assert pages == 4  # two physical cards: front, back, front, back
    assert "(1/2)" in text(pdf) and "(2/2)" in text(pdf)


def test_poster_has_a_readable_code_per_language():
    pdf = service.poster_pdf(None, "A4")
    codes = qr_codes(pdf, dpi=200)
    assert "http://127.0.0.1:8000/ar/" in codes and "http://127.0.0.1:8000/ti/" in codes
    builders.never_approved("ps")  # a language with nothing to listen to is left out
    assert "ps" not in [code for code, _url in service.poster_targets(None)]
    assert info(service.poster_pdf("sfi", "A3"))["Page size"].startswith("841.89 x 1190.55")


def test_render_card_command_writes_the_file(tmp_path):
    out = tmp_path / "card.pdf"
    call_command(
        "render_card",
        CARD,
        "--lang",
        "ar",
        "--layout",
        "card",
        "--out",
        str(out),
        stdout=StringIO(),
    )  # noqa: SIM115
    assert out.read_bytes().startswith(b"%PDF")


def test_render_card_command_refuses_clearly_and_writes_nothing(tmp_path):
    out = tmp_path / "card.pdf"
    with pytest.raises(CommandError, match="not fully translated"):
        call_command("render_card", CARD, "--lang", "ps", "--out", str(out))
    with pytest.raises(CommandError, match="No published card"):
        call_command("render_card", "finns-inte", "--lang", "ar", "--out", str(out))
    assert not out.exists() and not list(tmp_path.iterdir())


def test_render_poster_command(tmp_path):
    out = tmp_path / "poster.pdf"
    call_command(
        "render_poster",
        "--event",
        "sfi",
        "--size",
        "A3",
        "--out",
        str(out),
        stdout=StringIO(),
    )  # noqa: SIM115
    assert out.stat().st_size > 1000


def test_retired_cards_are_not_printed():
    DialogueCard.objects.filter(slug=CARD).update(retired_at="2026-01-01T00:00Z")
    with pytest.raises(content.NotPrintable, match="No published card"):
        service.piece_pdf(CARD, "ar", "card")
