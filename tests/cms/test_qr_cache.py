"""The QR page served from the cache: still counted, still correct, never stale after a publish,
and nothing of one visitor in what another is served."""

import gzip
import json
import re

import pytest
from django.db import models
from django.utils import timezone

from dialogue import content_version
from dialogue.models import DialogueCard
from followup.models import Counter, Event
from print import content
from tests import isolated

pytestmark = pytest.mark.django_db
CARD = "foraldraledig-och-pa-vag"


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


def opened(card, lang):
    where = {"event": Event.QR_OPENED, "card": card.code, "language": lang}
    return Counter.objects.filter(**where).aggregate(models.Sum("count"))["count__sum"] or 0


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_every_opening_is_counted_though_the_page_comes_from_the_cache(card, client):
    day_before = timezone.localdate()  # read before the requests: they may straddle midnight
    for expected in (1, 2, 3):
        assert client.get(f"/q/{card.code}/ar/").status_code == 200
        assert opened(card, "ar") == expected
    day_after = timezone.localdate()
    rows = Counter.objects.filter(event=Event.QR_OPENED, card=card.code, language="ar")
    assert {(row.channel, row.life_event) for row in rows} == {("qr", card.life_event.slug)}
    assert {row.period_start for row in rows} <= {day_before, day_after}


def test_a_cached_opening_reads_nothing_and_writes_only_the_count(
    card, client, django_assert_max_num_queries
):
    client.get(f"/q/{card.code}/ar/")  # fills the cache
    # In a test the count runs in a savepoint (the test's transaction): at most three statements.
    with django_assert_max_num_queries(3) as queries:
        response = client.get(f"/q/{card.code}/ar/")
    assert response.status_code == 200
    statements = [q["sql"] for q in queries.captured_queries]
    assert sum("INSERT INTO" in sql for sql in statements) == 1
    assert not any(sql.lstrip().upper().startswith("SELECT") for sql in statements)


def test_language_and_direction_are_right_for_each_cached_language(card, client):
    for _ in range(2):  # the second round comes from the cache
        arabic = client.get(f"/q/{card.code}/ar/")
        swedish = client.get(f"/q/{card.code}/sv/")
        assert html_tag(arabic) == '<html lang="ar" dir="rtl">'
        assert arabic["Content-Language"] == "ar"
        assert card.title_ar in arabic.content.decode()
        assert html_tag(swedish) == '<html lang="sv" dir="ltr">'
        assert swedish["Content-Language"] == "sv"


def test_a_publish_shows_the_new_text_on_the_next_opening(card, client):
    assert card.title_sv in client.get(f"/q/{card.code}/sv/").content.decode()
    card.title_sv = "En helt ny titel"
    card.save_revision().publish()
    body = client.get(f"/q/{card.code}/sv/").content.decode()
    assert "En helt ny titel" in body


def test_the_updated_since_print_notice_follows_the_printed_version_from_the_cache(card, client):
    current = content.card_content(card, "uk").version  # what the printed card's QR carries
    page = f"/q/{card.code}/uk/"

    def body(url):
        response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    for _ in range(2):  # the second round comes from the cache
        assert "updated-since-print" in body(f"{page}?v=0000000")
        assert "updated-since-print" not in body(f"{page}?v={current}")
        assert "updated-since-print" not in body(page)


def test_a_change_to_the_swedish_alone_does_not_say_her_card_was_updated(card, client):
    printed = content.card_content(card, "uk").version
    card.title_sv = card.title_sv + " (ny titel)"
    card.change_kind = "minor"
    card.save_revision().publish()
    assert content.card_content(card, "uk").version != printed  # a new pair: new Swedish
    body = client.get(f"/q/{card.code}/uk/?v={printed}").content.decode()
    assert "updated-since-print" not in body  # her text reads the same


def test_the_cached_page_holds_nothing_of_the_visitor(card, admin_client, client):
    page = f"/q/{card.code}/ar/"
    staff = admin_client.get(page)  # a logged-in visitor fills the cache
    anonymous = client.get(page)
    assert staff.status_code == anonymous.status_code == 200
    assert staff.content == anonymous.content
    for response in (staff, anonymous):
        assert "Cookie" not in response.get("Vary", "")
        assert not response.cookies
        assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" not in response.content.decode()
        # A nonce in the header would not match a cached body: the policy must need none.
        assert "Content-Security-Policy" in response
        assert "nonce" not in response["Content-Security-Policy"]
        assert "nonce" not in response.content.decode()


def test_a_phone_that_accepts_gzip_gets_the_same_page_compressed(card, client):
    page = f"/q/{card.code}/ar/"
    plain = client.get(page)
    assert "Content-Encoding" not in plain
    compressed = client.get(page, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    assert opened(card, "ar") == 2


def test_missing_and_withdrawn_codes_keep_their_answers(card, client):
    assert client.get("/q/ZZZZZZ/ar/").status_code == 404
    assert client.get("/q/ZZZZZZ/ar/").status_code == 404
    code = card.code
    client.get(f"/q/{code}/so/")  # cached while the card is live
    card.delete()
    for _ in range(2):
        response = client.get(f"/q/{code}/so/")
        assert response.status_code == 410
        assert b'lang="so"' in response.content
    assert client.get(f"/q/{code.lower()}/so/").status_code == 410


def test_a_page_missing_from_the_content_is_not_kept_in_the_cache():
    built = []

    def build():
        built.append(1)

    assert content_version.cached("test", (1,), build) is None
    assert content_version.cached("test", (1,), build) is None
    assert len(built) == 2


TWO_WORKERS = r"""
import json, multiprocessing, threading, django
django.setup()
from django.db import connection
from followup import indicators

def worker(results):
    ok = 0
    try:
        for _ in range(100):
            ok += indicators.count("qr_opened", card="ABCDEF", language="ar", channel="qr")
    finally:
        connection.close()
    results.append(ok)

def process(queue):
    results = []
    threads = [threading.Thread(target=worker, args=(results,)) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    queue.put(sum(results))

if __name__ == "__main__":
    connection.close()
    queue = multiprocessing.get_context("fork").Queue()
    processes = [multiprocessing.get_context("fork").Process(target=process, args=(queue,))
                 for _ in range(2)]
    [p.start() for p in processes]
    counted = [queue.get(timeout=240) for _ in processes]
    [p.join() for p in processes]
    from followup.models import Counter
    print(json.dumps([sum(counted), list(Counter.objects.values_list("count", flat=True))]))
"""


def test_two_worker_processes_count_every_opening_exactly(tmp_path):
    """As gunicorn's workers do: on SQLite the writers queue for the lock, none is lost."""
    result = isolated.run(TWO_WORKERS, tmp_path)
    assert result.returncode == 0, result.stderr
    counted, rows = json.loads(result.stdout)
    assert counted == 800  # count() reported success every time
    assert rows == [800]
