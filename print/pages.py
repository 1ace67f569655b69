"""Page geometry for the two finishes: office (trim size) and print shop (bleed, crop marks)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from print.pdfx import REGISTRATION

BLEED = 3 * mm
MARK_AREA = 10 * mm  # room outside the bleed for crop marks
MARK_LENGTH = 6 * mm
MARK_OFFSET = 1 * mm + BLEED  # marks start beyond the bleed

FINISHES = ("office", "print-shop")


@dataclass(frozen=True)
class Page:
    """Where the trimmed piece sits on the sheet. Layouts draw in trim coordinates via `origin`."""

    trim_width: float
    trim_height: float
    finish: str = "office"

    @property
    def margin(self) -> float:
        return BLEED + MARK_AREA if self.finish == "print-shop" else 0.0

    @property
    def bleed(self) -> float:
        return BLEED if self.finish == "print-shop" else 0.0

    @property
    def size(self) -> tuple[float, float]:
        return (self.trim_width + 2 * self.margin, self.trim_height + 2 * self.margin)

    def begin(self, canvas: Canvas):
        """Set the page size and PDF boxes for the next page; origin moves to the trim corner."""
        canvas.setPageSize(self.size)
        m = self.margin
        if self.finish == "print-shop":
            b = BLEED
            canvas.setTrimBox((m, m, m + self.trim_width, m + self.trim_height))
            canvas.setBleedBox((m - b, m - b, m + self.trim_width + b, m + self.trim_height + b))
        canvas.saveState()
        canvas.translate(m, m)

    def end(self, canvas: Canvas):
        canvas.restoreState()
        if self.finish == "print-shop":
            self._crop_marks(canvas)
        canvas.showPage()

    def _crop_marks(self, canvas: Canvas):
        m, w, h = self.margin, self.trim_width, self.trim_height
        canvas.saveState()
        canvas.setLineWidth(0.25)
        canvas.setStrokeColor(REGISTRATION)  # shows on every plate
        for x in (m, m + w):
            canvas.line(x, m - MARK_OFFSET, x, m - MARK_OFFSET - MARK_LENGTH)
            canvas.line(x, m + h + MARK_OFFSET, x, m + h + MARK_OFFSET + MARK_LENGTH)
        for y in (m, m + h):
            canvas.line(m - MARK_OFFSET, y, m - MARK_OFFSET - MARK_LENGTH, y)
            canvas.line(m + w + MARK_OFFSET, y, m + w + MARK_OFFSET + MARK_LENGTH, y)
        canvas.restoreState()


def check_finish(finish: str) -> str:
    if finish not in FINISHES:
        raise ValueError(
            _("Unknown finish %(finish)s; choose one of %(choices)s")
            % {"finish": finish, "choices": ", ".join(FINISHES)}
        )
    return finish
