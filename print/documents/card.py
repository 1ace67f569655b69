"""The dialogue card, A6 duplex: front in her language, back in Swedish for staff.

Single cards are A6 pages (front, back, front, back …). The 4-up sheet imposes them on
A4 with cut marks, each back behind its front for long-edge duplex printing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy  # "staff side": Swedish only
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

import languages
from print import pictograms
from print.content import CardContent
from print.documents.base import ACCENT, INK, MUTED, Renderer
from print.documents.contact import contact_items, front_items
from print.pages import Page
from typeset import frames, legibility, qr
from typeset.frames import Item, Placed

WIDTH, HEIGHT = 105 * mm, 148 * mm
MARGIN = 7 * mm
PICTOGRAM = 16 * mm
QR_SIZE = 24 * mm
# Her front shrinks its text to the script's floor (legibility.min_body), then its title; what
# still does not fit goes on to a second card. Nothing on either side is under MIN_SIZE.
FRONT_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8]
TITLE_SIZES = [14, 13, 12, 11, 10]
TITLE_HEIGHT = 24 * mm
BACK_SIZES = [9, 8.5, 8]
SMALL = legibility.MIN_SIZE  # the staff label and the version line
SV = languages.SOURCE_LANGUAGE

Face = Callable[[object], None]  # draws one side of a card with the origin at its corner
FRONT_SIDE = pgettext_lazy("staff side", "Front side")  # page labels: "Framsida"
BACK_SIDE = pgettext_lazy("staff side", "Back side")  # "Baksida"


@dataclass(frozen=True)
class FrontPlan:
    """How her front is set: title and text sizes, and what the front of each card holds."""

    title_size: float
    size: float
    cards: tuple[tuple[Placed, ...], ...]
    title_shrunk: bool = False

    def moves(self) -> list[tuple[int, str, int]]:
        """(message index, what, card number) for what went on to a later card than the first:
        "message" (from its headline on), "text" (its body continues), "where_to_turn"."""
        moves = []
        for number, placed in enumerate(self.cards[1:], start=2):
            fields: dict[int, list[str]] = {}
            for piece in placed:
                index, _sep, field = piece.tag.partition("/")
                if index.isdigit() and field not in fields.setdefault(int(index), []):
                    fields[int(index)].append(field)
            for index, found in fields.items():
                if "headline" in found:
                    moves.append((index, "message", number))
                    continue
                if "body" in found:
                    moves.append((index, "text", number))
                if "where_to_turn" in found:
                    moves.append((index, "where_to_turn", number))
        return moves

    def messages_per_card(self) -> list[set[int]]:
        """The messages whose headline is on each card's front."""
        return [
            {int(p.tag.partition("/")[0]) for p in placed if p.tag.endswith("/headline")}
            for placed in self.cards
        ]


@dataclass
class CardFaces:
    """The physical cards one card's content needs: usually one (front, back) pair."""

    content: CardContent
    pairs: list[tuple[Face, Face]]


