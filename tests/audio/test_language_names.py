"""[O] 3: every language's own name read aloud, so that a woman who cannot read finds hers by
ear. A recording of a name is uploaded in the admin and approved like a card recording (a
reviewer of the language who did not upload it); the choosers, the poster's landing page and
the QR chooser play it; a person's voice plays before a computer voice; languages without one
show their name without a play button and are listed under "Recordings to make"."""

import re
import shutil

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import languages
from audio import language_names
from audio.models import LanguageNameRecording
from cms import roles
from dialogue.models import DialogueCard
from tests.audio.test_qr_audio import record, wav_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
NAMES = "/admin/snippets/audio/languagenamerecording"
REPORT = "/admin/recordings/to-make/"


@pytest.fixture
def people(django_user_model):
    """Erik is an editor who uploads; Rania reviews Arabic; Ayaan reviews Somali."""
    editors = Group.objects.get(name=roles.EDITORS)
    arabic = roles.language_group("Språkgranskare arabiska (namn)", ["ar"], reviewer=True)
    somali = roles.language_group("Språkgranskare somaliska (namn)", ["so"], reviewer=True)
    found = {}
    for name, group in (("erik", editors), ("rania", arabic), ("ayaan", somali)):
        found[name] = django_user_model.objects.create_user(name, password="pw")
        found[name].groups.add(group)
    return found


def name_recording(code, synthetic=True, approved=True, seconds=0.5) -> LanguageNameRecording:
    recording = LanguageNameRecording(language=code, recorded_by="test", synthetic=synthetic)
    recording.file = ContentFile(wav_bytes(seconds=seconds), name=f"{code}.wav")
    recording.full_clean()
    if approved:
        recording.approved_at = timezone.now()
    recording.save()
    return recording


def play_buttons(body: str) -> dict[str, str]:
    """Language code → the recording's address, for each play button on a chooser."""
    found = re.findall(
        r'<span class="say-name" data-play>\s*<button type="button" class="play-name" hidden>'
        r'.*?<span lang="([a-z-]+)" dir="(?:ltr|rtl)">[^<]+</span></span></button>\s*'
        r'<audio controls preload="none" src="([^"]+)"',
        body,
        re.S,
    )
    return dict(found)


