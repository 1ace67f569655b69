"""[X] 1: an uploaded recording is inspected by a background task (audio.tasks), not inside the
upload request. Until the task has run it is "being inspected": nobody may approve it and the
public does not hear it. With the default immediate backend the task runs at once; here a queue
(django-tasks' DummyBackend) lets the upload answer first, as with TASKS_BACKEND=database."""

import io
import math
import struct
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks import default_task_backend

from audio import inspection, tasks
from audio import recordings as audio
from audio.models import AudioRecording
from tests.audio import test_recording_approval as approval
from tests.audio.test_recording_approval import (
    RECORDINGS,
    approve_in_admin,
    plays,
    swedish,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
card, people = approval.card, approval.people  # its fixtures: the card, who uploads and approves
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def tone(seconds=1.0, level=0.5, rate=8000) -> bytes:
    """A 440 Hz tone at `level` of full scale (0.5: a peak of -6 dBFS)."""
    frames = (
        struct.pack("<h", round(level * 32767 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(frames))
    return buffer.getvalue()


@pytest.fixture
def queued(settings):
    """Tasks wait on a queue until the test runs them as a worker would."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend.results


def work(results) -> list:
    """Run the queued inspections, as a worker does; what each did (its error if it raised).
    Other tasks (the prebuilds that follow a change) are left on the queue."""
    done = []
    for result in inspections(results):
        results.remove(result)
        try:
            done.append(result.task.call(*result.args, **result.kwargs))
        except Exception as error:  # a worker records it; the retry is queued already
            done.append(error)
    return done


def inspections(results) -> list:
    return [r for r in results if r.task.func is tasks.inspect_recording.func]


def post_upload(client, user, card, data, name="inspelning.wav"):
    client.force_login(user)
    response = client.post(
        f"{RECORDINGS}/add/",
        {
            "card": card.pk,
            "language": "ar",
            "recorded_by": user.username,
            "file": SimpleUploadedFile(name, data),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return AudioRecording.objects.latest("pk")


def listed_status(client, user) -> str:
    client.force_login(user)
    return client.get(f"{RECORDINGS}/").content.decode()


def test_an_upload_is_inspected_at_once_with_the_immediate_backend(client, card, people):
    recording = post_upload(client, people["amal"], card, tone(seconds=2, level=0.5))
    assert recording.passed_inspection and recording.inspection_error == ""
    assert recording.peak_db == pytest.approx(-6.0, abs=0.1)  # decoded, sample by sample
    assert recording.duration == pytest.approx(2.0)
    assert audio.status(recording, audio.served_edition(card, "ar")) == audio.Status.WAITING
    # Run again (a worker's retry, a second enqueue): nothing new.
    assert tasks.run("audio.audiorecording", recording.pk, recording.file.name) == "done"


def test_with_a_queue_the_upload_answers_first_and_the_worker_inspects(
    client, card, people, queued
):
    recording = post_upload(client, people["amal"], card, tone())
    # The upload answered; its inspection waits on the queue, keyed by recording and file.
    (waiting,) = inspections(queued)
    assert waiting.args == ["audio.audiorecording", recording.pk, recording.file.name]
    assert recording.inspected_at is None and recording.peak_db is None
    assert swedish("Being inspected…") in listed_status(client, people["rania"])

    # Nobody approves it yet, and the public does not hear it even if approved by hand.
    assert audio.approval_refused(recording, people["rania"]) == swedish(
        "The file is being inspected: it can be approved once that is done."
    )
    approve_in_admin(client, people["rania"], recording)
    recording.refresh_from_db()
    assert not recording.approved

    assert work(queued) == ["inspected"]
    recording.refresh_from_db()
    assert recording.passed_inspection and recording.peak_db == pytest.approx(-6.0, abs=0.1)
    assert swedish("Waiting for approval") in listed_status(client, people["rania"])

    # Enqueued twice (a retry after a crash): the second does nothing.
    tasks.enqueue("audio.audiorecording", recording.pk, recording.file.name)
    assert work(queued) == ["done"]

    approve_in_admin(client, people["rania"], recording)
    recording.refresh_from_db()
    assert recording.approved and audio.is_playable(recording)
    assert plays(client, card, recording)


def test_an_approved_recording_is_not_heard_until_inspected(client, card, people, queued):
    recording = upload(client, people["amal"], card)
    AudioRecording.objects.filter(pk=recording.pk).update(approved_at=recording.created_at)
    recording.refresh_from_db()
    assert not audio.is_playable(recording)
    assert not plays(client, card, recording)
    assert client.get(recording.url).status_code == 404
    work(queued)
    assert plays(client, card, recording)


def test_a_file_cut_short_is_unusable_and_staff_see_why(client, card, people, queued):
    whole = tone(seconds=3)
    cut = whole[: len(whole) // 3]  # its header still promises three seconds
    recording = post_upload(client, people["amal"], card, cut)  # the header check passes
    assert work(queued) == ["unusable"]
    recording.refresh_from_db()
    assert recording.inspected_at is not None and not recording.passed_inspection
    assert "3.0" in recording.inspection_error and "1.0" in recording.inspection_error

    listing = listed_status(client, people["rania"])
    assert swedish("Unusable file") in listing
    assert audio.approval_refused(recording, people["rania"]) == recording.inspection_error
    approve_in_admin(client, people["rania"], recording)
    recording.refresh_from_db()
    assert not recording.approved and not plays(client, card, recording)


def test_a_storage_error_is_retried_with_backoff_then_kept_for_staff(
    client, card, people, queued, monkeypatch
):
    recording = post_upload(client, people["amal"], card, tone())

    def storage_away(*args):
        raise OSError("storage away")

    monkeypatch.setattr(inspection, "listen", storage_away)
    for attempt, delay in ((1, 10), (2, 60)):
        (failed,) = work(queued)
        assert isinstance(failed, OSError)
        (retry,) = inspections(queued)  # enqueued again, later
        assert retry.kwargs["attempt"] == attempt + 1
        wait = (retry.task.run_after - retry.enqueued_at).total_seconds()
        assert wait == pytest.approx(delay, abs=1)
        recording.refresh_from_db()
        assert recording.inspected_at is None  # still being inspected

    (failed,) = work(queued)  # the last attempt: kept on the recording, no more retries
    assert isinstance(failed, OSError) and inspections(queued) == []
    recording.refresh_from_db()
    assert "storage away" in recording.inspection_error
    assert swedish("Unusable file") in listed_status(client, people["rania"])

    # A new file for it is inspected afresh.
    monkeypatch.undo()
    recording.file = SimpleUploadedFile("igen.wav", tone(seconds=1.5))
    recording.save()
    assert recording.inspected_at is None and recording.inspection_error == ""
    assert work(queued) == ["inspected"]
    recording.refresh_from_db()
    assert recording.passed_inspection
