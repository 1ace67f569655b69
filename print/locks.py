"""One builder at a time per file, across processes, as a short lease that a dead builder loses.

With a shared cache (Redis in production, several app servers and workers) the lease is a cache
key added atomically with a short timeout (LEASE_SECONDS) and renewed by a heartbeat thread while
the build runs: a builder killed mid-build (`kill -9`, a lost machine) stops renewing, and its
lease lapses within seconds. Without a shared cache (the embedded defaults: local memory cache,
local media, one machine) it is an exclusive file lock next to the media files, which the kernel
releases the moment its process dies.

Nobody waits long on a lease: `acquire` never blocks; `build_lease` waits `patience()` seconds,
which is a moment (MOMENT) in a request and longer only inside a background build (`patient()`),
where waiting for a live holder's file is cheaper than making it twice.
"""

from __future__ import annotations

import contextlib
import contextvars
import fcntl
import hashlib
import logging
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
LOCAL_CACHES = ("LocMemCache", "DummyCache")
LEASE_SECONDS = 15  # how long a lease outlives its last heartbeat
RENEW_SECONDS = 5  # heartbeat: well inside the lease, so a slow cache call does not lose it
MOMENT = 2.0  # the longest a request waits for another builder before building itself
HOLD_SECONDS = 300  # the longest a background build waits for a live holder (renewing)
POLL_SECONDS = 0.1

_patience = contextvars.ContextVar("print_lock_patience", default=MOMENT)


def _shared_cache() -> bool:
    return not settings.CACHES["default"]["BACKEND"].endswith(LOCAL_CACHES)


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def _cache_key(name: str) -> str:
    return f"print-lease:{_digest(name)}"


def _file_path(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / ".locks" / f"{_digest(name)}.lock"


class CacheLease:
    """A lease in the shared cache, renewed by a daemon thread until released."""

    def __init__(self, key: str, token: str):
        self.key, self.token = key, token
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._heartbeat, daemon=True, name="print-lease")
        self._thread.start()

    def _heartbeat(self) -> None:
        while not self._stop.wait(RENEW_SECONDS):
            try:
                if cache.get(self.key) != self.token:
                    logger.warning("Lost the print lease %s; the build goes on", self.key)
                    return  # another builder took over after a stall: both store whole files
                cache.touch(self.key, LEASE_SECONDS)
            except Exception:
                logger.exception("Could not renew the print lease %s", self.key)

    def release(self) -> None:
        self._stop.set()
        self._thread.join()
        if cache.get(self.key) == self.token:
            cache.delete(self.key)


class FileLease:
    """An exclusive flock on a file; the kernel drops it with the process."""

    def __init__(self, handle):
        self.handle = handle

    def release(self) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def acquire(name: str) -> CacheLease | FileLease | None:
    """The lease on the file `name`, or None at once when someone else holds it."""
    if _shared_cache():
        key, token = _cache_key(name), uuid.uuid4().hex
        return CacheLease(key, token) if cache.add(key, token, LEASE_SECONDS) else None
    path = _file_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return FileLease(handle)


def held(name: str) -> bool:
    """Whether a live builder holds the lease on `name` now (never waits)."""
    if _shared_cache():
        return cache.get(_cache_key(name)) is not None
    lease = acquire(name)
    if lease is None:
        return True
    lease.release()
    return False


def patience() -> float:
    return _patience.get()


@contextlib.contextmanager
def patient(seconds: float = HOLD_SECONDS):
    """Inside a background build: wait up to `seconds` for another builder of the same file."""
    token = _patience.set(seconds)
    try:
        yield
    finally:
        _patience.reset(token)


@contextlib.contextmanager
def build_lease(name: str):
    """Hold the lease on `name` for the block, waiting at most `patience()` for a holder; after
    that the block runs without it (yielding None): a visitor is never kept waiting on another
    builder, and two builders store the same whole file."""
    deadline = time.monotonic() + patience()
    lease = acquire(name)
    while lease is None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        lease = acquire(name)
    try:
        yield lease
    finally:
        if lease is not None:
            lease.release()


build_lock = build_lease  # the name callers used before leases
