"""Recordings inspected by a background task (django-tasks), never inside the upload request.

- The upload form checks only what is cheap and must answer at once (`recordings.inspect`:
  size, format, length from the header). When the recording is saved with a new file, its
  inspection is reset and a task is enqueued in the same transaction: with the database
  backend a worker sees it once the upload is committed, and a rolled-back upload leaves none.
- Until the task has run the recording is "being inspected"; it cannot be approved and the
  public never hears it (`Recording.passed_inspection`). A file the task finds unusable keeps
  its reason (`inspection_error`), shown to staff.
- Idempotent per recording and file: the task is keyed by the recording and its (content-
  hashed) file name and writes only while that file waits for inspection, so a task run twice,
  or one whose recording has a newer file since, does nothing.
- Retried with backoff, as print/tasks.py: an error that is not about the file (the storage is
  away) enqueues the task again after BACKOFF_SECONDS[attempt]; after MAX_ATTEMPTS the error is
  kept on the recording for staff.

With the immediate backend (the default: `make run`, tests) the task runs at once in the saving
process, so the upload's answer already shows the result.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.apps import apps
from django.db.models.signals import post_save, pre_save
from django.utils import timezone, translation
from django.utils.translation import pgettext
from django_tasks import task

from audio import inspection
from dialogue import content_version

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = (10, 60)  # before the 2nd and the 3rd attempt
FIELDS = ("inspected_at", "inspection_error", "peak_db", "duration")


@task()
def inspect_recording(model: str, pk: int, name: str, attempt: int = 1) -> str:
    return run(model, pk, name, attempt)


def enqueue(model: str, pk: int, name: str, attempt: int = 1, delay: float = 0) -> None:
    chosen = inspect_recording
    if delay and chosen.get_backend().supports_defer:
        chosen = chosen.using(run_after=timezone.now() + timedelta(seconds=delay))
    chosen.enqueue(model, pk, name, attempt=attempt)


def run(model: str, pk: int, name: str, attempt: int = 1) -> str:
    """Inspect the recording's stored file unless done; what happened, for the log."""
    waiting = apps.get_model(model).objects.filter(pk=pk, file=name, inspected_at__isnull=True)
    recording = waiting.first()
    if recording is None:
        return "done"  # inspected already, removed, or a newer file has a task of its own
    try:
        with translation.override("sv"):  # the reason is kept for staff, who read Swedish
            findings = inspection.listen(recording.file, recording.duration)
    except inspection.Unusable as refusal:
        waiting.update(inspected_at=timezone.now(), inspection_error=str(refusal))
        return "unusable"
    except Exception as error:
        if attempt < MAX_ATTEMPTS:
            delay = BACKOFF_SECONDS[attempt - 1]
            logger.warning("Inspecting %s %s failed (%s); again in %s s", model, pk, error, delay)
            enqueue(model, pk, name, attempt + 1, delay)
        else:
            with translation.override("sv"):
                reason = pgettext(
                    "staff side",
                    "The recording could not be inspected (%(error)s). Upload it again.",
                ) % {"error": error}
            waiting.update(inspected_at=timezone.now(), inspection_error=reason)
        raise
    if waiting.update(
        inspected_at=timezone.now(),
        inspection_error="",
        duration=findings.duration,
        peak_db=findings.peak_db,
    ):
        content_version.bump()  # the public may hear it once approved: pages cached without it
    return "inspected"


def _new_file(sender, instance, raw=False, **kwargs):
    """A recording saved with a new file waits for the inspection of that file."""
    if raw or not instance.file or instance.file._committed:
        return
    instance.inspected_at, instance.inspection_error, instance.peak_db = None, "", None
    instance._inspect = True


def _stored(sender, instance, raw=False, **kwargs):
    if raw or not instance.__dict__.pop("_inspect", False):
        return
    enqueue(instance._meta.label_lower, instance.pk, instance.file.name)
    # The immediate backend has inspected it already: the caller's object says so too.
    instance.refresh_from_db(fields=FIELDS)


def connect(*models) -> None:
    for model in models:
        uid = f"inspect-{model._meta.label_lower}"
        pre_save.connect(_new_file, sender=model, dispatch_uid=uid)
        post_save.connect(_stored, sender=model, dispatch_uid=uid)
