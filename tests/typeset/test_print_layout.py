"""The text-layout layer: right-to-left order, line breaking, fonts per run, nothing lost."""

import unicodedata

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.pdf_tools import normalise, word_boxes
from typeset import fonts, layout
from typeset.draw import draw_block


def drawn_text(block) -> str:
    """Every run's logical text, in drawing order per line."""
    return "".join(run.text for line in block.lines for _x, run in line.runs)


def letters(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in layout.NOT_DRAWN)


def test_arabic_words_are_laid_out_right_to_left():
    words = ["التسجيل", "في", "مكتب", "العمل"]
    block = layout.layout(" ".join(words), "ar", 12, 400)
    (line,) = block.lines
    (run,) = line.runs
    assert run[1].rtl
    # Glyph clusters in visual order (left to right) must come from decreasing logical offsets.
    clusters = [data.cluster for data in run[1].glyphs.__shapeData__]
    assert clusters == sorted(clusters, reverse=True)


def test_latin_word_and_phone_number_inside_arabic_keep_their_places():
    text = "اتصلي بـ Arbetsförmedlingen على 0771-416 416 اليوم"
    block = layout.layout(text, "ar", 12, 600)
    (line,) = block.lines
    order = [(x, run.text.strip()) for x, run in line.runs if run.text.strip()]
    texts = [t for _x, t in sorted(order)]  # left to right on the page
    assert texts.index("0771-416 416") < texts.index("Arbetsförmedlingen")
    assert "0771-416 416" in texts  # one run, digits in their own order
    number = next(run for _x, run in line.runs if run.text.strip() == "0771-416 416")
    assert not number.rtl


def test_rtl_word_order_in_the_pdf_matches_the_logical_order(tmp_path):
    """Compare glyph positions in the finished PDF with the logical order of the words."""
    words = ["التسجيل", "في", "مكتب", "العمل", "اليوم"]
    canvas = Canvas(str(tmp_path / "ar.pdf"), initialFontName=fonts.base().name)
    block = layout.layout(" ".join(words), "ar", 14, 500)
    draw_block(canvas, block, 50, 700)
    canvas.save()
    boxes = word_boxes((tmp_path / "ar.pdf").read_bytes())
    # pdftotext -bbox gives each word's glyphs left to right, i.e. an RTL word reversed.
    x_of = {word[::-1]: x for word, x in boxes}
    positions = [x_of[normalise(word)] for word in words]
    assert positions == sorted(positions, reverse=True)  # first word rightmost


def test_numbers_are_never_split_across_lines():
    text = "Ring Arbetsförmedlingen på telefon 0771-416 416"
    number = layout.layout("0771-416 416", "sv", 10, 1000).lines[0].width
    for width in range(int(number) + 1, 260, 7):
        block = layout.layout(text, "sv", 10, width)
        line_texts = ["".join(r.text for _x, r in line.runs) for line in block.lines]
        assert any("0771-416 416" in t for t in line_texts), (width, line_texts)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("sv", "Skriv <namn> här & AT&T R&D <i>test</i> slut 112"),
        ("ar", "هاتف Försäkringskassan: 0771-524 524"),
        ("ti", "ኣብ Arbetsförmedlingen ተመዝገቡ። 0771-416 416"),
        ("th", "ผู้ปกครองทั้งสองคนสามารถรับเงินช่วยเหลือช่วงลาเลี้ยงดูบุตรได้ 0771-524 524"),
        ("fa", "با شماره\u200cی ۰۷۷۱۴۱۶ تماس بگیرید"),
        ("sv", "\u202eomvänd\u202c text med \u200b nollbredd och emoji 🙂"),
        ("sv", "x" * 200),
        ("sv", ("Ett långt stycke. " * 600).strip()),
    ],
)
def test_nothing_is_lost_or_crashes(code, text):
    block = layout.layout(text, code, 10, 200)
    assert sorted(letters(drawn_text(block))) == sorted(letters(layout.clean(text)))
    assert all(line.width <= 200 + 0.01 for line in block.lines)


def test_thai_breaks_between_words_not_inside_them():
    text = "ผู้ปกครองทั้งสองคนสามารถรับเงินช่วยเหลือได้"
    block = layout.layout(text, "th", 12, 90)
    assert len(block.lines) > 1
    first = "".join(run.text for _x, run in block.lines[0].runs)
    # A dictionary break: the first line ends where a Thai word ends.
    assert text.startswith(first)
    assert first in {"ผู้ปกครอง", "ผู้ปกครองทั้ง", "ผู้ปกครองทั้งสอง", "ผู้ปกครองทั้งสองคน"}


def test_each_run_uses_a_font_that_has_its_characters():
    block = layout.layout("ቁጽሪ 0771-416 416 (personnummer)።", "ti", 10, 500)
    for line in block.lines:
        for _x, run in line.runs:
            for ch in run.text:
                if not ch.isspace():
                    assert run.face.covers(ch), (ch, run.face.name)
    names = {run.face.name for line in block.lines for _x, run in line.runs}
    assert names == {fonts.face("Ethi").name, fonts.base().name}


def test_uncovered_characters_are_named():
    assert fonts.uncovered("Hej 🙂 ☃", "sv") == ["🙂", "☃"]
    assert fonts.uncovered("ቁጽሪ 0771 (Arbetsförmedlingen)።", "ti") == []
    assert fonts.uncovered("پښتو ې ۍ", "ps") == []
    assert fonts.uncovered("کوردی ێ ڵ ڕ", "ckb") == []


def test_clean_drops_direction_overrides_and_control_characters():
    assert layout.clean("a\u202eb\u202cc\x00d\te") == "abcd e"
    assert unicodedata.category(layout.LRI) == "Cf"
