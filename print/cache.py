"""Rendered files kept in the storage backend (local media or S3), keyed by what they contain.

The key is made of the content fingerprints, language, layout, finish and renderer version,
so an edit makes the next request render afresh and a repeat request is served as stored.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from print.documents.base import RENDERER_VERSION

logger = logging.getLogger(__name__)
PREFIX = "print-cache"


def key(kind: str, *parts) -> str:
    raw = json.dumps([RENDERER_VERSION, kind, *parts], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def path(kind: str, digest: str, extension: str) -> str:
    return f"{PREFIX}/{RENDERER_VERSION}/{kind}/{digest}.{extension}"


def get_or_build(kind: str, parts: list, extension: str, build: Callable[[], bytes]) -> bytes:
    name = path(kind, key(kind, *parts), extension)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    data = build()
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:  # another process stored it first; keep one copy
            default_storage.delete(saved)
    return data
