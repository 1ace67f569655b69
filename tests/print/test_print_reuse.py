"""What print makes once and reuses ([B]): unhinted fonts, word widths, the pack index.

None of this may change what is printed; these tests hold the reuse to that.
"""

import io
import logging
import re
import struct
import zlib

import pytest
from fontTools.ttLib import TTFont

import languages
from dialogue.models import DialogueCard, JointMessage
from print import content, packs
from print.documents.card import CardRenderer
from typeset import font_files, fonts, layout

HINTING = {"fpgm", "prep", "cvt "}


def test_fonts_lose_their_hinting_and_keep_outlines_metrics_and_shaping(tmp_path):
    source = fonts.find("NotoSansArabic-Regular.ttf")
    path = tmp_path / "stripped.ttf"
    path.write_bytes(font_files.strip(source.read_bytes()))
    before, after = TTFont(source), TTFont(path)
    assert HINTING & set(before.keys()), "the Debian face should come with hinting"
    assert not HINTING & set(after.keys())
    assert after.getGlyphOrder() == before.getGlyphOrder()
    assert after["hmtx"].metrics == before["hmtx"].metrics
    assert after.getBestCmap() == before.getBestCmap()
    assert {"GSUB", "GPOS"} <= set(after.keys())
    for name in ("uni0628", "uni0645"):  # ب م: the outline kept, the instructions gone
        glyph, old = after["glyf"][name], before["glyf"][name]
        assert glyph.getCoordinates(after["glyf"])[0] == old.getCoordinates(before["glyf"])[0]
        assert old.program.getBytecode() and not glyph.program.getBytecode()
    assert len(path.read_bytes()) < len(source.read_bytes())


def test_an_unhinted_font_is_made_once_and_kept_on_disk(settings, tmp_path, monkeypatch):
    settings.PRINT_FONT_CACHE_DIR = tmp_path / "fonts"
    made = []
    original = font_files.strip
    monkeypatch.setattr(font_files, "strip", lambda data: made.append(1) or original(data))
    source = fonts.find("NotoSansThai-Regular.ttf")
    first = font_files.unhinted(source)
    assert font_files.unhinted(source) == first
    assert len(made) == 1
    (kept,) = (tmp_path / "fonts").iterdir()
    assert kept.read_bytes() == first


def test_a_font_cache_that_cannot_be_written_only_costs_time(settings, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    settings.PRINT_FONT_CACHE_DIR = blocker / "fonts"
    with caplog.at_level(logging.WARNING, logger="typeset.font_files"):
        data = font_files.unhinted(fonts.find("NotoSansThai-Regular.ttf"))
    assert not HINTING & set(TTFont(io.BytesIO(data)).keys())
    assert "Could not keep the unhinted font" in caplog.text


def _embedded_tables(pdf: bytes) -> list[set[str]]:
    """The table tags of every TrueType font program in the PDF."""
    found = []
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", pdf):
        raw = pdf[match.end() : match.end() + int(match.group(1))]
        try:
            data = zlib.decompress(raw)
        except zlib.error:
            continue
        if data[:4] != b"\x00\x01\x00\x00":
            continue
        (count,) = struct.unpack(">H", data[4:6])
        found.append({data[12 + 16 * i : 16 + 16 * i].decode("latin-1") for i in range(count)})
    return found


@pytest.mark.django_db
def test_embedded_font_subsets_carry_no_hinting():
    (card,) = content.live_cards(["valkommen-till-sverige"])
    pdf = CardRenderer.for_contents([content.card_content(card, "ar")], "office").render()
    tables = _embedded_tables(pdf)
    assert len(tables) >= 3  # Noto Sans regular and bold, Noto Sans Arabic
    assert all("glyf" in tags and not HINTING & tags for tags in tables)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["sv", "ar", "ti", "so", "fa", "th"])
def test_filling_by_word_widths_breaks_lines_where_measuring_whole_lines_does(code):
    """Lines are filled by adding up each word's width (fast); measuring every candidate
    line whole (the old way) must give the same breaks on the real texts."""
    rtl = languages.get(code).is_rtl
    compared = 0
    for message in JointMessage.objects.filter(live=True):
        for paragraph in layout.clean(message.text("body", code)).split("\n"):
            if not paragraph.strip():
                continue
            if rtl:
                paragraph = layout.isolate_numbers(paragraph)
            for width in (80, 150, 260):
                segments = list(layout._segments(paragraph, code, 10, width, False, rtl))
                args = (paragraph, segments, code, 10, width, False, rtl)
                assert layout._fill(*args) == layout._fill_exact(*args), paragraph
                compared += 1
    assert compared > 10


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
def test_a_repeated_pack_is_one_cache_read(django_assert_num_queries):
    first = packs.pack_zip("oppna-forskolan", ["so", "ar"])
    with django_assert_num_queries(0):
        assert packs.pack_zip("oppna-forskolan", ["so", "ar"]) == first


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_media")
def test_a_pack_after_a_content_change_is_built_anew():
    first = packs.pack_zip("oppna-forskolan", ["so"])
    card = DialogueCard.objects.get(
        pk=packs.audience_cards(packs.service.audience("oppna-forskolan"))[0].pk
    )
    card.pictogram = "support" if card.pictogram != "support" else "home"
    card.save()
    second = packs.pack_zip("oppna-forskolan", ["so"])
    assert second != first
    (fresh,) = content.live_cards([card.slug])
    assert content.card_content(fresh, "so").pictogram == card.pictogram
