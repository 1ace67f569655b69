"""The poster fills its sheet and is read from a few metres; the leaflet is in one ink; a single
card fills a 4-up sheet; titles name languages; pack entries carry real dates.

Measured on the PDFs themselves: codes from the content stream (where each is drawn) and
zbar (each one cropped and decoded alone), text sizes and colours from pdftohtml."""

import io
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from PIL import Image

import languages
from dialogue.models import DialogueCard
from editions.models import Edition
from print import content, packs, service
from print.documents.poster import poster_version
from tests.pdf_tools import content_streams, info, normalise, qr_codes, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

MM = 72 / 25.4
DPI = 100
A3_HEIGHT, A3_WIDTH = 1190.551, 841.8898
A3_MARGIN = 12 * MM  # the printable area on A3: 12 mm inside the edges (the poster's margin)
INK = "#1c3556"  # base.INK as poppler reports it
CARD = "foraldraledig-och-pa-vag"


def _run(*args) -> str:
    return subprocess.run(  # noqa: S603
        args, capture_output=True, text=True, check=True, timeout=120
    ).stdout


@dataclass
class Code:
    x: float  # points, PDF coordinates (origin bottom left)
    y: float
    size: float  # the square drawn, quiet zone included
    data: list  # what zbar reads in this square alone
    symbol_mm: float  # the dark modules' extent, measured on the image


