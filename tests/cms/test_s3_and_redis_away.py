"""With S3 and Redis (several nodes, `make cluster`): a recording in the bucket plays from the
site's own address, under the public pages' policy, and is counted; and pages are served while
Redis is away."""

import io
import re
import socket
import wave

import boto3
import pytest
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from moto import mock_aws

from audio.models import AudioRecording
from dialogue.models import DialogueCard
from followup.models import Counter, Event

pytestmark = pytest.mark.django_db
CARD = "foraldraledig-och-pa-vag"
BUCKET = "jis-test"


def wav_bytes(seconds=1.0, rate=8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def counted(event, card, lang):
    where = {"event": event, "card": card.code, "language": lang}
    return Counter.objects.filter(**where).aggregate(models.Sum("count"))["count__sum"] or 0


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


@pytest.fixture
def s3(settings, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "test")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        options = {"bucket_name": BUCKET, "region_name": "us-east-1", "querystring_auth": False}
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        }
        yield


def test_a_recording_in_s3_plays_from_the_sites_own_address_and_is_counted(s3, card, client):
    data = wav_bytes()
    recording = AudioRecording(card=card, language="ar", recorded_by="test", synthetic=True)
    recording.file = ContentFile(data, name="ar.wav")
    recording.full_clean()
    recording.approved_at = timezone.now()
    recording.save()
    stored = boto3.client("s3", region_name="us-east-1").get_object(
        Bucket=BUCKET, Key=recording.file.name
    )
    assert stored["Body"].read() == data  # really in the bucket

    page = client.get(f"/q/{card.code}/ar/")
    src = re.search(r'<audio[^>]*src="([^"]+)"', page.content.decode()).group(1)
    assert src.startswith("/audio/")  # the site's origin: allowed by media-src 'self'
    assert "media-src 'self'" in page["Content-Security-Policy"]

    heard = client.get(src)
    assert heard.status_code == 200 and b"".join(heard.streaming_content) == data
    assert counted(Event.AUDIO_STARTED, card, "ar") == 1
    later = client.get(src, headers={"Range": "bytes=100-"})  # the player reading on
    assert later.status_code == 206 and b"".join(later.streaming_content) == data[100:]
    assert counted(Event.AUDIO_STARTED, card, "ar") == 1


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens


def test_pages_are_served_and_counted_while_redis_is_away(settings, card, client):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
        }
    }
    for expected in (1, 2):
        assert client.get(f"/q/{card.code}/ar/").status_code == 200
        assert counted(Event.QR_OPENED, card, "ar") == expected
    assert client.get("/ar/").status_code == 200
