"""Only approved translations reach the public, the QR pages, print, packs and recording lists."""

import pytest

from audio import recordings as audio
from cms import reading
from dialogue.models import Audience, DialogueCard, JointMessage
from languages import get
from print import content, packs
from print.content import NotPrintable
from translations import status as translation_status
from translations.approved import Approved, Drafts
from translations.status import Status

pytestmark = pytest.mark.django_db

CARD = "personnummer"  # in the life event folkbokforing


def unreviewed_somali_body():
    """A translator changes the Somali body of a message on the card; nobody has reviewed it."""
    message = JointMessage.objects.get(slug="barnbidrag")
    message.body_so = "Qoraal cusub oo aan weli la hubin."
    message.save()
    translation_status.record(message, "body", "so")  # translated, not approved
    return message


def card_view(code, slug=CARD):
    view = reading.life_event(get(code), "folkbokforing")
    return next(card for card in view.cards if card.slug == slug)


def test_an_approved_translation_is_shown_and_printed():
    card = DialogueCard.objects.get(slug=CARD)
    assert Approved([card]).usable(card, "so")
    assert card_view("so").translated
    assert content.card_content(card, "so").lang == "so"


def test_an_unreviewed_translation_is_neither_shown_nor_printed(client):
    message = unreviewed_somali_body()
    card = DialogueCard.objects.get(slug=CARD)
    assert not Approved([card]).usable(card, "so")
    assert not card_view("so").translated
    page = client.get("/so/folkbokforing/").content.decode()
    assert message.body_so not in page
    qr = client.get(f"/q/{card.code}/so/").content.decode()
    assert message.body_so not in qr
    assert get("so") not in reading.qr_card(card.pk, get("so")).available
    with pytest.raises(NotPrintable, match="godkänt"):
        content.card_content(card, "so")
    assert all(need.language.code != "so" or need.card != card for need in audio.recording_needs())


def test_approving_it_puts_it_on_the_page(client):
    message = unreviewed_somali_body()
    translation_status.record(message, "body", "so", Status.APPROVED)
    assert message.body_so in client.get("/so/folkbokforing/").content.decode()


def test_a_language_being_rolled_out_may_show_unreviewed_text(settings, client):
    message = unreviewed_somali_body()
    settings.TRANSLATIONS_SHOW_UNREVIEWED = True
    assert message.body_so in client.get("/so/folkbokforing/").content.decode()


def test_text_without_any_recorded_state_counts_as_unreviewed():
    card = DialogueCard.objects.get(slug=CARD)
    card.title_am = "ሰነድ"
    card.save()
    assert Approved([card]).text(card, "title", "am") == ""
    assert Drafts([card]).text(card, "title", "am") == "ሰነድ"


def test_packs_leave_out_a_language_with_unreviewed_text():
    audience = Audience.objects.filter(cards__slug=CARD).first()
    assert get("so") in packs.printable_languages(audience)
    unreviewed_somali_body()
    assert get("so") not in packs.printable_languages(audience)


def test_swedish_needs_no_approval():
    card = DialogueCard.objects.get(slug=CARD)
    approved = Approved([card])
    assert approved.usable(card, "sv") and not approved.outdated(card, "sv")


def test_an_outdated_leaflet_is_refused_unless_allowed(settings, tmp_path):
    from dialogue.models import LifeEvent

    settings.MEDIA_ROOT = tmp_path
    message = JointMessage.objects.get(slug="barnbidrag")
    message.body_sv = "Barnbidrag betalas ut varje månad till den som har barn."
    message.save()
    event = LifeEvent.objects.get(slug="folkbokforing")
    with pytest.raises(NotPrintable, match="inaktuell"):
        content.event_content(event, "ar")
    settings.PRINT_ALLOW_OUTDATED = True
    assert content.event_content(event, "ar").lang == "ar"


def test_one_answer_for_a_whole_event_costs_one_query_per_kind(django_assert_max_num_queries):
    cards = list(
        DialogueCard.objects.prefetch_related("card_messages__message__links").filter(live=True)
    )
    with django_assert_max_num_queries(3):  # cards, messages, link labels
        approved = Approved(cards)
        for card in cards:
            approved.usable(card, "ti")
            approved.outdated(card, "ti")
