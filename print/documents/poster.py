"""The language poster, A4 or A3: "Listen in your language", one QR code per language.

The grid is worked out from the number of languages and the sheet: of every number of
columns, the one that gives the largest codes in the printable area; each language's name in
its own script, as large as the codes and the cells allow (never below MIN_NAME); the last
row centred; at the foot the date and version, as on the cards.

Lengths and sizes are set for A3. A4 is A3 scaled by 1/√2, and so is everything on it: a
poster read from the same distance at either size would be A3, so A4 keeps the proportions.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm

import languages
from print.documents.base import ACCENT, INK, MUTED, Renderer
from print.pages import Page
from typeset import frames, qr
from typeset.draw import baseline_offset
from typeset.frames import Item, Placed
from typeset.layout import layout

SHEETS = {"A4": A4, "A3": A3}
SCALES = {"A3": 1.0, "A4": 1 / math.sqrt(2)}
SV = languages.SOURCE_LANGUAGE

# On A3 (times the sheet's scale on A4):
MARGIN = 12 * mm  # the printable area: office printers leave about 5 mm unprinted
HEADING = 36  # pt
FOOT = 9  # pt: the date and version line
# Each code's square holds its quiet zone (4 modules of white on every side): codes side by
# side are parted by 8 modules and these gaps, the label by 4 modules and LABEL_GAP.
COLUMN_GAP = 3 * mm
ROW_GAP = 4 * mm  # between a label and the code below it
LABEL_GAP = 1 * mm
MIN_NAME = 18  # pt: a language's name must be found from a few metres
MAX_NAME = 40  # pt
NAME_PER_MM = 18 / 35  # names grow with the codes: 18 pt beside 35 mm codes
LISTEN = 0.5  # "Listen in your language", relative to the name
MIN_LISTEN, MAX_LISTEN = 10, 16  # pt: it says what the names are for, it is not looked for
LABEL_INSET = 1 * mm  # labels side by side are parted by twice this, at the least
MAX_QR = 100 * mm  # a larger code is found no sooner; the room goes to the names
STEP = 0.5 * mm  # codes are sized in steps of this


def poster_version(targets) -> str:
    """The poster's version: a short digest of what it shows, its languages and their links."""
    raw = json.dumps([list(target) for target in targets], ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:7]


@dataclass(frozen=True)
class Cell:
    code: str
    url: str
    x: float  # the code's left edge
    top: float  # the code's top edge
    name: Placed  # the language's name in its own script, centred under the code
    name_drop: float  # the name's first baseline level with the others'
    listen: list[Placed]  # "Listen in your language" in the language, under the name
    label_x: float


@dataclass(frozen=True)
class Grid:
    """Where every code and label goes; in points, in the trimmed sheet's coordinates."""

    columns: int
    rows: int
    qr_size: float
    name_size: float
    top: float  # the first row's top
    bottom: float  # the last row's label's bottom
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class _Fit:
    columns: int
    rows: int
    qr_size: float
    name_size: float
    names: tuple[Placed, ...]
    listens: tuple[list[Placed], ...]
    scale: float

    def _row(self, index: int) -> range:
        start = index // self.columns * self.columns
        return range(start, min(start + self.columns, len(self.names)))

    def drop(self, index: int) -> float:
        """How far a name is lowered so that the first lines of the names in its row share a
        baseline (Ethiopic and Thai lines are set with more leading)."""
        first = {i: baseline_offset(self.names[i].block, 0) for i in self._row(index)}
        return max(first.values()) - first[index]

    def label_height(self, index: int) -> float:
        return self.drop(index) + self.names[index].height + frames.height(self.listens[index])

    @property
    def row_heights(self) -> list[float]:
        """Each row's code and its tallest label: a row of short names is not as tall as one
        where a name takes two lines."""
        return [
            self.qr_size + LABEL_GAP * self.scale + max(map(self.label_height, self._row(start)))
            for start in range(0, len(self.names), self.columns)
        ]


