"""[E] 6: a recording belongs to an edition and is approved like text before the public hears
it. An upload waits for a reviewer of its language who did not upload it; a replacement waiting
for approval leaves the approved recording playing; a new edition silences the recording and
lists it to be made again."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import pgettext

from audio import recordings as audio
from audio.models import AudioRecording
from cms import roles
from dialogue.models import DialogueCard
from editions.served import Served
from tests import builders
from tests.admin_forms import form_data
from tests.audio.test_qr_audio import record, wav_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CARD = "foraldraledig-och-pa-vag"  # served in Arabic in the demo
RECORDINGS = "/admin/snippets/audio/audiorecording"
REPORT = "/admin/recordings/to-make/"


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


@pytest.fixture
def people(django_user_model):
    """Amal records and reviews Arabic (an editor and an Arabic reviewer), Rania reviews
    Arabic, Ayaan reviews Somali, and Erik is an editor who uploads."""
    arabic = roles.language_group("Språkgranskare arabiska (ljud)", ["ar"], reviewer=True)
    somali = roles.language_group("Språkgranskare somaliska (ljud)", ["so"], reviewer=True)
    editors = Group.objects.get(name=roles.EDITORS)
    found = {}
    for name, groups in (
        ("amal", [editors, arabic]),
        ("rania", [arabic]),
        ("ayaan", [somali]),
        ("erik", [editors]),
    ):
        found[name] = django_user_model.objects.create_user(name, password="pw")
        found[name].groups.add(*groups)
    return found


def qr_page(client, card, lang="ar") -> str:
    client.logout()
    response = client.get(f"/q/{card.code}/{lang}/")
    assert response.status_code == 200
    return response.content.decode()


def plays(client, card, recording) -> bool:
    return f'src="{recording.url}"' in qr_page(client, card)


def upload(client, user, card, lang="ar", seconds=1.0) -> AudioRecording:
    """The real add form of the admin, as the uploader posts it."""
    client.force_login(user)
    before = set(AudioRecording.objects.values_list("pk", flat=True))
    response = client.post(
        f"{RECORDINGS}/add/",
        {
            "card": card.pk,
            "language": lang,
            "recorded_by": user.username,
            "file": SimpleUploadedFile("inspelning.wav", wav_bytes(seconds=seconds)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return AudioRecording.objects.exclude(pk__in=before).get()


def approve_in_admin(client, user, recording):
    client.force_login(user)
    return client.post(f"/admin/recordings/{recording.pk}/approve/", {"next": REPORT})


def refused(response) -> bool:
    """Wagtail answers a refused admin request by sending the user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def notices(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def swedish(text: str) -> str:
    with translation.override("sv"):
        return pgettext("staff side", text)


def test_an_upload_is_heard_only_after_another_reviewer_approves_it(client, card, people):
    recording = upload(client, people["amal"], card)
    assert recording.uploaded_by == people["amal"] and not recording.approved
    assert audio.reads(recording, Served([card], "ar").edition(card))

    assert not plays(client, card, recording)
    assert "<audio" not in qr_page(client, card)
    assert client.get(recording.url).status_code == 404  # not even by its address

    # Her own upload: the approval is refused, and nothing changes for the public.
    response = approve_in_admin(client, people["amal"], recording)
    assert response.status_code == 302
    recording.refresh_from_db()
    assert not recording.approved
    assert not plays(client, card, recording)

    # A reviewer of another language may not approve Arabic.
    assert refused(approve_in_admin(client, people["ayaan"], recording))
    recording.refresh_from_db()
    assert not recording.approved

    response = approve_in_admin(client, people["rania"], recording)
    assert response.status_code == 302 and response["Location"] == REPORT
    recording.refresh_from_db()
    assert recording.approved and recording.approved_by == people["rania"]
    assert plays(client, card, recording)
    audio_response = client.get(recording.url)
    assert audio_response.status_code == 200
    assert b"".join(audio_response.streaming_content) == recording.file.open("rb").read()


def test_the_uploader_cannot_approve_her_own(client, card, people):
    recording = upload(client, people["amal"], card)
    with pytest.raises(PermissionDenied) as refusal:
        audio.approve(recording, people["amal"])
    assert isinstance(refusal.value, audio.CannotApprove)
    with translation.override("en"):
        assert "You uploaded this recording" in audio.approval_refused(recording, people["amal"])
    # Through the admin as well: she is told why, and it still waits.
    response = approve_in_admin(client, people["amal"], recording)
    assert swedish("You uploaded this recording: someone else must approve it.") in notices(
        response
    )
    recording.refresh_from_db()
    assert not recording.approved
    # An editor who is no reviewer of the language may not approve it either.
    other = upload(client, people["erik"], card)
    with pytest.raises(audio.CannotApprove):
        audio.approve(other, people["erik"])
    assert refused(approve_in_admin(client, people["erik"], other))
    # The other reviewer may.
    audio.approve(recording, people["rania"])
    assert AudioRecording.objects.get(pk=recording.pk).approved


def test_a_replacement_waiting_for_approval_leaves_the_approved_one_playing(client, card, people):
    approved = record(card, "ar", wav_bytes(seconds=1))
    assert plays(client, card, approved)

    # Erik uploads a new file for the approved recording, through its edit form.
    client.force_login(people["erik"])
    url = f"{RECORDINGS}/edit/{approved.pk}/"
    data = form_data(client.get(url).content.decode())
    data["file"] = SimpleUploadedFile("ny.wav", wav_bytes(seconds=2))
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    replacement = AudioRecording.objects.exclude(pk=approved.pk).get(card=card, language="ar")
    assert not replacement.approved and replacement.uploaded_by == people["erik"]
    assert round(replacement.duration) == 2
    kept = AudioRecording.objects.get(pk=approved.pk)
    assert kept.approved and kept.file.name == approved.file.name and round(kept.duration) == 1
    assert plays(client, card, kept) and not plays(client, card, replacement)
    assert client.get(kept.url).status_code == 200

    # Reviewers find it: the report lists it as waiting, with the way to approve it.
    needs = audio.recording_needs()
    assert [n.recording for n in needs if n.waiting and n.card == card] == [replacement]
    assert not any(n.card == card and n.language.code == "ar" and not n.waiting for n in needs)
    client.force_login(people["erik"])
    report = client.get(REPORT).content.decode()
    assert f"{RECORDINGS}/edit/{replacement.pk}/" in report
    assert f"/admin/recordings/{replacement.pk}/approve/" not in report  # not for the uploader

    approve_in_admin(client, people["amal"], replacement)
    assert AudioRecording.objects.get(pk=replacement.pk).approved
    assert plays(client, card, replacement) and not plays(client, card, kept)


def test_a_new_edition_silences_the_recording_and_lists_it_to_be_made_again(client, card):
    recording = record(card, "ar")
    assert plays(client, card, recording)
    assert not any(n.card == card and n.language.code == "ar" for n in audio.recording_needs())

    # A changed Arabic translation is approved: a new edition is served.
    before = Served([card], "ar").edition(card)
    builders.translate(card, "ar", title=card.title_ar + " (جديد)")
    edition = Served([card], "ar").edition(card)
    assert edition.pk != before.pk
    assert not audio.reads(recording, edition)

    assert not plays(client, card, recording)
    assert "<audio" not in qr_page(client, card)
    listed = [n for n in audio.recording_needs() if n.card == card and n.language.code == "ar"]
    assert [(n.recording, n.outdated, n.waiting) for n in listed] == [(recording, True, False)]
    assert audio.status(recording, edition) == audio.Status.OLDER


def test_the_listing_says_waiting_approved_or_older_edition(admin_client, card, people):
    approved = record(card, "ar")
    waiting = record(card, "uk", approved=False, uploaded_by=people["erik"])
    older = record(card, "fa")
    message = card.key_messages()[0]
    builders.translate(message, "fa", headline=message.headline_fa + "!")
    body = admin_client.get(f"{RECORDINGS}/").content.decode()
    for label in (
        "Waiting for approval",
        "Approved",
        "Reads an older edition: record again",
    ):
        assert swedish(label) in body, label
    served = Served([card], None)
    assert [
        audio.status(r, served.edition(card, r.language)) for r in (approved, waiting, older)
    ] == [audio.Status.APPROVED, audio.Status.WAITING, audio.Status.OLDER]
    # The waiting one offers the way to approve it; the approved one does not.
    assert f"/admin/recordings/{waiting.pk}/approve/" in body
    assert f"/admin/recordings/{approved.pk}/approve/" not in body


def test_the_approval_page_lets_a_reviewer_hear_it_first(client, card, people):
    recording = record(card, "ar", approved=False, uploaded_by=people["erik"])
    client.force_login(people["rania"])
    page = client.get(f"/admin/recordings/{recording.pk}/approve/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'method="post"' in body and "csrfmiddlewaretoken" in body
    assert f"/admin/recordings/{recording.pk}/listen/" in body
    assert card.title_ar in body  # beside the text it should read
    heard = client.get(f"/admin/recordings/{recording.pk}/listen/")
    assert heard.status_code == 200 and heard["Content-Type"] == "audio/wav"
    assert "no-store" in heard["Cache-Control"]
    client.logout()
    assert client.get(f"/admin/recordings/{recording.pk}/listen/").status_code == 302  # login
    client.force_login(people["ayaan"])  # Somali only: she finds recordings, but not to approve
    assert client.get(f"/admin/recordings/{recording.pk}/listen/").status_code == 200
    assert refused(client.get(f"/admin/recordings/{recording.pk}/approve/"))
    assert refused(client.post(f"/admin/recordings/{recording.pk}/approve/"))
    assert not AudioRecording.objects.get(pk=recording.pk).approved


def test_the_approval_needs_a_post_with_the_csrf_token(card, people):
    from django.test import Client

    recording = record(card, "ar", approved=False, uploaded_by=people["erik"])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["rania"])
    assert strict.post(f"/admin/recordings/{recording.pk}/approve/").status_code == 403
    assert not AudioRecording.objects.get(pk=recording.pk).approved


def test_an_approved_recording_cannot_be_moved_to_another_card_or_language(client, card, people):
    recording = record(card, "ar")
    client.force_login(people["erik"])
    url = f"{RECORDINGS}/edit/{recording.pk}/"
    data = form_data(client.get(url).content.decode())
    data["language"] = ["uk"]
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the reason
    moved = AudioRecording.objects.get(pk=recording.pk)
    assert moved.language == "ar" and moved.approved


def test_recordings_made_before_approvals_count_as_approved(card):
    recording = record(card, "ar", approved=False)
    migration = importlib.import_module("audio.migrations.0002_recordings_are_approved")
    migration.approve_existing(apps, None)
    recording.refresh_from_db()
    assert recording.approved_at == recording.created_at


def test_playable_is_the_newest_approved_recording_of_the_edition(card):
    edition = Served([card], "ar").edition(card)
    first = record(card, "ar")
    second = record(card, "ar")
    waiting = record(card, "ar", approved=False)
    assert audio.playable([first, second, waiting], edition) == second
    assert audio.playable([first, waiting], edition) == first
    assert audio.playable([waiting], edition) is None
    assert audio.playable([first], None) is None
    AudioRecording.objects.filter(pk=second.pk).update(approved_at=None)
    second.approved_at = None
    assert audio.playable([first, second], edition) == first
