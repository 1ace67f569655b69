"""Offline for fieldworkers ([O] 1): the kit ZIP per life event × language, what "save this
topic" stores (offline.json), the fallback page and the notice the service worker fills."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from audio.models import AudioRecording
from dialogue.models import DialogueCard
from followup.models import Counter, Event
from print.documents.qr_index import QrIndexRenderer
from tests import builders
from tests.audio.test_qr_audio import record, wav_bytes
from tests.pdf_tools import qr_codes
from translations.status import Status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
SW = Path(__file__).resolve().parents[2] / "cms" / "static" / "cms" / "sw.js"


def unzip(response) -> zipfile.ZipFile:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def kit_files() -> list[str]:
    """What the print cache holds of kits (whole files and any partial one)."""
    found = []

    def walk(folder):
        if not default_storage.exists(folder):
            return
        folders, files = default_storage.listdir(folder)
        found.extend(f"{folder}/{name}" for name in files)
        for name in folders:
            walk(f"{folder}/{name}")

    walk("print-cache")
    return [name for name in found if "/kit/" in name]


@pytest.fixture
def topic():
    """A life event with two cards: one approved in Arabic and recorded, one whose Arabic is
    translated but not reviewed (so it has no edition in service)."""
    event = builders.life_event("Bo i Sverige", {"ar": {"title": "السكن في السويد"}})
    message = builders.joint_message(
        [event],
        headline="Du har rätt till en bostad.",
        body="Fråga kommunen.",
        translations={"ar": {"headline": "لكِ الحق في السكن.", "body": "اسألي البلدية 2026."}},
    )
    approved = builders.dialogue_card(
        event, [message], "Hitta en bostad", {"ar": {"title": "العثور على سكن"}}, slug="bostad"
    )
    other = builders.joint_message([event], headline="Hyran betalas varje månad.")
    waiting = builders.dialogue_card(event, [other], "Betala hyran", slug="hyran")
    builders.translate(other, "ar", status=Status.TRANSLATED, headline="الإيجار يدفع شهريا.")
    builders.translate(waiting, "ar", status=Status.TRANSLATED, title="دفع الإيجار")
    recording = record(approved, "ar", wav_bytes(seconds=1))
    return event, approved, waiting, recording


def test_kit_holds_recordings_a_static_index_and_a_qr_sheet(client, topic):
    event, approved, _waiting, recording = topic
    response = client.get(f"/material/kit/{event.slug}/ar.zip")
    archive = unzip(response)
    assert response["Content-Disposition"] == (
        f'attachment; filename="jobba-i-sverige_{event.slug}_ar_offline.zip"'
    )
    assert sorted(archive.namelist()) == [
        "audio/bostad-ar.wav",
        "index.html",
        "manifest.json",
        "qr-index.pdf",
    ]
    assert archive.testzip() is None
    with recording.file.open("rb") as handle:
        assert archive.read("audio/bostad-ar.wav") == handle.read()

    index = archive.read("index.html").decode()
    assert '<html lang="ar" dir="rtl">' in index
    assert "<script" not in index and "http" not in index.split("<main>")[0]
    assert 'src="audio/bostad-ar.wav"' in index and 'href="audio/bostad-ar.wav"' in index
    assert 'href="qr-index.pdf"' in index
    assert "العثور على سكن" in index and "السكن في السويد" in index
    assert '<bdi dir="ltr">2026</bdi>' in index  # numbers kept whole in right-to-left text

    manifest = json.loads(archive.read("manifest.json"))
    assert [card["slug"] for card in manifest["cards"]] == ["bostad"]
    assert {entry["name"] for entry in manifest["files"]} == {
        "audio/bostad-ar.wav",
        "index.html",
        "qr-index.pdf",
    }
    sheet = archive.read("qr-index.pdf")
    assert sheet.startswith(b"%PDF")
    (scanned,) = qr_codes(sheet)
    assert re.fullmatch(rf"http.*/q/{approved.code}/ar/\?v=[0-9a-f]+", scanned)


def test_only_approved_editions_go_into_the_kit(client, topic):
    event, _approved, waiting, _recording = topic
    # An approved recording of the card whose Arabic nobody reviewed: still left out.
    record(waiting, "ar", wav_bytes(seconds=2))
    assert AudioRecording.objects.filter(card=waiting, approved_at__isnull=False).exists()
    archive = unzip(client.get(f"/material/kit/{event.slug}/ar.zip"))
    index = archive.read("index.html").decode()
    assert "دفع الإيجار" not in index and "الإيجار يدفع شهريا" not in index
    assert 'class="missing"' in index  # "some cards are not yet translated" is said
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["cards_not_translated"] == 1
    assert not any("hyran" in name for name in archive.namelist())


def test_a_language_with_nothing_approved_is_told_in_her_language_and_in_swedish(client, topic):
    event, *_ = topic
    response = client.get(f"/material/kit/{event.slug}/ti.zip")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert '<html lang="ti" dir="ltr">' in body
    messages = re.findall(r'<p class="missing"([^>]*)>([^<]+)</p>', body)
    assert len(messages) == 2
    assert "ትግርኛ" in messages[0][1]  # to her, her language by its own name
    assert messages[1][0] == ' lang="sv" dir="ltr"'  # to the fieldworker, in Swedish
    assert "tigrinja" in messages[1][1]
    assert f'href="/ti/{event.slug}/"' in body
    assert kit_files() == []


def test_unknown_life_event_or_language_is_a_404(client):
    assert client.get("/material/kit/finns-inte/ar.zip").status_code == 404
    assert client.get("/material/kit/folkbokforing/xx.zip").status_code == 404


def test_a_failed_build_leaves_no_file_and_the_next_request_builds_it_whole(
    client, topic, monkeypatch
):
    event, *_ = topic
    original = QrIndexRenderer.render

    def broken(self):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(QrIndexRenderer, "render", broken)
    with pytest.raises(RuntimeError):
        client.get(f"/material/kit/{event.slug}/ar.zip")
    assert kit_files() == []
    monkeypatch.setattr(QrIndexRenderer, "render", original)
    first = client.get(f"/material/kit/{event.slug}/ar.zip")
    (stored,) = kit_files()
    assert stored.endswith(".zip")
    assert client.get(f"/material/kit/{event.slug}/ar.zip").content == first.content


def test_head_builds_nothing_and_a_download_is_counted(client, topic):
    event, *_ = topic
    head = client.head(f"/material/kit/{event.slug}/ar.zip")
    assert head.status_code == 200 and head["Content-Type"] == "application/zip"
    assert kit_files() == []
    client.get(f"/material/kit/{event.slug}/ar.zip")
    counted = Counter.objects.get(event=Event.PACK_DOWNLOADED, channel="kit")
    assert (counted.life_event, counted.language, counted.count) == (event.slug, "ar", 1)


def test_the_life_event_page_and_the_material_page_link_to_the_kit(client, topic):
    event, *_ = topic
    page = client.get(f"/ar/{event.slug}/").content.decode()
    assert f'href="/material/kit/{event.slug}/ar.zip"' in page
    builders.never_approved("so")
    assert "/material/kit/" not in client.get(f"/so/{event.slug}/").content.decode()
    material = client.get("/material/").content.decode()
    assert f'href="/material/kit/{event.slug}/ar.zip"' in material
    assert f'href="/material/kit/{event.slug}/ti.zip"' not in material


# --- "Save this topic for offline use" -------------------------------------------------------


def test_the_offline_list_names_the_pages_and_recordings_with_their_size(client, topic):
    event, approved, waiting, recording = topic
    response = client.get(f"/ar/{event.slug}/offline.json")
    assert response.status_code == 200
    listed = response.json()
    pages = [item["url"] for item in listed["pages"]]
    assert pages == [
        f"/ar/{event.slug}/",
        "/ar/offline.html",
        f"/q/{approved.code}/ar/",
        f"/q/{waiting.code}/ar/",
    ]
    assert listed["recordings"] == [{"url": recording.url, "bytes": recording.size}]
    assert listed["title"] == "السكن في السويد" and listed["dir"] == "rtl"
    everything = listed["pages"] + listed["recordings"] + listed["assets"]
    assert listed["bytes"] == sum(item["bytes"] for item in everything)
    assert any(item["url"].endswith("site.css") for item in listed["assets"])
    # Each page and recording answers, so the worker can store it (static files are served by
    # WhiteNoise or runserver, not the test client).
    for item in listed["pages"] + listed["recordings"]:
        assert client.get(item["url"]).status_code == 200, item["url"]
    assert client.get("/ar/finns-inte/offline.json").status_code == 404


def test_the_life_event_page_offers_saving_with_the_size_first(client, topic):
    event, *_ = topic
    body = client.get(f"/ar/{event.slug}/").content.decode()
    section = re.search(r'<section class="offline-save".*?</section>', body, re.S).group(0)
    assert f'data-offline-topic="/ar/{event.slug}/offline.json"' in section
    assert " hidden>" in section.split("\n")[0]  # shown by the script, where it can save
    total = client.get(f"/ar/{event.slug}/offline.json").json()["bytes"]
    assert f"{total / 1024:.1f}".replace(".", ",") in section or f"{total / 1024:.1f}" in section
    assert "data-offline-save" in section and 'role="status"' in section
    assert 'src="/static/cms/offline.js"' in body


def test_saving_counts_no_opening_and_no_listening(client, topic):
    _event, approved, _waiting, recording = topic
    client.get(f"/q/{approved.code}/ar/", HTTP_X_OFFLINE_SAVE="1")
    client.get(recording.url, HTTP_X_OFFLINE_SAVE="1")
    assert not Counter.objects.filter(card=approved.code).exists()
    client.get(f"/q/{approved.code}/ar/")
    client.get(recording.url)
    counted = set(Counter.objects.filter(card=approved.code).values_list("event", flat=True))
    assert counted == {Event.QR_OPENED, Event.AUDIO_STARTED}


def test_the_fallback_page_and_the_notice_carry_what_the_worker_fills(client):
    """The service worker fills these by their exact markup (sw.js): a change to either side
    must change both."""
    worker = SW.read_text()
    fallback = client.get("/ar/offline.html")
    body = fallback.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    for marker in (
        '<ul class="saved-topics" data-saved-topics></ul>',
        '<p class="hint" data-nothing-saved>',
    ):
        assert marker in body and marker in worker
    card = DialogueCard.objects.get(slug="personnummer")
    for address in ("/ar/folkbokforing/", f"/q/{card.code}/ar/", "/ar/offline.html"):
        page = client.get(address).content.decode()
        notice = re.search(
            r'<p class="offline-notice" data-offline-notice hidden>([^<]*)</p>', page
        )
        assert notice and "{date}" in notice.group(1), address
    assert r'<p class="offline-notice" data-offline-notice hidden>([^<]*)<\/p>' in worker
    assert client.get("/xx/offline.html").status_code == 404
