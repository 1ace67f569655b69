import re

import pytest
from django.utils.html import escape

import languages
from dialogue.models import CardMessage, DialogueCard, JointMessage, LifeEvent

pytestmark = pytest.mark.django_db

ETHIOPIC = re.compile(r"[\u1200-\u137f]")


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_start_page_offers_every_language_in_its_own_script(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    for language in languages.enabled():
        assert f'href="/{language.code}/"' in body
        assert escape(language.own_name) in body
    assert 'lang="ar" dir="rtl">العربية' in body


def test_start_page_suggests_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ti-ER,ti;q=0.9,en;q=0.5")
    assert 'class="suggested"' in response.content.decode()
    assert re.search(r'class="suggested">\s*<a href="/ti/"', response.content.decode())
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/ar/", "ar", "rtl"),
        ("/fa-af/", "fa-af", "rtl"),
        ("/ti/", "ti", "ltr"),
        ("/sv/", "sv", "ltr"),
    ],
)
def test_pages_declare_language_and_direction(client, path, lang, direction):
    response = client.get(path)
    assert response.status_code == 200
    assert html_tag(response) == f'<html lang="{lang}" dir="{direction}">'
    assert response["Content-Language"] == lang


def test_tigrinya_pages_show_ethiopic_text(client):
    body = client.get("/ti/foraldraledighet/").content.decode()
    # "Words you will hear" under a card is a section of its own, with its own heading.
    body = re.sub(r'<section class="words".*?</section>', "", body, flags=re.S)
    cards = re.findall(r'<section class="card".*?</section>', body, re.S)
    titles = re.findall(r"<h[123][^>]*>(.*?)</h[123]>", "".join(cards), re.S)
    assert len(titles) == 4  # the card and its three messages
    assert all(ETHIOPIC.search(title) for title in titles)
    assert ETHIOPIC.search(re.search(r"<h1>(.*?)</h1>", body, re.S).group(1))


def test_life_event_page_shows_cards_and_messages_in_the_language(client):
    body = client.get("/ar/foraldraledighet/").content.decode()
    message = JointMessage.objects.get(slug="dela-foraldrapenningen")
    assert escape(message.headline_ar) in body
    assert message.headline_sv not in body
    assert "إلى أين تتوجهين" in body  # "Where to turn" from the Arabic catalogue


def test_phone_numbers_are_isolated_in_right_to_left_text(client):
    body = client.get("/ar/foraldraledighet/").content.decode()
    assert '<bdi dir="ltr">0771-524 524</bdi>' in body


def test_missing_translation_is_said_plainly_with_a_link_to_swedish(client):
    body = client.get("/ps/foraldraledighet/").content.decode()
    card = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
    assert not card.has_translation("ps")
    assert f'href="/sv/foraldraledighet/#{card.slug}"' in body
    assert 'class="missing"' in body


def test_missing_life_event_title_falls_back_to_swedish_marked_as_swedish(client):
    body = client.get("/am/").content.decode()
    assert '<span lang="sv" dir="ltr">Föräldraledighet</span>' in body


@pytest.mark.parametrize("path", ["/xx/", "/sv/finns-inte/", "/ar/finns-inte/", "/prs/"])
def test_unknown_language_or_slug_is_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404


def test_404_speaks_the_language_of_the_address(client):
    response = client.get("/ar/finns-inte/")
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "الصفحة غير موجودة" in response.content.decode()


def test_drafts_and_unpublished_content_stay_off_the_public_site(client):
    card = DialogueCard.objects.get(slug="personnummer")
    card.title_sv = "Utkast som inte är granskat"
    card.save_revision()  # a draft: the live row keeps the published title
    body = client.get("/sv/folkbokforing/").content.decode()
    assert "Utkast som inte är granskat" not in body
    assert "Folkbokföring och personnummer" in body
    DialogueCard.objects.get(pk=card.pk).unpublish()  # as the admin does it
    response = client.get("/sv/folkbokforing/")
    assert response.status_code == 200
    assert "Folkbokföring och personnummer" not in response.content.decode()


def test_only_get_and_head(client):
    assert client.head("/ar/sfi/").status_code == 200
    assert client.post("/ar/sfi/").status_code == 405


def add_cards(event, count):
    messages = list(JointMessage.objects.all()[:3])
    for i in range(count):
        card = DialogueCard(
            slug=f"extra-{event.slug}-{i}",
            title_sv=f"Extra {i}",
            title_ar=f"إضافي {i}",
            pictogram="home",
            life_event=event,
        )
        card.save()
        for position, message in enumerate(messages):
            CardMessage.objects.create(card=card, message=message, sort_order=position)


def test_life_event_page_queries_do_not_grow_with_cards(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = LifeEvent.objects.get(slug="sfi")
    add_cards(event, 1)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/ar/sfi/").status_code == 200
    DialogueCard.objects.filter(slug__startswith="extra-").delete()
    add_cards(event, 25)
    with django_assert_max_num_queries(14), CaptureQueriesContext(connection) as many:
        body = client.get("/ar/sfi/").content.decode()
    assert body.count('class="card"') >= 25
    assert len(many) == len(few)


def test_accessibility_statement_in_swedish_and_english_linked_from_every_footer(client):
    swedish = client.get("/sv/tillganglighet/").content.decode()
    assert "Tillgänglighetsredogörelse" in swedish and "digg.se" in swedish
    assert "Accessibility statement" in client.get("/en/tillganglighet/").content.decode()
    assert client.get("/ar/tillganglighet/").status_code == 404
    assert 'href="/sv/tillganglighet/"' in client.get("/sv/").content.decode()
    arabic = client.get("/ar/folkbokforing/").content.decode()
    assert 'href="/en/tillganglighet/" hreflang="en">بيان إمكانية الوصول<' in arabic
    assert 'href="/sv/tillganglighet/"' in client.get("/material/").content.decode()
