"""The SVG pictograms of dialogue/, drawn as vectors into PDFs (no raster images)."""

from __future__ import annotations

import io
from functools import cache

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from dialogue import pictograms
from typeset import fonts

# The colours the SVG files draw in, in CMYK for the print shop (chosen as the documents'
# inks are: print.documents.base.PRINT_INKS). An SVG in another colour fails to print there.
PRINT_INKS = {
    (0x1D / 255, 0x35 / 255, 0x57 / 255): (0.94, 0.59, 0.0, 0.67),  # #1d3557, the navy ink
    (0xF4 / 255, 0xA2 / 255, 0x61 / 255): (0.0, 0.45, 0.67, 0.0),  # #f4a261
}


@cache
def _drawing(name: str) -> Drawing:
    path = pictograms.file_path(name)
    if path is None:
        raise ValueError(f"No pictogram named {name!r}")
    drawing = svg2rlg(path)
    if drawing is None:
        raise ValueError(f"The pictogram {name!r} could not be read")
    return drawing


def draw(canvas: Canvas, name: str, x: float, y: float, size: float):
    """Draw the pictogram scaled into the square (x, y, size)."""
    drawing = _drawing(name)
    scale = size / max(drawing.width, drawing.height)
    canvas.saveState()  # scale the canvas, not a copy of the drawing: the shared one stays as read
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    # The canvas's colour rule (CMYK only for the print shop) applies to the operators too.
    operators = _operators(name, canvas._enforceColorSpace)
    if operators is None:
        _render(drawing, canvas)
    else:
        canvas._code.append(operators)
    canvas.restoreState()


def _render(drawing: Drawing, canvas: Canvas) -> None:
    # renderPDF starts every drawing on the graphics base font, Helvetica, which is never
    # embedded (a print shop's preflight rejects it): make it ours.
    rl_config.defaultGraphicsFontName = fonts.base().name
    renderPDF.draw(drawing, canvas, 0, 0)


@cache
def _operators(name: str, enforce_colours=None) -> str | None:
    """The pictogram's drawing operators, made once per process and colour rule on a scratch
    canvas.

    Pictograms are lines and fills only; one that needs a font or an image (a resource of the
    document it is drawn in) returns None and is drawn each time instead.
    """
    scratch = Canvas(
        io.BytesIO(), initialFontName=fonts.base().name, enforceColorSpace=enforce_colours
    )
    start = len(scratch._code)
    _render(_drawing(name), scratch)
    operators = "\n".join(scratch._code[start:])
    if any(f" {op}" in operators for op in ("Tf", "Do", "BI", "gs", "sh", "cs", "CS")):
        return None
    return operators
