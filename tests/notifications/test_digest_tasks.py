"""[X] 1: the daily digest as background work: `send_digests` (cron) enqueues one task per
person and day; run twice on a day it mails nobody twice; a failing mail server is tried again
with backoff. A queue (django-tasks' DummyBackend) stands for TASKS_BACKEND=database."""

from io import StringIO
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import default_task_backend

from notifications import tasks
from notifications.models import DigestSent
from tests.notifications import test_digests as digests_test
from tests.notifications.test_digests import new_card, next_day

translator = digests_test.translator  # its fixture: Sahra, who translates Somali
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def queued(settings):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend.results


def digest_tasks(results) -> list:
    return [r for r in results if r.task.func is tasks.send_digest.func]


def work(results) -> list:
    """Run the queued digests, as a worker does; what each did (its error if it raised)."""
    done = []
    for result in digest_tasks(results):
        results.remove(result)
        try:
            done.append(result.task.call(*result.args, **result.kwargs))
        except Exception as error:  # a worker records it; the retry is queued already
            done.append(error)
    return done


@pytest.fixture
def mail_server_away(monkeypatch):
    def refuse(self, messages):
        raise SMTPServerDisconnected("mail server away")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    return monkeypatch


def test_run_twice_on_a_day_she_gets_one_mail(translator):
    new_card("Att flytta inom Sverige", "Anmäl flytten till Skatteverket.", "Ny adress")
    out = run()
    assert "Skickat till sahra@example.se: so att översätta" in out
    assert len(mail.outbox) == 1

    new_card("Att byta jobb", "Berätta för Arbetsförmedlingen.", "Nytt jobb")
    run()  # cron run twice, or by hand after it
    assert len(mail.outbox) == 1
    assert DigestSent.objects.get(user=translator).sent_at.date() == timezone.localdate()


def test_with_a_queue_the_command_enqueues_and_a_worker_sends_once(translator, queued):
    new_card("Att flytta inom Sverige", "Anmäl flytten till Skatteverket.", "Ny adress")
    out = run()
    (waiting,) = digest_tasks(queued)
    assert waiting.args == [translator.pk, timezone.localdate().isoformat()]
    assert "Köade 1 sammanfattningar." in out and mail.outbox == []

    run()  # run again before the worker: a second task for her, which finds the digest sent
    first, second = work(queued)
    assert first.startswith("sent: so att översätta") and second == "already sent"
    (message,) = mail.outbox
    assert message.to == ["sahra@example.se"]

    run()
    assert work(queued) == ["already sent"] and len(mail.outbox) == 1


def test_a_failing_mail_server_is_tried_again_with_backoff(translator, queued, mail_server_away):
    new_card("Att flytta inom Sverige", "Anmäl flytten till Skatteverket.", "Ny adress")
    run()
    for attempt, delay in ((1, 60), (2, 600)):
        (failed,) = work(queued)
        assert isinstance(failed, SMTPServerDisconnected)
        (retry,) = digest_tasks(queued)
        assert retry.kwargs["attempt"] == attempt + 1
        wait = (retry.task.run_after - retry.enqueued_at).total_seconds()
        assert wait == pytest.approx(delay, abs=1)
        assert not DigestSent.objects.exclude(sent_at=None).exists()  # nothing remembered

    mail_server_away.undo()  # back before the last attempt
    assert work(queued)[0].startswith("sent: ")
    assert len(mail.outbox) == 1 and digest_tasks(queued) == []


def test_when_every_attempt_fails_the_command_says_so(translator, mail_server_away):
    new_card("Att flytta inom Sverige", "Anmäl flytten till Skatteverket.", "Ny adress")
    with pytest.raises(CommandError, match="Kunde inte skicka: sahra@example.se"):
        run()
    assert mail.outbox == [] and not DigestSent.objects.exclude(sent_at=None).exists()
    mail_server_away.undo()
    next_day()
    run()  # the next day's run tries afresh
    assert len(mail.outbox) == 1
