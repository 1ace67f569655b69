"""Fonts for print: Noto faces per script, found on a configurable search path, registered once.

Never a silent fallback: a script whose face is missing raises FontMissing (and fails
`manage.py check`, see print/checks.py). NotoSans is the fallback *within* a line for the
characters a script's face lacks (Latin words, ASCII digits and punctuation in Ethiopic
and Thai text), chosen per character by coverage, never for a whole language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import languages
from typeset import font_files


class FontMissing(Exception):
    pass


@dataclass(frozen=True)
class Face:
    """One registered TrueType face: its ReportLab name and the code points it covers."""

    name: str
    path: Path
    script: str
    bold: bool

    @property
    def ttf(self) -> TTFont:
        return pdfmetrics.getFont(self.name)

    def covers(self, char: str) -> bool:
        return ord(char) in coverage(self.name)


# Script (ISO 15924) → (regular, bold) file names from Debian's fonts-noto-core.
FILES = {
    "Latn": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "Cyrl": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "Arab": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "Ethi": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    "Thai": ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
}
BASE_SCRIPT = "Latn"  # NotoSans: Latin, Cyrillic, digits, punctuation


def search_path() -> list[Path]:
    return [Path(p) for p in settings.PRINT_FONT_DIRS]


def find(filename: str) -> Path:
    for directory in search_path():
        candidate = directory / filename
        if candidate.is_file():
            return candidate
    dirs = ", ".join(str(d) for d in search_path())
    raise FontMissing(
        f"Font file {filename} not found in PRINT_FONT_DIRS ({dirs}). "
        "Install Debian's fonts-noto-core or point PRINT_FONT_DIRS at the Noto fonts."
    )


@cache
def face(script: str, bold: bool = False) -> Face:
    """The registered face for a script (registered with ReportLab on first use)."""
    if script not in FILES:
        raise FontMissing(f"No print font is configured for the script {script!r}")
    filename = FILES[script][1 if bold else 0]
    path = find(filename)
    name = f"JiS-{Path(filename).stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        data = io.BytesIO(font_files.unhinted(path))
        data.name = str(path)  # ReportLab names the file in its errors
        pdfmetrics.registerFont(TTFont(name, data, shapable=True))
    return Face(name=name, path=path, script=script, bold=bold)


@cache
def coverage(name: str) -> frozenset[int]:
    # Real cmap entries only: ReportLab adds private-use code points for shaped glyphs later.
    return frozenset(
        c for c in pdfmetrics.getFont(name).face.charToGlyph if not 0xE000 <= c < 0xF900
    )


def base(bold: bool = False) -> Face:
    return face(BASE_SCRIPT, bold)


@cache
def for_language(lang: str, bold: bool = False) -> tuple[Face, ...]:
    """Faces to try, in order, for text in a language: its script's face, NotoSans, then the
    other scripts' faces (an Arabic language name inside Swedish text)."""
    language = languages.get(lang)
    if language is None:
        raise FontMissing(f"Unknown language {lang!r}")
    order = [language.script, BASE_SCRIPT] + sorted(set(FILES) - {language.script, BASE_SCRIPT})
    faces: list[Face] = []
    for script in order:
        candidate = face(script, bold)
        if candidate not in faces:
            faces.append(candidate)
    return tuple(faces)


def uncovered(text: str, lang: str) -> list[str]:
    """Characters in text that no face for the language can draw (each listed once)."""
    faces = for_language(lang)
    missing = []
    for char in text:
        if char.isspace() or char in IGNORABLE or char in missing:
            continue
        if not any(f.covers(char) for f in faces):
            missing.append(char)
    return missing


# Drawn as nothing, so they need no glyph: bidi controls, joiners, soft hyphen.
IGNORABLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u00ad\u2060\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def check_all() -> list[str]:
    """Problems with the print fonts of every enabled language (empty when all is well)."""
    problems = []
    for script in sorted({language.script for language in languages.enabled()} | {BASE_SCRIPT}):
        for bold in (False, True):
            try:
                face(script, bold)
            except FontMissing as error:
                problems.append(str(error))
    return problems
