"""Drawing laid-out blocks onto a ReportLab canvas."""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from typeset.layout import Block, Line
from typeset.shaping import ShapedRun


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
    """Draw the block with its top-left corner at (x, top); RTL blocks align right."""
    for index, line in enumerate(block.lines):
        baseline = top - baseline_offset(block, index)
        start = line_x(block, line, x, align)
        for offset, run in line.runs:
            draw_run(canvas, run, start + offset, baseline)


def draw_run(canvas: Canvas, run: ShapedRun, x: float, y: float):
    code = _text_object(canvas, run, x, y)
    if run.rtl or not _reshaped(run):
        canvas._code.append(code)
        return
    # Marks the shaper moved or swapped for glyphs without a code point (Thai tone marks)
    # extract as private-use characters or stray marks: ActualText gives extraction the
    # run's real characters. Right-to-left runs extract well without it (worse with it).
    hex_text = run.text.encode("utf-16-be").hex().upper()
    canvas._code.append(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
    canvas._code.append(code)
    canvas._code.append("EMC")


def _text_object(canvas: Canvas, run: ShapedRun, x: float, y: float) -> str:
    """The run as one BT … ET with one TJ per font subset.

    ReportLab's textOut writes a TJ per cluster (per letter in Latin text): three times the
    operators, and the slowest part of drawing a card. Its placement is kept exactly: before
    each glyph the shaper's x offset, after it the difference between the glyph's own width
    and the shaper's advance. Runs with raised or lowered marks keep ReportLab's way.
    """
    data = run.glyphs.__shapeData__
    if any(d.y_offset for d in data):
        text = canvas.beginText(x, y)
        text.setFont(run.face.name, run.size)
        text.textOut(run.glyphs)
        return text.getCode()
    font, doc, escape = run.face.ttf, canvas._doc, canvas._escape
    size = fp_str(run.size)
    parts = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    index = 0
    for subset, chunk in font.splitString(run.glyphs, doc):
        items: list[str] = []
        adjust, glyphs = 0.0, bytearray()
        for byte in chunk:
            shaped = data[index]
            index += 1
            adjust -= shaped.x_offset
            number = fp_str(adjust) if adjust else "0"
            if number != "0":
                if glyphs:
                    items.append(f"({escape(bytes(glyphs))})")
                    glyphs.clear()
                items.append(number)
            glyphs.append(byte)
            adjust = shaped.width - shaped.x_advance + shaped.x_offset
        if glyphs:
            items.append(f"({escape(bytes(glyphs))})")
        parts.append(f"{font.getSubsetInternalName(subset, doc)} {size} Tf [{' '.join(items)}] TJ")
    parts.append("ET")
    return " ".join(parts)


PRIVATE_USE = (0xE000, 0xF900)


def _reshaped(run: ShapedRun) -> bool:
    if str(run.glyphs) != run.text:
        return True
    return any(d.x_offset or d.y_offset for d in run.glyphs.__shapeData__)
