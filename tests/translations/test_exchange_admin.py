"""Exchange files from the admin, and the translation_status command."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from dialogue.models import LifeEvent
from tests.translations.test_exchange import fill_xliff, snapshot
from translations import exchange
from translations.models import GroupLanguages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def amharic_translator(django_user_model):
    group = Group.objects.create(name="Översättare amhariska")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="translate"),
    )
    GroupLanguages.objects.create(group=group, languages="am")
    user = django_user_model.objects.create_user("selam", password="pw")
    user.groups.add(group)
    return user


def filled_amharic(client) -> tuple[bytes, LifeEvent]:
    response = client.get("/admin/translations/am/export.xliff")
    assert response.status_code == 200
    assert "am_work.xlf" in response["Content-Disposition"]
    data = b"".join(response.streaming_content) if response.streaming else response.content
    event = LifeEvent.objects.get(slug="sfi")
    return fill_xliff(data, {f"lifeevent/{event.pk}/title": "ሲፊ"}), event


def test_a_translator_exports_checks_and_then_imports_from_the_admin(client, amharic_translator):
    client.force_login(amharic_translator)
    work = client.get("/admin/translations/am/").content.decode()
    assert (
        "/admin/translations/am/export.xliff" in work and "/admin/translations/am/import/" in work
    )
    data, event = filled_amharic(client)

    checked = client.post(
        "/admin/translations/am/import/", {"file": SimpleUploadedFile("am.xlf", data)}
    )
    page = checked.content.decode()
    assert "Nothing has been written yet" in page and 'name="confirm"' in page
    event.refresh_from_db()
    assert not event.title_am  # checking writes nothing

    confirm = dict(run=_hidden(page, "run"), confirm="1")  # the checked file, kept on its run
    done = client.post("/admin/translations/am/import/", confirm).content.decode()
    assert "Imported 1 text" in done
    event.refresh_from_db()
    assert event.title_am == "ሲፊ"


def _hidden(page: str, name: str) -> str:
    marker = f'name="{name}" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def test_a_bad_file_in_the_admin_says_why_and_changes_nothing(admin_client):
    before = snapshot()
    bad = SimpleUploadedFile("am.xlf", b"<xliff><file>")
    page = admin_client.post("/admin/translations/am/import/", {"file": bad}).content.decode()
    assert "Nothing was imported." in page and "not well-formed XML" in page
    damaged = {"run": "@@not a run@@", "confirm": "1"}
    page = admin_client.post("/admin/translations/am/import/", damaged).content.decode()
    assert "confirmation form was damaged" in page
    assert snapshot() == before


def test_a_file_for_another_language_is_refused_in_the_admin(admin_client):
    data = exchange.export_xliff("so", everything=True)
    upload = SimpleUploadedFile("so.xlf", data)
    page = admin_client.post("/admin/translations/am/import/", {"file": upload}).content.decode()
    assert "The file is for so, not am." in page


def test_a_translator_may_not_export_or_import_another_language(client, amharic_translator):
    client.force_login(amharic_translator)
    assert client.get("/admin/translations/ar/export.xliff").status_code in (302, 403)
    upload = SimpleUploadedFile("ar.xlf", exchange.export_xliff("ar", everything=True))
    assert client.post("/admin/translations/ar/import/", {"file": upload}).status_code in (302, 403)
    work = client.get("/admin/translations/ar/")
    assert work.status_code == 200  # she may read the Arabic work list, not exchange it
    assert "/admin/translations/ar/import/" not in work.content.decode()
    assert "/admin/translations/ar/export.xliff" not in work.content.decode()


def test_translation_status_command_as_table_and_json():
    out = StringIO()
    call_command("translation_status", "--lang", "ps", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == [
        "language", "life_event", "coverage", "missing", "translated", "approved", "outdated",
        "missing_words", "outdated_words",
    ]  # fmt: skip
    assert len(lines) == 1 + LifeEvent.objects.count() + 1  # and the total row
    out = StringIO()
    call_command("translation_status", "--format", "json", stdout=out)
    records = json.loads(out.getvalue())
    ti = [r for r in records if r["language"] == "ti"]
    assert ti and all(r["coverage"] == 100 and r["missing"] == 0 for r in ti)
    assert any(r["missing"] for r in records if r["language"] == "ps")
    with pytest.raises(CommandError, match="Unknown target language"):
        call_command("translation_status", "--lang", "sv")
