"""Drawing laid-out blocks onto a ReportLab canvas."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from print.layout import Block, Line
from print.shaping import ShapedRun


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
    text = canvas.beginText(x, y)
    text.setFont(run.face.name, run.size)
    text.textOut(run.glyphs)
    if run.rtl or not _reshaped(run):
        canvas.drawText(text)
        return
    # Marks the shaper moved or swapped for glyphs without a code point (Thai tone marks)
    # extract as private-use characters or stray marks: ActualText gives extraction the
    # run's real characters. Right-to-left runs extract well without it (worse with it).
    hex_text = run.text.encode("utf-16-be").hex().upper()
    canvas._code.append(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
    canvas.drawText(text)
    canvas._code.append("EMC")


PRIVATE_USE = (0xE000, 0xF900)


def _reshaped(run: ShapedRun) -> bool:
    if str(run.glyphs) != run.text:
        return True
    return any(d.x_offset or d.y_offset for d in run.glyphs.__shapeData__)
