"""The print station at /print/: service-office staff print for the woman in front of them."""

import pytest
from django.contrib.auth.models import Group

from cms import roles
from dialogue.models import JointMessage
from followup.models import Counter, Event
from print import station
from print.models import Office, StaffProfile
from translations import status as translation_status

pytestmark = pytest.mark.django_db

PRESET = {"event": list(station.PRESET_EVENTS), "layout": "cards"}


@pytest.fixture
def office():
    return Office.objects.create(name="Servicekontoret Rinkeby")


@pytest.fixture
def clerk(django_user_model, office):
    user = django_user_model.objects.create_user("clerk", password="pw")
    user.groups.add(Group.objects.get(name=roles.SERVICE_OFFICE))
    StaffProfile.objects.create(user=user, office=office)
    return user


@pytest.fixture
def desk(client, clerk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # rendered PDFs are cached in storage
    client.force_login(clerk)
    return client


def test_anonymous_visitors_are_asked_to_log_in(client):
    response = client.get("/print/")
    assert response.status_code == 302 and response["Location"].startswith("/print/login/")
    page = client.get("/print/login/").content.decode()
    assert 'name="username"' in page and 'lang="sv"' in page


def test_logging_in_leads_to_the_station(client, clerk):
    response = client.post("/print/login/", {"username": "clerk", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == "/print/"


def test_other_roles_and_unlinked_staff_are_told_why(client, django_user_model, clerk):
    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    response = client.get("/print/")
    assert response.status_code == 403 and "servicekontor" in response.content.decode()
    StaffProfile.objects.filter(user=clerk).delete()
    client.force_login(clerk)
    response = client.get("/print/")
    assert response.status_code == 403 and "kontor" in response.content.decode()


def test_the_station_offers_printable_languages_with_the_preset_chosen(desk):
    page = desk.get("/print/").content.decode()
    assert 'value="ti"' in page and 'lang="ti"' in page and 'dir="rtl"' in page
    assert 'value="ps"' not in page  # Pashto has no complete card yet
    for slug in station.PRESET_EVENTS:
        assert f'value="{slug}" checked' in page
    assert 'value="foraldraledighet" checked' not in page


def test_the_preset_gives_a_pdf_counted_for_the_office_only(desk, office, clerk):
    response = desk.get("/print/pdf/", {"lang": "ti", **PRESET})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    counted = Counter.objects.filter(event=Event.CARD_PRINTED, language="ti")
    assert {row.channel for row in counted} == {office.name}
    assert counted.count() == len(station.order("ti", PRESET["event"], "cards").cards)
    assert not Counter.objects.filter(channel__icontains=clerk.username).exists()


def test_the_office_s_usual_languages_come_first(desk):
    first = station.language_choices(Office.objects.get(name="Servicekontoret Rinkeby"))[0]
    assert first.language.code == "ar" and not first.frequent  # alphabetical before any print
    desk.get("/print/pdf/", {"lang": "uk", **PRESET})
    page = desk.get("/print/").content.decode()
    assert page.index('value="uk"') < page.index('value="ar"')


def test_what_is_missing_is_said_and_the_rest_offered(desk):
    message = JointMessage.objects.get(slug="barnbidrag")  # on the card "personnummer"
    message.body_so = "Qoraal aan weli la hubin."
    message.save()
    translation_status.record(message, "body", "so")  # not reviewed: not printable
    response = desk.get("/print/pdf/", {"lang": "so", **PRESET})
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "Folkbokföring och personnummer" in page and 'name="partial" value="1"' in page
    partial = desk.get("/print/pdf/", {"lang": "so", "partial": "1", **PRESET})
    assert partial["Content-Type"] == "application/pdf"


def test_the_leaflet_layout(desk):
    response = desk.get("/print/pdf/", {"lang": "ar", "event": ["sfi"], "layout": "leaflet"})
    assert response["Content-Type"] == "application/pdf"
    assert Counter.objects.filter(event=Event.LEAFLET_PRINTED, life_event="sfi").exists()


@pytest.mark.parametrize(
    "query",
    [
        {"lang": "xx", **PRESET},
        {"lang": "ti", "layout": "cards"},
        {"lang": "ti", "event": ["sfi"], "layout": "poster"},
    ],
)
def test_bad_choices_get_a_clear_message_and_no_pdf(desk, query):
    response = desk.get("/print/pdf/", query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Counter.objects.exists()


def test_the_station_page_costs_a_bounded_number_of_queries(desk, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        desk.get("/print/")
