"""[G] 2: a person's slow Swedish recording of a termbase word. An editor uploads it in the admin;
an approver of the word's owning agency who did not upload it approves it, on the same approval
page as every other recording; from then on "Words you will hear" plays it instead of the
computer voice. Words not yet said by a person are listed under "Recordings to make"."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import pgettext

from audio import term_words
from audio.models import TermRecording
from cms import roles
from dialogue.models import Agency
from terms.models import Term
from tests.audio.test_qr_audio import wav_bytes
from tests.terms.test_words_you_will_hear import card_with, words_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
TERMS = "/admin/snippets/audio/termrecording"
REPORT = "/admin/recordings/to-make/"


@pytest.fixture
def term():
    return Term.objects.select_related("agency").get(term="personnummer")


@pytest.fixture
def people(django_user_model, term):
    """Erik is an editor who uploads; Greta approves for the word's owning agency, Olle for
    another agency; Rania reviews Arabic."""
    other = Agency.objects.exclude(pk=term.agency_id).first()
    groups = {
        "erik": Group.objects.get(name=roles.EDITORS),
        "greta": roles.ensure_approver_group(term.agency),
        "olle": roles.ensure_approver_group(other),
        "rania": roles.language_group("Språkgranskare arabiska (ord)", ["ar"], reviewer=True),
    }
    found = {}
    for name, group in groups.items():
        found[name] = django_user_model.objects.create_user(name, password="pw")
        found[name].groups.add(group)
    return found


def computer_voice(term) -> TermRecording:
    made = TermRecording(term=term, recorded_by="espeak-ng", synthetic=True)
    made.file = ContentFile(wav_bytes(seconds=0.4), name="word.wav")
    made.full_clean()
    made.approved_at = timezone.now()
    made.save()
    return made


def upload(client, user, term, name="ord.wav") -> TermRecording:
    """The real add form of the admin, as the uploader posts it."""
    client.force_login(user)
    before = set(TermRecording.objects.values_list("pk", flat=True))
    response = client.post(
        f"{TERMS}/add/",
        {
            "term": term.pk,
            "recorded_by": "Sara Lind",
            "file": SimpleUploadedFile(name, wav_bytes(seconds=0.8)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return TermRecording.objects.exclude(pk__in=before).get()


def heard_word(client, card) -> tuple[str, bool]:
    """The address the card's QR page plays for "personnummer", and whether it says "computer
    voice"."""
    client.logout()
    words = words_section(client.get(f"/q/{card.code}/ar/").content.decode())
    word = re.search(
        r'<div class="word">\s*<dt><span lang="sv" dir="ltr">personnummer<.*?</dt>', words, re.S
    )
    assert word, words
    (url,) = re.findall(r'<audio controls preload="none" src="([^"]+)"', word.group())
    return url, 'class="voice"' in word.group()


def swedish(text: str) -> str:
    with translation.override("sv"):
        return pgettext("staff side", text)


