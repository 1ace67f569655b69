"""Print tells the translator whether the card still fits (print.fit_check, registered with
translations.quality): after a save in the editor and in the import dry run, never refusing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from dialogue.models import DialogueCard
from print import fit_check
from tests.admin_forms import form_data
from tests.translations.test_exchange import fill_xliff
from tests.translations.test_review_work import page, visible
from translations import exchange, quality
from translations.status import Unit

pytestmark = pytest.mark.django_db

LONG = ("هذا نص طويل جداً عن التسجيل في السجل السكاني والرقم الشخصي. " * 12)[:490]


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug="personnummer")


def test_print_registers_its_fit_with_the_quality_checks():
    assert fit_check.fit in quality._object_checks  # from print's ready()


def test_a_translation_that_pushes_a_message_to_a_second_card_is_told_after_saving(
    admin_client, card
):
    message = card.key_messages()[0]
    url = f"/admin/translate/dialoguecard/{card.pk}/ar/"
    data = form_data(page(admin_client.get(url)), "translation-form")
    data[exchange.unit_id(Unit(message, "body"))] = [LONG]
    data["next"] = ["1"]
    response = admin_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url  # saved; she stays
    message.refresh_from_db()
    assert message.body_ar == LONG
    shown = visible(page(admin_client.get(url)))
    assert "den skrivs ut som 2 kort" in shown and str(card) in shown


def test_the_import_dry_run_names_the_fit_at_the_changed_unit(tmp_path, card):
    message = card.key_messages()[0]
    ref = exchange.unit_id(Unit(message, "body"))
    path = tmp_path / "ar.xliff"
    path.write_bytes(fill_xliff(exchange.export_xliff("ar", everything=True), {ref: LONG}))
    out = StringIO()
    call_command("import_translations", str(path), "--dry-run", "--format", "json", stdout=out)
    units = {unit["id"]: unit for unit in json.loads(out.getvalue())["units"]}
    fit = [w for w in units[ref]["warnings"] if w["kind"] == "fit"]
    assert fit and any("2 kort" in w["message"] for w in fit)
    message.refresh_from_db()
    assert message.body_ar != LONG
