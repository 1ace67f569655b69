"""[O] 6: a shared link previews in her language (Open Graph from the edition in service, never
a draft; one picture per life event, made once), and every public page names itself in the
other languages it can be read in (hreflang), easy-read Swedish never claiming "sv"."""

import io
import re
from html import unescape
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image

from cms import share_images
from dialogue import content_version
from dialogue.models import DialogueCard, LifeEvent
from editions.models import Edition
from editions.served import Served

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
SITE = "https://jobba.example.se"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def head(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode().split("</head>", 1)[0]


def og(html: str) -> dict[str, str]:
    found = re.findall(
        r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', html
    )
    return {key: unescape(value) for key, value in found}


def alternates(html: str) -> dict[str, str]:
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert len(found) == len(dict(found)), "one alternate per tag"
    return dict(found)


def event_edition(slug, lang):
    event = LifeEvent.objects.live().get(slug=slug)
    return Served([event], lang).edition(event)


def test_a_life_event_page_previews_in_her_language_from_the_edition_in_service(client):
    edition = event_edition("folkbokforing", "ar")
    tags = og(head(client, "/ar/folkbokforing/"))
    assert tags["og:title"] == f"{edition.texts['title']} · Jobba i Sverige"
    assert tags["og:description"] == " ".join(edition.texts["intro"].split())[:200]
    assert tags["og:locale"] == "ar_EG"
    assert tags["og:url"] == f"{SITE}/ar/folkbokforing/"
    assert tags["og:type"] == "website" and tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"].startswith(f"{SITE}/share/id-card-")  # the event's pictogram

    # Dari and Tigrinya say theirs (Dari's locale is Afghanistan's, not Iran's).
    assert og(head(client, "/fa-af/folkbokforing/"))["og:locale"] == "fa_AF"
    tigrinya = event_edition("folkbokforing", "ti")
    assert og(head(client, "/ti/folkbokforing/"))["og:title"].startswith(tigrinya.texts["title"])


def test_a_draft_never_reaches_the_preview(client):
    edition = event_edition("folkbokforing", "ar")
    # A translator's unreviewed words in the working column, and an unpublished Swedish draft.
    LifeEvent.objects.filter(slug="folkbokforing").update(title_ar="مسودة", intro_ar="مسودة")
    event = LifeEvent.objects.get(slug="folkbokforing")
    event.title_sv = "UTKAST"
    event.save_revision()
    content_version.bump()
    tags = og(head(client, "/ar/folkbokforing/"))
    assert tags["og:title"].startswith(edition.texts["title"])
    assert "مسودة" not in tags["og:description"]
    assert "UTKAST" not in og(head(client, "/sv/folkbokforing/"))["og:title"]


def test_the_qr_page_previews_the_card_and_its_first_message(client):
    card = DialogueCard.objects.get(slug="personnummer")
    edition = Served([card], "ar").edition(card)
    tags = og(head(client, f"/q/{card.code}/ar/"))
    assert tags["og:title"] == f"{edition.texts['title']} · Jobba i Sverige"
    assert tags["og:description"] == edition.texts["messages"][0]["headline"][:200]
    assert tags["og:url"] == f"{SITE}/q/{card.code}/ar/"
    # The life event's picture, the same as on its page.
    assert tags["og:image"] == og(head(client, "/ar/folkbokforing/"))["og:image"]


def test_one_picture_per_life_event_made_once_and_again_only_when_its_pictogram_changes(client):
    with mock.patch.object(share_images, "render", wraps=share_images.render) as render:
        first = og(head(client, "/ar/folkbokforing/"))["og:image"]
        assert og(head(client, "/so/folkbokforing/"))["og:image"] == first  # every language
        assert render.call_count == 0  # a page that links to it writes nothing
        path = first.removeprefix(SITE)
        assert client.head(path).status_code == 404  # nor does a HEAD
        pictures = [client.get(path) for _ in range(3)]
        cache.clear()  # even with every cache gone, the stored picture is used
        pictures.append(client.get(path))
        assert render.call_count == 1

    for picture in pictures:
        assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
        assert "immutable" in picture["Cache-Control"]
    image = Image.open(io.BytesIO(b"".join(pictures[-1].streaming_content)))
    assert image.size == (1200, 630)

    LifeEvent.objects.filter(slug="folkbokforing").update(pictogram="home")
    content_version.bump()
    changed = og(head(client, "/ar/folkbokforing/"))["og:image"]
    assert changed != first and changed.startswith(f"{SITE}/share/home-")
    assert client.get(changed.removeprefix(SITE)).status_code == 200
    assert client.get(path).status_code == 200  # previews shared before keep their picture
    # Only our pictures: made-up names, others' files and paths outside the folder answer 404.
    assert client.get("/share/not-ours.png").status_code == 404
    assert client.get("/share/home-0123456789abcdef.png").status_code == 404
    assert client.get("/share/..%2Fsecret-0123456789abcdef.png").status_code == 404


def test_hreflang_names_every_language_the_page_can_be_read_in(client):
    links = alternates(head(client, "/ar/folkbokforing/"))
    # folkbokföring is approved in every language of the demo; sfi in seven besides Swedish.
    assert links["fa-AF"] == f"{SITE}/fa-af/folkbokforing/"
    assert links["ckb"] == f"{SITE}/ckb/folkbokforing/"
    assert links["x-default"] == f"{SITE}/sv/folkbokforing/"
    assert links["ar"] == f"{SITE}/ar/folkbokforing/"  # the page names itself too
    sfi = alternates(head(client, "/so/sfi/"))
    assert set(sfi) == {"sv", "en", "ar", "fa", "so", "ti", "uk", "th", "x-default"}
    # The start pages and the chooser, which is their x-default.
    assert alternates(head(client, "/ti/"))["x-default"] == f"{SITE}/"
    assert alternates(head(client, "/"))["ti"] == f"{SITE}/ti/"
    # The statement is in Swedish and English only.
    assert set(alternates(head(client, "/sv/tillganglighet/"))) == {"sv", "en", "x-default"}
    card = DialogueCard.objects.get(slug="personnummer")
    qr = alternates(head(client, f"/q/{card.code}/so/"))
    assert qr["ar"] == f"{SITE}/q/{card.code}/ar/" and qr["x-default"] == f"{SITE}/q/{card.code}/"


def test_easy_read_swedish_never_claims_swedish(client):
    for path in ("/sv-ls/", "/sv-ls/folkbokforing/", "/sv/folkbokforing/"):
        html = head(client, path)
        links = alternates(html)
        assert links["sv"].endswith("/sv/" if path.count("/") == 2 else "/sv/folkbokforing/")
        assert "/sv-ls/" not in " ".join(links.values())
        assert 'hreflang="sv-ls"' not in html and 'hreflang="sv-LS"' not in html


def test_a_withdrawn_translation_is_no_longer_an_alternate(client):
    sfi = LifeEvent.objects.live().get(slug="sfi")
    cards = DialogueCard.objects.public().filter(life_event=sfi)
    Edition.objects.served().filter(
        content_type__model="dialoguecard", object_id__in=cards, language="so"
    ).update(served=False, withdrawn_at=timezone.now(), reason="Beloppet ändrades.")
    content_version.bump()
    assert "so" not in alternates(head(client, "/ar/sfi/"))
    assert "so" in alternates(head(client, "/ar/folkbokforing/"))


def test_pages_without_a_preview_say_nothing_of_one(client):
    html = client.get("/ar/no-such-topic/").content.decode()
    assert "og:title" not in html and 'rel="alternate"' not in html
