"""[O] 6: /sitemap.xml lists every public page in every language it can be read in, each with
the same alternates the page itself names, on SITE_URL; never a draft, a withdrawn language,
a staff page or a QR page. /robots.txt points to it and keeps crawlers from staff pages and
from what is counted."""

import re

import pytest
from defusedxml import ElementTree as ET
from django.utils import timezone

from dialogue import content_version
from dialogue.models import DialogueCard, LifeEvent
from editions.models import Edition
from tests import builders

pytestmark = pytest.mark.django_db
SITE = "https://jobba.example.se"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def sitemap(client) -> dict[str, dict[str, str]]:
    """Each listed address → its alternates (hreflang → address)."""
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    found = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in found, f"{loc} listed twice"
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return found


def page_alternates(client, url: str) -> dict[str, str]:
    html = client.get(url.removeprefix(SITE)).content.decode().split("</head>", 1)[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_every_public_page_in_every_language_it_can_be_read_in(client):
    urls = sitemap(client)
    assert f"{SITE}/" in urls and f"{SITE}/sv/" in urls and f"{SITE}/ps/" in urls
    assert f"{SITE}/fa-af/folkbokforing/" in urls  # approved in every language of the demo
    assert f"{SITE}/ti/sfi/" in urls
    assert f"{SITE}/ps/sfi/" not in urls  # nothing of sfi can be read in Pashto
    assert {f"{SITE}/sv/tillganglighet/", f"{SITE}/en/tillganglighet/"} <= set(urls)
    assert f"{SITE}/ar/tillganglighet/" not in urls
    assert f"{SITE}/material/" in urls
    # Every address on SITE_URL, whichever host asked.
    assert all(url.startswith(f"{SITE}/") for url in urls)
    for url in urls:
        path = url.removeprefix(SITE)
        assert not path.startswith(("/admin/", "/print/", "/q/", "/audio/", "/api/")), url
        if path.split("/")[1] in ("", "material", "sv", "sv-ls", "ar", "ti", "ps"):
            assert client.get(path).status_code == 200, url


def test_each_entry_has_the_alternates_its_page_names(client):
    urls = sitemap(client)
    sample = [
        f"{SITE}/",
        f"{SITE}/ar/",
        f"{SITE}/ti/sfi/",
        f"{SITE}/fa-af/folkbokforing/",
        f"{SITE}/sv-ls/folkbokforing/",
        f"{SITE}/en/tillganglighet/",
    ]
    for url in sample:
        assert urls[url] == page_alternates(client, url), url
    assert urls[f"{SITE}/ti/sfi/"]["x-default"] == f"{SITE}/sv/sfi/"
    assert urls[f"{SITE}/ar/"]["x-default"] == f"{SITE}/"
    assert urls[f"{SITE}/fa-af/folkbokforing/"]["fa-AF"] == f"{SITE}/fa-af/folkbokforing/"
    # Easy-read Swedish is listed, but claims no tag: "sv" is the Swedish page's.
    assert all("/sv-ls/" not in href for links in urls.values() for href in links.values())
    assert urls[f"{SITE}/material/"] == {}


def test_never_a_draft_or_a_withdrawn_language(client):
    draft = builders.life_event("Ett utkast", status=None)
    LifeEvent.objects.filter(pk=draft.pk).update(live=False)
    sfi = LifeEvent.objects.live().get(slug="sfi")
    cards = DialogueCard.objects.public().filter(life_event=sfi)
    Edition.objects.served().filter(
        content_type__model="dialoguecard", object_id__in=cards, language="ti"
    ).update(served=False, withdrawn_at=timezone.now(), reason="Reglerna ändrades.")
    content_version.bump()
    urls = sitemap(client)
    assert not any(f"/{draft.slug}/" in url for url in urls)
    assert f"{SITE}/ti/sfi/" not in urls and f"{SITE}/ar/sfi/" in urls
    assert "ti" not in urls[f"{SITE}/ar/sfi/"]
    assert f"{SITE}/ti/folkbokforing/" in urls


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_from_staff_and_counted_pages(
    client,
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/print/", "/q/", "/audio/", "/api/", "/material/*.zip"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /material/" not in lines and "Allow: /" in lines  # partners find it
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
