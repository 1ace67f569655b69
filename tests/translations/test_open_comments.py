"""Reports → Open questions: every unresolved comment across objects and languages, each
linked to the editor at its unit; a translator sees only her languages, the communication
group all of them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cms import roles
from tests import builders
from translations import comments
from translations.models import UnitComment
from translations.status import Unit

pytestmark = pytest.mark.django_db

REPORT = "/admin/translations/open-questions/"


@pytest.fixture
def message():
    return builders.joint_message(
        headline="Du kan få barnbidrag.", body="Barnbidrag är pengar varje månad."
    )


@pytest.fixture
def people(django_user_model):
    def person(name, group):
        user = django_user_model.objects.create_user(name, password="pw", first_name=name.title())
        user.groups.add(group)
        return user

    editors = Group.objects.get(name=roles.EDITORS)
    return {
        "selam": person("selam", roles.language_group("Översättare tigrinska", ["ti"])),
        "samira": person("samira", roles.language_group("Språkgranskare arabiska", ["ar"], True)),
        "eva": person("eva", editors),
    }


def ask(message, field, lang, user, text, kind="question", days_ago=0):
    comment = comments.post(Unit(message, field), lang, user, text, kind)
    comment.created_at = timezone.now() - timedelta(days=days_ago)
    comment.save(update_fields=["created_at"])
    return comment


def report(client, user, query=""):
    client.force_login(user)
    response = client.get(REPORT + query)
    assert response.status_code == 200
    return response.content.decode()


def test_an_open_question_is_listed_with_a_link_to_its_unit_and_a_resolved_one_is_not(
    client, people, message
):
    ask(message, "body", "ti", people["selam"], "Betyder ”pengar” här kontanter?", days_ago=3)
    done = ask(message, "headline", "ti", people["selam"], "Redan besvarad fråga")
    comments.resolve(done, people["eva"])
    page = report(client, people["selam"])
    assert "Betyder ”pengar” här kontanter?" in page
    assert "Redan besvarad fråga" not in page
    assert "Du kan få barnbidrag." in page and "Tigrinja" in page and "Selam" in page
    assert "3\xa0dagar" in page  # how long it has waited
    anchor = f"#unit-jointmessage-{message.pk}-body"
    assert f'href="/admin/translate/jointmessage/{message.pk}/ti/{anchor}"' in page
    editor = client.get(f"/admin/translate/jointmessage/{message.pk}/ti/").content.decode()
    assert f'id="{anchor[1:]}"' in editor  # the link lands on the unit


def test_a_translator_sees_only_her_languages_and_the_communication_group_all(
    client, people, message
):
    tigrinya = ask(message, "body", "ti", people["selam"], "Fråga på tigrinska")
    ask(message, "body", "ar", people["samira"], "Fråga på arabiska")
    page = report(client, people["selam"])
    assert "Fråga på tigrinska" in page and "Fråga på arabiska" not in page
    assert '<option value="ar"' not in page  # nor may she choose Arabic in the filter
    page = report(client, people["eva"])
    assert "Fråga på tigrinska" in page and "Fråga på arabiska" in page
    # The communication group cannot open the editor: it answers on the question's own page.
    assert f'href="/admin/translations/open-questions/{tigrinya.pk}/answer/"' in page


def test_filters_by_language_kind_and_whose_turn_it_is(client, people, message):
    ask(message, "body", "ar", people["samira"], "Fråga om svenskan")
    ask(message, "headline", "ar", people["samira"], "Granskarens anmärkning", kind="remark")
    ask(message, "body", "ti", people["selam"], "Tigrinjas fråga")
    page = report(client, people["eva"], "?language=ar")
    assert "Fråga om svenskan" in page and "Tigrinjas fråga" not in page
    page = report(client, people["eva"], "?kind=remark")
    assert "Granskarens anmärkning" in page and "Fråga om svenskan" not in page
    # A question about the Swedish is the communication group's to answer; a remark is not.
    page = report(client, people["eva"], "?to_me=on")
    assert "Fråga om svenskan" in page and "Tigrinjas fråga" in page
    assert "Granskarens anmärkning" not in page
    page = report(client, people["samira"], "?to_me=on")  # she translates Arabic too
    assert "Granskarens anmärkning" in page and "Fråga om svenskan" not in page


def test_only_those_who_translate_or_write_the_swedish_have_it(client, django_user_model, people):
    follow_up = django_user_model.objects.create_user("ulla", password="pw")
    follow_up.groups.add(Group.objects.get(name=roles.FOLLOW_UP))
    client.force_login(follow_up)
    assert client.get(REPORT).status_code in (302, 403)  # Wagtail's "no permission"
    assert REPORT not in client.get("/admin/").content.decode()  # nor in her menu
    for name in ("selam", "eva"):
        client.force_login(people[name])
        assert REPORT in client.get("/admin/").content.decode()


def test_the_menu_and_page_are_in_swedish(client, people, message):
    ask(message, "body", "ti", people["selam"], "En fråga")
    page = report(client, people["selam"])
    assert "Öppna frågor" in page and "Har väntat" in page
    assert UnitComment.objects.count() == 1
