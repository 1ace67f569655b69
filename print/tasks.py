"""Packs and posters built by background tasks (django-tasks), never inside a request.

- Idempotent per job: a job is enqueued once while it waits (a "queued" marker in the cache
  keyed by the job, so a partner reloading the "being prepared" page adds nothing), and a task
  that finds its file stored, or its file's lease held by another worker, does nothing. One build
  however many ask.
- A lost task is enqueued again: the marker names its task, and a task that a worker claimed
  but that neither took its file's lease nor finished within CLAIM_SECONDS (the worker was
  killed in between), or that is gone from the queue, no longer counts as queued.
- Shows how far it has come: the build reports its parts done (print.progress) for the page
  that waits on it.
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
from django_tasks import TaskResultStatus, task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.exceptions import TaskResultDoesNotExist

from print import cache, jobs, locks, progress
from print.content import NotPrintable
from print.models import BuildFailure

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = (10, 60)  # before the 2nd and the 3rd attempt
QUEUED_SECONDS = 600  # a marker outlives a long queue after a publish
# A claimed task takes its file's lease (and drops its marker) within moments: one that has not
# after this long was lost with its worker. Well above the time to plan a pack of 25 languages.
CLAIM_SECONDS = 30
REQUEST_PRIORITY = 10  # a partner is waiting: before the prebuilds
PREBUILD_PRIORITY = 0


@task()
def build_pack(audience_slug: str, codes: list[str], finish: str, attempt=1, priority=0):
    return run(jobs.pack(audience_slug, codes, finish), attempt, priority)


@task()
def build_poster(event_slug: str | None, size: str, finish: str, attempt=1, priority=0):
    return run(jobs.poster(event_slug, size, finish), attempt, priority)


@task()
def build_station_print(lang: str, layout: str, pieces: list[str], attempt=1, priority=0):
    return run(jobs.station(lang, layout, pieces), attempt, priority)


TASKS = {jobs.PACK: build_pack, jobs.POSTER: build_poster, jobs.STATION: build_station_print}


def in_background() -> bool:
    """Whether tasks run apart from the caller (a worker), not at once inside it."""
    return not isinstance(build_pack.get_backend(), ImmediateBackend)


def _marker(job: jobs.Job) -> str:
    return f"print-queued:{job.key}"


def enqueue(job: jobs.Job, priority: int = PREBUILD_PRIORITY, delay: float = 0, attempt=1):
    """Queue the job's build unless it is queued already at this priority or above (and its
    task not lost). Returns whether a task was enqueued."""
    marker = _marker(job)
    if attempt == 1 and not shared_cache.add(marker, {"priority": priority}, QUEUED_SECONDS):
        queued = shared_cache.get(marker)
        if _still_queued(queued, job) and _priority(queued) >= priority:
            return False
    shared_cache.set(marker, {"priority": priority}, QUEUED_SECONDS + delay)
    chosen = TASKS[job.kind].using(priority=priority)
    if delay and chosen.get_backend().supports_defer:
        chosen = chosen.using(run_after=timezone.now() + timedelta(seconds=delay))
    result = chosen.enqueue(**job.arguments, attempt=attempt, priority=priority)
    if in_background():  # an immediate backend has run it, and its marker is gone already
        queued = {"priority": priority, "task": result.id}
        shared_cache.set(marker, queued, QUEUED_SECONDS + delay)
    return True


def _priority(queued) -> int:
    return queued["priority"] if isinstance(queued, dict) else queued  # an int before tasks ids


def _still_queued(queued, job: jobs.Job) -> bool:
    """Whether the marker's task will still build the job: waiting in the queue, or claimed a
    moment ago. Not when its worker was killed after claiming it (it stays "running" in the
    queue and never takes the lease), nor when it is gone or finished without its file."""
    if queued is None:
        return False
    task_id = queued.get("task") if isinstance(queued, dict) else None
    if task_id is None:
        return True  # being enqueued right now, or a backend that does not name its tasks
    try:
        result = TASKS[job.kind].get_backend().get_result(task_id)
    except TaskResultDoesNotExist:
        return False
    except NotImplementedError:
        return True  # no way to ask: the marker's timeout is the backstop
    if result.status == TaskResultStatus.READY:
        return True
    since = result.started_at or result.enqueued_at
    return since is not None and timezone.now() - since < timedelta(seconds=CLAIM_SECONDS)


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
                with progress.reporting(job.key):  # until it is stored: then the file answers
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
