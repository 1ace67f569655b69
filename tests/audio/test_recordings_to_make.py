"""Reports → Recordings to make: cards in use only; a retired card needs no new recording."""

import pytest
from django.utils import timezone

from dialogue.models import DialogueCard
from tests import builders
from tests.audio.test_qr_audio import record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CARD = "foraldraledig-och-pa-vag"


def _report(client) -> str:
    response = client.get("/admin/recordings/to-make/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_outdated_recording_is_listed_with_a_link_to_it(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    recording = record(card, "ar")
    builders.translate(card, "ar", title=card.title_ar + " جديد")  # a new Arabic edition
    body = _report(admin_client)
    assert f"/admin/snippets/audio/audiorecording/edit/{recording.pk}/" in body


def test_a_retired_card_is_not_listed(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    title = card.title_sv
    assert body_lists(_report(admin_client), title)
    DialogueCard.objects.filter(pk=card.pk).update(retired_at=timezone.now())
    assert not body_lists(_report(admin_client), title)


def body_lists(body: str, title: str) -> bool:
    return f"<td>{title}</td>" in body or f">{title}</a></td>" in body
