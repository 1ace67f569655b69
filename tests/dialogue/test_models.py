import pytest
from django.db import IntegrityError

from dialogue import codes
from dialogue.models import DialogueCard
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return builders.life_event()


def new_card(event, slug="nytt-kort"):
    card = DialogueCard(slug=slug, title_sv="Nytt kort", pictogram="home", life_event=event)
    card.save()
    return card


def test_a_card_gets_a_well_formed_code_once(event):
    card = new_card(event)
    assert codes.is_well_formed(card.code)
    code = card.code
    card.title_sv = "Annan titel"
    card.slug = "annan-slug"
    card.save()
    card.refresh_from_db()
    assert card.code == code


def test_codes_are_unique_and_a_clash_is_redrawn(event, monkeypatch):
    taken = new_card(event, slug="forsta-kortet").code
    draws = iter([taken, "ZZZZZZ"])
    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    card = new_card(event)
    assert card.code == "ZZZZZZ"


def test_the_database_refuses_a_duplicate_code(event):
    card = new_card(event)
    other = new_card(event, slug="ett-annat-kort")
    with pytest.raises(IntegrityError):
        DialogueCard.objects.filter(pk=card.pk).update(code=other.code)


def test_code_normalising_reads_what_people_type():
    assert codes.normalise(" ab-c0l ") == "ABC01"
    assert not codes.is_well_formed("ABCU1")  # U is not in the alphabet


def test_card_translation_needs_its_messages_translated():
    card = builders.card_with_message(["ar"])
    assert card.has_translation("ar")
    message = card.key_messages()[0]
    message.body_ar = ""
    message.save()
    card = DialogueCard.objects.get(pk=card.pk)
    assert not card.has_translation("ar")
    assert not builders.card_with_message([]).has_translation("ar")


def test_text_refuses_unknown_language_or_field(event):
    assert event.text("title", "sv") == event.title_sv
    with pytest.raises(ValueError):
        event.text("title", "xx")
    with pytest.raises(ValueError):
        event.text("slug", "sv")
