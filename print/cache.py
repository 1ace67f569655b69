"""Rendered files kept in the storage backend (local media or S3), keyed by what they contain.

The key is made of the content fingerprints, language, layout, finish and renderer version,
so an edit makes the next request render afresh and a repeat request is served as stored.

Two requests for the same missing file build it once: the second waits on a lock and then reads
what the first stored. Readers only ever see complete files: a local file is written aside and
renamed into place (S3 puts are atomic already), so a worker killed mid-write leaves at most a
".partial" file that nobody serves.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

from print.documents.base import RENDERER_VERSION
from print.locks import build_lock

logger = logging.getLogger(__name__)
PREFIX = "print-cache"


def key(kind: str, *parts) -> str:
    raw = json.dumps([RENDERER_VERSION, kind, *parts], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def path(kind: str, digest: str, extension: str) -> str:
    return f"{PREFIX}/{RENDERER_VERSION}/{kind}/{digest}.{extension}"


def name(kind: str, parts: list, extension: str) -> str:
    """Where the file of these parts is (or will be) stored."""
    return path(kind, key(kind, *parts), extension)


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


def get_or_build(kind: str, parts: list, extension: str, build: Callable[[], bytes]) -> bytes:
    target = name(kind, parts, extension)
    data = read(target)
    if data is not None:
        return data
    with build_lock(target):
        data = read(target)  # built by whoever held the lock before us
        if data is None:
            data = build()
            store(target, data)
    return data
