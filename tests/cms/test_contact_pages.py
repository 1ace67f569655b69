"""A central contact on the public pages, the offline kit and the read API: after "where to
turn", her service line first, numbers whole and left to right in right-to-left pages."""

import html
import io
import re
import zipfile

import pytest

from tests import builders
from tests.contacts.made import GENERAL, HER_LINE, card_with_contact

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]


def contact_block(page: str) -> str:
    found = re.search(r'<address class="contact">.*?</address>', page, re.S)
    assert found, "no contact on the page"
    return found.group(0)


def number(value: str) -> str:
    return f'<bdi dir="ltr">{value}</bdi>'


def test_the_arabic_qr_page_shows_her_line_first_with_numbers_kept_whole(client):
    card = card_with_contact()
    response = client.get(f"/q/{card.code}/ar/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in page
    block = contact_block(page)
    assert page.index('class="where-to-turn"') < page.index(block)
    assert '<bdi lang="sv">Försäkringskassan</bdi>' in block  # names stay Swedish
    assert block.index(number(HER_LINE)) < block.index(number(GENERAL))
    assert 'href="tel:0771524500"' in block and 'href="tel:0771524524"' in block
    hours = re.search(r'<li class="contact-hours">(.*?)</li>', block, re.S).group(1)
    # Arabic day names; each time isolated whole, the range's dashes joined.
    assert "الاثنين\u2060–\u2060الجمعة" in hours
    assert f"{number('08:00')}\u2060–\u2060{number('16:00')}" in hours
    assert 'href="https://www.forsakringskassan.se/"' in block


def test_without_a_line_in_her_language_the_general_number_leads(client):
    card = card_with_contact()
    block = contact_block(client.get(f"/q/{card.code}/so/").content.decode())
    assert number(GENERAL) in block and HER_LINE not in block
    assert "Isniin" in block  # Monday in Somali


def test_the_life_event_page_shows_the_contact_too(client):
    card = card_with_contact()
    page = client.get(f"/fa/{card.life_event.slug}/").content.decode()
    block = contact_block(page)
    assert block.index(number(HER_LINE)) < block.index(number(GENERAL))
    assert "دوشنبه" in block


def test_the_offline_kit_page_carries_the_contact(client):
    card = card_with_contact()
    response = client.get(f"/material/kit/{card.life_event.slug}/ti.zip")
    assert response.status_code == 200, response.content[:300]
    index = zipfile.ZipFile(io.BytesIO(response.content)).read("index.html").decode()
    block = contact_block(index)
    assert block.index(number(HER_LINE)) < block.index(number(GENERAL))
    assert "ሰኑይ" in block  # Monday in Tigrinya


@pytest.mark.parametrize(
    ("lang", "line", "hours"),
    [
        ("ar", HER_LINE, "الاثنين–الجمعة 08:00–16:00"),
        ("th", HER_LINE, "วันจันทร์–วันศุกร์ 08:00–16:00"),
        ("so", None, "Isniin–Jimco 08:00–16:00"),
        ("sv", None, "måndag–fredag 08:00–16:00"),
    ],
)
def test_the_api_gives_the_contact_for_the_language(client, lang, line, hours):
    card = card_with_contact(codes=("ar", "th", "so"))
    found = client.get(f"/api/v1/cards/{card.code}?lang={lang}").json()
    assert found["messages"][0]["contact"] == {
        "name": "Försäkringskassan",
        "line": line,
        "phones": [GENERAL],
        "hours": hours,
        "url": "https://www.forsakringskassan.se/",
    }
    event = client.get(f"/api/v1/life-events/{card.life_event.slug}?lang={lang}").json()
    assert event["cards"][0]["messages"][0]["contact"]["line"] == line


def test_a_message_without_a_contact_has_none_in_the_api(client):
    card = builders.card_with_message(["ar"])
    found = client.get(f"/api/v1/cards/{card.code}?lang=ar").json()
    assert found["messages"][0]["contact"] is None
    assert 'class="contact"' not in html.unescape(
        client.get(f"/q/{card.code}/ar/").content.decode()
    )