class PosterRenderer(Renderer):
    """`targets` is a list of (language code, URL) in the order they are shown; `published`,
    the date printed at the foot with the version (the digest of the targets)."""

    def __init__(
        self,
        targets,
        size="A4",
        title_sv="",
        finish="office",
        version="",
        published: date | None = None,
    ):
        if size not in SHEETS:
            raise ValueError(f"Unknown poster size {size!r}; choose A4 or A3")
        if not targets:
            raise ValueError("A poster needs at least one language")
        super().__init__(SV, title_sv or "Jobba i Sverige", finish)
        self.targets = [tuple(target) for target in targets]
        self.size = size
        self.title_sv = title_sv
        self.version = version or poster_version(self.targets)
        self.published = published
        self.scale = SCALES[size]
        self.width, self.height = SHEETS[size]
        self.margin = MARGIN * self.scale

    # --- what goes where --------------------------------------------------------------
    def _head(self) -> list[Placed]:
        with translation.override(SV):
            heading = _("Listen in your language")
        with translation.override("en"):
            heading_en = _("Listen in your language")
        return frames.place(
            [
                Item(heading, SV, bold=True, scale=1.0, align="center"),
                Item(heading_en, "en", scale=0.5, align="center"),
                Item(self.title_sv, SV, scale=0.5, space_before=0.25, align="center"),
            ],
            self.width - 2 * self.margin,
            HEADING * self.scale,
        )

    def _foot(self) -> Placed:
        if self.published:
            line = self.version_line(self.published, self.version)
        else:
            line = f"Jobba i Sverige · v{self.version[:7]}"
        (placed,) = frames.place(
            [Item(line, SV, align="center")], self.width - 2 * self.margin, FOOT * self.scale
        )
        return placed

    def grid(self) -> Grid:
        """The grid of codes between the heading and the foot."""
        scale = self.scale
        top = self.height - self.margin - frames.height(self._head()) - 4 * mm * scale
        bottom = self.margin + self._foot().height + 4 * mm * scale
        area_width, area_height = self.width - 2 * self.margin, top - bottom
        count = len(self.targets)
        fits = []
        # Each number of rows with the fewest columns that give it; more would be empty.
        for columns in sorted({math.ceil(count / rows) for rows in range(1, count + 1)}):
            found = self._largest(columns, math.ceil(count / columns), area_width, area_height)
            if found:
                fits.append(found)
        if not fits:
            raise ValueError(f"{count} languages do not fit on an {self.size} poster")
        fit = max(fits, key=lambda found: (found.qr_size, found.name_size))
        return self._placed(fit, top, area_width, area_height)

    def _largest(self, columns, rows, area_width, area_height) -> _Fit | None:
        """The largest codes (with their labels) that fit `columns` × `rows` in the area."""
        scale = self.scale
        widest = (area_width - (columns - 1) * COLUMN_GAP * scale) / columns
        steps = int(min(widest, MAX_QR * scale) // STEP)
        low = math.ceil(qr.MIN_SIZE / STEP)
        found = None
        while low <= steps:  # the height a size needs grows with it: bisect on the size
            middle = (low + steps) // 2
            fit = self._fit(columns, rows, middle * STEP, area_width / columns)
            if sum(fit.row_heights) + (rows - 1) * ROW_GAP * scale <= area_height:
                found, low = fit, middle + 1
            else:
                steps = middle - 1
        return found

    def _fit(self, columns, rows, qr_size, cell_width) -> _Fit:
        """The labels under codes of qr_size: the names, all in one size, as large as the codes
        call for; smaller so that every name holds on one line, by a fifth at most; beyond that
        a long name ("Bosanski / hrvatski / srpski") takes two lines (never more) rather than
        every name shrinking for it, and no word is broken. Never below MIN_NAME."""
        scale = self.scale
        width = cell_width - 2 * LABEL_INSET * scale
        wanted = min(MAX_NAME * scale, max(MIN_NAME * scale, qr_size / mm * NAME_PER_MM))
        own = [(own_name(code), code) for code, _url in self.targets]
        one_line = min(width / _width(name, code) for name, code in own)
        whole_words = min(width / _width(word, code) for name, code in own for word in name.split())
        size = min(wanted, max(one_line, 0.8 * wanted), whole_words)
        size = max(MIN_NAME * scale, math.floor(size * 2) / 2)  # in half points
        while size - 0.5 >= MIN_NAME * scale and any(
            len(layout(name, code, size, width, True).lines) > 2 for name, code in own
        ):
            size -= 0.5  # two lines at most
        names, listens = [], []
        for code, _url in self.targets:
            with translation.override(code):
                listen = _("Listen in your language")
            names += frames.place([Item(own_name(code), code, True, align="center")], width, size)
            listen_size = min(max(LISTEN * size, MIN_LISTEN * scale), MAX_LISTEN * scale)
            item = Item(listen, code, space_before=0.1 * size / listen_size, align="center")
            listens.append(frames.place([item], width, listen_size))
        return _Fit(columns, rows, qr_size, size, tuple(names), tuple(listens), scale)

    def _placed(self, fit: _Fit, top, area_width, area_height) -> Grid:
        scale = self.scale
        heights = fit.row_heights
        spare = area_height - sum(heights) - (fit.rows - 1) * ROW_GAP * scale
        between = spare / (fit.rows + 1)  # what is left over goes above, between and below
        row_tops = [top - between]
        for height in heights[:-1]:
            row_tops.append(row_tops[-1] - height - ROW_GAP * scale - between)
        cell_width = area_width / fit.columns
        count = len(self.targets)
        cells = []
        for index, (code, url) in enumerate(self.targets):
            row, column = divmod(index, fit.columns)
            in_row = min(fit.columns, count - row * fit.columns)
            left = self.margin + (fit.columns - in_row) * cell_width / 2  # the last row centred
            cell_x = left + column * cell_width
            cells.append(
                Cell(
                    code,
                    url,
                    cell_x + (cell_width - fit.qr_size) / 2,
                    row_tops[row],
                    fit.names[index],
                    fit.drop(index),
                    fit.listens[index],
                    cell_x + LABEL_INSET * scale,
                )
            )
        return Grid(
            columns=fit.columns,
            rows=fit.rows,
            qr_size=fit.qr_size,
            name_size=fit.name_size,
            top=row_tops[0],
            bottom=row_tops[-1] - heights[-1],
            cells=tuple(cells),
        )

    # --- drawing -------------------------------------------------------------------------
    def draw(self):
        page = Page(self.width, self.height, self.finish)
        canvas = self.canvas
        page.begin(canvas)
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        frames.draw(canvas, self._head(), self.margin, self.height - self.margin)
        grid = self.grid()
        for cell in grid.cells:
            qr.draw(canvas, cell.url, cell.x, cell.top - grid.qr_size, grid.qr_size)
            label_top = cell.top - grid.qr_size - LABEL_GAP * self.scale
            canvas.setFillColorRGB(*INK)  # the name: the darkest ink, read from afar
            label_top = frames.draw(canvas, [cell.name], cell.label_x, label_top - cell.name_drop)
            canvas.setFillColorRGB(*ACCENT)
            frames.draw(canvas, cell.listen, cell.label_x, label_top)
        canvas.setFillColorRGB(*MUTED)
        foot = self._foot()
        frames.draw(canvas, [foot], self.margin, self.margin + foot.height)
        canvas.restoreState()
        page.end(canvas)


def own_name(code: str) -> str:
    """What a speaker looks for: the language's name in its own script."""
    return languages.get(code).own_name


def _width(text: str, code: str) -> float:
    """The bold text's width on one line at 1 pt (shaped widths grow with the size)."""
    block = layout(text, code, 100, 1e6, True)
    return max(line.width for line in block.lines) / 100
