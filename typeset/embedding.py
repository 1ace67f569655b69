"""Print fonts embedded as one CID-keyed font per face and document.

ReportLab embeds a TrueType face as simple fonts of up to 256 glyphs each, and each of them
carries a whole font program: the face's name table (mostly the licence text), the 96 ASCII
glyphs whether drawn or not, its own Widths array and ToUnicode map. That made a card a third
larger than WeasyPrint's for the same glyph outlines.

Here each face a document uses is one Type 0 font (Identity-H over a CIDFontType2): a glyph is
shown by its CID, two bytes, and CIDs are handed out in the order glyphs are first drawn, so
CID n is glyph n of the embedded program (CIDToGIDMap Identity) and the /W array is a single
run. The program holds the drawn glyphs (and the parts of composite ones), their metrics and
a name table with only the copyright, family, style and PostScript names: the OFL asks for
no licence text with a font embedded in a document. Nothing of hinting is left (font_files).

Extraction: ToUnicode maps each glyph to the character `shaping` put in the ShapedStr for it,
except that an Arabic presentation form (the face's code point for a joining form) extracts
as the letter it is a form of (`extracted`). So most shaped Arabic letters extract as
themselves and need no ActualText span of their own; draw.py still gives one to every letter
whose glyphs do not (ligatures, marks, joiners, a glyph the face shares between letters).
"""

from __future__ import annotations

import hashlib
import string
import unicodedata
import weakref
from functools import cache
from struct import pack, unpack_from

from fontTools.ttLib import newTable
from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontMaker

# Name records kept in the embedded program: copyright, family, style, full and PostScript
# name (Windows, English), enough for a preflight report to say which font it is.
NAME_IDS = (0, 1, 2, 4, 6)

# Composite glyph flags (OpenType glyf table).
_ARGS_ARE_WORDS, _HAS_SCALE, _MORE, _HAS_XY_SCALE, _HAS_2X2 = 0x1, 0x8, 0x20, 0x40, 0x80

_fonts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # document → {face: font}


def font(canvas, face) -> EmbeddedFont:
    """The face's font in the canvas's document, made on first use."""
    doc = canvas._doc
    per_doc = _fonts.setdefault(doc, {})
    embedded = per_doc.get(face.name)
    if embedded is None:
        embedded = per_doc[face.name] = EmbeddedFont(face.name, f"/FJ{len(per_doc) + 1}")
        doc.delayedFonts.append(embedded)  # written by addObjects when the canvas is saved
    return embedded


