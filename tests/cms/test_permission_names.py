"""Permission names and Wagtail's JavaScript strings are Swedish, as the rest of the staff side.

Permission names are rows that Django, Wagtail and the roles write in English; cms renames them
after every migrate (cms.permission_names). Wagtail's Swedish JavaScript catalogue lacks a few
strings, which locales-wagtail fills.
"""

import json
import re
from pathlib import Path

import pytest
import wagtail
from babel.messages.pofile import read_po
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation

from cms import permission_names
from dialogue.models import Audience, DialogueCard

pytestmark = pytest.mark.django_db

# Django's and Wagtail's English: "Can add …", "Delete pages with children", "Publish any page".
ENGLISH = re.compile(r"^Can |\b(add|change|delete|view|lock|unlock|publish|pages?|any)\b", re.I)
WAGTAIL_JS = Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES"


def name(codename: str) -> str:
    return Permission.objects.get(codename=codename).name


def test_every_permission_is_named_in_swedish_after_migrate():
    english = [p.name for p in Permission.objects.all() if ENGLISH.search(p.name)]
    assert english == []
    assert name("add_dialoguecard") == "Kan lägga till dialogkort"
    assert name("view_audience") == "Kan visa målgrupp"
    assert name("lock_jointmessage") == "Kan låsa gemensamt budskap"  # Wagtail's, per snippet
    assert name("unlock_lifeevent") == "Kan låsa upp livshändelse"
    assert name("publish_dialoguecard") == "Kan publicera dialogkort"
    assert name("use_print_station") == "Kan skriva ut i utskriften"  # declared, from locales
    assert name("access_admin") == "Kan komma åt Wagtail-administrationen"  # Wagtail's Swedish
    assert name("choose_image") == "Kan välja bild"  # no catalogue has it


def test_a_permission_made_in_english_later_is_renamed_by_the_next_migrate():
    # As Django names a new model's permission, and Wagtail a new snippet's publish permission.
    Permission.objects.filter(codename="view_dialoguecard").update(name="Can view dialogue card")
    Permission.objects.create(
        content_type=ContentType.objects.get_for_model(Audience),
        codename="publish_audience",
        name="Can publish audience",
    )
    call_command("migrate", verbosity=0)
    assert name("view_dialoguecard") == "Kan visa dialogkort"
    assert name("publish_audience") == "Kan publicera målgrupp"


def test_renaming_writes_only_what_differs(django_assert_num_queries):
    with django_assert_num_queries(1):  # reads them all, writes nothing
        assert permission_names.make_swedish() == 0
    Permission.objects.filter(codename="delete_dialoguecard").update(name="Can delete it")
    assert permission_names.make_swedish() == 1
    assert name("delete_dialoguecard") == "Kan radera dialogkort"


def test_a_permission_name_is_cut_to_the_column():
    permission = Permission(
        content_type=ContentType.objects.get_for_model(DialogueCard),
        codename="not_an_action",
        name="Can " + "x" * 300,
    )
    assert len(permission_names.swedish_name(permission)) == 255


def test_wagtails_admin_javascript_has_swedish_for_every_string(admin_client):
    with (WAGTAIL_JS / "djangojs.po").open("rb") as handle:
        english = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id]
    with translation.override("sv"):
        response = admin_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    served = response.content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", served, re.S).group(1))
    assert [msgid for msgid in english if msgid not in catalogue] == []
    assert catalogue["Autosave in progress…"] == "Sparar automatiskt…"
    assert catalogue["Complex"] == "Svårläst"
