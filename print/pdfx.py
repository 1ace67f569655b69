"""What a print shop's PDF holds besides the drawing: PDF/X-1a:2003, CMYK only, real dates.

Why PDF/X-1a:2003 and not PDF/X-4: X-4 must embed its output profile (a FOGRA39 or PSO
Coated v3 ICC profile, 0.5–2 MB in every card) and none is at hand with a licence to ship it:
Debian's icc-profiles-free holds FOGRA's measurement data (FOGRA39L.ti3), not a profile;
colord-data has no CMYK profile; Ghostscript's default_cmyk.icc is a generic profile, not
FOGRA39. X-1a may instead name a characterisation registered with the ICC ("FOGRA39",
registry http://www.color.org) and leave the profile out, and X-4's extras (transparency,
RGB images, layers) are nothing these documents use. Every print shop's preflight takes
X-1a; its rules, as this module keeps them:

- colour in DeviceCMYK, DeviceGray or a separation only: the canvas converts every colour it
  is given (`cmyk_only`), and raises for one it has no print ink for;
- no transparency (no alpha is ever set), every font embedded (typeset.fonts), a TrimBox and
  a BleedBox on every page (print.pages);
- the Info dictionary with GTS_PDFXVersion, Title, CreationDate and ModDate, /Trapped
  /False; the same facts in an XMP metadata stream; an OutputIntent /GTS_PDFX; /ID in the
  trailer (ReportLab writes it). poppler's `pdfinfo` reports "PDF subtype: PDF/X-1a:2003"
  from GTS_PDFXVersion.

Dates are those of the content (its newest edition), never of the printing: the same content
still gives the same bytes, and the cache and checksums hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.colors import CMYKColor, CMYKColorSep, toColor
from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFCatalog,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

VERSION = "PDF/X-1a:2003"
# The characterisation the CMYK values are chosen for (ICC registry name), as the intent says it.
CONDITION = "FOGRA39"
CONDITION_INFO = "Coated FOGRA39 (ISO 12647-2:2004)"
CONDITION_TEXT = (
    "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = "
    "coated art, 115 g/m2, tone value increase curves A (CMY) and B (K)"
)
REGISTRY = "http://www.color.org"

# Crop marks print on every plate: the separation "All", registration black where there is none.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", alpha=None)

RGB = tuple[float, float, float]
CMYK = tuple[float, float, float, float]


def cmyk_only(inks: Mapping[RGB, CMYK]) -> Callable:
    """A canvas's `enforceColorSpace` for the print shop: each colour the documents set in RGB
    becomes the CMYK ink chosen for it; greys go on the black plate alone (black text and QR
    modules 0/0/0/100, never rich black; white 0/0/0/0). A colour without an ink raises, so a
    new colour cannot slip into a print file as RGB."""
    table = {_key(rgb): tuple(cmyk) for rgb, cmyk in inks.items()}

    def enforce(value):
        colour = toColor(value)
        if isinstance(colour, CMYKColor):
            if isinstance(colour, CMYKColorSep):
                return colour
            return (colour.cyan, colour.magenta, colour.yellow, colour.black)
        rgb = (colour.red, colour.green, colour.blue)
        if _key(rgb) in table:
            return table[_key(rgb)]  # a tuple: no alpha, so no graphics state is written
        if colour.red == colour.green == colour.blue:
            return (0, 0, 0, 1 - colour.red)
        raise ValueError(f"No print ink for the RGB colour {rgb}; add one to PRINT_INKS")

    return enforce


def _key(rgb) -> tuple[int, int, int]:
    return tuple(round(channel * 255) for channel in rgb)


def moment(day: date) -> datetime:
    """The start of the day in the site's time zone: the date of what the document shows."""
    return timezone.make_aware(datetime.combine(day, time()))


def pdf_date(when: datetime) -> str:
    offset = when.strftime("%z")
    return f"D:{when:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


def set_dates(canvas: Canvas, day: date | None):
    """CreationDate and ModDate from the content, not 2000-01-01 (ReportLab's invariant date)."""
    if day is not None:
        stamp = pdf_date(moment(day))
        canvas.setDateFormatter(lambda *_ymdhms: stamp)


def declare(canvas: Canvas, day: date | None):
    """Make the canvas's document PDF/X-1a:2003 when it is saved: Info keys, output intent, XMP.
    The drawing's colours are the canvas's business (`cmyk_only`)."""
    doc = canvas._doc
    info = _PdfxInfo()
    info.__dict__.update(doc.info.__dict__)  # title, author … as the renderer set them
    info.when = moment(day) if day else None
    doc.info = info
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray(
        [
            PDFDictionary(
                {
                    "Type": PDFName("OutputIntent"),
                    "S": PDFName("GTS_PDFX"),
                    "OutputConditionIdentifier": PDFString(CONDITION),
                    "OutputCondition": PDFString(CONDITION_TEXT),
                    "RegistryName": PDFString(REGISTRY),
                    "Info": PDFString(CONDITION_INFO),
                }
            )
        ]
    )
    catalog.Metadata = XMP(creator=lambda _doc: _xmp(info).encode("utf-8"))


class _PdfxInfo(PDFInfo):
    """ReportLab's Info dictionary with the PDF/X version and without an empty Keywords."""

    when: datetime | None = None

    def format(self, document):
        stamp = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": stamp,
            "ModDate": stamp,
            "Trapped": PDFName("False"),
            "GTS_PDFXVersion": PDFString(VERSION),
        }
        if self.keywords:
            entries["Keywords"] = PDFString(self.keywords)
        return PDFDictionary(entries).format(document)


def _xmp(info: _PdfxInfo) -> str:
    """The XMP packet: the Info dictionary's facts again, as PDF/X readers expect them."""
    when = info.when.isoformat() if info.when else "2000-01-01T00:00:00+00:00"
    keywords = f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>" if info.keywords else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt>
<rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li>
</rdf:Alt></dc:description>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<pdf:Trapped>False</pdf:Trapped>{keywords}
<pdfx:GTS_PDFXVersion>{VERSION}</pdfx:GTS_PDFXVersion>
<pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