class EmbeddedFont:
    """One face in one document: the CIDs handed out so far, and its PDF objects at the end."""

    def __init__(self, font_name: str, resource: str):
        self.font_name = font_name
        self.name = resource  # the /Font resource name for Tf
        self.ttf = pdfmetrics.getFont(font_name)
        self.cids = {0: 0}  # glyph id in the face → CID (= glyph id in the embedded program)
        self.gids = [0]  # CID → glyph id in the face
        self.chars = [""]  # CID → the character it extracts as

    def code(self, char: str) -> str:
        """The glyph drawn for a character of a ShapedStr, as four hex digits for a TJ string.

        ShapedStr characters stand for glyphs one to one (a code point from the face's cmap or,
        for glyphs without one, a private-use code point ReportLab registered)."""
        gid = self.ttf.face.charToGlyph.get(ord(char), 0)
        cid = self.cids.get(gid)
        if cid is None:
            cid = self.cids[gid] = len(self.gids)
            self.gids.append(gid)
            self.chars.append(char)
        return f"{cid:04X}"

    def addObjects(self, doc):  # noqa: N802  ReportLab's name for delayed fonts
        face = self.ttf.face
        tag = _subset_tag(self.font_name, self.gids)
        base_font = f"/{tag}+{face.name.decode('latin-1')}"
        program = font_program(self.font_name, self.gids)
        font_file = pdfdoc.PDFStream(
            pdfdoc.PDFDictionary({"Length1": len(program)}), program, [pdfdoc.PDFZCompress]
        )
        descriptor = _Raw(
            "<</Type/FontDescriptor/FontName {base}/Flags {flags}/FontBBox [{bbox}]"
            "/ItalicAngle {italic}/Ascent {ascent}/Descent {descent}/CapHeight {cap}"
            "/StemV {stem}/FontFile2 {file}>>",
            base=base_font,
            flags=(face.flags & ~(1 << 5)) | (1 << 2),  # symbolic, as any CID font
            bbox=" ".join(fp_str(v) for v in face.bbox),
            italic=fp_str(face.italicAngle),
            ascent=fp_str(face.ascent),
            descent=fp_str(face.descent),
            cap=fp_str(face.capHeight),
            stem=fp_str(face.stemV),
            file=doc.Reference(font_file),
        )
        widths = " ".join(
            fp_str(face.getCharWidth(ord(c)) if c else face.defaultWidth) for c in self.chars
        )
        cid_font = _Raw(
            "<</Type/Font/Subtype/CIDFontType2/BaseFont {base}"
            "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>"
            "/FontDescriptor {descriptor}/W [0 [{widths}]]/CIDToGIDMap/Identity>>",
            base=base_font,
            descriptor=doc.Reference(descriptor),
            widths=widths,
        )
        to_unicode = pdfdoc.PDFStream(
            content=to_unicode_cmap(self.chars), filters=[pdfdoc.PDFZCompress]
        )
        type0 = _Raw(
            "<</Type/Font/Subtype/Type0/BaseFont {base}/Encoding/Identity-H"
            "/DescendantFonts [{cid_font}]/ToUnicode {to_unicode}>>",
            base=base_font,
            cid_font=doc.Reference(cid_font),
            to_unicode=doc.Reference(to_unicode),
        )
        resource = self.name[1:]
        doc.idToObject[pdfdoc.BasicFonts].dict[resource] = doc.Reference(type0, resource)


class _Raw(pdfdoc.PDFObject):
    """A dictionary written compactly: ReportLab's own puts each entry on a line of its own."""

    def __init__(self, template: str, **values):
        self.template, self.values = template, values

    def format(self, document):
        values = {
            key: pdfdoc.format(value, document).decode("latin-1")
            if isinstance(value, pdfdoc.PDFObject)
            else value
            for key, value in self.values.items()
        }
        return self.template.format(**values).encode("latin-1")


def extracted(char: str) -> str:
    """The one character a glyph's ToUnicode entry gives for a ShapedStr character: an Arabic
    presentation form as its letter (ﻟ → ل); ligatures and forms with marks stay as they are
    (several characters in one entry would be laid out backwards in right-to-left text)."""
    if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":
        letter = unicodedata.normalize("NFKC", char)
        if len(letter) == 1:
            return letter
    return char


def _subset_tag(font_name: str, gids: list[int]) -> str:
    """Six capital letters naming the subset (PDF 32000 9.6.4), the same for the same glyphs."""
    digest = hashlib.sha256(font_name.encode() + pack(f">{len(gids)}H", *gids)).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def to_unicode_cmap(chars: list[str]) -> bytes:
    """The ToUnicode CMap: each CID to its character (UTF-16BE), in blocks of 100."""
    entries = [
        f"<{cid:04X}> <{extracted(char).encode('utf-16-be').hex().upper()}>"
        for cid, char in enumerate(chars)
        if char
    ]
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode("ascii")


