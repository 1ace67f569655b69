"""One version for everything the public reads. Any change to content bumps it, so what is
cached under it (dialogue.reading's view objects, the QR pages' HTML) is never served stale:
with a shared cache (Redis, several app servers) within `HELD` seconds, with a per-process
cache within `TTL`.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

KEY = "public-content-version"
TTL = 300  # seconds: the longest a per-process cache may lag behind another process's change


# Each process holds the version it read for a second: every public request asks for it, and a
# cache read is ~30 µs of a QR opening's ~400 (Redis: a round trip). A change made in this
# process is seen at once (`_new_version`); one made in another process within HELD.
HELD = 1.0
_held: tuple[float, str | None] = (0.0, None)  # (until, version): one tuple, replaced whole


def current() -> str:
    global _held
    until, version = _held
    if version is not None and time.monotonic() < until:
        return version
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, uuid.uuid4().hex, None)  # the first process to ask sets it
        version = cache.get(KEY)
    _held = (time.monotonic() + HELD, version)
    return version


def forget() -> None:
    """Read the version from the cache again at the next request (after the cache was cleared)."""
    global _held
    _held = (0.0, None)


def bump(*args, **kwargs) -> None:
    """Content changed: everything cached under the old version is left to expire.

    Bumped at once (later reads in the same transaction see the change) and again once the
    transaction commits: a request that read the old rows meanwhile may have cached them under
    the first new version, which the second makes unreachable."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    global _held
    version = uuid.uuid4().hex
    cache.set(KEY, version, None)
    _held = (time.monotonic() + HELD, version)


def key(name: str, parts: tuple) -> str:
    """A cache key that belongs to the current content version."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"reading:{current()}:{name}:{digest}"


def cached(name: str, parts: tuple, build: Callable):
    cache_key = key(name, parts)
    value = cache.get(cache_key)
    if value is None:
        value = build()
        if value is not None:  # None reads as a miss anyway: storing it only fills the cache
            cache.set(cache_key, value, TTL)
    return value


def watch(*models) -> None:
    """Bump on every save and delete of these models; each app names what the public reads of it."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        label = model._meta.label
        post_save.connect(bump, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"version-del-{label}")


def connect() -> None:
    """Bump on every save, delete and publication of the content; apps above add theirs."""
    from django.db.models.signals import m2m_changed
    from wagtail.signals import published, unpublished

    from dialogue.models import (
        Agency,
        Audience,
        CardMessage,
        DialogueCard,
        IssuedCode,
        JointMessage,
        LifeEvent,
        MessageLink,
    )

    watch(Agency, Audience, CardMessage, DialogueCard, IssuedCode, JointMessage, LifeEvent,
          MessageLink)  # fmt: skip
    m2m_changed.connect(bump, dispatch_uid="version-m2m")
    published.connect(bump, dispatch_uid="version-published")
    unpublished.connect(bump, dispatch_uid="version-unpublished")