def codes_drawn(pdf: bytes) -> list[Code]:
    """Every QR code on page 1: where the content stream draws its square, decoded alone."""
    squares = re.findall(
        rb"1 0 0 1 ([\d.]+) ([\d.]+) cm\s+1 1 1 rg 0 0 ([\d.]+) \3 re f", content_streams(pdf)
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        _run("pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-png", str(path), f"{tmp}/page")
        page = Image.open(next(Path(tmp).glob("page*.png"))).convert("L")
        found = []
        for x, y, size in ((float(a), float(b), float(c)) for a, b, c in squares):
            px = DPI / 72
            box = (x * px, page.height - (y + size) * px, (x + size) * px, page.height - y * px)
            crop = page.crop(tuple(round(v) for v in box))
            crop_path = Path(tmp) / f"code-{len(found)}.png"
            crop.save(crop_path)
            result = subprocess.run(  # noqa: S603
                ["zbarimg", "--quiet", "--raw", str(crop_path)],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=120,
            )
            dark = crop.point(lambda v: 255 if v < 128 else 0).getbbox()
            symbol = max(dark[2] - dark[0], dark[3] - dark[1]) / px / MM if dark else 0
            found.append(Code(x, y, size, result.stdout.split(), symbol))
    return found


@dataclass
class Word:
    text: str
    top: float  # points from the top of the page
    bottom: float
    left: float
    right: float
    size: float  # font size in points (to the half point)
    color: str
    bold: bool


def words(pdf: bytes, page: int = 1) -> list[Word]:
    """pdftohtml's text pieces with their font size and colour (zoom 2: half points)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        xml = _run(
            "pdftohtml", "-xml", "-i", "-stdout", "-zoom", "2", "-f", str(page), "-l", str(page),
            str(path),
        )  # fmt: skip
    root = ET.fromstring(xml.encode())  # noqa: S314 (pdftohtml on our own file)
    fonts = {spec.get("id"): spec for spec in root.iter("fontspec")}
    found = []
    for element in root.iter("text"):
        font = fonts[element.get("font")]
        top, left = float(element.get("top")) / 2, float(element.get("left")) / 2
        found.append(
            Word(
                normalise("".join(element.itertext())),
                top,
                top + float(element.get("height")) / 2,
                left,
                left + float(element.get("width")) / 2,
                float(font.get("size")) / 2,
                font.get("color"),
                element.find("b") is not None,
            )
        )
    return found


@pytest.fixture
def a3_poster():
    return service.poster_pdf(None, "A3")


def test_a3_poster_codes_decode_alone_and_measure_at_least_35_mm(a3_poster):
    drawn = codes_drawn(a3_poster)
    assert [code.data for code in drawn] == [[url] for _code, url in service.poster_targets(None)]
    assert min(code.symbol_mm for code in drawn) >= 35, [code.symbol_mm for code in drawn]
    # The square holds the quiet zone: the symbol is 25 modules of 33 (version 2, 4 each side).
    assert all(code.size / MM > code.symbol_mm * 1.25 for code in drawn)


def test_a3_poster_names_languages_in_their_own_script_at_18_pt_or_more(a3_poster):
    found = words(a3_poster)
    heading = found[0]
    names = [w for w in found if w.bold and w.top > heading.bottom]  # a long one in two lines
    assert min(w.size for w in names) >= 18, [(w.text, w.size) for w in names]
    assert all(w.color == INK for w in names)
    printed = " ".join(w.text for w in names).split()
    own = [languages.get(code) for code, _url in service.poster_targets(None)]
    # Right-to-left names extract in visual order from pdftohtml: checked by count only.
    for language in own:
        if language.script in ("Latn", "Cyrl"):
            assert all(word in printed for word in normalise(language.own_name).split())
    assert len(names) >= len(own) >= 8


@pytest.mark.parametrize("count", [8, None])  # 8 languages: rows of 3, 3 and 2
def test_a3_poster_grid_fills_the_sheet_with_the_last_row_centred(count):
    codes = [code for code, _url in service.poster_targets(None)][:count]
    pdf = service.poster_pdf(None, "A3", codes=codes)
    drawn = codes_drawn(pdf)
    found = words(pdf)
    grid_top = A3_HEIGHT - max(code.y + code.size for code in drawn)
    foot = next(w for w in found if w.text.startswith("Jobba i Sverige"))
    grid_bottom = max(w.bottom for w in found if w is not foot)
    printable = A3_HEIGHT - 2 * A3_MARGIN
    assert (grid_bottom - grid_top) / printable >= 0.8
    rows: dict[float, list[Code]] = {}
    for code in drawn:
        rows.setdefault(round(code.y), []).append(code)
    first, *_middle, last = [rows[y] for y in sorted(rows, reverse=True)]
    if count == 8:
        assert [len(first), len(last)] == [3, 2]
    for row in (first, last):
        centre = (min(c.x for c in row) + max(c.x + c.size for c in row)) / 2
        assert centre == pytest.approx(A3_WIDTH / 2, abs=0.5)


def test_poster_foot_gives_date_and_version_of_what_it_offers(a3_poster):
    targets = service.poster_targets(None)
    cards = content.live_cards()
    card_type = ContentType.objects.get_for_model(DialogueCard)
    newest = max(
        Edition.objects.served()
        .filter(
            content_type=card_type,
            object_id__in=[c.pk for c in cards],
            language__in=[code for code, _url in targets],
        )
        .values_list("made_at", flat=True)
    )
    line = f"Jobba i Sverige · {timezone.localdate(newest):%Y-%m-%d} · v{poster_version(targets)}"
    assert line in text(a3_poster)
    fewer = service.poster_pdf(None, "A3", codes=["sv", "ar"])
    assert f"v{poster_version(targets)}" not in text(fewer)
    assert f"v{poster_version(service.poster_targets(None, ['sv', 'ar']))}" in text(fewer)


def test_a4_poster_keeps_the_proportions():
    pdf = service.poster_pdf(None, "A4")
    drawn = codes_drawn(pdf)
    assert [code.data for code in drawn] == [[url] for _code, url in service.poster_targets(None)]
    assert min(code.symbol_mm for code in drawn) >= 35 / 2**0.5
    names = [w for w in words(pdf)[1:] if w.bold]
    assert min(w.size for w in names) >= 18 / 2**0.5


def test_every_language_fits_an_a4_poster_with_readable_codes():
    every = list(languages.codes())
    pdf = service.poster_pdf(None, "A4", codes=every)
    drawn = codes_drawn(pdf)
    assert sorted(url for code in drawn for url in code.data) == sorted(
        url for _code, url in service.poster_targets(None, every)
    )
    assert min(code.symbol_mm for code in drawn) >= 20


def test_leaflet_messages_are_in_the_headings_ink():
    card = DialogueCard.objects.get(slug=CARD)
    event = content.event_content(card.life_event, "ar")
    found = words(service.leaflet_pdf([card.life_event], "ar"))
    title = next(w for w in found if w.text == normalise(event.sv_title))
    _target, sv = event.messages[0]
    first_words = " ".join(normalise(sv.body).split()[:3])
    body = next(w for w in found if w.text.startswith(first_words))
    assert title.color == INK and body.color == title.color
    assert "#000000" not in {w.color for w in found}


def test_a_single_card_fills_the_4up_sheet_backs_behind_fronts():
    card = DialogueCard.objects.get(slug=CARD)
    pdf = service.cards_pdf([card], "ar", "card-4up")
    assert info(pdf)["Pages"] == "2"
    assert qr_codes(pdf) == [content.card_content(card, "ar").audio_url] * 4
    backs = _run_text(pdf, page=2)
    assert backs.count(normalise(content.card_content(card, "ar").sv_title)) == 4


def test_two_cards_on_a_4up_sheet_are_printed_once_each():
    cards = content.live_cards()[:2]
    pdf = service.cards_pdf(cards, "ar", "card-4up")
    assert sorted(qr_codes(pdf)) == sorted(content.card_content(c, "ar").audio_url for c in cards)


@pytest.mark.parametrize(
    ("layout", "lang", "name"),
    [("card", "ar", "arabiska"), ("card-4up", "th", "thailändska"), ("leaflet", "ti", "tigrinja")],
)
def test_pdf_title_names_the_language_in_swedish(layout, lang, name):
    title = info(service.piece_pdf(CARD, lang, layout))["Title"]
    assert f"– {name}" in title and f" {lang} " not in f"{title} "
    several = info(service.cards_pdf(content.live_cards()[:3], lang, "card"))["Title"]
    assert several.endswith(f"– {name}")


def test_pack_entries_are_dated_the_day_they_are_built():
    archive = zipfile.ZipFile(io.BytesIO(packs.pack_zip("servicekontor", ["ar"])))
    today = timezone.localdate()
    assert {entry.date_time for entry in archive.infolist()} == {
        (today.year, today.month, today.day, 0, 0, 0)
    }


def _run_text(pdf: bytes, page: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        raw = _run("pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-")
    return normalise(raw)
