"""Reading editions costs a constant number of queries, however many cards a page, a QR page
or a pack holds."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from print import packs
from tests import builders

pytestmark = pytest.mark.django_db


def queries(fn) -> int:
    cache.clear()  # the public caches would answer the second call without asking the database
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def event_with_cards(count: int):
    event = builders.life_event(translations=builders.samples(["title"], ["ar"]))
    cards = []
    for _ in range(count):
        message = builders.joint_message(
            [event], translations=builders.samples(["headline", "body"], ["ar"])
        )
        cards.append(
            builders.dialogue_card(
                event, [message], translations=builders.samples(["title"], ["ar"])
            )
        )
    return event, cards


def test_a_life_event_page_and_a_pack_cost_the_same_for_two_cards_or_six(client):
    small_event, small_cards = event_with_cards(2)
    large_event, large_cards = event_with_cards(6)
    small_audience, large_audience = builders.audience(small_cards), builders.audience(large_cards)

    def page(event):
        return lambda: client.get(f"/ar/{event.slug}/")

    assert queries(page(small_event)) == queries(page(large_event))
    assert queries(lambda: client.get(f"/q/{small_cards[0].code}/ar/")) == queries(
        lambda: client.get(f"/q/{large_cards[-1].code}/ar/")
    )
    # The pack's reading of editions: every language it offers, for every audience at once.
    assert queries(lambda: packs.languages_by_audience([small_audience])) == queries(
        lambda: packs.languages_by_audience([large_audience])
    )
