import pytest
from django.db import IntegrityError

from dialogue import codes
from dialogue.models import DialogueCard, LifeEvent

pytestmark = pytest.mark.django_db


def new_card(slug="nytt-kort"):
    card = DialogueCard(
        slug=slug, title_sv="Nytt kort", pictogram="home", life_event=LifeEvent.objects.first()
    )
    card.save()
    return card


def test_a_card_gets_a_well_formed_code_once():
    card = new_card()
    assert codes.is_well_formed(card.code)
    code = card.code
    card.title_sv = "Annan titel"
    card.slug = "annan-slug"
    card.save()
    card.refresh_from_db()
    assert card.code == code


def test_codes_are_unique_and_a_clash_is_redrawn(monkeypatch):
    taken = DialogueCard.objects.get(slug="personnummer").code
    draws = iter([taken, "ZZZZZZ"])
    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    card = new_card()
    assert card.code == "ZZZZZZ"


def test_the_database_refuses_a_duplicate_code():
    card = new_card()
    with pytest.raises(IntegrityError):
        other = DialogueCard.objects.get(slug="personnummer")
        DialogueCard.objects.filter(pk=card.pk).update(code=other.code)


def test_code_normalising_reads_what_people_type():
    assert codes.normalise(" ab-c0l ") == "ABC01"
    assert not codes.is_well_formed("ABCU1")  # U is not in the alphabet


def test_card_translation_needs_its_messages_translated():
    card = DialogueCard.objects.get(slug="personnummer")
    assert card.has_translation("ar")
    message = card.key_messages()[0]
    message.body_ar = ""
    message.save()
    card = DialogueCard.objects.get(slug="personnummer")
    assert not card.has_translation("ar")


def test_text_refuses_unknown_language_or_field():
    event = LifeEvent.objects.first()
    with pytest.raises(ValueError):
        event.text("title", "xx")
    with pytest.raises(ValueError):
        event.text("slug", "sv")
