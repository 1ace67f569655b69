"""Stacking paragraphs into a frame: shrink to fit, and split onto continuations when even the
smallest size would spill. Text never leaves its box."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas

from typeset.draw import draw_block
from typeset.layout import Block, layout


@dataclass(frozen=True)
class Item:
    text: str
    lang: str
    bold: bool = False
    scale: float = 1.0  # relative to the frame's base size
    space_before: float = 0.0  # in multiples of the base size
    align: str | None = None
    keep_with_next: bool = False  # a headline stays with its body
    floor: float = 0.0  # pt: never smaller than this, whatever the frame's size and scale
    tag: str = ""  # what the item is, for saying where it went (`split`)


@dataclass
class Placed:
    block: Block
    space_before: float
    align: str | None
    tag: str = ""

    @property
    def height(self) -> float:
        return self.space_before + self.block.height


def place(items: Sequence[Item], width: float, size: float) -> list[Placed]:
    return [
        Placed(
            layout(item.text, item.lang, max(size * item.scale, item.floor), width, item.bold),
            item.space_before * size,
            item.align,
            item.tag,
        )
        for item in items
        if item.text.strip()
    ]


def height(placed: Sequence[Placed]) -> float:
    return sum(p.height for p in placed)


def fit(items: Sequence[Item], width: float, frame_height: float, sizes: Sequence[float]):
    """(size, placed) at the largest size that fits, or None."""
    for size in sizes:
        placed = place(items, width, size)
        if height(placed) <= frame_height:
            return size, placed
    return None


def split(items: Sequence[Item], width: float, frame_height: float, size: float):
    """Items in frames of frame_height at one size; a headline is never left alone at the end.

    An item taller than a whole frame is cut between its lines.
    """
    frames: list[list[Placed]] = [[]]
    used = 0.0
    pending: list[tuple[Item, Placed]] = []
    for item in items:
        if not item.text.strip():
            continue
        (placed,) = place([item], width, size)
        pending.append((item, placed))
        if item.keep_with_next:
            continue
        group_height = sum(p.height for _, p in pending)
        if used + group_height > frame_height and frames[-1]:
            frames.append([])
            used = 0.0
        for _item, p in pending:
            for piece in _cut(p, frame_height - used, frame_height):
                if used + piece.height > frame_height and frames[-1]:
                    frames.append([])
                    used = 0.0
                    piece.space_before = 0.0
                frames[-1].append(piece)
                used += piece.height
        pending = []
    for _item, p in pending:
        frames[-1].append(p)
    return frames


def _cut(placed: Placed, room: float, frame_height: float) -> list[Placed]:
    if placed.height <= frame_height:
        return [placed]
    block = placed.block
    per_frame = max(1, int(frame_height // block.leading))
    pieces = []
    for start in range(0, len(block.lines), per_frame):
        lines = block.lines[start : start + per_frame]
        pieces.append(Placed(replace(block, lines=lines), 0.0, placed.align, placed.tag))
    pieces[0].space_before = placed.space_before
    return pieces


def draw(canvas: Canvas, placed: Sequence[Placed], x: float, top: float) -> float:
    """Draw placed blocks downwards from top; returns the y below the last one."""
    y = top
    for p in placed:
        y -= p.space_before
        draw_block(canvas, p.block, x, y, p.align)
        y -= p.block.height
    return y
