"""The language poster, A4 or A3: "Listen in your language", one QR code per language."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm

import languages
from print.documents.base import ACCENT, INK, MUTED, Renderer
from print.pages import Page
from typeset import frames, qr
from typeset.frames import Item

SIZES = {"A4": (A4, 4, 26 * mm), "A3": (A3, 5, 32 * mm)}
SV = languages.SOURCE_LANGUAGE


class PosterRenderer(Renderer):
    """`targets` is a list of (language code, URL) in the order they are shown."""

    def __init__(self, targets, size="A4", title_sv="", finish="office", version=""):
        if size not in SIZES:
            raise ValueError(f"Unknown poster size {size!r}; choose A4 or A3")
        if not targets:
            raise ValueError("A poster needs at least one language")
        super().__init__(SV, title_sv or "Jobba i Sverige", finish)
        self.targets = targets
        self.size = size
        self.title_sv = title_sv
        self.version = version

    def draw(self):
        (width, height), columns, qr_size = SIZES[self.size]
        page = Page(width, height, self.finish)
        canvas = self.canvas
        margin = 14 * mm
        page.begin(canvas)
        canvas.setFillColorRGB(*INK)
        with translation.override(SV):
            heading = _("Listen in your language")
        with translation.override("en"):
            heading_en = _("Listen in your language")
        head = frames.place(
            [
                Item(heading, SV, bold=True, scale=1.0, align="center"),
                Item(heading_en, "en", scale=0.55, align="center"),
                Item(self.title_sv, SV, scale=0.55, space_before=0.3, align="center"),
            ],
            width - 2 * margin,
            30 if self.size == "A3" else 24,
        )
        top = frames.draw(canvas, head, margin, height - margin) - 8 * mm
        cell_w = (width - 2 * margin) / columns
        rows = -(-len(self.targets) // columns)
        cell_h = min((top - margin - 10 * mm) / rows, qr_size + 24 * mm)
        for index, (code, url) in enumerate(self.targets):
            language = languages.get(code)
            column, row = index % columns, index // columns
            x = margin + column * cell_w
            y_top = top - row * cell_h
            qr.draw(canvas, url, x + (cell_w - qr_size) / 2, y_top - qr_size, qr_size)
            with translation.override(code):
                listen = _("Listen in your language")
            canvas.saveState()
            canvas.setFillColorRGB(*ACCENT)
            label = frames.place(
                [
                    Item(language.own_name, code, bold=True, align="center"),
                    Item(listen, code, scale=0.75, align="center"),
                ],
                cell_w - 4 * mm,
                11 if self.size == "A3" else 9.5,
            )
            frames.draw(canvas, label, x + 2 * mm, y_top - qr_size - 1.5 * mm)
            canvas.restoreState()
        canvas.setFillColorRGB(*MUTED)
        line = f"Jobba i Sverige · {self.version}" if self.version else "Jobba i Sverige"
        (version,) = frames.place([Item(line, SV, align="center")], width - 2 * margin, 6)
        frames.draw(canvas, [version], margin, margin)
        page.end(canvas)
