"""QR codes drawn as vectors, with their quiet zone, never smaller than scanning allows."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE_MODULES = 4
MIN_SIZE = 20 * mm  # scans from a phone at arm's length


@lru_cache(maxsize=4096)
def matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of the code; kept per process, since finding the best mask is the slow part
    of a card and the same audio address is printed again and again."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def draw(canvas: Canvas, data: str, x: float, y: float, size: float) -> float:
    """Draw the code with its quiet zone inside the square (x, y, size); returns the module size."""
    if size < MIN_SIZE:
        raise ValueError(
            f"QR code of {size / mm:.1f} mm is below the {MIN_SIZE / mm:.0f} mm minimum"
        )
    square, modules, module = _operators(data, size)
    canvas.saveState()
    canvas.translate(x, y)
    canvas._code.append(f"{_fill(canvas, 1)} {square}\n{_fill(canvas, 0)}\n{modules}")
    canvas.restoreState()
    return module


def _fill(canvas: Canvas, grey: float) -> str:
    """The operator that fills in this grey on this canvas, as the canvas writes it: a canvas
    that converts colours (the print shop's CMYK) makes white 0/0/0/0 and black 0/0/0/100,
    black on the black plate alone."""
    canvas.setFillColorRGB(grey, grey, grey)
    return canvas._code.pop()


@lru_cache(maxsize=4096)
def _operators(data: str, size: float) -> tuple[str, str, float]:
    """The code as PDF path operators at the origin, without colours: the square of its
    quiet zone, then the dark modules merged into horizontal bars per row (fewer operators,
    no hairline gaps). Kept per process: packs and sheets print the same codes again and
    again."""
    rows = matrix(data)
    count = len(rows) + 2 * QUIET_ZONE_MODULES
    module = size / count
    square = f"0 0 {fp_str(size)} {fp_str(size)} re f"
    ops = []
    for r, row in enumerate(rows):
        top = size - (r + QUIET_ZONE_MODULES + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            left = (start + QUIET_ZONE_MODULES) * module
            ops.append(f"{fp_str(left, top, (c - start) * module, module)} re")
    ops.append("f")
    return square, "\n".join(ops), module
