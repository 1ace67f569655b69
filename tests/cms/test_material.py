import io
import re
import zipfile
from datetime import datetime, timedelta
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import ModelLogEntry

from dialogue import changes
from dialogue.models import Audience, DialogueCard, JointMessage
from print.pages import FINISHES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]


def test_material_page_offers_only_complete_languages(client):
    body = client.get("/material/").content.decode()
    assert '<html lang="sv" dir="ltr">' in body
    assert 'value="ar"' in body and 'value="ti"' in body
    assert 'value="ps"' not in body  # not complete for any audience


def test_pack_download_is_a_zip_attachment(client):
    response = client.get("/material/servicekontor/pack.zip?lang=so&lang=uk&finish=office")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    disposition = response["Content-Disposition"]
    assert 'filename="jobba-i-sverige_servicekontor_so-uk_kontorsskrivare.zip"' in disposition
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_office_and_print_shop_packs_download_under_different_names(client):
    names = {
        finish: client.get(f"/material/servicekontor/pack.zip?lang=ar&finish={finish}")[
            "Content-Disposition"
        ]
        for finish in ("office", "print-shop")
    }
    assert names["office"].endswith('_ar_kontorsskrivare.zip"')
    assert names["print-shop"].endswith('_ar_tryckeri.zip"')


@pytest.mark.parametrize(
    "query",
    ["lang=ps", "lang=xx", "", "lang=ar&finish=glossy", "lang=../../etc/passwd"],
)
def test_bad_pack_requests_get_a_clear_400(client, query):
    response = client.get(f"/material/servicekontor/pack.zip?{query}")
    assert response.status_code == 400
    assert 'class="missing"' in response.content.decode()


def test_unknown_audience_is_a_404(client):
    assert client.get("/material/finns-inte/pack.zip?lang=ar").status_code == 404


# --- The partner page in full: versions, languages, what changed, the Atom feed ([W] 4) ---

ATOM = "{http://www.w3.org/2005/Atom}"


class MaterialPage(HTMLParser):
    """The partner page as a test reads it: per audience, its version, form and changes."""

    def __init__(self, html: str):
        super().__init__()
        self.head_links: list[dict] = []
        self.links: list[dict] = []
        self.sections: dict[str, dict] = {}
        self._section = None
        self._in: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        classes = a.get("class", "").split()
        if tag == "link":
            self.head_links.append(a)
        if tag == "a":
            self.links.append(a)
        if tag == "section" and "audience" in classes:
            self._section = self.sections.setdefault(
                a["aria-labelledby"].removeprefix("audience-"),
                {"action": None, "inputs": [], "labels": set(), "names": [], "changes": []},
            )
            self._section["version"] = {"id": "", "datetime": ""}
        section = self._section
        if section is None:
            return
        if tag == "form":
            section["action"] = a["action"]
        elif tag == "input":
            section["inputs"].append(a)
        elif tag == "label":
            section["labels"].add(a.get("for"))
        elif tag == "span" and "lang" in a:
            section["names"].append(a)
        elif tag == "p" and "version" in classes:
            self._in.add("version")
        elif tag == "code" and "version" in self._in:
            self._in.add("code")
        elif tag == "time" and "version" in self._in:
            section["version"]["datetime"] = a["datetime"]
        elif tag == "details" and "changes" in classes:
            self._in.add("changes")
        elif tag == "li" and "changes" in self._in:
            section["changes"].append({"text": "", "datetime": ""})
            self._in.add("li")
        elif tag == "time" and "li" in self._in:
            section["changes"][-1]["datetime"] = a["datetime"]

    def handle_endtag(self, tag):
        closes = {"p": "version", "code": "code", "details": "changes", "li": "li"}
        self._in.discard(closes.get(tag, ""))
        if tag == "section":
            self._section = None

    def handle_data(self, data):
        if "code" in self._in:
            self._section["version"]["id"] += data
        elif "li" in self._in:
            self._section["changes"][-1]["text"] += data


def material_page(client) -> MaterialPage:
    response = client.get("/material/")
    assert response.status_code == 200
    return MaterialPage(response.content.decode())


def offered(section) -> list[str]:
    return [i["value"] for i in section["inputs"] if i.get("name") == "lang"]


