"""QR pages and audio: stable codes, recordings tied to their text, Range, validated uploads."""

import io
import re
import wave
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from audio import recordings as audio
from audio.models import AudioRecording
from dialogue.models import DialogueCard, IssuedCode
from editions.served import Served
from tests import builders
from tests.admin_forms import form_errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CARD = "foraldraledig-och-pa-vag"
STATIC_CSS = Path(__file__).resolve().parents[2] / "cms" / "static" / "cms" / "site.css"


def wav_bytes(seconds=1.0, rate=8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def record(card, code, data=None, synthetic=True, approved=True, uploaded_by=None):
    """A recording of the edition in service, approved (the public hears it) unless told."""
    recording = AudioRecording(
        card=card, language=code, recorded_by="test", synthetic=synthetic, uploaded_by=uploaded_by
    )
    recording.file = ContentFile(data or wav_bytes(), name=f"{code}.wav")
    recording.full_clean()
    if approved:
        recording.approved_at = timezone.now()
    recording.save()
    return recording


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


def test_code_and_qr_url_survive_title_and_slug_changes(card, client):
    code = card.code
    card.title_sv, card.slug = "Ny titel", "ny-slug"
    card.save_revision().publish()
    card.refresh_from_db()
    assert card.code == code
    assert client.get(f"/q/{code}/ar/").status_code == 200


def test_every_card_code_is_in_the_register_and_never_reused(card, monkeypatch):
    code = card.code
    assert IssuedCode.objects.get(code=code).card == card
    card.delete()
    assert IssuedCode.objects.filter(code=code, card=None).exists()
    draws = iter([code, "ZZZZZ9"])
    from dialogue import codes

    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    new = DialogueCard(slug="ny", title_sv="Ny", pictogram="home", life_event_id=1)
    new.life_event = DialogueCard.objects.first().life_event
    new.save()
    assert new.code == "ZZZZZ9"


def test_qr_page_speaks_the_language_with_rtl_and_is_light(card, client):
    response = client.get(f"/q/{card.code}/ar/")
    body = response.content
    assert b'<html lang="ar" dir="rtl">' in body
    assert card.title_ar.encode() in body
    assert len(body) + STATIC_CSS.stat().st_size < 30_000
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert client.head(f"/q/{card.code}/ar/").status_code == 200


def test_qr_page_without_recording_says_so_and_links_other_languages(card, client):
    response = client.get(f"/q/{card.code}/ti/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<audio" not in body
    assert 'class="missing"' in body
    assert f'href="/q/{card.code}/ar/"' in body and f'href="/q/{card.code}/sv/"' in body
    assert f'href="/q/{card.code}/ps/"' not in body  # not translated


def test_qr_page_plays_the_recording_labelled_computer_voice(card, client):
    recording = record(card, "ar")
    body = client.get(f"/q/{card.code}/ar/").content.decode()
    assert f'<audio controls preload="none" src="{recording.url}"' in body
    with translation.override("ar"):
        label = translation.gettext("Computer voice")
    assert label != "Computer voice"  # the Arabic catalogue has it
    assert f'<p class="voice">{label}</p>' in body


def test_unknown_code_is_a_friendly_404_in_the_language(client):
    response = client.get("/q/ZZZZZZ/ar/")
    assert response.status_code == 404
    assert b'<html lang="ar" dir="rtl">' in response.content
    assert client.get("/q/not-a-code!/sv/").status_code == 404


def test_withdrawn_card_says_so(card, client):
    code = card.code
    card.delete()
    response = client.get(f"/q/{code}/so/")
    assert response.status_code == 410
    assert b'lang="so"' in response.content


def test_retired_card_links_to_its_replacement(card, client):
    other = DialogueCard.objects.get(slug="skriv-in-dig")
    DialogueCard.objects.filter(pk=card.pk).update(
        retired_at="2026-01-01T00:00Z", replaced_by=other
    )
    body = client.get(f"/q/{card.code}/sv/").content.decode()
    assert f'href="/q/{other.code}/sv/"' in body
    assert 'class="missing"' in body


def test_a_card_printed_from_an_older_text_says_it_was_updated(card, client):
    version = Served([card], "uk").edition(card).version
    current = client.get(f"/q/{card.code}/uk/?v={version}").content.decode()
    assert "updated-since-print" not in current
    body = client.get(f"/q/{card.code}/uk/?v=0000000").content.decode()
    assert "updated-since-print" in body


def test_code_without_language_follows_the_browser_or_offers_the_list(card, client):
    response = client.get(f"/q/{card.code}/", HTTP_ACCEPT_LANGUAGE="th,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == f"/q/{card.code}/th/"
    listing = client.get(f"/q/{card.code}/", HTTP_ACCEPT_LANGUAGE="ps").content.decode()
    assert f'href="/q/{card.code}/ar/"' in listing
    assert client.get(f"/q/{card.code.lower()}/ar/")["Location"] == f"/q/{card.code}/ar/"


def test_recording_belongs_to_its_text(card):
    arabic, ukrainian = record(card, "ar"), record(card, "uk")
    assert not arabic.is_outdated and not ukrainian.is_outdated
    message = card.key_messages()[0]
    builders.translate(message, "ar", headline=message.headline_ar + "!")  # a new edition
    card = DialogueCard.objects.get(pk=card.pk)
    arabic = AudioRecording.objects.get(pk=arabic.pk)
    assert arabic.is_outdated
    assert not AudioRecording.objects.get(pk=ukrainian.pk).is_outdated
    needs = audio.recording_needs()
    assert any(n.recording == arabic for n in needs)
    assert not any(n.recording == AudioRecording.objects.get(pk=ukrainian.pk) for n in needs)


@pytest.fixture
def served(card, client):
    data = wav_bytes(seconds=2)
    recording = record(card, "fa", data)
    return client, recording.url, data


def test_range_first_bytes(served):
    client, url, data = served
    response = client.get(url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{len(data)}"
    assert b"".join(response.streaming_content) == data[:100]
    assert response["Content-Type"] == "audio/wav"
    assert "max-age=31536000" in response["Cache-Control"]


def test_range_middle_and_suffix(served):
    client, url, data = served
    middle = client.get(url, HTTP_RANGE="bytes=1000-1999")
    assert middle.status_code == 206 and b"".join(middle.streaming_content) == data[1000:2000]
    suffix = client.get(url, HTTP_RANGE="bytes=-500")
    assert suffix.status_code == 206 and b"".join(suffix.streaming_content) == data[-500:]
    assert suffix["Content-Range"] == f"bytes {len(data) - 500}-{len(data) - 1}/{len(data)}"


def test_range_impossible_is_416_and_no_range_is_the_whole_file(served):
    client, url, data = served
    impossible = client.get(url, HTTP_RANGE=f"bytes={len(data) + 10}-")
    assert impossible.status_code == 416
    assert impossible["Content-Range"] == f"bytes */{len(data)}"
    whole = client.get(url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == data
    assert whole["Accept-Ranges"] == "bytes"
    assert client.get(url.replace(".wav", "x.wav")).status_code == 404


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("text.mp3", b"This is not audio at all, just text. " * 20, "not an audio file"),
        ("image.mp3", bytes.fromhex("89504e470d0a1a0a") + b"\x00" * 500, "not an audio file"),
        ("empty.wav", b"", "empty"),
        ("big.wav", None, "at most"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    admin_client, card, settings, name, data, message
):
    settings.AUDIO_MAX_BYTES = 20_000
    data = wav_bytes(seconds=3) if data is None else data  # 48 kB: over the limit
    before = (stored_files(settings), AudioRecording.objects.count())
    with settings_english(settings):
        response = admin_client.post(
            "/admin/snippets/audio/audiorecording/add/",
            {
                "card": card.pk,
                "language": "ar",
                "recorded_by": "Test",
                "file": SimpleUploadedFile(name, data),
            },
        )
    assert response.status_code == 200
    errors = form_errors(response.content.decode())
    assert any(re.search(message, m, re.I) for ms in errors.values() for m in ms), errors
    assert (stored_files(settings), AudioRecording.objects.count()) == before


def test_a_good_upload_is_stored_with_its_duration(admin_client, card):
    response = admin_client.post(
        "/admin/snippets/audio/audiorecording/add/",
        {
            "card": card.pk,
            "language": "ar",
            "recorded_by": "Amal",
            "file": SimpleUploadedFile("amal.wav", wav_bytes(seconds=2)),
        },
    )
    assert response.status_code == 302
    recording = AudioRecording.objects.get(card=card, language="ar")
    assert recording.format == "wav" and round(recording.duration) == 2
    assert re.fullmatch(rf"audio/{card.code}/ar-[0-9a-f]{{16}}\.wav", recording.file.name)


def test_too_long_recordings_are_refused(card, settings):
    settings.AUDIO_MAX_SECONDS = 1
    with pytest.raises(Exception, match="(?i)minut"):
        record(card, "ar", wav_bytes(seconds=3))


def test_life_event_page_offers_the_playlist(card, client):
    record(card, "ar")
    body = client.get(f"/ar/{card.life_event.slug}/").content.decode()
    assert 'id="playlist"' in body and "<audio" in body
    somali = client.get(f"/so/{card.life_event.slug}/")
    assert somali.status_code == 200
    assert 'id="playlist"' not in somali.content.decode()


def test_demo_recordings_only_for_languages_espeak_speaks(card):
    from ops.demo import audio as demo_audio

    assert demo_audio.available(), "espeak-ng and lame are Debian packages that make installs"
    counts = demo_audio.make_recordings(codes=["sv", "so"])
    assert counts["created"] == DialogueCard.objects.filter(live=True).count()
    assert not AudioRecording.objects.filter(language="so").exists()
    recording = AudioRecording.objects.get(card=card, language="sv")
    assert recording.synthetic and recording.format == "mp3" and recording.duration > 5
    assert recording.approved  # the demo's own recordings play at once
    assert demo_audio.make_recordings(codes=["sv"])["created"] == 0  # idempotent


class settings_english:
    """Admin messages in English for the assertion (the admin speaks Swedish by default)."""

    def __init__(self, settings):
        self.settings = settings

    def __enter__(self):
        self.previous = self.settings.LANGUAGE_CODE
        self.settings.LANGUAGE_CODE = "en"

    def __exit__(self, *exc):
        self.settings.LANGUAGE_CODE = self.previous


def test_service_worker_is_served_from_the_root_and_used_by_qr_pages(card, client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Service-Worker-Allowed"] == "/"
    assert b"networkFirst" in response.content
    assert "cms/offline.js" in client.get(f"/q/{card.code}/sv/").content.decode()