def upload(client, user, code="ar") -> LanguageNameRecording:
    client.force_login(user)
    response = client.post(
        f"{NAMES}/add/",
        {
            "language": code,
            "recorded_by": "Amal",
            "file": SimpleUploadedFile("namn.wav", wav_bytes(seconds=0.8)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return LanguageNameRecording.objects.get(language=code, uploaded_by=user)


def test_an_uploaded_name_plays_on_the_chooser_once_a_reviewer_approves_it(client, people):
    recording = upload(client, people["erik"])
    assert not recording.approved and recording.duration > 0 and recording.mime_type
    client.logout()
    assert "ar" not in play_buttons(client.get("/").content.decode())
    assert client.get(recording.url).status_code == 404  # not heard before approval

    # A reviewer of another language may not approve it; the uploader (an editor) neither.
    client.force_login(people["ayaan"])
    assert client.post(f"/admin/language-names/{recording.pk}/approve/").status_code in (302, 403)
    client.force_login(people["erik"])
    client.post(f"/admin/language-names/{recording.pk}/approve/")
    recording.refresh_from_db()
    assert not recording.approved

    client.force_login(people["rania"])
    page = client.get(f"/admin/language-names/{recording.pk}/approve/").content.decode()
    assert f'src="/admin/language-names/{recording.pk}/listen/"' in page
    assert client.get(f"/admin/language-names/{recording.pk}/listen/").status_code == 200
    response = client.post(f"/admin/language-names/{recording.pk}/approve/", {"next": REPORT})
    assert response.status_code == 302 and response["Location"] == REPORT
    recording.refresh_from_db()
    assert recording.approved and recording.approved_by == people["rania"]

    client.logout()
    body = client.get("/").content.decode()
    assert play_buttons(body)["ar"] == recording.url
    assert "cms/speak.js" in body
    heard = client.get(recording.url)
    assert heard.status_code == 200 and heard["Content-Type"] == recording.mime_type
    assert b"".join(heard.streaming_content) == recording.file.open("rb").read()
    partial = client.get(recording.url, HTTP_RANGE="bytes=0-9")  # iPhones ask for ranges
    assert partial.status_code == 206


def test_a_language_without_a_recording_shows_its_name_without_a_play_button(client):
    name_recording("ar")
    body = client.get("/").content.decode()
    assert set(play_buttons(body)) == {"ar"}
    somali = languages.get("so").own_name
    assert f'<span class="own-name" lang="so" dir="ltr">{somali}</span>' in body
    # Nothing to play on the page: no script either.
    name_recording("ar").delete()
    LanguageNameRecording.objects.all().delete()
    body = client.get("/").content.decode()
    assert play_buttons(body) == {} and "speak.js" not in body


def test_a_persons_voice_plays_before_the_computer_voice(client):
    computer = name_recording("so", synthetic=True)
    assert play_buttons(client.get("/").content.decode())["so"] == computer.url
    person = name_recording("so", synthetic=False)
    assert play_buttons(client.get("/").content.decode())["so"] == person.url
    # A newer computer voice does not push the person's recording aside.
    name_recording("so", synthetic=True)
    assert play_buttons(client.get("/").content.decode())["so"] == person.url
    assert language_names.heard()["so"] == person
    # An upload waiting for approval plays nowhere.
    name_recording("so", synthetic=False, approved=False)
    assert play_buttons(client.get("/").content.decode())["so"] == person.url


def test_the_qr_chooser_and_the_posters_landing_page_play_the_name(client):
    arabic = name_recording("ar")
    code = DialogueCard.objects.get(slug="personnummer").code
    # /q/<code>/ without a browser language it has: the list of the card's languages.
    body = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert play_buttons(body) == {"ar": arabic.url}
    # The poster's codes lead to a language's start page: her language's name plays first.
    body = client.get("/ar/").content.decode()
    assert body.index('class="language-here"') < body.index("<h1")
    assert play_buttons(body) == {"ar": arabic.url}
    assert 'class="language-here"' not in client.get("/so/").content.decode()


def test_the_qr_page_puts_a_large_play_button_before_the_text(client):
    card = DialogueCard.objects.get(slug="personnummer")
    recording = record(card, "ar")
    body = client.get(f"/q/{card.code}/ar/").content.decode()
    button = body.index('<button type="button" class="play-button" hidden>')
    assert button < body.index("<h1") < body.index('class="card"')
    assert body.index(f'<audio controls preload="none" src="{recording.url}"') > button
    assert "cms/speak.js" in body
    # Without a recording: no button, and the page says there is none yet.
    body = client.get(f"/q/{card.code}/ti/").content.decode()
    assert "play-button" not in body and "speak.js" not in body
    assert '<h2 id="listen">' in body


def test_recordings_to_make_lists_the_names_not_yet_read_by_a_person(admin_client):
    name_recording("ar", synthetic=True)
    name_recording("so", synthetic=False)
    waiting = name_recording("ti", synthetic=False, approved=False)
    needs = {need.language.code: need for need in language_names.needs()}
    assert "so" not in needs  # a person's recording is heard
    assert needs["ar"].computer_voice is not None and needs["ar"].waiting == ()
    assert needs["ti"].computer_voice is None and needs["ti"].waiting == (waiting,)
    assert needs["ps"].computer_voice is None
    body = admin_client.get(REPORT).content.decode()
    section = body.split('id="language-names"', 1)[1]
    assert 'lang="ps"' in section and 'lang="so"' not in section
    assert f"/admin/language-names/{waiting.pk}/approve/" in section
    assert admin_client.get(f"{NAMES}/").status_code == 200


def test_reviewers_see_names_and_editors_upload_them(client, people):
    client.force_login(people["rania"])
    assert client.get(f"{NAMES}/").status_code == 200
    assert client.get(f"{NAMES}/add/").status_code in (302, 403)
    client.force_login(people["erik"])
    assert client.get(f"{NAMES}/add/").status_code == 200


@pytest.mark.skipif(not shutil.which("espeak-ng") or not shutil.which("lame"), reason="espeak-ng")
def test_the_demo_reads_names_with_a_computer_voice_where_one_exists():
    from ops.demo.audio import make_language_names

    assert make_language_names(["sv", "ar", "so", "ti"]) == {"created": 2, "unchanged": 0}
    made = {r.language: r for r in LanguageNameRecording.objects.all()}
    assert set(made) == {"sv", "ar"}  # espeak-ng has no Somali or Tigrinya voice: none invented
    assert all(r.synthetic and r.approved and r.mime_type == "audio/mpeg" for r in made.values())
    assert make_language_names(["sv", "ar"]) == {"created": 0, "unchanged": 2}
    needs = {need.language.code for need in language_names.needs()}
    assert {"so", "ti", "sv", "ar"} <= needs  # computer voices still wait for a person
