"""Paragraph layout for every script: bidi (UAX #9), line breaking (UAX #14), a font per run.

For each paragraph: bidi levels per character from ICU, line-break opportunities from
ICU (dictionary breaks for Thai), greedy filling by shaped widths, then per line the
visual runs (rule L2), each split by font coverage and shaped with its direction given.
Number runs in right-to-left text are isolated (LRI…PDI) so "0771-416 416" stays whole.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import icu

import languages
from languages import bidi
from typeset import fonts, no_break
from typeset.shaping import ShapedRun, advance_units, shape

LRI, PDI = "\u2066", "\u2069"
ZWNJ, ZWJ = "\u200c", "\u200d"
SHY, HYPHEN = "\u00ad", "-"
# Explicit direction controls in content are dropped: the layout decides direction.
CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
# Joiners are spelling (نامه‌ای is not نامهای): they stay in the run HarfBuzz shapes, which
# joins or parts the letters around them and draws nothing for them.
JOINERS = frozenset((ZWNJ, ZWJ))
# Left out of the shaped runs: nothing to draw. A soft hyphen the line is broken at is drawn
# as a hyphen (`_line_end`, `_line`).
NOT_DRAWN = (fonts.IGNORABLE | {LRI, PDI}) - JOINERS


@dataclass
class Line:
    runs: list[tuple[float, ShapedRun]] = field(default_factory=list)  # (x from line start, run)
    width: float = 0.0


@dataclass(frozen=True)
class Block:
    """Laid-out lines; shared between callers (layout() is memoised), so never changed."""

    lines: tuple[Line, ...]
    size: float
    leading: float
    rtl: bool
    width: float  # the box width the lines were broken for
    lang: str = ""  # the language code the text was laid out in (marked in the PDF)

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def clean(text: str) -> str:
    """Content as it will be laid out: no stray direction controls, no NULs or tabs."""
    text = text.translate(CONTROLS).replace("\t", " ").replace("\r\n", "\n")
    return "".join(ch for ch in text if ch == "\n" or ch >= " ")


def isolate_numbers(text: str) -> str:
    parts, position = [], 0
    for start, end in bidi.number_spans(text):
        parts += [text[position:start], LRI, text[start:end], PDI]
        position = end
    parts.append(text[position:])
    return "".join(parts)


class _Utf16:
    """ICU counts UTF-16 code units; Python counts code points. Map between them."""

    def __init__(self, text: str):
        self.to16 = [0]
        for ch in text:
            self.to16.append(self.to16[-1] + (2 if ord(ch) > 0xFFFF else 1))
        self.from16 = {u: i for i, u in enumerate(self.to16)}


def _break_opportunities(text: str, lang: str) -> list[int]:
    locale = icu.Locale(languages.get(lang).babel if languages.get(lang) else "sv")
    iterator = icu.BreakIterator.createLineInstance(locale)
    iterator.setText(text)
    index = _Utf16(text)
    return [index.from16[b] for b in iterator if b in index.from16]


def _graphemes(text: str) -> list[str]:
    iterator = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())
    iterator.setText(text)
    index = _Utf16(text)
    cuts = [0] + [index.from16[b] for b in iterator if b in index.from16]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _face_runs(text: str, faces) -> list[tuple[str, fonts.Face]]:
    """Split text into runs of one face each: the first face that covers a character wins.

    Spaces and marks stay with the run they are in, so a word is never shaped across fonts;
    so do joiners (with the following run when they open the text).
    """
    coverages = _coverages(faces)
    runs: list[tuple[str, fonts.Face]] = []
    current, chars = -1, []
    for ch in text:
        if ch in NOT_DRAWN:
            continue
        point = ord(ch)
        if ch in JOINERS or (
            current >= 0 and (ch.isspace() or point in coverages[current] and _is_neutral(ch))
        ):
            chars.append(ch)
            continue
        chosen = next((i for i, covered in enumerate(coverages) if point in covered), 0)
        if chosen != current:
            if current >= 0:
                runs.append(("".join(chars), faces[current]))
                chars = []
            current = chosen
        chars.append(ch)
    if chars:
        runs.append(("".join(chars), faces[max(current, 0)]))
    return runs


@lru_cache(maxsize=64)
def _coverages(faces) -> tuple[frozenset[int], ...]:
    return tuple(fonts.coverage(face.name) for face in faces)


@lru_cache(maxsize=4096)
def _is_neutral(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PZM"


def _width(text: str, lang: str, size: float, bold: bool, rtl: bool) -> float:
    return _units(text, lang, bold, rtl) * size / 1000


@lru_cache(maxsize=50_000)
def _units(text: str, lang: str, bold: bool, rtl: bool) -> float:
    """Advance of text in thousandths of an em: the same at every size fitting tries. Only the
    width is kept, not the glyphs: what is drawn is shaped again by `shape`."""
    faces = fonts.for_language(lang, bold)
    return sum(advance_units(t, f, rtl, lang) for t, f in _face_runs(text, faces))


# Fitting tries each size in turn and a pack lays out the same titles, labels and Swedish
# backs again and again: the result depends only on the arguments, so it is kept per process.
# Bounded by one pack's reuse, as the drawn runs it holds (shaping.py): the largest pack lays out
# ~2,900 blocks with no fewer hits at this size, and 20,000 kept ~8 MB more in a worker.
@lru_cache(maxsize=1024)
def layout(
    text: str,
    lang: str,
    size: float,
    width: float,
    bold: bool = False,
    leading: float | None = None,
) -> Block:
    """Lay out text in a language at a size for a box width. Newlines start new lines."""
    language = languages.get(lang)
    rtl = bool(language and language.is_rtl)
    leading = leading or size * (1.5 if language and language.script in ("Thai", "Ethi") else 1.3)
    lines: list[Line] = []
    for paragraph in clean(text).split("\n"):
        if rtl:
            paragraph = isolate_numbers(paragraph)
        lines.extend(_paragraph_lines(paragraph, lang, size, width, bold, rtl))
    return Block(lines=tuple(lines), size=size, leading=leading, rtl=rtl, width=width, lang=lang)


def _segments(paragraph: str, lang: str, size: float, width: float, bold: bool, rtl: bool):
    """Break opportunities, with any segment wider than the box cut between graphemes."""
    # Never break inside a number: "0771-416 416" has break opportunities at "-" and " ";
    # nor inside a name on the language's no-break list (an agency's name in Thai).
    inside_numbers = {i for a, b in bidi.number_spans(paragraph) for i in range(a + 1, b)}
    kept = inside_numbers | no_break.inside(paragraph, lang)
    cuts = [0] + [c for c in _break_opportunities(paragraph, lang) if c not in kept]
    for start, end in zip(cuts, cuts[1:], strict=False):
        segment = paragraph[start:end]
        if _width(_line_end(segment), lang, size, bold, rtl) <= width:
            yield start, end
            continue
        piece_start = start
        position = start
        for grapheme in _graphemes(segment):
            trial = _hyphenated(paragraph[piece_start : position + len(grapheme)])
            if position > piece_start and _width(trial, lang, size, bold, rtl) > width:
                yield piece_start, position
                piece_start = position
            position += len(grapheme)
        if position > piece_start:
            yield piece_start, position


def _line_end(text: str) -> str:
    """Text as drawn when a line ends after it: without trailing spaces, or with a hyphen for
    the soft hyphen it ends in (the line is broken there)."""
    return _hyphenated(text) if text.endswith(SHY) else text.rstrip()


def _hyphenated(text: str) -> str:
    return text[:-1] + HYPHEN if text.endswith(SHY) else text


def _paragraph_lines(paragraph, lang, size, width, bold, rtl) -> list[Line]:
    paragraph = paragraph.rstrip(SHY)  # the paragraph's own end is no hyphenation point
    if not paragraph.strip():
        return [Line()]
    segments = list(_segments(paragraph, lang, size, width, bold, rtl))
    para_bidi = icu.Bidi()
    para_bidi.setPara(icu.UnicodeString(paragraph), 1 if rtl else 0)
    index = _Utf16(paragraph)
    faces = fonts.for_language(lang, bold)

    def lines_of(ranges):
        return [
            _line(paragraph, para_bidi, index, start, end, faces, size, lang)
            for start, end in ranges
        ]

    ranges = _fill(paragraph, segments, lang, size, width, bold, rtl)
    # Filling adds up words shaped one by one; a kern across a word boundary could make the
    # whole line a hair wider than the sum. Then the paragraph is filled again measuring
    # every candidate line whole: slower, and what filling always did before.
    if any(
        _width(_line_end(paragraph[start:end]), lang, size, bold, rtl) > width
        for start, end in ranges
    ):
        ranges = _fill_exact(paragraph, segments, lang, size, width, bold, rtl)
    return lines_of(ranges)


def _fill(paragraph, segments, lang, size, width, bold, rtl) -> list[tuple[int, int]]:
    """Greedy filling by the sum of each segment's own width."""
    texts = [paragraph[start:end] for start, end in segments]
    trimmed = [_width(_line_end(text), lang, size, bold, rtl) for text in texts]
    before = [0.0]  # widths of the segments before each one, trailing spaces included
    for text, own in zip(texts, trimmed, strict=True):
        full = own if text == _line_end(text) else _width(text, lang, size, bold, rtl)
        before.append(before[-1] + full)

    def summed(first, last):
        return before[last] - before[first] + trimmed[last]

    return _greedy(segments, width, summed)


