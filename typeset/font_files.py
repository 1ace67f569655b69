"""The bytes of a print font, without TrueType hinting, made once and kept on local disk.

Hinting (the fpgm, prep and cvt tables and each glyph's instructions) steers rasterising at
small pixel sizes on screens; print never uses it. ReportLab copies all of it into every
subset it embeds, which made a card's PDF twice the size of WeasyPrint's (which drops it
too). Outlines, metrics and the shaping tables (GSUB, GPOS) are untouched.

Stripping a Noto face takes up to a second, so the result is kept in PRINT_FONT_CACHE_DIR,
named after the source file's size and modification time; a folder that cannot be written
only costs the second again in the next process.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

logger = logging.getLogger(__name__)

# Tables that only serve hinting or screen rasterising (hdmx, LTSH, VDMX: device metrics).
HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")
FORMAT = "1"  # bump when strip() changes what it writes


def unhinted(path: Path) -> bytes:
    cached = _cache_path(path)
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    data = strip(path.read_bytes())
    if cached is not None:
        _store(cached, data)
    return data


def strip(data: bytes) -> bytes:
    font = TTFont(io.BytesIO(data))
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    if "glyf" in font:
        glyf = font["glyf"]
        for name in font.getGlyphOrder():
            glyph = glyf[name]
            if hasattr(glyph, "program"):
                glyph.program = ttProgram.Program()
                glyph.program.fromBytecode(b"")
    if "maxp" in font and font["maxp"].tableVersion >= 0x00010000:
        maxp = font["maxp"]  # no instructions left: nothing for a rasteriser to reserve
        maxp.maxSizeOfInstructions = maxp.maxFunctionDefs = maxp.maxInstructionDefs = 0
        maxp.maxStackElements = maxp.maxStorage = maxp.maxTwilightPoints = 0
        maxp.maxZones = 1
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cache_path(path: Path) -> Path | None:
    directory = getattr(settings, "PRINT_FONT_CACHE_DIR", None)
    if not directory:
        return None
    stat = path.stat()
    key = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{FORMAT}".encode()).hexdigest()
    return Path(directory) / f"{path.stem}-{key[:16]}.ttf"


def _store(target: Path, data: bytes) -> None:
    """Written whole or not at all: a second process reading meanwhile never sees half."""
    partial = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".partial")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, target)
    except OSError:
        logger.warning("Could not keep the unhinted font %s", target, exc_info=True)
        if partial is not None:
            Path(partial).unlink(missing_ok=True)
