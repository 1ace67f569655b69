"""Print fonts embedded once per face and document, no larger than WeasyPrint embeds them."""

import io
import re
import zlib
from io import StringIO

import pytest
from django.core.management import call_command
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from reportlab.pdfgen.canvas import Canvas

from print import content
from tests.pdf_tools import _run, content_streams, logical_text, text
from typeset import embedding, fonts, layout
from typeset.draw import draw_block

CARD = "valkommen-till-sverige"  # the bench's card: three messages, both sides full
HINTING = {"fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"}


def render_card(tmp_path, lang: str) -> bytes:
    out = tmp_path / f"card-{lang}.pdf"
    call_command("render_card", CARD, "--lang", lang, "--out", str(out), stdout=StringIO())
    return out.read_bytes()


def pdf_of(text_: str, lang: str) -> bytes:
    canvas = Canvas(io.BytesIO(), initialFontName=fonts.base().name)
    draw_block(canvas, layout.layout(text_, lang, 12, 450), 50, 780)
    return canvas.getpdfdata()


def programs(pdf: bytes) -> list[TTFont]:
    """Every embedded TrueType program, checksums verified."""
    found = []
    for match in re.finditer(rb"/Length (\d+) /Length1 (\d+)", pdf):
        start = pdf.index(b"stream", match.end()) + len(b"stream\n")
        data = zlib.decompress(pdf[start : start + int(match.group(1))])
        assert len(data) == int(match.group(2))
        found.append(TTFont(io.BytesIO(data), checkChecksums=2))
    return found


def font_rows(pdf: bytes) -> list[tuple[str, str, str]]:
    """pdffonts: (name without the subset tag, type, embedded)."""
    rows = []
    for line in _run("pdffonts", "{pdf}", data=pdf).splitlines()[2:]:
        parts = line.split()
        rows.append((parts[0].partition("+")[2], " ".join(parts[1:-6]), parts[-5]))
    return rows


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
def test_the_arabic_card_is_no_larger_than_weasyprints_for_the_same_content(tmp_path):
    """What the bench reports as card_pdf_bytes: WeasyPrint draws the same content from HTML
    with the same Noto files (bench/weasy.py), and our file may not be the larger one."""
    pytest.importorskip("weasyprint")
    from bench import weasy

    ours = render_card(tmp_path, "ar")
    (card,) = content.live_cards([CARD])
    card_content = content.card_content(card, "ar")
    sizes = {(card_content.code, "ar"): weasy.fitted_sizes(card_content)}
    theirs = weasy.render(weasy.cards_html([card_content], sizes))
    assert len(ours) <= len(theirs)


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_each_face_is_one_embedded_cid_font(tmp_path, lang):
    pdf = render_card(tmp_path, lang)
    rows = font_rows(pdf)
    names = [name for name, _type, _embedded in rows]
    assert len(names) == len(set(names)) >= 3  # NotoSans regular and bold, the script's face
    assert {(kind, embedded) for _name, kind, embedded in rows} == {("CID TrueType", "yes")}
    assert len(programs(pdf)) == len(rows)


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
def test_embedded_programs_carry_outlines_and_names_but_no_licence_text(tmp_path):
    """The OFL asks for no licence text with a font embedded in a document; the names that
    say which font it is stay. Every glyph draws (composite glyphs find their parts)."""
    for program in programs(render_card(tmp_path, "ar")):
        names = {record.nameID: record.toUnicode() for record in program["name"].names}
        assert set(names) <= set(embedding.NAME_IDS)
        assert names[1].startswith("Noto Sans") and names[6].startswith("NotoSans")
        assert not any("licen" in value.lower() for value in names.values())
        assert not HINTING & set(program.keys())
        glyphs = program.getGlyphSet()
        for name in program.getGlyphOrder():
            glyphs[name].draw(BoundsPen(glyphs))  # a composite's parts are looked up: KeyError


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
def test_the_bench_says_where_a_cards_bytes_go(tmp_path):
    from bench import pdf_parts

    pdf = render_card(tmp_path, "ar")
    parts = pdf_parts.parts(pdf)
    assert sum(parts.values()) == len(pdf)
    assert parts["fonts"] > parts["content"] > parts["to_unicode"] > 0
    assert parts["object_streams"] == parts["other_streams"] == 0


def test_a_face_carries_only_the_glyphs_drawn():
    """ReportLab put all 96 ASCII glyphs into every NotoSans subset; here "Hej" is three
    glyphs and .notdef, each extracting as its letter."""
    pdf = pdf_of("Hej", "sv")
    (program,) = programs(pdf)
    assert program["maxp"].numGlyphs == 4
    assert text(pdf) == "Hej"


def test_shaped_arabic_extracts_as_letters_without_a_span_per_letter():
    """Joining forms map to their letters in ToUnicode, so a plain word needs no ActualText;
    a lam-alef ligature still has its span."""
    plain = pdf_of("مرحبا بكم", "ar")
    assert "مرحبا بكم" in logical_text(plain)
    assert b"ActualText" not in content_streams(plain)
    ligature = pdf_of("السلام", "ar")
    assert "السلام" in logical_text(ligature)
    assert b"ActualText" in content_streams(ligature)
