"""How far a background build has come, for the page that waits on it ("3 av 8 språk klara").

The build itself records it, as each part is done, in the shared cache keyed by its job (Redis in
production), so that a request on any app server reads what a worker on any other machine has
done. A build reports only inside `reporting(job_key)` (print.tasks runs every build in one);
the same drawing code called elsewhere (a pack's cards, a request drawing a small print at once)
reports nothing. Progress is a help, never a condition: a cache that fails loses it, not the
build.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from dataclasses import dataclass

from django.core.cache import cache as shared_cache

logger = logging.getLogger(__name__)
LANGUAGES, CARDS, EVENTS = "languages", "cards", "events"  # what a build counts
KEEP_SECONDS = 3600  # a record outlives its build only if the worker died; a new build resets it

_job = contextvars.ContextVar("print_progress_job", default=None)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    unit: str  # LANGUAGES, CARDS or EVENTS


def _key(job_key: str) -> str:
    return f"print-progress:{job_key}"


@contextlib.contextmanager
def reporting(job_key: str):
    """What is built inside the block reports as the job `job_key`; its record goes after."""
    token = _job.set(job_key)
    try:
        yield
    finally:
        _job.reset(token)
        with contextlib.suppress(Exception):
            shared_cache.delete(_key(job_key))


def report(done: int, total: int, unit: str) -> None:
    """`done` of `total` parts are built (inside `reporting`; elsewhere nothing happens)."""
    job_key = _job.get()
    if job_key is None:
        return
    try:
        shared_cache.set(_key(job_key), (done, total, unit), KEEP_SECONDS)
    except Exception:
        logger.exception("Could not record the progress of the print build %s", job_key)


def of(job_key: str) -> Progress | None:
    """How far the job's build has come, or None before it started (or when not known)."""
    try:
        found = shared_cache.get(_key(job_key))
    except Exception:
        logger.exception("Could not read the progress of the print build %s", job_key)
        return None
    return Progress(*found) if found else None


class Counted(list):
    """The pieces of a document, reporting each one as done when the renderer goes on to the
    next: the renderers lay out and draw their pieces in order as they iterate `contents`, so
    counting that iteration is the build's own progress without the documents knowing of it.
    Only ever forward: a second pass over the pieces (the PDF's dates) reports nothing again."""

    def __init__(self, pieces, unit: str):
        super().__init__(pieces)
        self.unit = unit
        self._reported = -1

    def _report(self, done: int) -> None:
        if done > self._reported:
            self._reported = done
            report(done, len(self), self.unit)

    def __iter__(self):
        for done, piece in enumerate(super().__iter__()):
            self._report(done)
            yield piece
        self._report(len(self))
