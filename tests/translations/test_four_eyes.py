"""Four eyes on translations: whoever wrote a translation is not its only approver, and the
trail says who translated, imported and approved each unit, and when."""

import json
import re
import tarfile
from html import unescape
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from tests import builders
from tests.translations.test_exchange import fill_xliff
from translations import exchange
from translations import status as ts
from translations.approved import Approved
from translations.models import TranslationEvent
from translations.status import Status, Unit

pytestmark = pytest.mark.django_db

SOMALI = "Waxaad heli kartaa lacagta carruurta."


@pytest.fixture
def message():
    """A live message with no Somali yet."""
    return builders.joint_message(
        headline="Du kan få barnbidrag.", body="Barnbidrag är pengar varje månad."
    )


def url(message):
    return f"/admin/translate/jointmessage/{message.pk}/so/"


def ref(message, field="headline"):
    return exchange.unit_id(Unit(message, field))


def status(message, field="headline"):
    message.refresh_from_db()
    return ts.status_of(Unit(message, field), "so")


def public_text(message, field="headline"):
    message.refresh_from_db()
    return Approved([message]).text(message, field, "so")


def events(message, field="headline"):
    return list(
        TranslationEvent.objects.filter(
            content_type__model="jointmessage", object_id=message.pk, field=field, language="so"
        )
        .order_by("at", "pk")
        .values_list("action", "username")
    )


def post(client, message, data):
    """Post the editor form and follow the redirect to the page the reviewer then sees."""
    response = client.post(url(message), data, follow=True)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_a_reviewer_cannot_approve_her_own_translation_alone(client, somali, message):
    client.force_login(somali["ayaan"])
    page = post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert "en annan språkgranskare måste godkänna" in page
    assert status(message) == Status.TRANSLATED  # written, not approved
    assert message.headline_so == SOMALI
    assert public_text(message) == ""

    # Nor in a second request, on its own.
    page = post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert "en annan språkgranskare måste godkänna" in page
    assert status(message) == Status.TRANSLATED
    assert events(message) == [("translated", "ayaan")]

    client.force_login(somali["hodan"])
    page = post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert "en annan språkgranskare" not in page
    assert status(message) == Status.APPROVED
    assert public_text(message) == SOMALI
    assert events(message) == [("translated", "ayaan"), ("approved", "hodan")]


def test_a_reviewer_who_changes_an_approved_text_needs_another_approval(client, somali, message):
    client.force_login(somali["faadumo"])
    post(client, message, {ref(message): SOMALI})
    client.force_login(somali["ayaan"])
    post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert status(message) == Status.APPROVED

    # Hodan improves the approved text; the box is still ticked as the page showed it.
    client.force_login(somali["hodan"])
    better = "Waxaad heli kartaa lacagta carruurta bil kasta."
    page = post(client, message, {ref(message): better, f"approve:{ref(message)}": "on"})
    assert "en annan språkgranskare måste godkänna" in page
    assert status(message) == Status.TRANSLATED
    assert public_text(message) == ""
    client.force_login(somali["ayaan"])
    post(client, message, {ref(message): better, f"approve:{ref(message)}": "on"})
    assert status(message) == Status.APPROVED and public_text(message) == better


def test_superusers_are_bound_too(client, message, django_user_model):
    first = django_user_model.objects.create_superuser("admin-ett", password="pw")
    second = django_user_model.objects.create_superuser("admin-tva", password="pw")
    client.force_login(first)
    post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert status(message) == Status.TRANSLATED
    client.force_login(second)
    post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert status(message) == Status.APPROVED


def test_the_editor_shows_who_translated_and_approved_and_when(client, somali, message):
    before = timezone.now()
    client.force_login(somali["faadumo"])
    post(client, message, {ref(message): SOMALI})
    client.force_login(somali["hodan"])
    page = post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    after = timezone.now()

    written, approved = TranslationEvent.objects.filter(
        content_type__model="jointmessage", object_id=message.pk, field="headline", language="so"
    ).order_by("at", "pk")
    assert (written.action, written.user, written.username) == (
        "translated",
        somali["faadumo"],
        "faadumo",
    )
    assert (approved.action, approved.user, approved.username) == (
        "approved",
        somali["hodan"],
        "hodan",
    )
    assert before <= written.at <= approved.at <= after
    assert approved.source_fingerprint == ts.fingerprint(message.headline_sv)
    assert "Översatt av faadumo" in page and "godkänd av hodan" in page

    # The trail outlives the translator's account.
    somali["faadumo"].delete()
    written.refresh_from_db()
    assert written.user is None and written.username == "faadumo"
    client.force_login(somali["ayaan"])
    assert "Översatt av faadumo" in unescape(client.get(url(message)).content.decode())


def test_the_writer_sees_that_another_reviewer_approves(client, somali, message):
    client.force_login(somali["ayaan"])
    page = post(client, message, {ref(message): SOMALI})
    assert "Din översättning: en annan språkgranskare godkänner den." in page
    client.force_login(somali["hodan"])
    page = unescape(client.get(url(message)).content.decode())
    assert "Din översättning" not in page


def test_an_import_records_its_translator_who_cannot_approve_it(client, somali, message, tmp_path):
    path = tmp_path / "so.xlf"
    call_command("export_translations", "--lang", "so", "--out", str(path), stdout=StringIO())
    path.write_bytes(fill_xliff(path.read_bytes(), {ref(message): SOMALI}))
    call_command("import_translations", str(path), "--as", "ayaan", stdout=StringIO())
    assert status(message) == Status.TRANSLATED and message.headline_so == SOMALI
    (event,) = TranslationEvent.objects.filter(
        content_type__model="jointmessage", object_id=message.pk, field="headline", language="so"
    )
    assert (event.action, event.user, event.username) == ("imported", somali["ayaan"], "ayaan")
    assert event.source_fingerprint == ts.fingerprint(message.headline_sv)

    client.force_login(somali["ayaan"])
    page = post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert "en annan språkgranskare måste godkänna" in page
    assert "Importerad av ayaan" in page
    assert status(message) == Status.TRANSLATED
    client.force_login(somali["hodan"])
    post(client, message, {ref(message): SOMALI, f"approve:{ref(message)}": "on"})
    assert status(message) == Status.APPROVED


def test_an_import_in_the_admin_records_who_confirmed_it(client, somali, message):
    client.force_login(somali["faadumo"])
    data = fill_xliff(exchange.export_xliff("so"), {ref(message, "body"): "Lacag bil kasta."})
    upload = SimpleUploadedFile("so.xlf", data, content_type="application/x-xliff+xml")
    checked = client.post("/admin/translations/so/import/", {"file": upload})
    assert checked.status_code == 200 and not events(message, "body")  # checked, not applied
    run = re.search(r'name="run" value="(\d+)"', checked.content.decode()).group(1)
    confirmed = client.post("/admin/translations/so/import/", {"run": run, "confirm": "1"})
    assert confirmed.status_code == 200
    assert events(message, "body") == [("imported", "faadumo")]


def test_the_trail_is_in_the_backup(client, somali, message, empty_media, tmp_path):
    client.force_login(somali["faadumo"])
    post(client, message, {ref(message): SOMALI})
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--out", str(archive), stdout=StringIO())
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        rows = json.loads(tar.extractfile("data.json").read())
    assert manifest["rows"]["translations.TranslationEvent"] == TranslationEvent.objects.count()
    (found,) = [
        row["fields"]
        for row in rows
        if row["model"] == "translations.translationevent"
        and row["fields"]["username"] == "faadumo"
    ]
    assert (found["action"], found["field"], found["language"]) == ("translated", "headline", "so")
