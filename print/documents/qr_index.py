"""The QR index sheet of an offline kit: one life event in one language, A4, a row per card
with its QR code beside its title in her language (and the Swedish title under it, for the
fieldworker). Pinned on a wall or laid on a table, it lets each woman scan the card she wants.

In a right-to-left language the codes stand on the right, where her reading starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

import languages
from print.documents.base import ACCENT, INK, MUTED, Renderer
from print.pages import Page
from typeset import frames, qr
from typeset.frames import Item

SV = languages.SOURCE_LANGUAGE
MARGIN = 15 * mm
QR_SIZE = 32 * mm  # well above qr.MIN_SIZE: scanned from a table at arm's length
ROW_GAP = 5 * mm
TEXT_GAP = 6 * mm
TITLE = 20  # pt: the life event
CARD_TITLE = 14  # pt: each card
SMALL = 9  # pt: the Swedish title, the foot


@dataclass(frozen=True)
class IndexEntry:
    title: str  # in her language
    sv_title: str
    url: str  # the card's QR page in her language, with its version


class QrIndexRenderer(Renderer):
    kind = pgettext_lazy("staff side", "QR index")

    def __init__(
        self,
        lang: str,
        event_title: str,
        sv_event_title: str,
        entries: list[IndexEntry],
        published: date,
        version: str,
    ):
        if not entries:
            raise ValueError("A QR index needs at least one card")
        super().__init__(lang, f"{sv_event_title} – {languages.get(lang).swedish_name}")
        self.event_title = event_title
        self.sv_event_title = sv_event_title
        self.entries = entries
        self.published = published
        self.version = version
        self.rtl = languages.get(lang).is_rtl
        self.width, self.height = A4

    def draw(self):
        text_width = self.width - 2 * MARGIN - QR_SIZE - TEXT_GAP
        pending = list(self.entries)
        while pending:
            page = Page(self.width, self.height, self.finish)
            page.begin(self.canvas)
            top = self._draw_head()
            bottom = MARGIN + 2 * SMALL
            while pending and top - QR_SIZE >= bottom:
                self._draw_row(pending.pop(0), top, text_width)
                top -= QR_SIZE + ROW_GAP
            self._draw_foot()
            page.end(self.canvas)

    def _draw_head(self) -> float:
        """The event's title in her language, the Swedish one, what the codes are for."""
        width = self.width - 2 * MARGIN
        align = "right" if self.rtl else None
        items = [Item(self.event_title, self.lang, bold=True, align=align)]
        if self.lang != SV:
            items.append(Item(self.sv_event_title, SV, scale=0.55, space_before=0.2, align=align))
        items.append(
            Item(
                _("Scan the code to listen in your language."),
                self.lang,
                scale=0.6,
                space_before=0.4,
                align=align,
            )
        )
        placed = frames.place(items, width, TITLE)
        self.canvas.saveState()
        self.canvas.setFillColorRGB(*INK)
        frames.draw(self.canvas, placed, MARGIN, self.height - MARGIN)
        self.canvas.restoreState()
        return self.height - MARGIN - frames.height(placed) - 8 * mm

    def _draw_row(self, entry: IndexEntry, top: float, text_width: float):
        qr_x = self.width - MARGIN - QR_SIZE if self.rtl else MARGIN
        text_x = MARGIN if self.rtl else MARGIN + QR_SIZE + TEXT_GAP
        qr.draw(self.canvas, entry.url, qr_x, top - QR_SIZE, QR_SIZE)
        align = "right" if self.rtl else None
        height = self.text(
            entry.title, self.lang, CARD_TITLE, text_x, top - 4 * mm, text_width, True, align
        )
        if self.lang != SV:
            sv_top = top - 6 * mm - height
            self.text(entry.sv_title, SV, SMALL, text_x, sv_top, text_width, False, align, MUTED)
        self.canvas.saveState()
        self.canvas.setStrokeColorRGB(*ACCENT)
        self.canvas.setLineWidth(0.5)
        line_y = top - QR_SIZE - ROW_GAP / 2
        self.canvas.line(MARGIN, line_y, self.width - MARGIN, line_y)
        self.canvas.restoreState()

    def _draw_foot(self):
        line = self.version_line(self.published, self.version)
        self.text(line, SV, SMALL, MARGIN, MARGIN + SMALL, self.width - 2 * MARGIN, color=MUTED)
