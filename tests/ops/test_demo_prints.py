"""Acceptance ([PP] 6): the demo's folkbokföring prints in every enabled language, with no
refusal: its cards, its leaflet and the poster, through print.service as the station does."""

import pytest

import languages
from print import content, service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

EVENT = "folkbokforing"


def test_folkbokforing_prints_in_every_enabled_language():
    event = content.live_event(EVENT)
    cards = [card for card in content.live_cards() if card.life_event_id == event.pk]
    assert [card.slug for card in cards] == ["personnummer"]
    loaded = content.EventsLoaded([event])
    refused = {}
    for code in languages.codes():
        try:
            pieces = (
                service.cards_pdf(cards, code, "card"),
                service.leaflet_pdf([event], code, loaded=loaded),
                service.poster_pdf(EVENT, codes=[code]),
            )
        except content.NotPrintable as error:
            refused[code] = str(error)
            continue
        assert all(pdf.startswith(b"%PDF") for pdf in pieces), code
    assert refused == {}
    assert [code for code, _url in service.poster_targets(event)] == list(languages.codes())
    assert service.poster_pdf(EVENT).startswith(b"%PDF")
