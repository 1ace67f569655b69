"""Rendered files kept in the storage backend (local media or S3), keyed by what they contain.

The key is made of the content fingerprints, language, layout, finish and renderer version,
and of what the file is made with besides the content (`made_with`): the compiled interface
catalogues of the languages it prints, the font files, the pictograms and the libraries that
draw. An edit, a `compilemessages` or a font upgrade makes the next request render afresh; a
repeat request is served as stored.

Two builders of the same missing file build it once: the second waits on the first's lease
(print.locks: a moment in a request, longer in a background build) and then reads what the first
stored. Readers only ever see complete files: a local file is written aside and renamed into
place (S3 puts are atomic already), so a worker killed mid-write leaves at most a ".partial" file
that nobody serves. Packs and posters are built by background tasks (print.tasks), which take a
`Planned` file: its name, known before anything is drawn, and how to build it.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils.translation import to_locale

from dialogue import pictograms
from print import locks
from print.documents.base import RENDERER_VERSION
from typeset import font_files, fonts

logger = logging.getLogger(__name__)
PREFIX = "print-cache"
# What draws a file: a new version may shape, break or embed differently.
LIBRARIES = ("reportlab", "uharfbuzz", "fonttools", "PyICU", "qrcode", "svglib")


def key(kind: str, *parts) -> str:
    raw = json.dumps([RENDERER_VERSION, kind, *parts], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def path(kind: str, digest: str, extension: str) -> str:
    return f"{PREFIX}/{RENDERER_VERSION}/{kind}/{digest}.{extension}"


def name(kind: str, parts: list, extension: str, langs: Iterable[str]) -> str:
    """Where the file of these parts, printing these languages' interface strings, is (or will
    be) stored."""
    return path(kind, key(kind, *parts, made_with(langs)), extension)


def made_with(langs: Iterable[str]) -> dict:
    """What a file is made with besides its content: the gettext catalogues of the languages
    it prints interface strings in, with Swedish always (gettext falls back to LANGUAGE_CODE
    for a string a catalogue lacks), the font files, the pictograms' SVG files (a card's
    content names its pictogram, not what it looks like) and the drawing libraries.

    Worked out once per process, as Django loads each catalogue once per process: a process
    renders with what it read at its start, and keys its files by the same.
    """
    codes = sorted({*langs, settings.LANGUAGE_CODE})
    paths = tuple(str(directory) for directory in settings.LOCALE_PATHS)
    return {
        "catalogues": {code: catalogue(code, paths) for code in codes},
        "fonts": _fonts(tuple(str(directory) for directory in settings.PRINT_FONT_DIRS)),
        "pictograms": _pictograms(),
        "libraries": _libraries(),
    }


@cache
def catalogue(code: str, locale_paths: tuple[str, ...]) -> str:
    """A fingerprint of the compiled catalogues gettext reads for a language: each folder's
    django.mo for its locale and that locale's language (fa_AF, then fa). With none compiled
    it is the digest of nothing, so compiling one changes it."""
    digest = hashlib.sha256()
    for directory in locale_paths:  # in gettext's order: the first found wins
        for found in gettext.find("django", directory, [to_locale(code)], all=True):
            relative = Path(found).relative_to(directory)  # not where the checkout lives
            digest.update(f"{relative}:".encode())
            digest.update(hashlib.sha256(Path(found).read_bytes()).digest())
    return digest.hexdigest()[:16]


@cache
def _fonts(font_dirs: tuple[str, ...]) -> str:
    """A fingerprint of every print font file (any language's text may fall back to any face)
    and of how typeset strips them."""
    digest = hashlib.sha256(f"unhinted:{font_files.FORMAT}".encode())
    for filename in sorted({name for pair in fonts.FILES.values() for name in pair}):
        try:
            data = fonts.find(filename).read_bytes()
        except fonts.FontMissing:
            data = b"missing"  # nothing is drawn without it; `manage.py check` says so
        digest.update(filename.encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


@cache
def _pictograms() -> str:
    digest = hashlib.sha256()
    for name in sorted(pictograms.PICTOGRAMS):
        found = pictograms.file_path(name)
        data = Path(found).read_bytes() if found else b"missing"
        digest.update(name.encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


@cache
def _libraries() -> dict[str, str]:
    found = {}
    for distribution in LIBRARIES:
        try:
            found[distribution] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            found[distribution] = ""
    return found


def exists(name: str) -> bool:
    return default_storage.exists(name)


def read(name: str) -> bytes | None:
    """A stored file, or None when it is not (or no longer) there."""
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def store(name: str, data: bytes) -> None:
    """Put a complete file at `name`, never a partial one."""
    if isinstance(default_storage, FileSystemStorage):
        partial = default_storage.save(f"{name}.partial-{uuid.uuid4().hex}", ContentFile(data))
        os.replace(default_storage.path(partial), default_storage.path(name))
    elif not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))


@dataclass(frozen=True)
class Planned:
    """A file to serve or build: where it is stored (named by its content) and how to make it.
    `langs`: the languages whose interface strings the file prints (see `made_with`)."""

    kind: str
    parts: list
    extension: str
    build: Callable[[], bytes]
    langs: tuple[str, ...]

    @cached_property
    def name(self) -> str:
        return name(self.kind, self.parts, self.extension, self.langs)

    def stored(self) -> bytes | None:
        return read(self.name)

    def get_or_build(self) -> bytes:
        """The stored file, or the one `build` makes (once, under the file's lease)."""
        target = self.name
        data = read(target)
        if data is not None:
            return data
        with locks.build_lease(target):
            data = read(target)  # built by whoever held the lease before us
            if data is None:
                data = self.build()
                store(target, data)
        return data


def get_or_build(
    kind: str, parts: list, extension: str, build: Callable[[], bytes], *, langs: Iterable[str]
) -> bytes:
    """The stored file of these parts, or the one `build` makes (once). `langs`: the languages
    whose interface strings the file prints (see `made_with`)."""
    return Planned(kind, parts, extension, build, tuple(langs)).get_or_build()
