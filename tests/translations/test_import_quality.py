"""Quality warnings at import: the dry run lists them per unit, as text and as JSON with a
`kind` per warning, and a file is never refused for them."""

import json
from html import unescape
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from dialogue.models import JointMessage
from translations import exchange, quality
from translations import status as ts
from translations.status import Unit

from .test_exchange import fill_xliff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PHONE = "هاتف Pensionsmyndigheten: ٠٧٧١-٧٧٦ ٦٧٧."  # the Swedish says 0771-776 776


@pytest.fixture
def arabic_file(tmp_path):
    """An Arabic exchange file whose "where to turn" gives Pensionsmyndigheten's number with two
    digits swapped, in Arabic-Indic digits (a number in the text: not a central contact's)."""
    message = JointMessage.objects.get(slug="egen-inkomst-egen-pension")
    assert "0771-776 776" in message.where_to_turn_sv
    ref = f"jointmessage/{message.pk}/where_to_turn"
    data = fill_xliff(exchange.export_xliff("ar", everything=True), {ref: PHONE})
    path = tmp_path / "ar.xliff"
    path.write_bytes(data)
    return path, message, ref


def run(*args) -> str:
    out = StringIO()
    call_command("import_translations", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_reports_an_arabic_phone_number_with_changed_digits_as_json(arabic_file):
    path, message, ref = arabic_file
    before = message.where_to_turn_ar
    report = json.loads(run(str(path), "--dry-run", "--format", "json"))
    assert report["language"] == "ar" and report["dry_run"] is True
    units = {unit["id"]: unit for unit in report["units"]}
    assert units[ref]["result"] == "applied"
    phone = [w for w in units[ref]["warnings"] if w["kind"] == "phone"]
    assert [w["fragments"] for w in phone] == [["0771-776 776"], ["٠٧٧١-٧٧٦ ٦٧٧"]]
    assert "0771-776 776" in phone[0]["message"]
    # The rest of the demo's Arabic says the numbers as the Swedish does.
    assert [u["id"] for u in report["units"] if u["warnings"]] == [ref]
    message.refresh_from_db()
    assert message.where_to_turn_ar == before  # a dry run writes nothing


def test_the_text_report_lists_the_warning_under_its_unit(arabic_file):
    path, _message, ref = arabic_file
    out = run(str(path), "--dry-run")
    assert "Would import" in out
    warnings = out.split("Quality warnings")[1]
    assert f"({ref})" in warnings
    assert "! [phone]" in warnings and "٠٧٧١-٧٧٦ ٦٧٧" in warnings


def test_warnings_do_not_refuse_the_import(arabic_file):
    path, message, _ref = arabic_file
    run(str(path))
    message.refresh_from_db()
    assert message.where_to_turn_ar == PHONE
    assert ts.status_of(Unit(message, "where_to_turn"), "ar") == ts.Status.TRANSLATED


def test_object_checks_read_the_texts_the_dry_run_would_write(arabic_file, monkeypatch):
    """A check registered from above (print's fit) sees the imported text before the rollback."""
    path, message, ref = arabic_file
    seen = []

    def fit(obj, lang):
        seen.append(obj.where_to_turn_ar)
        return [quality.QualityWarning("fit", "Prints as 2 cards.")]

    monkeypatch.setattr(quality, "_object_checks", [fit])
    report = json.loads(run(str(path), "--dry-run", "--format", "json"))
    assert seen == [PHONE]
    units = {unit["id"]: unit for unit in report["units"]}
    assert "fit" in [w["kind"] for w in units[ref]["warnings"]]


def test_the_admin_import_shows_the_warnings_before_anything_is_written(admin_client, arabic_file):
    path, message, _ref = arabic_file
    upload = SimpleUploadedFile("ar.xliff", path.read_bytes(), content_type="application/xml")
    response = admin_client.post("/admin/translations/ar/import/", {"file": upload})
    html = unescape(response.content.decode())
    table = html[html.index('id="import-warnings"') :]
    assert 'data-kind="phone"' in table
    # In the written order: the bidi algorithm would reverse its Arabic-Indic digit groups.
    assert '<bdo dir="ltr">٠٧٧١-٧٧٦ ٦٧٧</bdo>' in table
    assert str(message) in table
    message.refresh_from_db()
    assert message.where_to_turn_ar != PHONE
