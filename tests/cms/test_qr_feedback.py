"""'Did you understand this card?' under the card on its QR page ([O] 2): a plain POST without
JavaScript, CSRF token or cookie, counted per day × card × language and never who answered."""

import re

import pytest
from django.core.cache import cache
from django.db import models
from django.test import Client
from django.utils import timezone, translation

from dialogue.models import DialogueCard
from followup.models import Counter
from tests import builders

pytestmark = pytest.mark.django_db
CARD = "foraldraledig-och-pa-vag"
ANSWERS = ["understood", "unclear", "question"]


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


@pytest.fixture
def strict(settings):
    cache.clear()  # rate-limit counts live in the cache
    # Per day: a counting window that ended in the middle of a test would start the count anew.
    settings.RATE_DOWNLOADS = "2/d"
    yield settings
    cache.clear()


@pytest.fixture
def browser():
    """A phone's browser as Django checks it: a POST without a CSRF token is refused unless the
    view is exempt, as on a real site (the test client otherwise waives the check)."""
    return Client(enforce_csrf_checks=True)


def answered(card, lang, answer=None):
    events = [answer] if answer else ANSWERS
    where = {"event__in": events, "card": card.code, "language": lang}
    return Counter.objects.filter(**where).aggregate(models.Sum("count"))["count__sum"] or 0


def feedback(card, lang):
    return f"/q/{card.code}/{lang}/feedback/"


def in_language(lang, text):
    with translation.override(lang):
        return translation.gettext(text)


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_the_qr_page_asks_with_three_real_buttons_in_her_language(card, client):
    body = client.get(f"/q/{card.code}/ar/").content.decode()
    form = re.search(r'<form class="feedback".*?</form>', body, re.S).group(0)
    assert f'method="post" action="{feedback(card, "ar")}"' in form
    assert "<fieldset>" in form
    assert f"<legend>{in_language('ar', 'Did you understand this card?')}</legend>" in form
    buttons = re.findall(
        r'<button type="submit" name="answer" value="(\w+)">([^<]+)</button>', form
    )
    assert [value for value, _label in buttons] == ANSWERS
    labels = [label for _value, label in buttons]
    assert labels == [
        in_language("ar", text) for text in ("I understood", "It was unclear", "I have a question")
    ]
    assert labels != ["I understood", "It was unclear", "I have a question"]  # not the fallback
    assert "<script" not in form and "csrfmiddlewaretoken" not in form


@pytest.mark.parametrize("answer", ANSWERS)
def test_each_answer_is_counted_once_per_day_card_and_language(card, browser, answer):
    day_before = timezone.localdate()
    response = browser.post(feedback(card, "ar"), {"answer": answer})
    day_after = timezone.localdate()
    assert response.status_code == 200
    rows = Counter.objects.filter(card=card.code, event__in=ANSWERS)
    assert [(row.event, row.language, row.channel, row.life_event, row.count) for row in rows] == [
        (answer, "ar", "qr", card.life_event.slug, 1)
    ]
    assert rows.get().period_start in {day_before, day_after}
    browser.post(feedback(card, "ar"), {"answer": answer})
    assert answered(card, "ar", answer) == 2 and rows.count() == 1  # the same cell, one more
    browser.post(feedback(card, "so"), {"answer": answer})
    assert answered(card, "so", answer) == 1 and answered(card, "ar", answer) == 2


def test_the_thanks_page_is_in_her_language_and_keeps_nothing(card, browser):
    response = browser.post(feedback(card, "ar"), {"answer": "understood"})
    body = response.content.decode()
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert response["Content-Language"] == "ar"
    assert in_language("ar", "Thank you for your answer") in body
    assert in_language("ar", "Good that the card was clear to you.") in body
    assert f'href="/q/{card.code}/ar/"' in body  # back to the card
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies and "Set-Cookie" not in response
    assert "csrfmiddlewaretoken" not in body


def test_a_question_is_told_where_to_turn(card, browser):
    body = browser.post(feedback(card, "so"), {"answer": "question"}).content.decode()
    where = in_language("so", "Where to turn")
    assert in_language("so", "We cannot answer questions here.") in body
    assert where in body and where != "Where to turn"
    assert in_language("so", "You can also ask the person who gave you the card.") in body
    assert f'href="/q/{card.code}/so/"' in body
    unclear = browser.post(feedback(card, "so"), {"answer": "unclear"}).content.decode()
    assert in_language("so", "We use the answers to make the cards clearer.") in unclear
    assert in_language("so", "We cannot answer questions here.") not in unclear


