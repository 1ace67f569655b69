"""The open read API (/api/v1/): approved editions only, as the QR page shows them; conditional,
open to every origin, rate-limited; its OpenAPI schema holds together."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import languages
from dialogue.models import DialogueCard
from editions.models import Edition
from publicapi import schemas
from tests import builders
from tests.audio.test_qr_audio import record

pytestmark = pytest.mark.django_db
API = "/api/v1"
DEMO_CARD = "foraldraledig-och-pa-vag"


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def served(card, lang):
    return Edition.objects.of(card).served().get(language=lang)


# --- what the QR page shows, read back from its HTML ---------------------------------------


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def qr_page(client, code, lang) -> dict:
    page = client.get(f"/q/{code}/{lang}/")
    assert page.status_code == 200
    body = page.content.decode()
    messages = []
    for article in re.findall(r'<article class="message".*?</article>', body, re.S):
        where = re.search(r'<div class="where-to-turn">.*?</div>', article, re.S)
        where_html = where.group(0) if where else ""
        contact = re.search(r'<address class="contact">.*?</address>', where_html, re.S)
        where_html = where_html.replace(contact.group(0), "") if contact else where_html
        where_text = re.search(r"</h4>\s*<p>(.*?)</p>", where_html, re.S)
        agencies = re.search(r'<p class="agencies"[^>]*>(.*?)</p>', article, re.S)
        messages.append(
            {
                "headline": _text(re.search(r"<h3>(.*?)</h3>", article, re.S).group(1)),
                "body": _text(re.search(r"</h3>\s*<p>(.*?)</p>", article, re.S).group(1)),
                "where_to_turn": _text(where_text.group(1)) if where_text else "",
                "links": [
                    {"label": _text(label), "url": html.unescape(url)}
                    for url, label in re.findall(r'<a href="([^"]*)">(.*?)</a>', where_html, re.S)
                ],
                "agencies": _text(agencies.group(1)).split(" · ") if agencies else [],
                "contact": _contact(contact.group(0)) if contact else None,
            }
        )
    audio = re.search(r'<audio [^>]*src="([^"]*)"', body)
    return {
        "title": _text(re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)),
        "messages": messages,
        "audio": html.unescape(audio.group(1)) if audio else None,
        "not_available": 'class="missing">' in body and '<section class="listen"' not in body,
        "awaiting": 'class="missing awaiting"' in body,
        "withdrawn": 'class="missing withdrawn"' in body,
    }


def _contact(address: str) -> dict:
    """A central contact's block (contacts/public/lines.html): name, her line, numbers, web."""

    def numbers(kind):
        found = re.findall(rf'<li class="contact-{kind}">.*?<bdi dir="ltr">(.*?)</bdi>', address)
        return [_text(number) for number in found]

    url = re.search(r'<li class="contact-url"><a href="([^"]*)"', address)
    return {
        "name": _text(re.search(r'<p class="contact-name">(.*?)</p>', address, re.S).group(1)),
        "line": (numbers("service_line") or [None])[0],
        "phones": numbers("phone"),
        "url": html.unescape(url.group(1)) if url else "",
    }


def as_shown(card_json) -> dict:
    def contact(found):
        return found and {k: found[k] for k in ("name", "line", "phones", "url")}

    return [{**{k: m[k] for k in ("headline", "body", "where_to_turn", "links", "agencies")},
             "contact": contact(m["contact"])}
            for m in card_json["messages"]]  # fmt: skip


# --- languages ------------------------------------------------------------------------------


def test_languages_lists_the_registry_with_cards_readable_in_each(client):
    builders.card_with_message(["ar"])
    found = get_json(client, f"{API}/languages")
    assert [item["code"] for item in found] == list(languages.codes())
    for item in found:
        schemas.LanguageOut.model_validate(item)
    by_code = {item["code"]: item for item in found}
    assert by_code["ar"]["direction"] == "rtl" and by_code["ar"]["name"] == "العربية"
    assert by_code["sv"]["source"] is True
    assert by_code["ar"]["cards"] >= 1


# --- life events ----------------------------------------------------------------------------


def test_life_events_in_a_language_say_which_are_translated(client):
    translated = builders.card_with_message(["ar"]).life_event
    untranslated = builders.card_with_message(["en"]).life_event
    found = {item["slug"]: item for item in get_json(client, f"{API}/life-events?lang=ar")}
    for item in found.values():
        schemas.LifeEventSummaryOut.model_validate(item)
    mine = found[translated.slug]
    assert mine["title"] == {
        "text": builders.SAMPLE["ar"] + " (title)", "lang": "ar", "dir": "rtl", "fallback": False
    }  # fmt: skip
    assert mine["available"] is True
    assert mine["edition"]["version"] == served(translated, "ar").version
    assert mine["edition"]["source_version"] == served(translated, "sv").version
    other = found[untranslated.slug]
    assert other["available"] is False and other["edition"] is None
    assert other["title"]["lang"] == "sv" and other["title"]["fallback"] is True
    assert other["title"]["text"] == served(untranslated, "sv").texts["title"]


