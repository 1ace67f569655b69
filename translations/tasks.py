"""Exchange files imported by a background task (django-tasks) when they are large.

- Where it runs: a file of up to INLINE_UNITS units is checked or imported in the upload
  request itself (5 seconds at most: a translator fixing a handful of texts sees the
  report at once, with no worker in between); a larger one (an agency's delivery of a whole
  language) by a worker, while the page says "Importen körs…" and reloads itself. Both go
  through `run`, and the page shows the same kept report (translations.import_report).
- Idempotent per run: a task claims its run only while it is queued, so a run enqueued twice,
  or a retry that finds it done, writes nothing more. The import and the run's "done" commit
  in one transaction: a run is done exactly when its texts are written.
- All or nothing: exchange.import_file refuses a file with any problem before writing, and
  writes in one transaction; a failure leaves no text written and keeps its error on the run.
- Retried with backoff, as print/tasks.py: a refused file (ExchangeError) fails at once, since
  the same file would be refused again; any other error (the database was away) queues the run
  again after BACKOFF_SECONDS[attempt]; after MAX_ATTEMPTS the run fails with the error, shown
  to the translator on the run's page (the traceback goes to the log).
- A worker stopped mid-import (a deploy) rolls its transaction back: the run stays "running"
  until LOST_AFTER, then it is shown as failed (`forget_lost`), and the file can be sent again.

With the immediate backend (the default: `make run`, tests) the task runs at once in the
request, so even a large file's upload answers with its report.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext
from django_tasks import task

from translations import exchange, import_report
from translations.models import ImportRun

logger = logging.getLogger(__name__)
# Measured on the demo (SQLite, one core): a unit takes about 250 ms to check or to import
# (its editions are refreshed, a card it changes is typeset to see whether it still fits), so
# the demo's 59 units of one language take 15 s. 20 units stay under about 5 s in a request;
# an agency's delivery of a whole language goes to a worker.
INLINE_UNITS = 20
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = (10, 60)  # before the 2nd and the 3rd attempt
LOST_AFTER = timedelta(minutes=30)  # far above the longest import; then its worker is gone
Status = ImportRun.Status


@task()
def import_translations(run_id: int, attempt: int = 1) -> str:
    return run(run_id, attempt)


def estimated_units(data: bytes, fmt: str) -> int:
    """The number of units in the file, counted without parsing it (a broken file is counted
    too, and refused by the run): enough to choose where the run goes."""
    if fmt == "po":
        return data.count(b"\nmsgid ")  # one is the header
    return data.count(b"trans-unit") // 2  # an opening and a closing tag each


def start(import_run: ImportRun) -> None:
    """Run it now in the caller if the file is small, else queue it for a worker."""
    if import_run.units > INLINE_UNITS:
        enqueue(import_run.pk)
        return
    try:
        run(import_run.pk)
    except Exception:  # kept on the run (queued again, or failed), which the page shows
        logger.exception("Import run %s failed in the request", import_run.pk)


def enqueue(run_id: int, attempt: int = 1, delay: float = 0) -> None:
    chosen = import_translations
    if delay and chosen.get_backend().supports_defer:
        chosen = chosen.using(run_after=timezone.now() + timedelta(seconds=delay))
    chosen.enqueue(run_id, attempt=attempt)


def run(run_id: int, attempt: int = 1) -> str:
    """Check or import the run's file unless another task has it or it is done; what
    happened, for the log."""
    claimed = ImportRun.objects.filter(pk=run_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), attempts=attempt
    )
    if not claimed:
        return "taken"  # running elsewhere, done, failed, or removed
    this = ImportRun.objects.select_related("user").get(pk=run_id)
    mine = ImportRun.objects.filter(pk=run_id, status=Status.RUNNING, attempts=attempt)
    try:
        with transaction.atomic():
            report = exchange.import_file(
                bytes(this.data), this.format, this.language, dry_run=this.dry_run, user=this.user
            )
            kept = import_report.stored(report, this.dry_run)
            if not mine.update(status=Status.DONE, report=kept, finished_at=timezone.now()):
                # Taken from this task meanwhile (shown as lost): write nothing.
                transaction.set_rollback(True)
                return "taken"
    except exchange.ExchangeError as refusal:
        mine.update(status=Status.FAILED, error=str(refusal), finished_at=timezone.now())
        return "refused"
    except Exception as error:
        _failed(mine, run_id, attempt, error)
        raise
    return "checked" if this.dry_run else "imported"


def _failed(mine, run_id: int, attempt: int, error: Exception) -> None:
    if attempt < MAX_ATTEMPTS:
        delay = BACKOFF_SECONDS[attempt - 1]
        logger.warning("Import run %s failed (%s); again in %s s", run_id, error, delay)
        if mine.update(status=Status.QUEUED):
            enqueue(run_id, attempt + 1, delay)
        return
    logger.error("Import run %s failed on every attempt", run_id, exc_info=error)
    reason = pgettext(
        "staff side",
        "The import failed (%(error)s); nothing was written. Send the file again later, or "
        "ask an administrator.",
    ) % {"error": f"{type(error).__name__}: {error}"[:500]}
    mine.update(status=Status.FAILED, error=reason, finished_at=timezone.now())


def forget_lost(runs) -> None:
    """Runs left "running" by a worker that was stopped: failed, with a word on what to do.
    Their transaction was rolled back with the worker, so nothing of them was written."""
    since = timezone.now() - LOST_AFTER
    lost = [r for r in runs if r.status == Status.RUNNING and r.started_at < since]
    if not lost:
        return
    error = pgettext(
        "staff side",
        "The import stopped before it was done; nothing was written. Send the file again.",
    )
    ImportRun.objects.filter(pk__in=[r.pk for r in lost], status=Status.RUNNING).update(
        status=Status.FAILED, error=error, finished_at=timezone.now()
    )
    for r in lost:
        r.refresh_from_db()
