"""Where a PDF's bytes go: font programs, ToUnicode maps, page contents, the rest.

Read from the file itself (no PDF library): every stream is sorted by what it holds; what
is not in a stream (dictionaries, arrays such as the /W widths, the cross-reference table)
is "structure". WeasyPrint packs its dictionaries into compressed object streams
("object_streams"); ReportLab writes PDF 1.3/1.4 and has none.
"""

from __future__ import annotations

import re
import zlib

STREAM = re.compile(rb"\d+ 0 obj\s*<<((?:(?!endobj).)*?)>>\s*stream\r?\n", re.S)
FONT_MAGIC = (b"\x00\x01\x00\x00", b"true", b"OTTO")


def parts(pdf: bytes) -> dict[str, int]:
    """Bytes per kind: fonts, to_unicode, content, object_streams, other_streams, structure."""
    kinds = ("fonts", "to_unicode", "content", "object_streams", "other_streams")
    found = dict.fromkeys(kinds, 0)
    in_streams = 0
    position = 0
    for match in STREAM.finditer(pdf):
        if match.start() < position:  # inside a stream already counted
            continue
        length = re.search(rb"/Length (\d+)", match.group(1))
        if not length:
            continue
        start, size = match.end(), int(length.group(1))
        found[_kind(match.group(1), pdf[start : start + size])] += size
        in_streams += size
        position = start + size
    found["structure"] = len(pdf) - in_streams
    return found


def _kind(dictionary: bytes, data: bytes) -> str:
    if b"/ObjStm" in dictionary:
        return "object_streams"
    if b"/FlateDecode" in dictionary:
        try:
            data = zlib.decompressobj().decompress(data, 4096)
        except zlib.error:
            return "other_streams"
    if data[:4] in FONT_MAGIC or b"/Length1" in dictionary or b"/FontFile" in dictionary:
        return "fonts"
    if b"begincmap" in data:
        return "to_unicode"
    if re.search(rb"/XRef|/Subtype ?/Image", dictionary):
        return "other_streams"  # a cross-reference stream, images
    return "content"