def test_one_life_event_with_its_cards_as_its_page_shows_them(client):
    card = builders.card_with_message(["ar"])
    found = get_json(client, f"{API}/life-events/{card.life_event.slug}?lang=ar")
    schemas.LifeEventOut.model_validate(found)
    assert [c["code"] for c in found["cards"]] == [card.code]
    shown = found["cards"][0]
    assert shown["available"] is True
    assert shown["messages"][0]["headline"] == builders.SAMPLE["ar"] + " (headline)"
    assert shown["edition"]["version"] == served(card, "ar").version


def test_an_unknown_life_event_is_404_json(client):
    found = get_json(client, f"{API}/life-events/finns-inte?lang=ar", status=404)
    assert found["code"] == "unknown_life_event"


# --- a card, as its QR page -----------------------------------------------------------------


@pytest.mark.usefixtures("empty_media")
@pytest.mark.parametrize("which", ["built", "demo"])
def test_a_cards_json_in_arabic_is_what_its_qr_page_shows(client, settings, which):
    if which == "built":
        card = builders.card_with_message(["ar"])
    else:
        card = DialogueCard.objects.get(slug=DEMO_CARD)
        record(card, "ar")
    found = get_json(client, f"{API}/cards/{card.code}?lang=ar")
    schemas.CardDetailOut.model_validate(found)
    page = qr_page(client, card.code, "ar")
    assert found["title"]["text"] == page["title"]
    assert as_shown(found) == page["messages"] and page["messages"]
    assert found["available"] is True and not page["not_available"]
    assert bool(found["awaiting_since"]) == page["awaiting"]
    assert found["withdrawn"] == page["withdrawn"]
    edition = served(card, "ar")
    assert found["edition"]["version"] == edition.version
    assert found["edition"]["source_version"] == edition.source_version
    assert found["edition"]["source_version"] == served(card, "sv").version
    if which == "built":
        assert page["audio"] is None and found["recording"] is None
    else:
        assert found["recording"]["url"] == settings.SITE_URL + page["audio"]
    assert "ar" in found["available_languages"]


@pytest.mark.usefixtures("empty_media")
def test_the_recording_is_the_one_the_public_hears_with_an_absolute_url(client, settings):
    settings.SITE_URL = "https://jobba.example"
    card = DialogueCard.objects.get(slug=DEMO_CARD)
    assert get_json(client, f"{API}/cards/{card.code}?lang=fa")["recording"] is None
    recording = record(card, "fa")
    found = get_json(client, f"{API}/cards/{card.code}?lang=fa")["recording"]
    assert found["url"] == "https://jobba.example" + recording.url
    assert found["mime_type"] == recording.mime_type
    assert qr_page(client, card.code, "fa")["audio"] == recording.url
    # Not yet approved: the public does not hear it, nor does the API give it.
    other = record(DialogueCard.objects.get(slug=DEMO_CARD), "so", approved=False)
    assert other.approved_at is None
    assert get_json(client, f"{API}/cards/{card.code}?lang=so")["recording"] is None


def test_a_card_without_an_edition_in_the_language_is_not_available(client):
    card = builders.card_with_message(["en"])
    found = get_json(client, f"{API}/cards/{card.code}?lang=ar")
    assert found["available"] is False and found["messages"] == [] and found["edition"] is None
    assert found["title"]["fallback"] is True and found["title"]["lang"] == "sv"
    assert found["available_languages"] == ["sv", "en"]
    page = qr_page(client, card.code, "ar")
    assert page["not_available"] and page["title"] == found["title"]["text"]


def test_a_code_never_issued_is_404_json(client):
    found = get_json(client, f"{API}/cards/ZZZZZZ?lang=ar", status=404)
    assert found["code"] == "unknown_card"


def test_a_deleted_card_is_410_json(client):
    card = builders.card_with_message(["ar"])
    code = card.code
    card.delete()
    assert get_json(client, f"{API}/cards/{code}?lang=ar", status=410)["code"] == "withdrawn_card"


def test_an_unknown_language_is_404_with_the_known_codes(client):
    card = builders.card_with_message(["ar"])
    for url in (
        f"{API}/life-events?lang=xx",
        f"{API}/life-events/{card.life_event.slug}?lang=xx",
        f"{API}/cards/{card.code}?lang=xx",
    ):
        found = get_json(client, url, status=404)
        assert found["code"] == "unknown_language"
        assert found["languages"] == list(languages.codes())
        schemas.ErrorOut.model_validate(found)


# --- never a draft --------------------------------------------------------------------------


def test_a_draft_never_shows(client):
    card = builders.card_with_message(["ar"])
    before = get_json(client, f"{API}/cards/{card.code}?lang=sv")["title"]["text"]
    card.title_sv = "Ett utkast ingen godkänt"
    card.save_revision()  # a draft: saved, not published
    builders.translate(card, "ar", title="مسودة غير معتمدة", status=None)  # never reviewed
    for lang in ("sv", "ar"):
        for url in (
            f"{API}/cards/{card.code}?lang={lang}",
            f"{API}/life-events/{card.life_event.slug}?lang={lang}",
        ):
            body = client.get(url).content.decode()
            assert "Ett utkast ingen godkänt" not in body
            assert "مسودة غير معتمدة" not in body
    assert get_json(client, f"{API}/cards/{card.code}?lang=sv")["title"]["text"] == before