def _fill_exact(paragraph, segments, lang, size, width, bold, rtl) -> list[tuple[int, int]]:
    """Greedy filling measuring every candidate line whole."""

    def whole(first, last):
        text = _line_end(paragraph[segments[first][0] : segments[last][1]])
        return _width(text, lang, size, bold, rtl)

    return _greedy(segments, width, whole)


def _greedy(segments, width, measure) -> list[tuple[int, int]]:
    """Lines as (start, end): a segment joins the line while `measure(first, last)`, the width
    of segments first..last without trailing spaces, fits. A line holds at least one."""
    groups, first = [], 0
    for last in range(1, len(segments)):
        if measure(first, last) > width:
            groups.append((first, last - 1))
            first = last
    groups.append((first, len(segments) - 1))
    groups = _no_lone_last_word(groups, width, measure)
    return [(segments[first][0], segments[last][1]) for first, last in groups]


def _no_lone_last_word(groups, width, measure):
    """A paragraph does not end in a line of one word when the line before can give it one
    and keep two: the word moves down if the two then fit. Segments are ICU's, so in Thai,
    written without spaces, a "word" is a dictionary word (or a no-break compound)."""
    if len(groups) < 2:
        return groups
    (before_first, before_last), (last_first, last_last) = groups[-2], groups[-1]
    if last_first != last_last or before_last - before_first < 2:
        return groups
    if measure(before_last, last_last) > width:
        return groups
    return [*groups[:-2], (before_first, before_last - 1), (before_last, last_last)]