def feed(client):
    response = client.get("/material/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314  our own output, in a test
    return response.content.decode(), root


def publish_title(slug, title, user=None):
    card = DialogueCard.objects.get(slug=slug)
    card.title_sv = title
    card.save_revision(user=user).publish(user=user)
    return card


def pack_objects(audience):
    """What the pack prints, gathered from the models: cards, key messages, life events, and
    the other live messages of those life events (the leaflet)."""
    cards = list(audience.cards.filter(live=True, retired_at=None))
    events = {card.life_event for card in cards if card.life_event.live}
    messages = {m for card in cards for m in card.key_messages() if m.live}
    messages |= {m for event in events for m in event.messages.filter(live=True)}
    return [*cards, *events, *messages]


def test_every_audience_is_listed_with_its_version_and_date(client):
    page = material_page(client)
    audiences = list(Audience.objects.all())
    assert list(page.sections) == [audience.slug for audience in audiences]
    versions = set()
    for audience in audiences:
        version = page.sections[audience.slug]["version"]
        assert re.fullmatch(r"[0-9a-f]{7}", version["id"])
        latest = max(obj.last_published_at for obj in pack_objects(audience))
        shown = datetime.fromisoformat(version["datetime"])
        assert abs(shown - latest) < timedelta(seconds=1)
        versions.add(version["id"])
    assert len(versions) == len(audiences)  # each pack holds different cards


def test_a_publication_changes_the_version_of_the_packs_it_is_in_only(client):
    before = {slug: s["version"] for slug, s in material_page(client).sections.items()}
    publish_title("personnummer", "Folkbokföring och ditt personnummer")
    after = {slug: s["version"] for slug, s in material_page(client).sections.items()}
    for slug in ("civilsamhallet", "servicekontor"):  # the packs with that card
        assert after[slug]["id"] != before[slug]["id"]
        assert after[slug]["datetime"] > before[slug]["datetime"]
    for slug in ("oppna-forskolan", "arbetsgivare-och-partner"):
        assert after[slug] == before[slug]


def test_the_form_works_without_javascript_and_every_input_has_its_label(client):
    page = material_page(client)
    assert {
        "rel": "alternate",
        "type": "application/atom+xml",
        "href": "/material/feed.atom",
    }.items() <= page.head_links[-1].items()
    assert any(a.get("href") == "/material/feed.atom" for a in page.links)  # visible link too
    for slug, section in page.sections.items():
        assert section["action"] == f"/material/{slug}/pack.zip"
        assert all(i["id"] in section["labels"] for i in section["inputs"])
        finishes = [i["value"] for i in section["inputs"] if i.get("name") == "finish"]
        assert finishes == list(FINISHES)
    arabic = next(n for n in page.sections["servicekontor"]["names"] if n["lang"] == "ar")
    assert arabic["dir"] == "rtl"

    # What a browser sends when a partner ticks Arabic and keeps the checked finish.
    section = page.sections["arbetsgivare-och-partner"]
    finish = next(i["value"] for i in section["inputs"] if "checked" in i)
    response = client.get(section["action"], {"lang": "ar", "finish": finish})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"


def test_only_languages_the_pack_can_be_made_in_are_offered(client):
    page = material_page(client)
    for section in page.sections.values():
        assert "ps" not in offered(section)  # the demo's Pashto is incomplete
        assert {"sv", "ar", "ti"} <= set(offered(section))
    # A Swedish change keeps every language in the packs ([E]): each serves its previous
    # edition until the new translation is approved, and the page says so with the date.
    before = offered(page.sections["servicekontor"])
    publish_title("personnummer", "Folkbokföring och ditt personnummer")
    page = material_page(client)
    assert offered(page.sections["servicekontor"]) == before
    assert "ar" in offered(page.sections["civilsamhallet"])
    html = client.get("/material/").content.decode()
    assert "översättning på väg" in html
    assert client.get("/material/servicekontor/pack.zip?lang=ar").status_code == 200


def test_a_publication_comes_first_under_what_changed_and_in_the_feed(client):
    publish_title("personnummer", "Folkbokföring och ditt personnummer")
    with translation.override("sv"):
        updated = str(changes.LABELS[("card", False)])
        new = str(changes.LABELS[("card", True)])

    page = material_page(client)
    for slug in ("civilsamhallet", "servicekontor"):
        listed = page.sections[slug]["changes"]
        assert (
            listed[0]["text"].split()[1:]
            == f"{updated}: Folkbokföring och ditt personnummer".split()
        )
        times = [datetime.fromisoformat(item["datetime"]) for item in listed]
        assert times == sorted(times, reverse=True)
        assert len(listed) == changes.AUDIENCE_CHANGES
    untouched = page.sections["oppna-forskolan"]["changes"]
    assert len(untouched) == changes.AUDIENCE_CHANGES
    assert not any("ditt personnummer" in item["text"] for item in untouched)

    _body, root = feed(client)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    # Every publication of the demo and the one above is in the pack material, and they are
    # fewer than the feed's cap: each one is an entry, none twice, none left out.
    published = ModelLogEntry.objects.filter(action=changes.PUBLISH).count()
    assert published < changes.FEED_CHANGES
    assert len(entries) == published
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == f"{updated}: Folkbokföring och ditt personnummer"
    link = newest.find(f"{ATOM}link").get("href")
    assert link == "http://testserver/material/#audience-civilsamhallet"
    assert datetime.fromisoformat(newest.findtext(f"{ATOM}updated")) > datetime.fromisoformat(
        entries[1].findtext(f"{ATOM}updated")
    )
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    # The card's first publication, from the demo load, is still there as new.
    first = [e for e in entries if "ditt personnummer" in e.findtext(f"{ATOM}title")][-1]
    assert first.findtext(f"{ATOM}title") == f"{new}: Folkbokföring och ditt personnummer"


def test_neither_page_nor_feed_says_who_published(client, django_user_model):
    user = django_user_model.objects.create_user(
        "anna.publicist",
        email="anna.publicist@example.org",
        first_name="Annabella",
        last_name="Publicistsson",
        is_superuser=True,
    )
    publish_title("personnummer", "Folkbokföring och ditt personnummer", user=user)
    page = client.get("/material/").content.decode()
    body, _root = feed(client)
    assert "Folkbokföring och ditt personnummer" in page and "ditt personnummer" in body
    for text in (page, body):
        for personal in ("anna.publicist", "example.org", "Annabella", "Publicistsson"):
            assert personal not in text


def test_page_queries_do_not_grow_with_the_number_of_changes(client, django_assert_max_num_queries):
    publish_title("personnummer", "Folkbokföring och ditt personnummer")
    with CaptureQueriesContext(connection) as few:
        client.get("/material/")
    for message in JointMessage.objects.filter(live=True):
        for _ in range(3):
            message.save_revision().publish()
    with django_assert_max_num_queries(20), CaptureQueriesContext(connection) as many:
        assert client.get("/material/").status_code == 200
    assert len(many) == len(few)
    with django_assert_max_num_queries(8):
        feed(client)


def test_the_feed_answers_get_and_head_only(client):
    assert client.head("/material/feed.atom").status_code == 200
    assert client.post("/material/feed.atom").status_code == 405
