"""The picture a chat app shows when a page is shared (og:image): one per pictogram, 1200 × 630.

Its address names the digest of the pictogram's SVG and of this layout (`LAYOUT`). The first
request for it makes it and keeps it in the storage (a page that links to it writes nothing);
it is made again only when the pictogram or the layout changes, and its address can be cached
for a year. It holds the pictogram and "Jobba i Sverige" in Latin letters only: Pillow
cannot shape Arabic or Ethiopic, and one picture serves every language.

Pillow draws no SVG, so the pictogram is read with svglib (as print does) and its few shapes
(lines, polylines, rectangles, circles, paths of lines and cubic curves) are drawn here, four
times larger and then scaled down, which smooths their edges.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
from collections.abc import Iterator
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics import shapes
from svglib.svglib import svg2rlg

from dialogue import pictograms
from typeset import fonts

WIDTH, HEIGHT = 1200, 630
LAYOUT = "1"  # change it when the layout below changes: every picture is made again
SUPERSAMPLE = 4
PAPER = (253, 252, 249)
INK = (29, 53, 87)
BAND = (232, 238, 246)
FOLDER = "share"
NAME = re.compile(r"^[a-z0-9-]+-[0-9a-f]{16}\.png$")


@functools.cache
def storage_name(pictogram: str) -> str | None:
    """The picture's file name: the pictogram's and the layout's digest (None: no such
    pictogram). Cached per process: pictograms are static files, changed only by a deploy."""
    path = pictograms.file_path(pictogram)
    if path is None:
        return None
    digest = hashlib.sha256(LAYOUT.encode() + b"\0" + Path(path).read_bytes()).hexdigest()[:16]
    return f"{pictogram}-{digest}.png"


def picture(name: str, make: bool = True):
    """The stored picture (an open file), made and stored first when `name` is the current one
    of a pictogram and `make` is on; None for any other name. Pictures made for an earlier
    pictogram are served while they are stored: previews already shared keep theirs."""
    if not NAME.match(name):
        return None
    path = f"{FOLDER}/{name}"
    if default_storage.exists(path):
        return default_storage.open(path, "rb")
    pictogram = name.rsplit("-", 1)[0]
    if not make or pictogram not in pictograms.PICTOGRAMS or storage_name(pictogram) != name:
        return None
    saved = default_storage.save(path, ContentFile(render(pictogram)))
    if saved != path:  # another process made it meanwhile: keep one, under its own name
        default_storage.delete(saved)
    return default_storage.open(path, "rb")


def render(pictogram: str) -> bytes:
    scale = SUPERSAMPLE
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, (HEIGHT - 150) * scale, WIDTH * scale, HEIGHT * scale), fill=BAND)
    size = 380 * scale
    _draw_pictogram(draw, pictogram, (WIDTH * scale - size) // 2, 60 * scale, size)
    font = ImageFont.truetype(str(fonts.find("NotoSans-Bold.ttf")), 64 * scale)
    draw.text(
        (WIDTH * scale // 2, (HEIGHT - 75) * scale), "Jobba i Sverige", INK, font, anchor="mm"
    )
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


# --- the pictogram ------------------------------------------------------------------------


def _draw_pictogram(draw: ImageDraw.ImageDraw, name: str, left: int, top: int, size: int):
    drawing = svg2rlg(pictograms.file_path(name))
    scale = size / max(drawing.width, drawing.height)
    # Drawing units (y up) to pixels (y down), inside the square at (left, top).
    page = (scale, 0, 0, -scale, left, top + drawing.height * scale)
    for shape, matrix in _shapes(drawing, page):
        _draw_shape(draw, shape, matrix)


def _shapes(node, matrix) -> Iterator[tuple[object, tuple]]:
    if isinstance(node, shapes.Group):
        inner = shapes.mmult(matrix, node.transform)
        for child in node.contents:
            yield from _shapes(child, inner)
    else:
        yield node, matrix


def _colour(color) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return tuple(round(channel * 255) for channel in (color.red, color.green, color.blue))


def _draw_shape(draw, shape, matrix):
    for points, closed in _outlines(shape):
        moved = [shapes.transformPoint(matrix, point) for point in points]
        fill = _colour(getattr(shape, "fillColor", None))
        if fill is not None and closed and len(moved) > 2:
            draw.polygon(moved, fill=fill)
        stroke = _colour(getattr(shape, "strokeColor", None))
        width = (getattr(shape, "strokeWidth", 1) or 0) * math.sqrt(abs(_det(matrix)))
        if stroke is None or width <= 0:
            continue
        path = moved + moved[:1] if closed else moved
        draw.line(path, fill=stroke, width=round(width), joint="curve")
        radius = width / 2  # round caps and joins, as the pictograms ask
        for x, y in path:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=stroke)


def _det(matrix) -> float:
    return matrix[0] * matrix[3] - matrix[1] * matrix[2]


def _outlines(shape) -> Iterator[tuple[list[tuple[float, float]], bool]]:
    """The shape as polylines: (points, closed)."""
    if isinstance(shape, shapes.Line):
        yield [(shape.x1, shape.y1), (shape.x2, shape.y2)], False
    elif isinstance(shape, shapes.Circle):
        yield _ellipse(shape.cx, shape.cy, shape.r, shape.r), True
    elif isinstance(shape, shapes.Ellipse):
        yield _ellipse(shape.cx, shape.cy, shape.rx, shape.ry), True
    elif isinstance(shape, shapes.Rect):
        yield _rect(shape), True
    elif isinstance(shape, (shapes.PolyLine, shapes.Polygon)):
        points = list(zip(shape.points[::2], shape.points[1::2], strict=True))
        yield points, isinstance(shape, shapes.Polygon)
    elif isinstance(shape, shapes.Path):
        yield from _path(shape)


def _ellipse(cx, cy, rx, ry, steps=64):
    return [
        (cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps))
        for i in range(steps)
    ]


def _rect(rect):
    x, y, w, h = rect.x, rect.y, rect.width, rect.height
    r = min(rect.rx or 0, w / 2, h / 2)
    if not r:
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    corners = ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0), (x + r, y + h - r, 90))
    points = []
    for cx, cy, start in (*corners, (x + r, y + r, 180)):
        for step in range(9):
            angle = math.radians(start + step * 90 / 8)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _path(path) -> Iterator[tuple[list[tuple[float, float]], bool]]:
    """reportlab's path operators: 0 moveTo, 1 lineTo, 2 curveTo, 3 closePath."""
    coords = iter(path.points)
    current: list[tuple[float, float]] = []
    for operator in path.operators:
        if operator == 0:
            if len(current) > 1:
                yield current, False
            current = [(next(coords), next(coords))]
        elif operator == 1:
            current.append((next(coords), next(coords)))
        elif operator == 2:
            controls = [(next(coords), next(coords)) for _ in range(3)]
            current += _cubic(current[-1], *controls)
        elif operator == 3:
            yield current, True
            current = [current[0]] if current else []
    if len(current) > 1:
        yield current, False


def _cubic(p0, p1, p2, p3, steps=24):
    points = []
    for i in range(1, steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        points.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return points
