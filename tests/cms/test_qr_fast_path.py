"""A cached QR page answered before the heavier middleware (cms.qr_fast_path): the same bytes and
headers as through the whole stack, each opening counted once, and everything else left to it."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from dialogue.models import DialogueCard
from tests.cms.test_qr_cache import CARD, opened

pytestmark = pytest.mark.django_db
FAST = "cms.qr_fast_path.QrFastPathMiddleware"
WHOLE_STACK = [name for name in settings.MIDDLEWARE if name != FAST]


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


def answered_fast(response) -> bool:
    """Sessions never ran: nothing after the fast path saw the request."""
    return not hasattr(response.wsgi_request, "session")


@pytest.mark.parametrize(
    ("method", "query", "headers", "counted"),
    [
        ("get", "", {}, 1),
        ("get", "", {"HTTP_ACCEPT_ENCODING": "gzip, br"}, 1),
        ("get", "?v=printed-long-ago", {}, 1),
        ("get", "", {"HTTP_X_OFFLINE_SAVE": "1"}, 0),  # the service worker saving it
        ("head", "", {}, 0),
    ],
)
def test_the_fast_path_answers_as_the_whole_stack_does(
    card, client, method, query, headers, counted
):
    url = f"/q/{card.code}/ar/{query}"
    first = client.get(url)  # not cached yet: the whole stack renders and keeps it
    assert not answered_fast(first)
    before = opened(card, "ar")
    fast = getattr(client, method)(url, **headers)
    assert answered_fast(fast)
    assert opened(card, "ar") == before + counted
    with override_settings(MIDDLEWARE=WHOLE_STACK):
        whole = getattr(Client(), method)(url, **headers)  # a new client loads the list anew
    assert not answered_fast(whole)
    assert opened(card, "ar") == before + 2 * counted
    assert fast.status_code == whole.status_code == 200
    assert fast.content == whole.content
    assert dict(fast.headers) == dict(whole.headers)
    assert "frame-ancestors 'none'" in fast["Content-Security-Policy"]
    assert fast["X-Frame-Options"] == "DENY"
    assert fast["Permissions-Policy"]  # from the middleware before it


def test_a_fast_opening_costs_the_count_alone(card, client, django_assert_num_queries):
    client.get(f"/q/{card.code}/ar/")
    # The count's INSERT; in a test it runs in a savepoint of the test's transaction.
    with django_assert_num_queries(3) as queries:
        response = client.get(f"/q/{card.code}/ar/")
    assert answered_fast(response)
    (insert,) = [q["sql"] for q in queries.captured_queries if "INSERT" in q["sql"]]
    assert "_counter" in insert and "ON CONFLICT" in insert  # the upsert of the count


def test_what_is_not_a_cached_page_goes_down_the_whole_stack(card, client):
    client.get(f"/q/{card.code}/ar/")
    typed = client.get(f"/q/{card.code.lower()}/ar/")  # one address per card: redirected
    assert typed.status_code in (301, 302) and not answered_fast(typed)
    assert client.post(f"/q/{card.code}/ar/").status_code == 405
    assert client.get(f"/q/{card.code}/xx/").status_code == 404
    assert client.get("/q/ZZZZZZ/ar/").status_code == 404


def test_an_unknown_host_is_refused_on_the_fast_path_too(card, client):
    client.get(f"/q/{card.code}/ar/")
    before = opened(card, "ar")
    assert client.get(f"/q/{card.code}/ar/", HTTP_HOST="evil.example").status_code == 400
    assert opened(card, "ar") == before


def test_a_changed_policy_reaches_the_fast_path(card, client):
    client.get(f"/q/{card.code}/ar/")
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        response = client.get(f"/q/{card.code}/ar/")
    assert answered_fast(response)
    assert response["Content-Security-Policy"] == "default-src 'none'"
