"""Reading PDFs in tests with real tools: poppler-utils and zbar (Debian packages)."""

import re
import subprocess
import tempfile
import unicodedata
import zlib
from pathlib import Path

TIMEOUT = 120  # seconds; poppler and zbar take well under one on our documents
BIDI_MARKS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069")
)


def _run(*args, data: bytes | None = None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        if data is not None:
            path.write_bytes(data)
        result = subprocess.run(  # noqa: S603
            [a if a != "{pdf}" else str(path) for a in args],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
            timeout=TIMEOUT,
        )
        return result.stdout


def fonts(data: bytes) -> list[dict]:
    """pdffonts rows: name, type, embedded, subset."""
    lines = _run("pdffonts", "{pdf}", data=data).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type [type2] encoding emb sub uni objectid gen: read from the right.
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def text(data: bytes) -> str:
    """pdftotext, normalised: presentation forms to letters, bidi marks dropped."""
    raw = _run("pdftotext", "-enc", "UTF-8", "{pdf}", "-", data=data)
    return normalise(raw)


def normalise(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).translate(BIDI_MARKS).split())


def logical_text(data: bytes) -> str:
    """pdftotext as it comes, bidi marks dropped and whitespace collapsed: no NFKC, so
    presentation forms and lost joiners show."""
    raw = _run("pdftotext", "-enc", "UTF-8", "{pdf}", "-", data=data)
    return " ".join(raw.translate(BIDI_MARKS).split())


def content_streams(data: bytes) -> bytes:
    """Every stream of the file, Flate-decoded where it is compressed (page contents hold
    the marked-content operators: BDC with /Lang or /ActualText, EMC)."""
    streams = []
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", data):
        raw = data[match.end() : match.end() + int(match.group(1))]
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            streams.append(raw)
    return b"\n".join(streams)


def info(data: bytes) -> dict:
    rows = _run("pdfinfo", "-box", "{pdf}", data=data).splitlines()
    return {k.strip(): v.strip() for k, _, v in (row.partition(":") for row in rows)}


def qr_codes(data: bytes, page: int = 1, dpi: int = 150) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "doc.pdf"
        pdf.write_bytes(data)
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pdftoppm",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                str(pdf),  # noqa: S607
                str(Path(tmp) / "page"),
            ],
            check=True,
            timeout=TIMEOUT,
        )
        png = next(Path(tmp).glob("page*.png"))
        result = subprocess.run(  # noqa: S603
            ["zbarimg", "--quiet", "--raw", str(png)],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        return [line for line in result.stdout.splitlines() if line]


def word_boxes(data: bytes, page: int = 1) -> list[tuple[str, float]]:
    """(word, xMin) per word from pdftotext -bbox, in the order poppler reads them."""
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), "{pdf}", "-", data=data)
    return [
        (normalise(word), float(x_min))
        for x_min, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', html)
    ]