def _line(paragraph, para_bidi, index, start, end, faces, size, lang) -> Line:
    # A line broken at a soft hyphen shows a hyphen there, in the bidi run the soft hyphen is in.
    hyphen_at = end - 1 if paragraph[end - 1] == SHY else -1
    # Trailing spaces at the logical end of a line are not drawn.
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    line = Line()
    if end <= start:
        return line
    line_bidi = para_bidi.setLine(index.to16[start], index.to16[end])
    x = 0.0
    for run_index in range(line_bidi.countRuns()):
        logical_start16, length16, direction = line_bidi.getVisualRun(run_index)
        run_start = index.from16[index.to16[start] + logical_start16]
        run_end = index.from16[index.to16[start] + logical_start16 + length16]
        rtl = direction == 1
        run_text = paragraph[run_start:run_end]
        if run_start <= hyphen_at < run_end:
            cut = hyphen_at - run_start
            run_text = run_text[:cut] + HYPHEN + run_text[cut + 1 :]
        pieces = _face_runs(run_text, faces)
        if rtl:
            pieces.reverse()  # font runs inside a right-to-left run are laid out right to left
        for text, face in pieces:
            run = shape(text, face, size, rtl, lang)
            line.runs.append((x, run))
            x += run.width
    line.width = x
    return line


def fit(text: str, lang: str, width: float, height: float, sizes: list[float], bold: bool = False):
    """The largest size at which the text fits the box, or None when even the smallest spills."""
    for size in sizes:
        block = layout(text, lang, size, width, bold)
        if block.height <= height:
            return block
    return None