@pytest.mark.parametrize("method", ["get", "head", "put"])
def test_only_a_post_is_taken(card, browser, method):
    response = getattr(browser, method)(feedback(card, "ar"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert answered(card, "ar") == 0
    if method == "get":  # a reload or a shared address: the way back, in her language
        assert html_tag(response) == '<html lang="ar" dir="rtl">'
        assert f'href="/q/{card.code}/ar/"' in response.content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"answer": ""}, {"answer": "maybe"}, {"answer": "UNCLEAR"}, {"other": "unclear"}]
)
def test_a_bad_answer_is_refused_in_her_language_and_counts_nothing(card, browser, data):
    response = browser.post(feedback(card, "ar"), data)
    assert response.status_code == 400
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert in_language("ar", "Your answer did not come through.") in response.content.decode()
    assert not response.cookies
    assert Counter.objects.filter(event__in=ANSWERS).count() == 0


def test_unknown_codes_and_languages_count_nothing(card, browser):
    assert browser.post("/q/ZZZZZZ/ar/feedback/", {"answer": "unclear"}).status_code == 404
    assert browser.post("/q/not-a-code/ar/feedback/", {"answer": "unclear"}).status_code == 404
    missing = browser.post("/q/ZZZZZZ/so/feedback/", {"answer": "unclear"})
    assert b'lang="so"' in missing.content  # in her language
    assert browser.post(f"/q/{card.code}/xx/feedback/", {"answer": "unclear"}).status_code == 404
    assert Counter.objects.filter(event__in=ANSWERS).count() == 0


def test_a_language_the_card_is_not_in_counts_nothing(browser, client):
    card = builders.card_with_message(["ar"])
    assert "feedback" in client.get(f"/q/{card.code}/ar/").content.decode()
    assert 'class="feedback"' not in client.get(f"/q/{card.code}/so/").content.decode()
    assert browser.post(feedback(card, "so"), {"answer": "unclear"}).status_code == 404
    assert answered(card, "so") == 0
    assert browser.post(feedback(card, "ar"), {"answer": "unclear"}).status_code == 200
    assert answered(card, "ar") == 1


def test_a_withdrawn_card_counts_nothing(card, browser):
    code = card.code
    card.delete()
    assert browser.post(f"/q/{code}/ar/feedback/", {"answer": "unclear"}).status_code == 410
    assert Counter.objects.filter(event__in=ANSWERS).count() == 0


def test_a_code_typed_in_lower_case_counts_for_the_card(card, browser):
    response = browser.post(f"/q/{card.code.lower()}/ar/feedback/", {"answer": "unclear"})
    assert response.status_code == 200
    assert answered(card, "ar", "unclear") == 1


def test_no_cookie_on_the_qr_page_or_the_answer_and_no_token_in_the_cached_page(card, admin_user):
    staff = Client()
    staff.force_login(admin_user)  # a logged-in visitor fills the cache first
    page = f"/q/{card.code}/ar/"
    filled = staff.get(page)
    visitor = Client(enforce_csrf_checks=True)
    for response in (filled, visitor.get(page), visitor.get(page)):
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "public" in response["Cache-Control"]
        assert not response.cookies and "Set-Cookie" not in response
    assert filled.content == visitor.get(page).content  # the same page for everyone
    answer = visitor.post(feedback(card, "ar"), {"answer": "unclear"})
    assert answer.status_code == 200  # no CSRF cookie, no token: taken all the same
    assert not answer.cookies and "Set-Cookie" not in answer
    assert not visitor.cookies  # nothing was ever set on her phone
    assert answered(card, "ar") == 1


def test_answers_are_rate_limited_per_address(card, browser, strict):
    statuses = [
        browser.post(feedback(card, "ar"), {"answer": "unclear"}).status_code for _ in "123"
    ]
    assert statuses == [200, 200, 429]
    refused = browser.post(feedback(card, "ar"), {"answer": "understood"})
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert html_tag(refused) == '<html lang="ar" dir="rtl">'  # said in her language
    assert not refused.cookies
    assert answered(card, "ar") == 2  # nothing counted after the limit
    other = browser.post(feedback(card, "ar"), {"answer": "unclear"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # another address has its own count
    assert answered(card, "ar", "unclear") == 3


def test_behind_a_proxy_the_address_it_saw_is_limited(card, browser, strict):
    strict.TRUSTED_PROXIES = 1
    strict.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"

    def ask(forwarded):
        meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}
        return browser.post(feedback(card, "ar"), {"answer": "unclear"}, **meta).status_code

    assert [ask("198.51.100.7") for _ in "123"] == [200, 200, 429]
    assert ask("203.0.113.9, 198.51.100.7") == 429  # what the client wrote itself changes nothing
    assert ask("198.51.100.8") == 200
    assert answered(card, "ar") == 3
