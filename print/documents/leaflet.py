"""The bilingual leaflet, A4: her language and Swedish side by side, one life event.

Her language takes the start column: the left one, or the right one for right-to-left
languages (the whole layout is mirrored, not just right-aligned).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

import languages
from print import pictograms
from print.content import EventContent
from print.documents.base import ACCENT, INK, MUTED, Renderer
from print.documents.contact import contact_items, front_text
from print.pages import Page
from typeset import frames, legibility, qr
from typeset.frames import Item

WIDTH, HEIGHT = A4
MARGIN = 15 * mm
GUTTER = 8 * mm
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2
PICTOGRAM = 20 * mm
QR_SIZE = 26 * mm
FOOTER = QR_SIZE + 8 * mm
SIZE = 10.5
SV = languages.SOURCE_LANGUAGE


class LeafletRenderer(Renderer):
    contents: list[EventContent]
    kind = pgettext_lazy("staff side", "Leaflet")

    @property
    def page(self) -> Page:
        return Page(WIDTH, HEIGHT, self.finish)

    def draw(self):
        for content in self.contents:
            _EventPages(self, content).draw()


class _EventPages:
    def __init__(self, renderer: LeafletRenderer, content: EventContent):
        self.renderer = renderer
        self.canvas = renderer.canvas
        self.content = content
        self.language = languages.get(content.lang)
        rtl = self.language.is_rtl
        left, right = MARGIN, MARGIN + COLUMN + GUTTER
        self.target_x, self.sv_x = (right, left) if rtl else (left, right)

    def draw(self):
        # A contact shared by several messages is given whole once, then by name and numbers.
        seen: set = set()
        rows = []
        for target, sv in self.content.messages:
            rows.append(self._row(target, sv, whole=target.contact not in seen))
            seen.add(target.contact)
        words = self._words_row() if self.content.words else None
        page_number = 0
        while True:
            page_number += 1
            self.renderer.page.begin(self.canvas)
            top = self._draw_header(page_number)
            bottom = MARGIN + FOOTER
            self.canvas.saveState()
            self.canvas.setFillColorRGB(*INK)  # the messages in the heading's ink, not black
            while rows and (top - rows[0][2] >= bottom or self._first_row_on_page(top)):
                target, sv, height = rows.pop(0)
                frames.draw(self.canvas, target, self.target_x, top)
                frames.draw(self.canvas, sv, self.sv_x, top)
                top -= height
            # The words go under the last message, or at the top of a page of their own when
            # there is no room left: never left out.
            room = words is not None and (top - words[2] >= bottom or self._first_row_on_page(top))
            if not rows and room:
                frames.draw(self.canvas, words[0], self.target_x, top)
                frames.draw(self.canvas, words[1], self.sv_x, top)
                words = None
            self.canvas.restoreState()
            self._draw_footer(page_number, continued=bool(rows) or words is not None)
            self.renderer.page.end(self.canvas)
            if not rows and words is None:
                break

    def _first_row_on_page(self, top) -> bool:
        # A row taller than a page is drawn anyway rather than looping forever; preflight
        # reports it. Rows are single messages, so this does not happen with real content.
        return top >= HEIGHT - MARGIN - 60 * mm

    def _row(self, target, sv, whole: bool = True):
        her_lang = self.content.lang

        def contact(message, lang):
            # After the free text; in the Swedish column with her line.
            if whole:
                return contact_items(message.contact, lang, her_lang, scale=0.92)
            text = front_text(message.contact, lang)
            return [Item(text, lang, scale=0.92, space_before=0.25)] if text else []

        def items(message, lang):
            return [
                Item(message.headline, lang, bold=True, scale=1.1, space_before=1.2),
                Item(message.body, lang, space_before=0.25),
                Item(message.where_to_turn, lang, scale=0.92, space_before=0.25),
                *contact(message, lang),
                *[
                    Item(f"{label}: {url.split('://', 1)[-1].rstrip('/')}", lang, scale=0.92)
                    for label, url in message.links
                ],
            ]

        placed_target = frames.place(items(target, self.content.lang), COLUMN, SIZE)
        placed_sv = frames.place(items(sv, SV), COLUMN, SIZE)
        return placed_target, placed_sv, max(frames.height(placed_target), frames.height(placed_sv))

    def _words_row(self):
        """The "Words you will hear" box: each Swedish word with its explanation in her
        language, over both columns (her column first) so that the box stays short."""
        lang, align = self.content.lang, "right" if self.language.is_rtl else "left"

        def items(words):
            return [
                item
                for swedish, explanation in words
                for item in (
                    Item(swedish, SV, bold=True, space_before=0.4, align=align),
                    Item(explanation, lang, scale=0.92),
                )
            ]

        heading = frames.place(
            [Item(_("Words you will hear"), lang, bold=True, scale=1.1, space_before=1.2)],
            COLUMN,
            SIZE,
        )
        half = (len(self.content.words) + 1) // 2
        first = heading + frames.place(items(self.content.words[:half]), COLUMN, SIZE)
        second = frames.place(items(self.content.words[half:]), COLUMN, SIZE)
        if second:  # level with the first column's first word, below the heading
            second[0].space_before += frames.height(heading)
        return first, second, max(frames.height(first), frames.height(second))

    def _draw_header(self, page_number) -> float:
        canvas, content = self.canvas, self.content
        top = HEIGHT - MARGIN
        rtl = self.language.is_rtl
        picto_x = WIDTH - MARGIN - PICTOGRAM if rtl else MARGIN
        pictograms.draw(canvas, content.pictogram, picto_x, top - PICTOGRAM, PICTOGRAM)
        title_x = MARGIN if rtl else MARGIN + PICTOGRAM + 5 * mm
        title_width = WIDTH - 2 * MARGIN - PICTOGRAM - 5 * mm
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        placed = frames.place(
            [
                Item(content.title, content.lang, bold=True, scale=1.0),
                Item(
                    content.sv_title,
                    SV,
                    scale=0.7,
                    space_before=0.15,
                    align="right" if rtl else "left",
                ),
            ],
            title_width,
            20 if page_number == 1 else 14,
        )
        frames.draw(canvas, placed, title_x, top)
        top -= max(PICTOGRAM, frames.height(placed)) + 5 * mm
        if page_number == 1:
            target = frames.place([Item(content.intro, content.lang, scale=1.05)], COLUMN, SIZE)
            sv = frames.place([Item(content.sv_intro, SV, scale=1.05)], COLUMN, SIZE)
            frames.draw(canvas, target, self.target_x, top)
            frames.draw(canvas, sv, self.sv_x, top)
            top -= max(frames.height(target), frames.height(sv)) + 2 * mm
        canvas.setFillColorRGB(*ACCENT)
        own = frames.place([Item(self.language.own_name, content.lang, bold=True)], COLUMN, 9)
        svenska = frames.place([Item(languages.source().own_name, SV, bold=True)], COLUMN, 9)
        frames.draw(canvas, own, self.target_x, top)
        frames.draw(canvas, svenska, self.sv_x, top)
        top -= max(frames.height(own), frames.height(svenska))
        canvas.setStrokeColorRGB(*ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, top - 1 * mm, WIDTH - MARGIN, top - 1 * mm)
        canvas.restoreState()
        return top - 1 * mm

    def _draw_footer(self, page_number: int, continued: bool):
        canvas, content = self.canvas, self.content
        rtl = self.language.is_rtl
        y = MARGIN + 4 * mm
        qr_x = WIDTH - MARGIN - QR_SIZE if rtl else MARGIN
        qr.draw(canvas, content.page_url, qr_x, y, QR_SIZE)
        text_x = MARGIN if rtl else MARGIN + QR_SIZE + 5 * mm
        width = WIDTH - 2 * MARGIN - QR_SIZE - 5 * mm
        canvas.saveState()
        canvas.setFillColorRGB(*ACCENT)
        listen = [
            Item(_("Scan the code to listen in your language."), content.lang, bold=True),
            Item(
                " · ".join(content.agencies),
                SV,
                scale=0.85,
                space_before=0.6,
                align="right" if rtl else "left",
            ),
        ]
        frames.draw(canvas, frames.place(listen, width, 10), text_x, y + QR_SIZE - 2 * mm)
        canvas.setFillColorRGB(*MUTED)
        line = self.renderer.version_line(content.published, content.version or content.fingerprint)
        if continued or page_number > 1:
            line += f" · {page_number}"
        version_item = Item(line, SV, align="right" if rtl else "left")
        (version,) = frames.place([version_item], width, legibility.MIN_SIZE)  # nothing smaller
        frames.draw(canvas, [version], text_x, y + version.height)
        canvas.restoreState()
