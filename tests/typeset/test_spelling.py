"""Spelling survives layout and extraction: joiners, soft hyphens, Arabic-script text."""

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.pdf_tools import content_streams, logical_text, word_boxes
from typeset import fonts, layout
from typeset.draw import draw_block, language_tag

ZWNJ, SHY = "\u200c", "\u00ad"


def runs(text, lang, width=1000, size=12):
    return [run for line in layout.layout(text, lang, size, width).lines for _x, run in line.runs]


def line_texts(block) -> list[str]:
    return ["".join(run.text for _x, run in line.runs) for line in block.lines]


def pdf_of(*paragraphs, width=450) -> bytes:
    """The paragraphs ((text, lang) each) drawn one below the other on a page."""
    canvas = Canvas(io.BytesIO(), initialFontName=fonts.base().name)
    top = 780
    for text, lang in paragraphs:
        block = layout.layout(text, lang, 12, width)
        draw_block(canvas, block, 50, top)
        top -= block.height + 12
    return canvas.getpdfdata()


def presentation_forms_or_private_use(text: str) -> list[str]:
    return [
        ch
        for ch in text
        if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF or 0xE000 <= ord(ch) < 0xF900
    ]


# --- zero-width non-joiner and joiner ---------------------------------------------------


def test_zwnj_reaches_the_shaper_and_changes_the_glyphs():
    (with_zwnj,) = runs("نامه\u200cای", "fa")
    (without,) = runs("نامهای", "fa")
    assert with_zwnj.text == "نامه\u200cای"
    # The heh takes its final form and the alef stands alone: other glyphs, another word.
    assert with_zwnj.glyph_ids != without.glyph_ids
    assert 0 not in with_zwnj.glyph_ids  # no .notdef box


@pytest.mark.parametrize(
    ("text", "lang"),
    [("نامه\u200cای", "fa"), ("می\u200dتوانند", "fa"), ("ቁ\u200cጽ", "ti"), ("a\u200db", "sv")],
)
def test_joiners_draw_nothing(text, lang):
    """The joiner's glyph is an empty space of no width, in faces with and without one."""
    (run,) = runs(text, lang)
    assert 0 not in run.glyph_ids
    position = next(i for i, ch in enumerate(text) if ch in layout.JOINERS)
    joiner_glyphs = [
        (ch, data)
        for ch, data in zip(str(run.glyphs), run.glyphs.__shapeData__, strict=True)
        if data.cluster == position
    ]
    assert all(ch == " " and data.x_advance == 0 for ch, data in joiner_glyphs)


def test_joiners_are_not_reported_as_missing_glyphs():
    assert fonts.uncovered("نامه\u200cای می\u200cتوانند", "fa") == []
    assert fonts.uncovered("ቁ\u200cጽ\u200d", "ti") == []  # the Ethiopic face has neither


def test_a_joiner_opening_a_text_stays_with_the_first_run():
    assert [run.text for run in runs("\u200cکار", "fa")] == ["\u200cکار"]


# --- soft hyphen ---------------------------------------------------------------------


def test_a_line_broken_at_a_soft_hyphen_ends_in_a_hyphen():
    text = f"Ring Arbets{SHY}förmedlingen i dag"
    whole = layout.layout("Ring Arbetsförmedlingen", "sv", 10, 1000).lines[0].width
    block = layout.layout(text, "sv", 10, whole - 5)  # too narrow for the whole word
    lines = line_texts(block)
    assert lines[0] == "Ring Arbets-"
    assert lines[1].startswith("förmedlingen")
    assert all(line.width <= whole - 5 + 0.01 for line in block.lines)
    # The hyphen is measured: the narrowest box for "Ring Arbets-" holds it.
    hyphenated = block.lines[0].width
    assert hyphenated > layout.layout("Ring Arbets", "sv", 10, 1000).lines[0].width


def test_soft_hyphens_elsewhere_draw_nothing():
    text = f"Ring Arbets{SHY}förmedlingen i dag{SHY}"
    block = layout.layout(text, "sv", 10, 1000)
    assert line_texts(block) == ["Ring Arbetsförmedlingen i dag"]
    # A paragraph's own end is no break: no hyphen there, however narrow the box.
    narrow = layout.layout(text, "sv", 10, 60)
    assert not line_texts(narrow)[-1].endswith("-")


def test_soft_hyphen_in_a_narrow_frame_prints_a_hyphen():
    text = f"Ring Arbets{SHY}förmedlingen"
    whole = layout.layout("Ring Arbetsförmedlingen", "sv", 12, 1000).lines[0].width
    narrow = pdf_of((text, "sv"), width=whole - 5)
    wide = pdf_of((text, "sv"))
    assert [word for word, _x in word_boxes(narrow)] == ["Ring", "Arbets-", "förmedlingen"]
    assert [word for word, _x in word_boxes(wide)] == ["Ring", "Arbetsförmedlingen"]
    # pdftotext joins a word hyphenated at a line end: search finds the word either way.
    assert logical_text(narrow) == logical_text(wide) == "Ring Arbetsförmedlingen"


# --- Arabic-script text extracts as it is stored ------------------------------------------

ARABIC_SCRIPT = [
    ("هر دو والد می\u200cتوانند کمک\u200cهزینه بگیرند", "fa"),
    ("سجّلي في مكتب العمل مبكراً حتى للأطفال لا على", "ar"),
    ("ثبت\u200cنام کنید هیچ هزینه\u200cای ندارد", "fa-af"),
    ("پښتو ژبه ې ۍ ښځې", "ps"),
    ("کوردی ێ ڵ ڕ ئێمە", "ckb"),
]


@pytest.mark.parametrize(("text", "lang"), ARABIC_SCRIPT)
def test_arabic_script_extracts_as_stored(text, lang):
    """Ligatures (lam-alef), marks (shadda, tanwin), joiners and letters without
    presentation forms (Pashto, Sorani) all come back as the stored characters."""
    extracted = logical_text(pdf_of((text, lang)))
    assert extracted == text
    assert presentation_forms_or_private_use(extracted) == []


def test_arabic_lines_extract_in_reading_order():
    text = " ".join([text for text, lang in ARABIC_SCRIPT if lang == "fa"] * 3)
    block = layout.layout(text, "fa", 12, 200)
    assert len(block.lines) > 2
    extracted = logical_text(pdf_of((text, "fa"), width=200))
    assert extracted.split() == text.split()


# --- language marks ------------------------------------------------------------------


def test_each_block_is_marked_with_its_language():
    streams = content_streams(pdf_of(("نامه\u200cای", "fa"), ("Hej", "sv"), ("Lätt", "sv-ls")))
    assert streams.count(b"/Span <</Lang (fa)>> BDC") == 1
    assert streams.count(b"/Span <</Lang (sv)>> BDC") == 2
    assert b"sv-ls" not in streams


def test_language_tags_are_valid_tags():
    assert language_tag("sv-ls") == "sv"  # "ls" would be Lesotho
    assert language_tag("fa-af") == "fa-AF"
    assert [language_tag(code) for code in ("sv", "ar", "fa", "ps", "ckb")] == [
        "sv",
        "ar",
        "fa",
        "ps",
        "ckb",
    ]
