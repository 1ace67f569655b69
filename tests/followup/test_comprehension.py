"""The answers to 'Did you understand this card?' read back ([O] 2): the cards × languages most
often found unclear, in the follow-up report and on the translation overview."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cms import roles
from dialogue.models import DialogueCard
from followup import comprehension, indicators
from followup.models import COMPREHENSION, Event
from translations import overview_panels

pytestmark = pytest.mark.django_db
PERIOD = "2026-11-01", "2026-11-30"


def filters(**chosen):
    start, end = (date.fromisoformat(day) for day in PERIOD)
    return indicators.Filters(start=start, end=end, **chosen)


def answer(event, amount, card="ABCDEF", language="ar", day=date(2026, 11, 2), life_event="sfi"):
    indicators.add(
        event, amount, day=day, life_event=life_event, card=card, language=language, channel="qr"
    )


def unclear_rows(html: str) -> list[tuple[str, ...]]:
    """The "most often unclear" table as shown: (card code, language, unclear, all answers)."""
    section = re.search(r'<section class="most-unclear".*?</section>', html, re.S).group(0)
    return [
        (code, lang, unclear, answers)
        for code, lang, unclear, answers in re.findall(
            r'data-unclear="(\S+) (\S+)">.*?</td><td>.*?</td><td>(\d+)</td><td>(\d+)</td>',
            section,
            re.S,
        )
    ]


def test_the_three_answers_are_events_of_their_own():
    assert [event.value for event in COMPREHENSION] == ["understood", "unclear", "question"]
    assert set(COMPREHENSION) <= set(Event)


def test_most_unclear_orders_cards_and_languages_by_unclear_answers():
    answer(Event.UNCLEAR, 2, card="AAAAAA", language="ar")
    answer(Event.UNCLEAR, 3, card="AAAAAA", language="ar", day=date(2026, 11, 9))
    answer(Event.UNDERSTOOD, 10, card="AAAAAA", language="ar")
    answer(Event.QUESTION, 1, card="AAAAAA", language="ar")
    answer(Event.UNCLEAR, 7, card="BBBBBB", language="so")
    answer(Event.UNCLEAR, 1, card="AAAAAA", language="so")
    answer(Event.UNDERSTOOD, 50, card="CCCCCC", language="ti")  # never unclear: not listed
    answer(Event.QR_OPENED, 99, card="AAAAAA", language="ar")  # not an answer
    rows = indicators.most_unclear(filters())
    assert [(r["card"], r["language"], r["unclear"], r["answers"]) for r in rows] == [
        ("BBBBBB", "so", 7, 7),
        ("AAAAAA", "ar", 5, 16),
        ("AAAAAA", "so", 1, 1),
    ]
    assert [r["card"] for r in indicators.most_unclear(filters(), limit=1)] == ["BBBBBB"]


def test_most_unclear_keeps_to_the_period_language_and_life_event_but_not_the_event():
    answer(Event.UNCLEAR, 4, card="AAAAAA", language="ar")
    answer(Event.UNCLEAR, 9, card="AAAAAA", language="ar", day=date(2026, 10, 31))  # before
    answer(Event.UNCLEAR, 2, card="BBBBBB", language="so", life_event="folkbokforing")

    def shown(**chosen):
        return [(r["card"], r["unclear"]) for r in indicators.most_unclear(filters(**chosen))]

    assert shown() == [("AAAAAA", 4), ("BBBBBB", 2)]
    assert shown(language="so") == [("BBBBBB", 2)]
    assert shown(life_event="sfi") == [("AAAAAA", 4)]
    assert shown(event=Event.CARD_PRINTED) == [("AAAAAA", 4), ("BBBBBB", 2)]


def post_answers(card, lang, answers):
    visitor = Client(enforce_csrf_checks=True)
    for given in answers:
        url = f"/q/{card.code}/{lang}/feedback/"
        assert visitor.post(url, {"answer": given}).status_code == 200


@pytest.fixture
def answered():
    """Answers given on the QR pages today: one card often unclear in Somali, less in Arabic."""
    cards = DialogueCard.objects.public().order_by("code")
    first, second = cards[0], cards[1]
    post_answers(first, "so", ["unclear"] * 3 + ["understood"])
    post_answers(first, "ar", ["unclear", "question"])
    post_answers(second, "ar", ["understood"] * 4)
    return first, second


def test_the_report_shows_the_most_unclear_cards_and_languages(admin_client, answered):
    first, _second = answered
    today = timezone.localdate()
    response = admin_client.get(f"/admin/follow-up/?start={today}&end={today}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oftast otydligt" in html  # the staff side speaks Swedish
    assert unclear_rows(html) == [(first.code, "so", "3", "4"), (first.code, "ar", "1", "2")]
    assert f"{first.title_sv} ({first.code})" in html
    assert "Svar: otydligt" in html  # the events' own rows in the counts table


def test_the_report_says_when_nothing_was_unclear(admin_client):
    html = admin_client.get("/admin/follow-up/?start=2026-01-01&end=2026-01-31").content.decode()
    assert unclear_rows(html) == []
    assert "Inget kort har fått svaret otydligt." in html


def test_the_translation_overview_shows_them_from_followups_panel(admin_client, answered):
    first, _second = answered
    assert comprehension.overview_panel in overview_panels._registered  # from followup's ready()
    html = admin_client.get("/admin/translations/").content.decode()
    assert "Oftast otydligt" in html
    assert unclear_rows(html) == [(first.code, "so", "3", "4"), (first.code, "ar", "1", "2")]
    # The translation to look at again, and the page she read.
    assert f'href="/admin/translate/dialoguecard/{first.pk}/so/"' in html
    assert f'href="/q/{first.code}/so/"' in html
    assert 'href="/admin/follow-up/"' in html  # an administrator may open the report
    filtered = admin_client.get("/admin/translations/?language=ar").content.decode()
    assert unclear_rows(filtered) == [(first.code, "ar", "1", "2")]


def test_the_overview_keeps_to_the_last_three_months(admin_client, answered):
    first, _second = answered
    old = timezone.localdate() - timedelta(days=comprehension.OVERVIEW_DAYS + 1)
    answer(Event.UNCLEAR, 50, card=first.code, language="ti", day=old)
    html = admin_client.get("/admin/translations/").content.decode()
    assert [row[:2] for row in unclear_rows(html)] == [(first.code, "so"), (first.code, "ar")]


def test_a_translator_sees_the_panel_without_the_way_to_the_report(
    client, answered, django_user_model
):
    translator = django_user_model.objects.create_user("oversattare", password="pw")
    translator.groups.add(roles.language_group("Översättare tigrinska", ["ti"]))
    client.force_login(translator)
    response = client.get("/admin/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(unclear_rows(html)) == 2
    assert 'href="/admin/follow-up/"' not in html
