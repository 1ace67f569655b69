"""Drawing laid-out blocks onto a ReportLab canvas.

What a reader's software extracts is marked in the content stream: each block carries its
language (/Lang), and glyphs that do not stand for their own characters (shaped Arabic,
ligatures, moved marks) carry the characters they stand for (/ActualText).
"""

from __future__ import annotations

import unicodedata
from functools import cached_property

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

import languages
from typeset import embedding
from typeset.layout import Block, Line
from typeset.shaping import ShapedRun


def language_tag(code: str) -> str:
    """The language tag (BCP 47) for a registry code, as PDFs carry it in /Lang.

    Registry codes are not all tags: easy-read Swedish "sv-ls" would read as Swedish from
    Lesotho. The tag is that of the language's locale (sv-ls → sv, fa-af → fa-AF).
    """
    language = languages.get(code)
    return language.babel.replace("_", "-") if language else code


def baseline_offset(block: Block, index: int) -> float:
    """Distance from the top of the block to the baseline of line `index`."""
    return index * block.leading + 0.5 * (block.leading - block.size) + 0.8 * block.size


def line_x(block: Block, line: Line, x: float, align: str | None = None) -> float:
    align = align or ("right" if block.rtl else "left")
    if align == "right":
        return x + block.width - line.width
    if align == "center":
        return x + (block.width - line.width) / 2
    return x


def draw_block(canvas: Canvas, block: Block, x: float, top: float, align: str | None = None):
    """Draw the block with its top-left corner at (x, top); RTL blocks align right.

    The block is a marked-content span with its language, so a bilingual piece says which
    column is which language (the document's /Lang is only the main one).
    """
    if block.lang:
        canvas._code.append(f"/Span <</Lang {_pdf_string(language_tag(block.lang))}>> BDC")
    for index, line in enumerate(block.lines):
        baseline = top - baseline_offset(block, index)
        start = line_x(block, line, x, align)
        for offset, run in line.runs:
            draw_run(canvas, run, start + offset, baseline)
    if block.lang:
        canvas._code.append("EMC")


def draw_run(canvas: Canvas, run: ShapedRun, x: float, y: float):
    if run.rtl:
        # Shaped right-to-left glyphs extract as presentation forms, private-use characters
        # or nothing: each glyph cluster carries its characters instead (`_TextObject`).
        canvas._code.append(_text_object(canvas, run, x, y, per_cluster=True))
        return
    code = _text_object(canvas, run, x, y)
    if not _reshaped(run):
        canvas._code.append(code)
        return
    # Marks the shaper moved or swapped for glyphs without a code point (Thai tone marks)
    # extract as private-use characters or stray marks: ActualText gives extraction the
    # run's real characters. Left to right, the run's text reads in drawing order.
    canvas._code.append(f"/Span <</ActualText {_pdf_text(run.text)}>> BDC")
    canvas._code.append(code)
    canvas._code.append("EMC")


def _text_object(
    canvas: Canvas, run: ShapedRun, x: float, y: float, per_cluster: bool = False
) -> str:
    """The run as one BT … ET, glyphs shown with TJ.

    ReportLab's textOut writes a TJ per cluster (per letter in Latin text): three times the
    operators, and the slowest part of drawing a card. Its placement is kept exactly: before
    each glyph the shaper's x offset, after it the difference between the glyph's own width
    and the shaper's advance; a raised or lowered glyph is shown with a text rise. Glyphs are
    shown by CID in the face's one embedded font (`embedding`).
    """
    writer = _TextObject(canvas, run, x, y)
    if per_cluster:
        writer.clusters()
    else:
        writer.glyphs(range(len(run.glyphs.__shapeData__)))
    return writer.code()


