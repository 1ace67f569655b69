"""What every printed document shares: an embedded initial font, /Lang, title, version line."""

from __future__ import annotations

import io
from datetime import date

from django.utils import translation
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

import languages
from print import pdfx, pictograms
from typeset import fonts
from typeset.draw import draw_block, language_tag
from typeset.layout import layout

# Bump when the drawing code changes what a file looks like: it is part of every cache key.
RENDERER_VERSION = "10"

INK = (0.11, 0.21, 0.34)  # #1d3557, the pictograms' colour
ACCENT = (0.71, 0.27, 0.11)
MUTED = (0.35, 0.38, 0.42)

# The same inks for the print shop, in CMYK for the output intent's FOGRA39 (print.pdfx): for
# each, sRGB → CIELAB (D50, paper-relative), then the CMYK whose colour in FOGRA's own
# measurements (FOGRA39L, Debian icc-profiles-free) is nearest, with the fewest inks.
# ΔE76 < 1.5 in that data. Greys (white, black text, QR modules) go on K alone (print.pdfx).
PRINT_INKS = {
    INK: (0.94, 0.59, 0.0, 0.67),  # navy without yellow: small text on three plates
    ACCENT: (0.0, 0.80, 1.0, 0.28),
    MUTED: (0.28, 0.12, 0.0, 0.71),
    **pictograms.PRINT_INKS,
}
PRINT_COLOURS = pdfx.cmyk_only(PRINT_INKS)


class Renderer:
    """One renderer per document; `_draw_<element>` methods draw one element each, in mm."""

    # What the document is, in its /Title (staff side: Swedish); documents made of pieces
    # (`for_contents`) name theirs.
    kind = "Jobba i Sverige"

    def __init__(self, lang: str, title: str, finish: str = "office"):
        self.lang = lang
        self.title = title
        self.finish = finish
        self.buffer = io.BytesIO()
        # The first font a canvas knows is embedded, so no unembedded Helvetica appears.
        self.canvas = Canvas(
            self.buffer,
            initialFontName=fonts.base().name,
            initialFontSize=10,
            lang=language_tag(lang),  # /Lang: a language tag ("sv-ls" is not one)
            invariant=True,  # the same content gives the same bytes: cache- and checksum-friendly
            pageCompression=1,
            # The print shop's files are CMYK only (PDF/X-1a): the canvas converts every colour.
            enforceColorSpace=PRINT_COLOURS if finish == "print-shop" else None,
        )
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Jobba i Sverige")
        self.canvas.setSubject("Jobba i Sverige")
        self.canvas.setCreator("Jobba i Sverige")

    def render(self) -> bytes:
        with translation.override(self.lang):
            self.draw()
        pdfx.set_dates(self.canvas, self.dated())
        if self.finish == "print-shop":
            pdfx.declare(self.canvas, self.dated())
        self.canvas.save()
        return self.buffer.getvalue()

    def draw(self):
        raise NotImplementedError

    def dated(self) -> date | None:
        """The date of what the document shows, for its PDF dates: the newest edition of its
        pieces (a poster: its `published`), never the day it was printed."""
        published = getattr(self, "published", None)
        if published:
            return published
        days = [getattr(piece, "published", None) for piece in getattr(self, "contents", ())]
        return max(filter(None, days), default=None)

    def text(self, text, lang, size, x, top, width, bold=False, align=None, color=INK):
        """A single paragraph at a position; returns its height."""
        block = layout(text, lang, size, width, bold)
        self.canvas.saveState()
        self.canvas.setFillColorRGB(*color)
        draw_block(self.canvas, block, x, top, align)
        self.canvas.restoreState()
        return block.height

    @classmethod
    def for_contents(cls, contents, finish: str):
        """A document of one or more pieces in one language, titled after the first."""
        first = contents[0]
        renderer = cls(first.lang, cls.document_title(contents), finish)
        renderer.contents = contents
        return renderer

    @classmethod
    def document_title(cls, contents) -> str:
        """The /Title a viewer shows and staff find the file by: what it is and in which
        language, by the language's Swedish name ("Dialogkort – arabiska"), and a single
        piece's own title."""
        first = contents[0]
        with translation.override(languages.SOURCE_LANGUAGE):
            title = f"{cls.kind} – {language_name(first.lang)}"
        return f"{title}: {first.title}" if len(contents) == 1 else title

    def version_line(self, published, version) -> str:
        return f"Jobba i Sverige · {published:%Y-%m-%d} · v{version[:7]}"


def language_name(code: str) -> str:
    """A language's Swedish name as written inside a Swedish sentence: "arabiska"."""
    language = languages.get(code)
    name = language.swedish_name if language else code
    return name[:1].lower() + name[1:]


def mm_(value: float) -> float:
    return value * mm