def test_a_published_swedish_change_shows_with_the_translation_awaited(client):
    card = builders.card_with_message(["ar"])
    builders.publish_swedish(card, title="En ny svensk titel")
    sv = get_json(client, f"{API}/cards/{card.code}?lang=sv")
    assert sv["title"]["text"] == "En ny svensk titel"
    ar = get_json(client, f"{API}/cards/{card.code}?lang=ar")
    page = qr_page(client, card.code, "ar")
    assert ar["title"]["text"] == page["title"]
    assert bool(ar["awaiting_since"]) == page["awaiting"]
    assert bool(ar["withdrawn"]) == page["withdrawn"]


# --- HTTP: conditional, CORS, rate limit ------------------------------------------------------


def test_an_etag_answers_304(client):
    card = builders.card_with_message(["ar"])
    url = f"{API}/cards/{card.code}?lang=ar"
    first = client.get(url)
    assert first["ETag"] and "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    # A published Swedish change is a new answer in Arabic too (its translation is awaited).
    builders.publish_swedish(card, title="Ändrad titel")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_last_modified_answers_304(client):
    card = builders.card_with_message(["ar"])
    url = f"{API}/life-events/{card.life_event.slug}?lang=ar"
    first = client.get(url)
    assert first["Last-Modified"]
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    stale = client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert stale.status_code == 200


@pytest.mark.parametrize("method", ["get", "head"])
def test_every_answer_is_open_to_any_origin_without_credentials(client, method):
    card = builders.card_with_message(["ar"])
    for url in (
        f"{API}/languages",
        f"{API}/cards/{card.code}?lang=ar",
        f"{API}/cards/{card.code}?lang=xx",
        f"{API}/openapi.json",
    ):
        response = getattr(client, method)(url, HTTP_ORIGIN="https://partner.example")
        assert response.status_code in (200, 404)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response


def test_too_many_requests_from_one_address_are_429(client, settings):
    settings.RATE_DOWNLOADS = "3/m"
    for _ in range(3):
        assert client.get(f"{API}/languages").status_code == 200
    refused = client.get(f"{API}/languages")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited" and refused["Retry-After"]
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "no-store" in refused["Cache-Control"]
    # Another address has its own count.
    assert client.get(f"{API}/languages", REMOTE_ADDR="198.51.100.9").status_code == 200


# --- queries --------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_constant_number_of_queries_whatever_the_size(client, django_assert_max_num_queries):
    small = builders.card_with_message(["ar"])
    event = builders.life_event(translations=builders.samples(["title"], ["ar"]))
    for _ in range(4):
        message = builders.joint_message(
            [event], translations=builders.samples(["headline", "body"], ["ar"])
        )
        builders.dialogue_card(event, [message], translations=builders.samples(["title"], ["ar"]))
    one = _queries(client, f"{API}/life-events/{small.life_event.slug}?lang=ar")
    four = _queries(client, f"{API}/life-events/{event.slug}?lang=ar")
    assert one == four
    with django_assert_max_num_queries(8):
        client.get(f"{API}/life-events?lang=fa")
    with django_assert_max_num_queries(8):
        client.get(f"{API}/cards/{small.code}?lang=fa")
    with django_assert_max_num_queries(0):  # built once per content version
        client.get(f"{API}/cards/{small.code}?lang=fa")


# --- OpenAPI and its docs -------------------------------------------------------------------


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve(schema, ref):
    assert ref.startswith("#/"), ref
    node = schema
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_the_openapi_schema_holds_together(client):
    schema = get_json(client, f"{API}/openapi.json")
    assert re.fullmatch(r"3\.\d+\.\d+", schema["openapi"])
    assert schema["info"]["title"] and schema["info"]["version"]
    paths = schema["paths"]
    assert set(paths) == {
        f"{API}/languages",
        f"{API}/life-events",
        f"{API}/life-events/{{slug}}",
        f"{API}/cards/{{code}}",
    }
    ids = []
    for path, item in paths.items():
        assert set(item) == {"get"}, path  # read only
        operation = item["get"]
        ids.append(operation["operationId"])
        assert {"200", "304", "429"} <= set(operation["responses"]), path
        for name in re.findall(r"{(\w+)}", path):
            assert any(
                p["name"] == name and p["in"] == "path" and p["required"]
                for p in operation["parameters"]
            )
        if path != f"{API}/languages":
            assert any(p["name"] == "lang" and p["in"] == "query" for p in operation["parameters"])
    assert len(ids) == len(set(ids))
    refs = list(_refs(schema))
    assert refs
    for ref in refs:
        assert isinstance(_resolve(schema, ref), dict), ref


def test_the_docs_page_runs_under_the_content_security_policy(client):
    page = client.get(f"{API}/docs")
    assert page.status_code == 200
    body = page.content.decode()
    assert "/api/v1/openapi.json" in body
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # Scripts only from our own static files; the one inline block is JSON data, never run.
    for tag in re.findall(r"<script[^>]*>", body):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert "https://" not in body