def font_program(font_name: str, gids: list[int]) -> bytes:
    """A TrueType program with the face's glyphs `gids` as glyphs 0, 1, … in that order, and
    after them the parts of composite glyphs (never drawn by CID, so without widths)."""
    source = _source(font_name)
    order, position = list(gids), {gid: new for new, gid in enumerate(gids)}
    glyphs = []
    index = 0
    while index < len(order):
        data = source.glyph(order[index])
        if len(data) > 10 and data[0] & 0x80:  # numberOfContours < 0: composite
            data = bytearray(data)
            for offset in _component_offsets(data):
                (part,) = unpack_from(">H", data, offset)
                if part not in position:
                    position[part] = len(order)
                    order.append(part)
                data[offset : offset + 2] = pack(">H", position[part])
            data = bytes(data)
        glyphs.append(data + b"\0" * (len(data) & 1))  # short loca counts in 2-byte words
        index += 1

    offsets, total = [0], 0
    for data in glyphs:
        total += len(data)
        offsets.append(total)
    long_loca = total > 0x1FFFE
    loca = (
        pack(f">{len(offsets)}L", *offsets)
        if long_loca
        else pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))
    )

    metrics = [source.hmetrics[gid] for gid in order]
    full = len(metrics)  # trailing glyphs of one advance need only their side bearing
    while full > 1 and metrics[full - 1][0] == metrics[full - 2][0]:
        full -= 1
    hmtx = b"".join(pack(">HH", aw, lsb) for aw, lsb in metrics[:full]) + b"".join(
        pack(">H", lsb) for _, lsb in metrics[full:]
    )

    maker = TTFontMaker()
    maker.add("head", source.head[:50] + pack(">h", int(long_loca)) + source.head[52:])
    maker.add("hhea", source.hhea[:34] + pack(">H", full) + source.hhea[36:])
    maker.add("maxp", source.maxp[:4] + pack(">H", len(order)) + source.maxp[6:])
    maker.add("hmtx", hmtx)
    maker.add("loca", loca)
    maker.add("glyf", b"".join(glyphs))
    maker.add("name", source.name)
    maker.add("OS/2", source.os2)
    maker.add("post", source.post)
    return maker.makeStream()


def _component_offsets(data: bytearray):
    """Offsets of the glyph index of each component of a composite glyph."""
    offset, flags = 10, _MORE
    while flags & _MORE:
        (flags,) = unpack_from(">H", data, offset)
        yield offset + 2
        offset += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        if flags & _HAS_SCALE:
            offset += 2
        elif flags & _HAS_XY_SCALE:
            offset += 4
        elif flags & _HAS_2X2:
            offset += 8


class _Source:
    """What subsetting reads from a face, taken from ReportLab's parsed copy once."""

    def __init__(self, font_name: str):
        face = pdfmetrics.getFont(font_name).face
        start, length = face.get_table_pos("glyf")
        self.glyf = memoryview(face._ttf_data)[start : start + length]  # not a copy
        self.positions = face.glyphPos
        self.head = face.get_table("head")
        self.hhea = face.get_table("hhea")
        self.hmetrics = _hmetrics(face.get_table("hmtx"), self.hhea, face.numGlyphs)
        self.maxp = face.get_table("maxp")
        self.os2 = face.get_table("OS/2")
        # Format 3: no glyph names (PDF viewers draw by glyph id).
        self.post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\0" * 16
        self.name = _short_name_table(face.get_table("name"))

    def glyph(self, gid: int) -> bytes:
        return bytes(self.glyf[self.positions[gid] : self.positions[gid + 1]])


def _hmetrics(hmtx: bytes, hhea: bytes, glyphs: int) -> list[tuple[int, int]]:
    """(advance, side bearing) per glyph in font units (ReportLab's copy scales the advances
    of the trailing glyphs to thousandths of an em)."""
    (full,) = unpack_from(">H", hhea, 34)
    pairs = [unpack_from(">HH", hmtx, 4 * i) for i in range(full)]
    last = pairs[-1][0]
    return pairs + [
        (last, unpack_from(">H", hmtx, 4 * full + 2 * i)[0]) for i in range(glyphs - full)
    ]


@cache
def _source(font_name: str) -> _Source:
    return _Source(font_name)


def _short_name_table(data: bytes) -> bytes:
    table = table__n_a_m_e()
    table.decompile(data, None)
    kept = newTable("name")
    kept.names = [
        record
        for record in table.names
        if record.nameID in NAME_IDS and (record.platformID, record.langID) == (3, 0x409)
    ]
    return kept.compile(None)