def notices(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def refused(response) -> bool:
    """Wagtail answers a refused admin request by sending the user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_word_plays_in_a_persons_voice_once_its_agencys_approver_approves_it(
    client, people, term
):
    machine = computer_voice(term)
    card = card_with("personnummer")
    assert heard_word(client, card) == (machine.url, True)

    recording = upload(client, people["erik"], term)
    assert recording.uploaded_by == people["erik"] and not recording.approved
    assert not recording.synthetic and recording.duration > 0
    assert heard_word(client, card) == (machine.url, True)  # waiting: the computer voice plays
    assert client.get(recording.url).status_code == 404  # not even by its address

    # Not theirs to judge: an Arabic reviewer, another agency's approver, the editor.
    for name in ("rania", "olle", "erik"):
        client.force_login(people[name])
        assert refused(client.post(f"/admin/term-recordings/{recording.pk}/approve/")), name
    recording.refresh_from_db()
    assert not recording.approved

    client.force_login(people["greta"])
    listing = client.get(f"{TERMS}/").content.decode()
    assert f"/admin/term-recordings/{recording.pk}/approve/" in listing  # "Listen and approve"
    page = client.get(f"/admin/term-recordings/{recording.pk}/approve/", {"next": REPORT})
    body = page.content.decode()
    assert f'src="/admin/term-recordings/{recording.pk}/listen/"' in body
    assert '<dd lang="sv">personnummer</dd>' in body and "Sara Lind" in body
    assert f'action="/admin/term-recordings/{recording.pk}/approve/"' in body
    assert client.get(f"/admin/term-recordings/{recording.pk}/listen/").status_code == 200

    response = client.post(f"/admin/term-recordings/{recording.pk}/approve/", {"next": REPORT})
    assert response.status_code == 302 and response["Location"] == REPORT
    with translation.override("sv"):
        approved = pgettext(
            "staff side",
            "The recording of “%(term)s” is approved: “Words you will hear” plays it now.",
        ) % {"term": "personnummer"}
    assert approved in notices(response)
    recording.refresh_from_db()
    assert recording.approved and recording.approved_by == people["greta"]

    assert heard_word(client, card) == (recording.url, False)
    assert term_words.heard()[term.pk] == recording
    heard = client.get(recording.url)
    assert heard.status_code == 200 and heard["Content-Type"] == recording.mime_type
    assert b"".join(heard.streaming_content) == recording.file.open("rb").read()
    # A newer computer voice does not push the person's recording aside.
    computer_voice(term)
    assert heard_word(client, card) == (recording.url, False)


def test_the_uploader_may_not_approve_her_own(client, people, term, admin_user):
    recording = upload(client, admin_user, term)
    response = client.post(f"/admin/term-recordings/{recording.pk}/approve/", {"next": REPORT})
    assert response.status_code == 302
    assert swedish("You uploaded this recording: someone else must approve it.") in notices(
        response
    )
    recording.refresh_from_db()
    assert not recording.approved
    # Greta may: she answers for the word and did not upload it.
    client.force_login(people["greta"])
    client.post(f"/admin/term-recordings/{recording.pk}/approve/")
    recording.refresh_from_db()
    assert recording.approved_by == people["greta"]


def test_recordings_to_make_lists_the_words_not_yet_said_by_a_person(client, people):
    computer, person_said, third = Term.objects.all()[:3]  # any three words of the termbase
    computer_voice(computer)
    person = computer_voice(person_said)
    TermRecording.objects.filter(pk=person.pk).update(synthetic=False)
    waiting = upload(client, people["erik"], third)

    needs = {need.term.pk: need for need in term_words.needs()}
    assert person_said.pk not in needs  # said by a person
    assert needs[computer.pk].computer_voice is not None
    assert needs[third.pk].waiting == (waiting,) and needs[third.pk].computer_voice is None
    assert len(needs) == Term.objects.count() - 1

    client.force_login(people["erik"])
    body = client.get(REPORT).content.decode()
    section = body.split('id="terms"', 1)[1]
    assert f'<span lang="sv">{computer.term}</span>' in section
    assert f'<span lang="sv">{person_said.term}</span>' not in section
    assert f"{TERMS}/edit/{waiting.pk}/" in section
    assert f"/admin/term-recordings/{waiting.pk}/approve/" not in section  # his own upload
    assert f'href="{TERMS}/add/"' in section


def test_a_new_file_for_an_approved_word_waits_while_the_approved_one_plays(client, people, term):
    recording = upload(client, people["erik"], term)
    client.force_login(people["greta"])
    client.post(f"/admin/term-recordings/{recording.pk}/approve/")
    card = card_with("personnummer")

    client.force_login(people["erik"])
    response = client.post(
        f"{TERMS}/edit/{recording.pk}/",
        {
            "term": term.pk,
            "recorded_by": "Sara Lind",
            "file": SimpleUploadedFile("nytt.wav", wav_bytes(seconds=0.6)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    newer = TermRecording.objects.exclude(pk=recording.pk).get()
    assert not newer.approved and newer.uploaded_by == people["erik"]
    assert heard_word(client, card) == (recording.url, False)
