"""Contact sheets: every printed piece of a life event in one language, as one PNG to look at.

The pieces come from print.service (the cache, the refusal of what is not printable): the
event's cards (layout "card": her language on the front, Swedish on the back), its leaflet and
the poster with that language. pdftoppm (poppler-utils) rasterises their pages; Pillow sets
them side by side at one resolution, so an A6 card stands beside an A4 leaflet at true scale.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from print import content, service

GAP = 24  # px between pages
MARGIN = 24  # px around the sheet
CAPTION = 18  # px: the size of the captions under the pages and of the heading
BACKGROUND = (225, 228, 232)
CAPTION_INK = (40, 44, 52)


@dataclass(frozen=True)
class Piece:
    name: str  # "card", "leaflet", "poster"
    pdf: bytes


def event_cards(event) -> list:
    """The live cards of a life event, ready to print."""
    return [card for card in content.live_cards() if card.life_event_id == event.pk]


def pieces(event, cards, lang: str, loaded: content.EventsLoaded) -> list[Piece]:
    """Every piece of the event in the language; NotPrintable says why one cannot be."""
    return [
        Piece("card", service.cards_pdf(cards, lang, "card")),
        Piece("leaflet", service.leaflet_pdf([event], lang, loaded=loaded)),
        Piece("poster", service.poster_pdf(event.slug, codes=[lang])),
    ]


def check(event, cards, lang: str, loaded: content.EventsLoaded):
    """What `pieces` would refuse, found without drawing anything (for --dry-run)."""
    if not cards:
        raise content.NotPrintable(f"The life event {event.slug} has no live cards.")
    served = content.served_for_cards(cards, lang)
    for card in cards:
        content.card_content(card, lang, served)
    content.event_content(event, lang, loaded)
    if not service.poster_targets(event, [lang]):
        raise content.NotPrintable(f"Nothing to listen to in {lang} for the poster.")


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    """The PDF's pages as RGB images, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "piece.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603  a fixed tool, our own file
            ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=120,
        )
        pages = []
        for path in sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(path) as image:
                pages.append(image.convert("RGB"))
        return pages


def _font(size: int):
    return ImageFont.load_default(size=size)


def sheet(heading: str, pieces: list[Piece], dpi: int) -> tuple[bytes, dict[str, int]]:
    """One PNG: a heading, then every page of every piece left to right, each captioned with
    its piece and page number. Returns the PNG and the number of pages per piece."""
    captioned: list[tuple[str, Image.Image]] = []
    counts: dict[str, int] = {}
    for piece in pieces:
        pages = rasterise(piece.pdf, dpi)
        counts[piece.name] = len(pages)
        for number, page in enumerate(pages, start=1):
            label = piece.name if len(pages) == 1 else f"{piece.name} {number}/{len(pages)}"
            captioned.append((label, page))
    font = _font(CAPTION)
    line = CAPTION + 8
    width = 2 * MARGIN + sum(page.width for _, page in captioned) + GAP * (len(captioned) - 1)
    height = 2 * MARGIN + line + max((page.height for _, page in captioned), default=0) + line
    image = Image.new("RGB", (max(width, 400), height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, MARGIN), heading, fill=CAPTION_INK, font=font)
    x, top = MARGIN, MARGIN + line
    for label, page in captioned:
        image.paste(page, (x, top))
        draw.rectangle((x - 1, top - 1, x + page.width, top + page.height), outline=(150, 150, 150))
        draw.text((x, top + page.height + 4), label, fill=CAPTION_INK, font=font)
        x += page.width + GAP
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue(), counts
