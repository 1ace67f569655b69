"""The SVG pictograms of dialogue/, drawn as vectors into PDFs."""

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
    operators = _operators(name)
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
def _operators(name: str) -> str | None:
    """The pictogram's drawing operators, made once per process on a scratch canvas.

    Pictograms are lines and fills only; one that needs a font or an image (a resource of the
    document it is drawn in) returns None and is drawn each time instead.
    """
    scratch = Canvas(io.BytesIO(), initialFontName=fonts.base().name)
    start = len(scratch._code)
    _render(_drawing(name), scratch)
    operators = "\n".join(scratch._code[start:])
    if any(f" {op}" in operators for op in ("Tf", "Do", "BI", "gs", "sh")):
        return None
    return operators
