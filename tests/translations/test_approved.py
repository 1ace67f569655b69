"""Only approved translations reach the public, the QR pages, print, packs and recording lists."""

import pytest

from audio import recordings as audio
from cms import reading
from dialogue.models import DialogueCard, LifeEvent
from languages import get
from print import content, packs
from print.content import NotPrintable
from tests import builders
from translations import status as translation_status
from translations.approved import Approved, Drafts
from translations.status import Status

pytestmark = pytest.mark.django_db

UNREVIEWED = "Qoraal cusub oo aan weli la hubin."


@pytest.fixture
def card():
    """A live card with one key message in a life event of its own, translated into Somali and
    Arabic, every translation approved."""
    return builders.card_with_message(["so", "ar"])


def unreviewed_somali_body(card):
    """A translator changes the Somali body of the card's message; nobody has reviewed it."""
    message = card.key_messages()[0]
    message.body_so = UNREVIEWED
    message.save()
    translation_status.record(message, "body", "so")  # translated, not approved
    return message


def card_view(code, card):
    view = reading.life_event(get(code), card.life_event.slug)
    return next(shown for shown in view.cards if shown.slug == card.slug)


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_an_approved_translation_is_shown_and_printed(card, client):
    message = card.key_messages()[0]
    assert Approved([card]).usable(card, "so")
    assert card_view("so", card).translated
    assert content.card_content(card, "so").lang == "so"
    assert message.body_so in page(client, f"/so/{card.life_event.slug}/")


def test_an_unreviewed_change_never_reaches_the_public(card, client):
    message = card.key_messages()[0]
    approved_body = message.body_so
    unreviewed_somali_body(card)
    card = DialogueCard.objects.get(pk=card.pk)
    # The approved Somali edition stays in service, whole: page, QR page, print.
    assert card_view("so", card).translated
    life_event_page = page(client, f"/so/{card.life_event.slug}/")
    assert UNREVIEWED not in life_event_page and approved_body in life_event_page
    qr = page(client, f"/q/{card.code}/so/")
    assert UNREVIEWED not in qr and approved_body in qr
    printed = content.card_content(card, "so")
    assert [m.body for m in printed.messages] == [approved_body]


def test_an_unreviewed_first_translation_is_neither_shown_nor_printed(client):
    card = builders.card_with_message(["ar"])
    message = card.key_messages()[0]
    builders.translate(card, "so", title="Kaarka", status="translated")
    builders.translate(message, "so", headline="Cinwaan", body=UNREVIEWED, status="translated")
    assert not card_view("so", card).translated
    life_event_page = page(client, f"/so/{card.life_event.slug}/")
    assert UNREVIEWED not in life_event_page and 'class="missing"' in life_event_page
    qr = page(client, f"/q/{card.code}/so/")
    assert UNREVIEWED not in qr and 'class="missing"' in qr
    assert get("so") not in reading.qr_card(card.pk, get("so")).available
    with pytest.raises(NotPrintable, match="godkänt"):
        content.card_content(card, "so")
    needs = {(need.card.pk, need.language.code) for need in audio.recording_needs()}
    assert (card.pk, "so") not in needs
    assert (card.pk, "ar") in needs  # Arabic is approved: its recording is wanted
    audience = builders.audience([card])
    assert get("so") not in packs.printable_languages(audience)
    assert get("ar") in packs.printable_languages(audience)


def test_approving_it_puts_it_on_the_page(card, client):
    message = unreviewed_somali_body(card)
    translation_status.record(message, "body", "so", Status.APPROVED)
    assert message.body_so in page(client, f"/so/{card.life_event.slug}/")


def test_a_language_being_rolled_out_may_show_unreviewed_text(card, settings, client):
    settings.TRANSLATIONS_SHOW_UNREVIEWED = True
    message = unreviewed_somali_body(card)
    assert message.body_so in page(client, f"/so/{card.life_event.slug}/")


def test_text_without_any_recorded_state_counts_as_unreviewed(card):
    card.title_am = "ሰነድ"
    card.save()
    assert Approved([card]).text(card, "title", "am") == ""
    assert Drafts([card]).text(card, "title", "am") == "ሰነድ"


def test_packs_keep_a_language_while_a_change_waits_for_review(card):
    audience = builders.audience([card])
    assert get("so") in packs.printable_languages(audience)
    unreviewed_somali_body(card)
    assert get("so") in packs.printable_languages(audience)  # its approved edition
    assert get("ar") in packs.printable_languages(audience)


def test_swedish_needs_no_approval():
    card = builders.card_with_message([])  # Swedish only
    approved = Approved([card])
    assert approved.usable(card, "sv") and not approved.outdated(card, "sv")
    assert not approved.usable(card, "so")


def test_a_leaflet_keeps_its_pair_after_a_swedish_change(card, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def event():
        return LifeEvent.objects.get(pk=card.life_event_id)

    message = card.key_messages()[0]
    before = content.event_content(event(), "ar")
    old_swedish = message.body_sv
    builders.publish_swedish(message, body="Barnbidrag betalas ut varje månad.")
    after = content.event_content(event(), "ar")
    # The Arabic as approved, beside the Swedish it was made from, until it is translated anew.
    assert after.messages == before.messages
    assert after.messages[0][1].body == old_swedish


def test_one_answer_for_a_whole_event_costs_one_query_per_kind(django_assert_max_num_queries):
    cards = list(
        DialogueCard.objects.prefetch_related("card_messages__message__links").filter(live=True)
    )
    with django_assert_max_num_queries(3):  # cards, messages, link labels
        approved = Approved(cards)
        for card in cards:
            approved.usable(card, "ti")
            approved.outdated(card, "ti")
