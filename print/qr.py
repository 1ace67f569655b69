"""QR codes drawn as vectors, with their quiet zone, never smaller than scanning allows."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
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
    """Draw the code with its quiet zone inside the square (x, y, size); returns the module size.

    Dark modules are merged into horizontal bars per row: fewer PDF objects, no hairline gaps.
    """
    if size < MIN_SIZE:
        raise ValueError(
            f"QR code of {size / mm:.1f} mm is below the {MIN_SIZE / mm:.0f} mm minimum"
        )
    rows = matrix(data)
    count = len(rows) + 2 * QUIET_ZONE_MODULES
    module = size / count
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + QUIET_ZONE_MODULES + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + (start + QUIET_ZONE_MODULES) * module, top, (c - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return module
