"""What the public reads counts only cards in use: live and not retired."""

import pytest
from django.utils import timezone

from cms import reading
from dialogue.models import DialogueCard

pytestmark = pytest.mark.django_db


def test_the_card_count_per_language_leaves_out_retired_cards():
    before = reading.card_count_by_language()
    card = DialogueCard.objects.public().get(slug="foraldraledig-och-pa-vag")
    DialogueCard.objects.filter(pk=card.pk).update(retired_at=timezone.now())
    reading.content_version.bump()  # a queryset update sends no signal
    after = reading.card_count_by_language()
    assert after["sv"] == before["sv"] - 1
    assert after["ar"] == before["ar"] - 1


def test_public_cards_are_live_and_not_retired():
    live = set(DialogueCard.objects.filter(live=True).values_list("pk", flat=True))
    retired = DialogueCard.objects.filter(live=True).first()
    DialogueCard.objects.filter(pk=retired.pk).update(retired_at=timezone.now())
    public = set(DialogueCard.objects.public().values_list("pk", flat=True))
    assert public == live - {retired.pk}
