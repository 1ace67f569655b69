"""The start page lists a language once PUBLIC_LANGUAGE_SHARE per cent of the cards in use can be
read in it; the others stand apart under "På väg", and their own start page offers only what
exists in them.

In the demo every card is approved in ar, en, fa, so, th, ti and uk; the other languages have
only the card on folkbokföring (1 of 6).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import languages
from dialogue.models import DialogueCard, LifeEvent
from tests import builders

pytestmark = pytest.mark.django_db


def chooser(client):
    """The start page's normal choices and its "På väg" section, as two pieces of HTML."""
    body = client.get("/").content.decode()
    main, _, coming = body.partition('<section class="coming-languages"')
    return main, coming


def links(html):
    return set(re.findall(r'<a href="/([a-z-]+)/" hreflang="\1">', html))


def test_a_language_above_the_share_is_a_normal_choice(client):
    main, coming = chooser(client)
    assert {"sv", "ar", "ti", "so", "en"} <= links(main)
    assert '<span class="own-name" lang="ar" dir="rtl">العربية</span>' in main
    assert "ar" not in links(coming)


def test_a_language_below_the_share_is_listed_apart_as_coming_in_swedish(client):
    main, coming = chooser(client)
    assert "am" not in links(main)
    assert "am" in links(coming)
    assert coming.startswith(' aria-labelledby="coming-languages" lang="sv" dir="ltr">')
    assert '<h2 id="coming-languages">På väg</h2>' in coming
    # Each in its own name and script, so that she recognises it.
    amharic = languages.get("am")
    assert f'lang="am" dir="ltr">{amharic.own_name}</span>' in coming
    assert '<span class="own-name" lang="ps" dir="rtl">' in coming


def test_swedish_is_always_listed(client, settings):
    settings.PUBLIC_LANGUAGE_SHARE = 100
    event = LifeEvent.objects.live().first()
    builders.dialogue_card(event, [], "Bara på svenska")  # in no other language
    assert DialogueCard.objects.public().count() == 7
    main, coming = chooser(client)
    assert links(main) == {"sv"}
    assert "ar" in links(coming)


def test_the_setting_moves_a_language_between_the_lists(client, settings):
    main, _ = chooser(client)
    assert "am" not in links(main)
    settings.PUBLIC_LANGUAGE_SHARE = 15  # the folkbokföring card is 1 of 6: 16.7 %
    main, coming = chooser(client)
    assert "am" in links(main)
    assert "am" not in links(coming)
    settings.PUBLIC_LANGUAGE_SHARE = 0
    main, coming = chooser(client)
    assert links(main) == {language.code for language in languages.enabled()}
    assert coming == ""


def test_the_home_page_of_a_coming_language_offers_what_exists_in_it(client):
    body = client.get("/am/").content.decode()
    offered, _, waiting = body.partition('<section class="coming"')
    assert 'href="/am/folkbokforing/"' in offered
    assert 'href="/am/foraldraledighet/"' not in body
    # The others link to their Swedish page, said to be in Swedish, under "more is coming"
    # (in Amharic, from the catalogue).
    assert "ተጨማሪ በቋንቋዎ በቅርቡ ይመጣል" in waiting
    assert 'href="/sv/foraldraledighet/" hreflang="sv"' in waiting
    assert '<span lang="sv" dir="ltr">Föräldraledighet</span>' in waiting
    # What it offers is more than notices: its card is there in Amharic.
    page = client.get("/am/folkbokforing/").content.decode()
    cards = re.findall(r'<section class="card".*?</section>', page, re.S)
    assert cards and any('class="missing' not in card for card in cards)


def test_the_home_page_of_a_listed_language_is_unchanged(client):
    body = client.get("/ar/").content.decode()
    assert '<section class="coming"' not in body
    for event in LifeEvent.objects.live():
        assert f'href="/ar/{event.slug}/"' in body


def test_direct_addresses_in_a_coming_language_keep_working(client):
    assert client.get("/ps/").status_code == 200
    assert client.get("/ps/foraldraledighet/").status_code == 200


def test_the_choosers_queries_do_not_grow_with_cards(client, django_assert_max_num_queries):
    from django.core.cache import cache

    with CaptureQueriesContext(connection) as few:
        client.get("/")
    event = LifeEvent.objects.live().first()
    for i in range(12):
        builders.dialogue_card(event, [], f"Kort {i}", builders.samples(["title"], ["ar", "ti"]))
    cache.clear()
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        main, _ = chooser(client)
    assert len(many) <= 3  # the served editions of cards in use, and the number of those cards
    assert "ti" in links(main)
    assert "th" not in links(main)  # 6 of 18 cards: below the share now


def test_a_coming_languages_home_page_queries_do_not_grow_with_cards(
    client, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as few:
        client.get("/am/")
    event = LifeEvent.objects.live().first()
    for i in range(12):
        builders.dialogue_card(event, [], f"Kort {i}")
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(len(few)):
        assert client.get("/am/").status_code == 200
