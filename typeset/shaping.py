"""HarfBuzz shaping of one run (one font, one direction) into glyphs ReportLab draws.

The direction is always given, never guessed: HarfBuzz guessed Persian digits as
right to left and printed "۰۷۷۱۴۱۶" reversed (../shared/PRINT-NOTES.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from typeset.fonts import Face

FEATURES = {"kern": True, "liga": True}
UNITS_SIZE = 10  # HarfBuzz's point size for the font; only 'trak' tables would read it
ZERO = 0.0


@dataclass(frozen=True)
class ShapedRun:
    text: str  # the logical text, for ActualText and tests
    glyphs: ShapedStr  # what ReportLab draws, in visual order
    face: Face
    size: float
    width: float  # points
    rtl: bool

    @property
    def glyph_ids(self) -> tuple[int, ...]:
        """The font's glyph ids, in visual order (ReportLab draws them as code points)."""
        char_to_glyph = self.face.ttf.face.charToGlyph
        return tuple(char_to_glyph[ord(ch)] for ch in str(self.glyphs))


# The caches of drawn runs are bounded by what one pack reuses (each language's cards, leaflet
# and their Swedish backs: ~6,500 runs, ~2,900 distinct, most reused within the language), not by
# everything a worker ever drew: their glyphs were the most of a worker's growth
# (docs/performance.md, issue [X] item 5). A repeated pack is answered by the print cache.
@lru_cache(maxsize=2048)
def shape(text: str, face: Face, size: float, rtl: bool, language: str = "") -> ShapedRun:
    glyphs, advance = shape_units(text, face, rtl, language)
    return ShapedRun(text, glyphs, face, size, advance * size / 1000, rtl)


# Unhinted shaping scales linearly with the size (the Noto faces have no size-dependent
# tables), so a run is shaped once in thousandths of an em and reused at every size that
# fitting tries.
@lru_cache(maxsize=2048)
def shape_units(text: str, face: Face, rtl: bool, language: str = "") -> tuple[ShapedStr, float]:
    """The glyphs of a run and its advance in thousandths of an em."""
    return _shaped_units(text, face, rtl, language)


def advance_units(text: str, face: Face, rtl: bool, language: str = "") -> float:
    """The advance alone, in thousandths of an em, for measuring: its glyphs are not kept.
    Line breaking measures every word and, where a kern across words needs it, every candidate
    line, most of them never drawn; keeping their glyphs was some 20 MB of a worker building
    the largest pack (docs/performance.md). The caller keeps the width."""
    return _shaped_units(text, face, rtl, language)[1]


def _shaped_units(text: str, face: Face, rtl: bool, language: str) -> tuple[ShapedStr, float]:
    ttf = face.ttf
    hb_font = ttf.hbFont(UNITS_SIZE)  # also sets ttf.hbAddPrivate for glyphs without a code point
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    # A joiner (ZWNJ, ZWJ) joins or parts the letters around it and comes back as the face's
    # space with no advance: nothing to see, never the face's own joiner glyph (Noto Sans
    # Arabic draws a visible mark there). draw.py gives it back its character for extraction.
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    if language:
        buffer.language = language
    uharfbuzz.shape(hb_font, buffer, FEATURES)

    chars, data, advance = [], [], 0.0
    char_widths = ttf.face.charWidths
    scale = ttf.pdfScale

    def scaled(value: int) -> float:
        # Most offsets are 0: one float object for them all rather than one per glyph
        # (the drawn glyphs are kept: ~2 MB of a worker building the largest pack).
        return scale(value) if value else ZERO

    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        x_advance = scaled(position.x_advance)
        try:
            code_point = ttf.face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            code_point = ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, x_advance)
        chars.append(chr(code_point))
        data.append(
            ShapeData(
                info.cluster,
                x_advance,
                scaled(position.y_advance),
                scaled(position.x_offset),
                scaled(position.y_offset),
                char_widths.get(code_point, x_advance),
            )
        )
        advance += x_advance
    return ShapedStr("".join(chars), shapeData=data), advance