class _TextObject:
    """Writes one run's glyphs as a text object, optionally with ActualText per cluster."""

    def __init__(self, canvas: Canvas, run: ShapedRun, x: float, y: float):
        self.run = run
        self.font = embedding.font(canvas, run.face)
        self.data = run.glyphs.__shapeData__
        # the CID of each glyph (four hex digits), in the order drawn (left to right)
        self.codes = [self.font.code(char) for char in run.glyphs]
        position, size = f"{fp_str(x)} {fp_str(y)}", fp_str(run.size)
        self.parts = [f"BT {position} Td {self.font.name} {size} Tf"]
        self.rise = 0.0
        self.items: list[str] = []
        self.pending: list[str] = []
        self.adjust = 0.0

    def code(self) -> str:
        self._flush()
        self.parts.append("ET")
        return " ".join(self.parts)

    def glyphs(self, indexes):
        for index in indexes:
            shaped = self.data[index]
            self._show(self.codes[index], shaped.x_offset, shaped.y_offset)
            self.adjust = shaped.width - shaped.x_advance + shaped.x_offset

    def clusters(self):
        """Each letter whose glyphs are not its characters becomes a span with ActualText.

        A letter is a shaping cluster with the marks that follow it (a mark drawn left of its
        base starts a word of its own in poppler's extraction). Glyphs are drawn left to
        right, and poppler (pdftotext, Evince) lays a span's ActualText out left to right
        over the span's glyphs before reversing right-to-left text: a span of two or more
        Arabic characters would come out backwards. So a letter of several characters (a
        lam-alef ligature, a letter with its shadda) gives its glyphs its last character and
        each other one, last to first, an invisible zero-width glyph just before them in
        reading order (the face's joiner, drawn in render mode 3).
        """
        run, data = self.run, self.data
        # what each glyph extracts as (its ToUnicode entry): a letter whose glyphs already
        # extract as its characters needs no span
        glyph_text = "".join(map(embedding.extracted, run.glyphs))
        letter_of, letter = {}, 0
        for cluster in sorted({d.cluster for d in data}):
            if not unicodedata.category(run.text[cluster]).startswith("M"):
                letter = cluster
            letter_of[cluster] = letter
        starts = sorted(set(letter_of.values()))
        ends = dict(zip(starts, starts[1:] + [len(run.text)], strict=True))
        index = 0
        while index < len(data):
            letter = letter_of[data[index].cluster]
            end = index + 1
            while end < len(data) and letter_of[data[end].cluster] == letter:
                end += 1
            chars = run.text[letter : ends[letter]]
            if glyph_text[index:end] == chars:
                self.glyphs(range(index, end))
            elif len(chars) == 1 or self._helper is None:
                self._span(chars, range(index, end))
            else:
                self._span(chars[-1], range(index, end))
                for char in reversed(chars[:-1]):
                    self._span(char, None)
            index = end

    def _span(self, chars: str, indexes):
        self._flush()
        self.parts.append(f"/Span <</ActualText {_pdf_text(chars)}>> BDC")
        if indexes is None:  # an invisible glyph for one more character of a ligature
            self.parts.append("3 Tr")
            self._show(self._helper, 0.0, 0.0)
            self._flush()
            self.parts.append("0 Tr")
        else:
            self.glyphs(indexes)
        self._flush()
        self.parts.append("EMC")

    @cached_property
    def _helper(self):
        """The code of the face's zero-width joiner, or None when it has none."""
        if not self.run.face.covers(HELPER) or self.run.face.ttf.face.charWidths.get(ord(HELPER)):
            return None
        return self.font.code(HELPER)

    def _show(self, code: str, x_offset: float, y_offset: float):
        """One glyph, after the pending move (the previous glyph's correction, this x offset)."""
        rise = self.run.size * y_offset / 1000
        if rise != self.rise:
            self._flush()  # ends a rise: back to 0
            if rise != self.rise:
                self.parts.append(f"{fp_str(rise)} Ts")
                self.rise = rise
        self.adjust -= x_offset
        number = fp_str(self.adjust) if self.adjust else "0"
        if number != "0":
            if self.pending:
                self.items.append(f"<{''.join(self.pending)}>")
                self.pending.clear()
            self.items.append(number)
        self.pending.append(code)
        self.adjust = 0.0

    def _flush(self):
        if self.pending:
            self.items.append(f"<{''.join(self.pending)}>")
            self.pending.clear()
        if self.items:
            if len(self.items) == 1:  # one string, no moves: Tj
                self.parts.append(f"{self.items[0]} Tj")
            else:
                self.parts.append(f"[{' '.join(self.items)}] TJ")
            self.items = []
        if self.rise:
            self.parts.append("0 Ts")
            self.rise = 0.0


HELPER = "\u200d"  # zero width in every Noto face that has it, but not empty: never filled


def _pdf_text(text: str) -> str:
    """A PDF text string in UTF-16BE with its byte-order mark, as a hex string."""
    return f"<FEFF{text.encode('utf-16-be').hex().upper()}>"


def _pdf_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def _reshaped(run: ShapedRun) -> bool:
    if str(run.glyphs) != run.text:
        return True
    return any(d.x_offset or d.y_offset for d in run.glyphs.__shapeData__)
