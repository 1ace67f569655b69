import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Revision

import languages
from dialogue.models import Audience, DialogueCard, JointMessage, LifeEvent
from ops.demo import loader
from translations import status as translation_status
from translations import trail
from translations.status import Status

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def run(*args):
    out = StringIO()
    call_command("load_demo", "--skip-audio", *args, stdout=out)
    return out.getvalue()


def test_demo_holds_what_the_domain_asks_for():
    assert list(LifeEvent.objects.values_list("slug", flat=True)) == [
        "ny-i-sverige",
        "folkbokforing",
        "foraldraledighet",
        "sfi",
        "arbetsformedlingen",
    ]
    assert JointMessage.objects.filter(live=True).count() >= 12
    assert DialogueCard.objects.filter(live=True).count() >= 6
    assert Audience.objects.count() == 4


@pytest.mark.parametrize("code", ["en", "ar", "fa", "so", "ti", "uk", "th"])
def test_demo_languages_are_complete(code):
    for model in (LifeEvent, JointMessage, DialogueCard):
        incomplete = [str(obj) for obj in model.objects.all() if not obj.has_translation(code)]
        assert incomplete == [], f"{model.__name__} not translated into {code}"


def folkbokforing_units():
    """Every translatable unit of the life event folkbokföring: its own texts, and its cards'
    with their messages and links (which are all of the event's messages)."""
    event = LifeEvent.objects.get(slug="folkbokforing")
    units = translation_status.units_of(event)
    for card in DialogueCard.objects.filter(life_event=event):
        units += translation_status.units_in(card)
    messages = JointMessage.objects.filter(life_events=event)
    assert {unit.obj.pk for unit in units if isinstance(unit.obj, JointMessage)} == {
        message.pk for message in messages
    }
    return units


def test_folkbokforing_is_approved_in_every_language_and_marked_as_demo():
    units = folkbokforing_units()
    states = translation_status.states_for(units)
    for language in languages.targets():
        statuses = {
            (str(unit.obj), unit.field): translation_status.status_of(unit, language.code, states)
            for unit in units
        }
        assert set(statuses.values()) == {Status.APPROVED}, (language.code, statuses)
        history = trail.trails(units, language.code)
        approvers = {history[unit.key].approved.username for unit in units}
        assert approvers == {loader.DEMO_TRANSLATOR}, language.code


def test_some_languages_are_left_incomplete_to_show_missing_states():
    cards = list(DialogueCard.objects.all())
    assert not all(card.has_translation("ps") for card in cards)
    assert not all(card.has_translation("am") for card in cards)
    assert not LifeEvent.objects.get(slug="sfi").has_translation("am")


KINDS = {"agencies", "audiences", "dialogue cards", "joint messages", "life events"}


def tallies(output: str) -> dict[str, tuple[int, int, int]]:
    """Each kind's "N created, N updated, N unchanged" line of the loader's report."""
    found = re.findall(r"^\s*(.+?): (\d+) created, (\d+) updated, (\d+) unchanged$", output, re.M)
    return {kind: tuple(map(int, counts)) for kind, *counts in found}


def test_a_second_run_changes_nothing():
    before = row_counts()
    output = run()
    assert row_counts() == before
    counted = tallies(output)
    assert set(counted) >= KINDS, output
    for kind, (created, updated, unchanged) in counted.items():
        assert (created, updated) == (0, 0) and unchanged > 0, kind


def test_a_changed_object_is_restored_with_a_new_revision():
    card = DialogueCard.objects.get(slug="personnummer")
    card.title_sv = "Ändrad titel"
    card.save()
    revisions = Revision.objects.count()
    output = run()
    card.refresh_from_db()
    assert card.title_sv == "Folkbokföring och personnummer"
    assert tallies(output)["dialogue cards"][:2] == (0, 1)
    assert Revision.objects.count() == revisions + 1


def test_translation_added_in_the_admin_survives_a_rerun():
    event = LifeEvent.objects.get(slug="sfi")
    event.title_am = "የስዊድን ቋንቋ"
    event.save()
    run()
    event.refresh_from_db()
    assert event.title_am == "የስዊድን ቋንቋ"


def test_dry_run_writes_nothing():
    LifeEvent.objects.filter(slug="sfi").update(title_sv="Annat")
    before = row_counts()
    output = run("--dry-run")
    assert "Would load" in output and tallies(output)["life events"][:2] == (0, 1)
    assert row_counts() == before
    assert LifeEvent.objects.get(slug="sfi").title_sv == "Annat"


def test_no_demo_users_when_debug_is_off(settings):
    settings.DEBUG = False
    output = run()
    assert "Demo users not created" in output
    assert not get_user_model().objects.filter(username__in=["admin", "redaktor"]).exists()


def test_demo_users_with_printed_passwords_when_debug_is_on(settings, client):
    settings.DEBUG = True
    output = run()
    assert "'admin' / password 'jobba-admin-demo'" in output
    assert client.login(username="redaktor", password="jobba-redaktor-demo")
    assert client.get("/admin/").status_code == 200
    before = row_counts()
    run()
    assert row_counts() == before


def test_one_demo_user_per_role(settings, client):
    from django.contrib.auth.models import Group

    from cms import roles

    settings.DEBUG = True
    run()
    by_language = ["Översättare tigrinska", "Språkgranskare tigrinska"]  # the translator roles
    role_groups = [roles.EDITORS, roles.SERVICE_OFFICE, roles.FOLLOW_UP, roles.ADMINISTRATORS]
    role_groups += [roles.APPROVERS_PREFIX + "AF", *by_language]
    for name in role_groups:
        assert Group.objects.get(name=name).user_set.exists(), name
    assert client.login(username="servicekontor", password="jobba-servicekontor-demo")
    assert client.get("/print/").status_code == 200
    assert client.get("/admin/").status_code == 302  # the print station only
