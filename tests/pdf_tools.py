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
    """pdfinfo's fields; the first of a name wins (a PDF/X file's subtype block repeats
    "Title" for the standard's title)."""
    rows = _run("pdfinfo", "-box", "{pdf}", data=data).splitlines()
    found = {}
    for key, _, value in (row.partition(":") for row in rows):
        found.setdefault(key.strip(), value.strip())
    return found


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


COLOUR_OPERATOR = re.compile(
    rb"(?:(?<=\s)|^)((?:-?[\d.]+\s+){1,4}|/\w+\s+)(rg|RG|k|K|g|G|cs|CS|sc|SC|scn|SCN)(?=\s)"
)


def page_contents(data: bytes) -> bytes:
    """The pages' content streams (what /Contents points to), decompressed: the drawing,
    without fonts and metadata, whose binary data can look like operators."""
    streams = []
    for number in re.findall(rb"/Contents (\d+) 0 R", data):
        match = re.search(rb"\n%s 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.S)
        length = int(re.search(rb"/Length (\d+)", match.group(1)).group(1))
        raw = data[match.end() : match.end() + length]
        streams.append(zlib.decompress(raw) if b"FlateDecode" in match.group(1) else raw)
    return b"\n".join(streams)


def colour_operators(data: bytes) -> list[tuple[str, tuple[float, ...] | str]]:
    """Every colour the pages set, in order: ("rg", (r, g, b)), ("k", (c, m, y, k)),
    ("cs", "/Name") …"""
    found = []
    for operands, operator in COLOUR_OPERATOR.findall(page_contents(data)):
        values = operands.split()
        if values[0].startswith(b"/"):
            found.append((operator.decode(), values[0].decode()))
        else:
            found.append((operator.decode(), tuple(float(v) for v in values)))
    return found


def device_rgb(data: bytes) -> list[str]:
    """Where a file still uses RGB: the DeviceRGB name (raw or in a stream), or an RGB
    colour operator (rg, RG). Empty for a CMYK-only file."""
    places = []
    if b"DeviceRGB" in data or b"DeviceRGB" in content_streams(data):
        places.append("/DeviceRGB")
    places += [f"{values} {op}" for op, values in colour_operators(data) if op in ("rg", "RG")]
    return places


def xmp(data: bytes) -> str:
    """The XMP metadata packet (the first one in the file), or ''."""
    match = re.search(rb"<\?xpacket begin=.*?<\?xpacket end=[^>]*\?>", data, re.S)
    return match.group().decode("utf-8") if match else ""


def page_labels(data: bytes) -> dict[int, str]:
    """The page labels a viewer shows, by page index (from 0), for each page a label range
    starts on: {0: "Framsida", 1: "Baksida"}; numbered ranges give their first number."""
    nums = re.search(rb"/Nums \[([^\]]*)\]", data)
    if not nums:
        return {}
    labels = {}
    for page, number in re.findall(rb"(\d+) (\d+) 0 R", nums.group(1)):
        body = re.search(rb"\n%s 0 obj\s*<<(.*?)>>\s*endobj" % number, data, re.S).group(1)
        prefix = re.search(rb"/P \(((?:\\.|[^\\)])*)\)", body)
        start = re.search(rb"/St (\d+)", body)
        label = prefix.group(1).decode("latin-1") if prefix else ""
        if b"/S /D" in body:
            label += start.group(1).decode() if start else "1"
        labels[int(page)] = label
    return labels


QR_SQUARE = re.compile(  # typeset.qr: the code's white square, in RGB or CMYK
    rb"1 0 0 1 ([\d.]+) ([\d.]+) cm\s+(?:[\d.]+ ){3,4}(?:rg|k) 0 0 ([\d.]+) \3 re f"
)


def qr_codes_each(data: bytes, dpi: int = 100) -> list[list[str]]:
    """What zbar reads in each QR code's square on page 1, cropped alone (zbar misses codes
    on a page with twenty of them). Codes drawn on page 1 with its origin moved only to the
    trim corner, as every document here draws them."""
    from PIL import Image

    # Pages draw from the trimmed piece's corner (print.pages): the TrimBox's, or the sheet's.
    left, bottom = map(float, info(data)["TrimBox"].split()[:2])
    squares = [
        (float(x) + left, float(y) + bottom, float(size))
        for x, y, size in QR_SQUARE.findall(page_contents(data))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "doc.pdf"
        pdf.write_bytes(data)
        subprocess.run(  # noqa: S603
            ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", str(pdf), f"{tmp}/page"],  # noqa: S607
            check=True,
            timeout=TIMEOUT,
        )
        page = Image.open(next(Path(tmp).glob("page*.png"))).convert("L")
        scale, found = dpi / 72, []
        for index, (x, y, size) in enumerate(squares):
            box = (x, page.height / scale - y - size, x + size, page.height / scale - y)
            crop = Path(tmp) / f"code-{index}.png"
            page.crop(tuple(round(v * scale) for v in box)).save(crop)
            result = subprocess.run(  # noqa: S603
                ["zbarimg", "--quiet", "--raw", str(crop)],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            found.append(result.stdout.split())
    return found