class CardDesign:
    """Draws the sides of one card; knows nothing about where on the sheet they go."""

    def __init__(self, content: CardContent):
        self.content = content
        self.language = languages.get(content.lang)
        self.rtl = self.language.is_rtl

    def faces(self) -> CardFaces:
        plan, backs = self.sides()
        fronts = plan.cards
        count = max(len(fronts), len(backs))
        pairs = []
        for index in range(count):
            front = fronts[index] if index < len(fronts) else []
            back = backs[index] if index < len(backs) else []
            part = (index + 1, count)
            pairs.append((self._front(front, part, plan.title_size), self._back(back, part)))
        return CardFaces(self.content, pairs)

    def sides(self) -> tuple[FrontPlan, list[list[Placed]]]:
        """How her fronts are set and what each back holds."""
        plan = self.front_plan()
        backs = self._back_frames(plan)
        if len(backs) > len(plan.cards):
            plan = self.front_plan(cards=len(backs))  # her title then carries "(1/2)" too
        return plan, backs

    # --- the front: her language ---------------------------------------------------------
    def _front_items(self) -> list[Item]:
        """Every message whole: headline, text and where to turn. Where to turn is never
        left out to make room; it goes on to a second card with its message if it must."""
        lang = self.content.lang
        floor = legibility.min_body(lang)
        items = []
        for index, message in enumerate(self.content.messages):
            items.append(
                Item(
                    message.headline,
                    lang,
                    bold=True,
                    scale=1.1,
                    space_before=0 if index == 0 else 0.9,
                    keep_with_next=True,
                    tag=f"{index}/headline",
                )
            )
            # Where to turn stays with its message: a contact line alone on a second card
            # would not say what it is for. The central contact comes after the free text.
            contact = front_items(message.contact, lang, floor, f"{index}/where_to_turn")
            body = Item(message.body, lang, space_before=0.2, tag=f"{index}/body")
            items.append(replace(body, keep_with_next=bool(message.where_to_turn or contact)))
            if message.where_to_turn:
                items.append(
                    Item(
                        message.where_to_turn,
                        lang,
                        scale=0.9,
                        space_before=0.2,
                        floor=floor,
                        keep_with_next=bool(contact),
                        tag=f"{index}/where_to_turn",
                    )
                )
            items += contact
        return items

    def _front_body_height(self, header_height: float) -> float:
        return HEIGHT - 2 * MARGIN - header_height - 4 * mm - (QR_SIZE + 6 * mm)

    def _title(self, part) -> str:
        return self.content.title + (f" ({part[0]}/{part[1]})" if part[1] > 1 else "")

    def _title_placed(self, size: float, part) -> list[Placed]:
        title = Item(self._title(part), self.content.lang, bold=True)
        return frames.place([title], WIDTH - 2 * MARGIN - PICTOGRAM - 4 * mm, size)

    def _title_sizes(self, part) -> list[float]:
        """Title sizes, largest first, at which the title stays within its height."""
        fitting = [
            size
            for size in TITLE_SIZES
            if frames.height(self._title_placed(size, part)) <= TITLE_HEIGHT
        ]
        return fitting or TITLE_SIZES[-1:]

    def _header_height(self, title_size: float, part) -> float:
        return max(PICTOGRAM, frames.height(self._title_placed(title_size, part)))

    def front_plan(self, cards: int = 1) -> FrontPlan:
        """The text shrinks to the script's floor, then the title; then a second card.
        `cards`: how many cards the back needs (the title says "(1/2)" on each)."""
        width = WIDTH - 2 * MARGIN
        items = self._front_items()
        sizes = legibility.down_to(FRONT_SIZES, legibility.min_body(self.content.lang))
        title_sizes = self._title_sizes((1, cards))
        for title_size in title_sizes:
            room = self._front_body_height(self._header_height(title_size, (1, cards)))
            fitted = frames.fit(items, width, room, sizes)
            if fitted:
                shrunk = title_size < title_sizes[0]
                return FrontPlan(title_size, fitted[0], (tuple(fitted[1]),), shrunk)
        # More than one card: the title at its largest again, and the text at the largest
        # size that needs no more cards than the smallest does.
        part = (1, max(cards, 2))
        title_size = self._title_sizes(part)[0]
        room = self._front_body_height(self._header_height(title_size, part))
        fewest = len(frames.split(items, width, room, sizes[-1]))
        for size in sizes:
            cards = frames.split(items, width, room, size)
            if len(cards) <= fewest:
                return FrontPlan(title_size, size, tuple(tuple(card) for card in cards))
        raise AssertionError("the smallest size always gives the fewest cards")

    def front_fit(self):
        """(size, placed) for a front that fits on one card, or None."""
        plan = self.front_plan()
        return (plan.size, list(plan.cards[0])) if len(plan.cards) == 1 else None

    def _front(self, placed, part, title_size: float) -> Face:
        def draw(canvas):
            self._draw_background(canvas)
            header = self._draw_front_header(canvas, part, title_size)
            canvas.saveState()
            canvas.setFillColorRGB(*INK)
            frames.draw(canvas, placed, MARGIN, HEIGHT - MARGIN - header - 4 * mm)
            canvas.restoreState()
            self._draw_listen(canvas)
            self._draw_version(canvas, align="right" if self.rtl else "left")

        return draw

    def _draw_background(self, canvas):
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_front_header(self, canvas, part, title_size: float) -> float:
        picto_x = WIDTH - MARGIN - PICTOGRAM if self.rtl else MARGIN
        title_x = MARGIN if self.rtl else MARGIN + PICTOGRAM + 4 * mm
        pictograms.draw(
            canvas, self.content.pictogram, picto_x, HEIGHT - MARGIN - PICTOGRAM, PICTOGRAM
        )
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        placed = self._title_placed(title_size, part)
        frames.draw(canvas, placed, title_x, HEIGHT - MARGIN)
        canvas.restoreState()
        return max(PICTOGRAM, frames.height(placed))

    def _draw_listen(self, canvas):
        """The QR code to the audio page, labelled with the language's own name."""
        y = MARGIN + 2 * mm
        qr_x = WIDTH - MARGIN - QR_SIZE if self.rtl else MARGIN
        qr.draw(canvas, self.content.audio_url, qr_x, y, QR_SIZE)
        label_width = WIDTH - 2 * MARGIN - QR_SIZE - 3 * mm
        label_x = MARGIN if self.rtl else MARGIN + QR_SIZE + 3 * mm
        canvas.saveState()
        canvas.setFillColorRGB(*ACCENT)
        top = y + QR_SIZE - 2 * mm
        placed = frames.place(
            [
                Item(self.language.own_name, self.content.lang, bold=True, scale=1.3),
                Item(
                    _("Scan the code to listen in your language."),
                    self.content.lang,
                    space_before=0.3,
                ),
            ],
            label_width,
            9,
        )
        frames.draw(canvas, placed, label_x, top)
        canvas.restoreState()

    def _draw_version(self, canvas, align):
        canvas.saveState()
        canvas.setFillColorRGB(*MUTED)
        line = (
            f"Jobba i Sverige · {self.content.published:%Y-%m-%d} · "
            f"v{self.content.version or self.content.fingerprint[:7]} · {self.content.code}"
        )
        (placed,) = frames.place([Item(line, SV, align=align)], WIDTH - 2 * MARGIN, SMALL)
        # Just under the QR code, clear of the edge an office printer cannot reach.
        frames.draw(canvas, [placed], MARGIN, MARGIN + 0.5 * mm)
        canvas.restoreState()

    # --- the back: Swedish, for staff ---------------------------------------------------
    def _back_items(self, messages: Collection[int] | None = None, extras=True) -> list[Item]:
        """The Swedish of the messages (all, or those at `messages`), then with `extras` the
        prompts, where she can turn and the note on a newer Swedish."""
        with translation.override(SV):
            items = []
            for index, message in enumerate(self.content.sv_messages):
                if messages is not None and index not in messages:
                    continue
                items.append(
                    Item(
                        message.headline,
                        SV,
                        bold=True,
                        space_before=0.7 if items else 0,
                        keep_with_next=True,
                    )
                )
                items.append(Item(message.body, SV, space_before=0.15))
            if not extras:
                return items
            if self.content.prompts:
                items.append(
                    Item(
                        pgettext("staff side", "Conversation prompts"),
                        SV,
                        bold=True,
                        scale=1.05,
                        space_before=1.0,
                        keep_with_next=True,
                    )
                )
                items += [
                    Item(f"• {prompt}", SV, space_before=0.2) for prompt in self.content.prompts
                ]
            turns = [m for m in self.content.sv_messages if m.where_to_turn or m.links or m.contact]
            if turns:
                items.append(
                    Item(
                        pgettext("staff side", "Where she can turn"),
                        SV,
                        bold=True,
                        scale=1.05,
                        space_before=1.0,
                        keep_with_next=True,
                    )
                )
                seen = set()
                for message in turns:
                    for line in [message.where_to_turn] + [
                        f"{label}: {_short_url(url)}" for label, url in message.links
                    ]:
                        if line and line not in seen:
                            seen.add(line)
                            items.append(Item(line, SV, space_before=0.2))
                    # A contact shared by several messages is listed once, with her line.
                    if message.contact and message.contact not in seen:
                        seen.add(message.contact)
                        items += contact_items(message.contact, SV, self.content.lang, scale=1.0)
            if self.content.awaiting:
                # Staff read on the back that the front is the previous edition.
                note = pgettext(
                    "staff side",
                    "The Swedish has been updated since; the new translation is on its way.",
                )
                items.append(Item(note, SV, bold=True, space_before=1.0))
        return items

    def _back_frames(self, plan: FrontPlan | None = None):
        """The backs' contents. When her front takes several cards, each back holds the
        Swedish of the messages on its own front (the rest on the last), if that fits."""
        width = WIDTH - 2 * MARGIN
        room = HEIGHT - 2 * MARGIN - 20 * mm - 6 * mm
        if plan is not None and len(plan.cards) > 1:
            last = len(plan.cards) - 1
            per_card = [
                self._back_items(indexes, extras=number == last)
                for number, indexes in enumerate(plan.messages_per_card())
            ]
            for size in BACK_SIZES:
                placed = [frames.place(items, width, size) for items in per_card]
                if all(frames.height(back) <= room for back in placed):
                    return placed
        fitted = frames.fit(self._back_items(), width, room, BACK_SIZES)
        if fitted:
            return [fitted[1]]
        return frames.split(self._back_items(), width, room, BACK_SIZES[-1])

    def _back(self, placed, part) -> Face:
        def draw(canvas):
            self._draw_background(canvas)
            with translation.override(SV):
                label = pgettext("staff side", "For staff · front in %(language)s") % {
                    "language": self.language.own_name
                }
            canvas.saveState()
            canvas.setFillColorRGB(*ACCENT)
            (small,) = frames.place([Item(label, SV)], WIDTH - 2 * MARGIN, SMALL)
            frames.draw(canvas, [small], MARGIN, HEIGHT - MARGIN)
            canvas.setFillColorRGB(*INK)
            title = self.content.sv_title + (f" ({part[0]}/{part[1]})" if part[1] > 1 else "")
            (heading,) = frames.place([Item(title, SV, bold=True)], WIDTH - 2 * MARGIN, 12)
            frames.draw(canvas, [heading], MARGIN, HEIGHT - MARGIN - small.height - 1 * mm)
            top = HEIGHT - MARGIN - small.height - heading.height - 4 * mm
            frames.draw(canvas, placed, MARGIN, top)
            canvas.restoreState()
            self._draw_version(canvas, align="left")

        return draw


