"""Mail as background work (django-tasks): immediate by default, a worker's with
TASKS_BACKEND=database. A failing mail is logged by django-tasks and never undoes an approval.

The daily digest is one task per person and day (`send_digest`, enqueued by `send_digests`,
which cron runs): idempotent per person and day, since a digest sent that day (her markers'
sent_at, notifications.digests) makes a second run do nothing, and per person serialised by a
lock on her user row, so two workers never mail her twice. A mail server that fails is tried
again with backoff, as print/tasks.py; after MAX_ATTEMPTS the failure stays in django-tasks'
results (the database backend's admin) with its error, and the next day's run tries afresh."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notifications import digests, mail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = (60, 600)  # before the 2nd and the 3rd attempt


@task()
def deliver(event: str, pk: int) -> int:
    """Build the mail from the database as it is now, and send it; returns how many went."""
    return mail.EVENTS[event](pk)


@task()
def send_digest(user_pk: int, day: str, attempt: int = 1) -> str:
    """One person's digest for the day, unless she had it; what happened, for the log."""
    try:
        return run_digest(user_pk, date.fromisoformat(day))
    except (SMTPException, OSError) as error:
        if attempt < MAX_ATTEMPTS:
            delay = BACKOFF_SECONDS[attempt - 1]
            logger.warning("Digest for user %s failed (%s); again in %s s", user_pk, error, delay)
            enqueue_digest(user_pk, day, attempt + 1, delay)
        else:
            logger.error("Digest for user %s not sent (%s attempts): %s", user_pk, attempt, error)
        raise


def enqueue_digest(user_pk: int, day: str, attempt: int = 1, delay: float = 0):
    chosen = send_digest
    if delay and chosen.get_backend().supports_defer:
        chosen = chosen.using(run_after=timezone.now() + timedelta(seconds=delay))
    return chosen.enqueue(user_pk, day, attempt=attempt)


def run_digest(user_pk: int, day: date) -> str:
    with transaction.atomic():
        # Her row locked: a second task for her waits here, then finds the digest sent.
        if get_user_model().objects.select_for_update().filter(pk=user_pk).first() is None:
            return "gone"
        if digests.sent_on(user_pk, day):
            return "already sent"
        found = digests.collect(user_pk)
        if not found:
            return "no languages"  # no longer a translator or reviewer, or no address
        (digest,) = found
        if not digest.sections:
            digests.remember(digest, sent=False)  # work done drops out of the markers
            return "nothing new"
        digests.deliver(digest)  # a failing mail undoes the markers: she is told next time
        return f"sent: {digests.summary(digest)}"
