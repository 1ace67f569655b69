"""One builder at a time per file, across processes.

With a shared cache (Redis in production, several app servers) the lock is an atomic
`cache.add` with a timeout, so a crashed holder cannot block for ever. Without one (the embedded
defaults: local memory cache, local media, one machine) it is an exclusive file lock next to the
media files, which the kernel releases when a process dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

LOCAL_CACHES = ("LocMemCache", "DummyCache")
HOLD_SECONDS = 300  # longer than the largest pack takes to build
POLL_SECONDS = 0.1


def _shared_cache() -> bool:
    return not settings.CACHES["default"]["BACKEND"].endswith(LOCAL_CACHES)


@contextlib.contextmanager
def build_lock(name: str):
    digest = hashlib.sha256(name.encode()).hexdigest()
    if _shared_cache():
        with _cache_lock(f"print-lock:{digest}"):
            yield
    else:
        with _file_lock(Path(settings.MEDIA_ROOT) / ".locks" / f"{digest}.lock"):
            yield


@contextlib.contextmanager
def _cache_lock(key: str):
    token = uuid.uuid4().hex
    deadline = time.monotonic() + HOLD_SECONDS
    while not cache.add(key, token, HOLD_SECONDS):
        if time.monotonic() > deadline:
            break  # the holder is gone or stuck: build anyway rather than fail the visitor
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        if cache.get(key) == token:
            cache.delete(key)


@contextlib.contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