def _short_url(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def _sized(renderer: Renderer, page: Page, face: Face):
    page.begin(renderer.canvas)
    face(renderer.canvas)
    page.end(renderer.canvas)


class CardRenderer(Renderer):
    """Single A6 cards, front then back, for duplex printing (short or long edge alike)."""

    contents: Sequence[CardContent]
    kind = pgettext_lazy("staff side", "Dialogue cards")

    def draw(self):
        page = Page(WIDTH, HEIGHT, self.finish)
        pairs = [pair for content in self.contents for pair in CardDesign(content).faces().pairs]
        for number, (front, back) in enumerate(pairs, 1):
            self._label(FRONT_SIDE, number, len(pairs))
            _sized(self, page, front)
            self._label(BACK_SIDE, number, len(pairs))
            _sized(self, page, back)

    def _label(self, side, number: int, count: int):
        """The next page's label, which viewers and a print shop's imposition show ("Baksida 2");
        staff side, so in Swedish. A single card's sides are just "Framsida" and "Baksida"."""
        with translation.override(SV):
            prefix = str(side)
        index = self.canvas.getPageNumber() - 1  # labels count pages from 0
        if count == 1:
            self.canvas.addPageLabel(index, prefix=prefix)
        else:
            self.canvas.addPageLabel(index, style="ARABIC", start=number, prefix=f"{prefix} ")


class CardSheetRenderer(Renderer):
    """Four A6 cards on A4 with cut marks; the back sheet mirrors columns for long-edge duplex."""

    SLOT_W, SLOT_H = A4[0] / 2, A4[1] / 2

    contents: Sequence[CardContent]
    kind = CardRenderer.kind

    def __init__(self, lang: str, title: str, finish: str = "office"):
        if finish != "office":
            raise ValueError(
                "4-up sheets are for office printers; a print shop gets single cards with "
                "bleed (layout 'card', finish 'print-shop') and imposes them itself."
            )
        super().__init__(lang, title, finish)

    def draw(self):
        pairs = [pair for c in self.contents for pair in CardDesign(c).faces().pairs]
        if len(self.contents) == 1 and 4 % len(pairs) == 0:
            # One card fills its sheet: printed four times (a card that takes two, twice)
            # rather than leaving three slots blank; backs stay behind their fronts.
            pairs *= 4 // len(pairs)
        for start in range(0, len(pairs), 4):
            sheet = pairs[start : start + 4]
            self._draw_sheet([front for front, _back in sheet], mirror=False)
            self._draw_sheet([back for _front, back in sheet], mirror=True)

    def _slot_origin(self, index: int, mirror: bool) -> tuple[float, float]:
        column, row = index % 2, index // 2
        if mirror:
            column = 1 - column  # long-edge flip turns left into right
        x = column * self.SLOT_W + (self.SLOT_W - WIDTH) / 2
        y = (1 - row) * self.SLOT_H + (self.SLOT_H - HEIGHT) / 2
        return x, y

    def _draw_sheet(self, faces, mirror):
        canvas = self.canvas
        canvas.setPageSize(A4)
        for index, face in enumerate(faces):
            x, y = self._slot_origin(index, mirror)
            canvas.saveState()
            canvas.translate(x, y)
            face(canvas)
            canvas.restoreState()
        self._draw_cut_marks()
        canvas.showPage()

    def _draw_cut_marks(self):
        """Marks where the guillotine cuts, inside the printable area (printers clip the edge)."""
        canvas = self.canvas
        w, h = A4
        cx, cy = w / 2, h / 2
        canvas.saveState()
        canvas.setLineWidth(0.3)
        canvas.setStrokeColorRGB(*MUTED)
        inset, length = 5 * mm, 5 * mm
        canvas.line(cx, h - inset, cx, h - inset - length)
        canvas.line(cx, inset, cx, inset + length)
        canvas.line(inset, cy, inset + length, cy)
        canvas.line(w - inset, cy, w - inset - length, cy)
        canvas.line(cx - 2 * mm, cy, cx + 2 * mm, cy)
        canvas.line(cx, cy - 2 * mm, cx, cy + 2 * mm)
        canvas.restoreState()
