"""What a partner's request for a pack or a poster gets at once, never waiting on a build: the
stored file; or "being prepared" while its build is queued or running (enqueued here unless it
is), with how far its build has come; or "failed" for a while after its build failed on every
attempt (print.tasks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from print import locks, tasks
from print import progress as build_progress
from print.jobs import Job
from print.models import BuildFailure

FAILURE_PAUSE = timedelta(minutes=15)  # after a failed build, before a request tries again
RETRY_AFTER_SECONDS = 5  # how soon the "being prepared" page asks again


@dataclass(frozen=True)
class Answer:
    data: bytes | None = None
    failure: BuildFailure | None = None
    progress: build_progress.Progress | None = None  # while built; None while waiting its turn

    @property
    def preparing(self) -> bool:
        return self.data is None and self.failure is None


def ask(job: Job) -> Answer:
    """The job's file if it is stored; else its build is under way (and the answer says so).
    Raises NotPrintable, at once, for what cannot be made."""
    data = job.indexed()
    if data is not None:
        return Answer(data)
    plan = job.plan()
    data = plan.stored()
    if data is not None:
        return Answer(data)
    failure = _recent_failure(plan.name)
    if failure is not None:
        return Answer(failure=failure)
    if locks.held(plan.name):  # being built: the record is the running build's own
        return Answer(progress=build_progress.of(job.key))
    tasks.enqueue(job, tasks.REQUEST_PRIORITY)
    data = plan.stored()  # an immediate backend has built it already
    if data is None:
        return Answer(failure=_recent_failure(plan.name))
    return Answer(data)


def _recent_failure(name: str) -> BuildFailure | None:
    since = timezone.now() - FAILURE_PAUSE
    return BuildFailure.objects.filter(name=name, failed_at__gte=since).first()
