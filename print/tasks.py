"""Packs and posters built by background tasks (django-tasks), never inside a request.

- Idempotent per job: a job is enqueued once while it waits (a "queued" marker in the cache
  keyed by the job, so a partner reloading the "being prepared" page adds nothing), and a task
  that finds its file stored, or its file's lease held by another worker, does nothing. One build
  however many ask.
- Crash-safe: the build holds the file's lease (print.locks), renewed while it runs; a worker
  killed mid-build loses it within seconds, and the next request or retry builds it.
- Retried with backoff: a build that raises is enqueued again after BACKOFF_SECONDS[attempt];
  after MAX_ATTEMPTS it is recorded as a BuildFailure, listed for administrators with its error.

With the immediate backend (the default, one process: `make run`, tests) a task runs at once in
the caller, so the first request still gets its file; retries then run at once too.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from datetime import timedelta

from django.core.cache import cache as shared_cache
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from print import cache, jobs, locks
from print.content import NotPrintable
from print.models import BuildFailure

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = (10, 60)  # before the 2nd and the 3rd attempt
QUEUED_SECONDS = 600  # a marker outlives a long queue after a publish; a lost task costs this
REQUEST_PRIORITY = 10  # a partner is waiting: before the prebuilds
PREBUILD_PRIORITY = 0


@task()
def build_pack(audience_slug: str, codes: list[str], finish: str, attempt=1, priority=0):
    return run(jobs.pack(audience_slug, codes, finish), attempt, priority)


@task()
def build_poster(event_slug: str | None, size: str, finish: str, attempt=1, priority=0):
    return run(jobs.poster(event_slug, size, finish), attempt, priority)


TASKS = {jobs.PACK: build_pack, jobs.POSTER: build_poster}


def in_background() -> bool:
    """Whether tasks run apart from the caller (a worker), not at once inside it."""
    return not isinstance(build_pack.get_backend(), ImmediateBackend)


def _marker(job: jobs.Job) -> str:
    return f"print-queued:{job.key}"


def enqueue(job: jobs.Job, priority: int = PREBUILD_PRIORITY, delay: float = 0, attempt=1):
    """Queue the job's build unless it is queued already at this priority or above. Returns
    whether a task was enqueued."""
    marker = _marker(job)
    if attempt == 1 and not shared_cache.add(marker, priority, QUEUED_SECONDS):
        queued = shared_cache.get(marker)
        if queued is not None and queued >= priority:
            return False
    shared_cache.set(marker, priority, QUEUED_SECONDS + delay)
    chosen = TASKS[job.kind].using(priority=priority)
    if delay and chosen.get_backend().supports_defer:
        chosen = chosen.using(run_after=timezone.now() + timedelta(seconds=delay))
    chosen.enqueue(**job.arguments, attempt=attempt, priority=priority)
    return True


def run(job: jobs.Job, attempt: int = 1, priority: int = PREBUILD_PRIORITY) -> str:
    """Build the job's file unless it is stored or being built; what happened, for the log."""
    try:
        plan = job.plan()
    except NotPrintable as error:  # the content changed since it was asked for
        shared_cache.delete(_marker(job))
        return f"refused: {error}"
    if cache.exists(plan.name):
        shared_cache.delete(_marker(job))
        job.built(plan)
        return "stored"
    lease = locks.acquire(plan.name)
    if lease is None:
        # Another worker builds it. No marker left behind: should that worker die, its lease
        # lapses within seconds and the next ask enqueues the build again.
        shared_cache.delete(_marker(job))
        return "busy"
    failed = None
    try:
        shared_cache.delete(_marker(job))  # running now: a request sees the lease instead
        # A worker waits for another's card PDFs rather than drawing them twice; a request
        # running the task itself (immediate backend) waits no more than a moment.
        with locks.patient() if in_background() else contextlib.nullcontext():
            if not cache.exists(plan.name):
                cache.store(plan.name, plan.build())
    except Exception as error:
        failed = error
    finally:
        lease.release()  # before a retry, which an immediate backend runs at once
    if failed is not None:
        _failed(job, plan, attempt, priority, failed)
        raise failed
    job.built(plan)
    BuildFailure.objects.filter(key=job.key).delete()
    return "built"


def _failed(job, plan, attempt, priority, error) -> None:
    if attempt < MAX_ATTEMPTS:
        delay = BACKOFF_SECONDS[attempt - 1]
        logger.warning("Print build %s failed (%s); again in %s s", job.describe(), error, delay)
        enqueue(job, priority, delay=delay, attempt=attempt + 1)
        return
    shared_cache.delete(_marker(job))
    BuildFailure.objects.update_or_create(
        key=job.key,
        defaults={
            "name": plan.name,
            "kind": job.kind,
            "arguments": job.arguments,
            "attempts": attempt,
            "error": "".join(traceback.format_exception(error))[-10_000:],
            "failed_at": timezone.now(),
        },
    )
