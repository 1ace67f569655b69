"""XLIFF and PO exchange with translation agencies: round trips, real tools, safe imports."""

import re
import subprocess
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from translate.storage import xliff as tt_xliff

from dialogue.models import JointMessage, LifeEvent
from translations import exchange
from translations import status as ts
from translations.status import Status, Unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def snapshot():
    """Every row of every model: an import that fails must leave all of it as it was."""
    from django.core import serializers

    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for model in apps.get_app_config("dialogue").get_models()
    }


def fill_xliff(data: bytes, texts: dict[str, str]) -> bytes:
    xml = data.decode()
    for unit_id, text in texts.items():
        pattern = rf'(<trans-unit id="{re.escape(unit_id)}".*?<target[^>]*?)(?:\s*/>|>.*?</target>)'
        replace = lambda m, text=text: f"{m.group(1)}>{text}</target>"  # noqa: E731
        xml, count = re.subn(pattern, replace, xml, flags=re.S)
        assert count == 1, unit_id
    return xml.encode()


def fill_po(data: bytes, texts: dict[str, str]) -> bytes:
    po = data.decode()
    for unit_id, text in texts.items():
        pattern = rf'(msgctxt "{re.escape(unit_id)}"\nmsgid (?:".*"\n)+)msgstr ".*"'
        po, count = re.subn(pattern, lambda m, text=text: f'{m.group(1)}msgstr "{text}"', po)
        assert count == 1, unit_id
    return po.encode()


def ids_in(data: bytes) -> list[str]:
    return re.findall(r'(?:trans-unit id|msgctxt) ?=? ?"([a-z]+/\d+/[a-z_]+)"', data.decode())


def test_round_trip_xliff_sets_exactly_those_texts_as_translated():
    # Arabic is complete in the demo: make two units outdated and one missing.
    message = JointMessage.objects.get(slug="barnbidrag")
    message.headline_sv = "Du kan få barnbidrag för dina barn."
    message.body_ar = ""
    message.save()
    data = exchange.export_xliff("ar")
    exported = ids_in(data)
    head, body = f"jointmessage/{message.pk}/headline", f"jointmessage/{message.pk}/body"
    assert set(exported) == {head, body}
    report = exchange.import_file(
        fill_xliff(data, {head: "يمكنكِ الحصول على إعانة الأطفال", body: "نص جديد &amp; واضح"}),
        "xliff",
        "ar",
    )
    assert sorted(report.applied) == sorted([head, body])
    message.refresh_from_db()
    assert message.headline_ar == "يمكنكِ الحصول على إعانة الأطفال"
    assert message.body_ar == "نص جديد & واضح"
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.TRANSLATED
    assert ts.status_of(Unit(message, "body"), "ar") == Status.TRANSLATED
    assert message.latest_revision.content["body_ar"] == "نص جديد & واضح"


def test_round_trip_po():
    event = LifeEvent.objects.get(slug="sfi")
    data = exchange.export_po("am")
    unit = f"lifeevent/{event.pk}/title"
    assert unit in ids_in(data)
    exchange.import_file(fill_po(data, {unit: "የስዊድን ቋንቋ ለስደተኞች"}), "po", "am")
    event.refresh_from_db()
    assert event.title_am == "የስዊድን ቋንቋ ለስደተኞች"
    assert ts.status_of(Unit(event, "title"), "am") == Status.TRANSLATED


def test_exported_xliff_is_read_by_translate_toolkit(tmp_path):
    data = exchange.export_xliff("ps")
    store = tt_xliff.xlifffile.parsestring(data)
    units = [u for u in store.units if not u.isheader()]
    assert units and units[0].source
    # translate-toolkit prefixes each id with the file's name and \x04.
    assert {u.getid().split("\x04")[-1] for u in units} == set(ids_in(data))
    assert store.gettargetlanguage() == "ps"


def test_exported_po_passes_msgfmt_check(tmp_path):
    path = tmp_path / "ps.po"
    path.write_bytes(exchange.export_po("ps", everything=True))
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def bomb() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file '
        b'target-language="ar"><body><trans-unit id="x"><source>&lol2;</source></trans-unit>'
        b"</body></file></xliff>"
    )


def variants():
    message = JointMessage.objects.get(slug="barnbidrag")
    message.body_ar = ""
    message.save()
    data = exchange.export_xliff("ar")
    unit = f"jointmessage/{message.pk}/body"
    good = fill_xliff(data, {unit: "نص"})
    return {
        "malformed": (data[: len(data) // 2], "xliff", "ar", "well-formed"),
        "entity bomb": (bomb(), "xliff", "ar", "entities"),
        "wrong language": (good, "xliff", "so", "not so"),
        "unknown unit": (
            good.replace(unit.encode(), b"jointmessage/99999/body"),
            "xliff",
            "ar",
            "Unknown unit",
        ),
        "duplicate": (
            good.replace(
                b"</body>",
                re.search(rb"<trans-unit .*?</trans-unit>", good, re.S).group(0) + b"</body>",
            ),
            "xliff",
            "ar",
            "twice",
        ),
        "changed source": (good, "xliff", "ar", "changed since the export"),
        "emoji": (fill_xliff(data, {unit: "نص 🙂"}), "xliff", "ar", "U\\+1F642"),
        "not po": (b'msgid "a\nmsgstr', "po", "ar", "(not a valid PO|which language)"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "malformed",
        "entity bomb",
        "wrong language",
        "unknown unit",
        "duplicate",
        "changed source",
        "emoji",
        "not po",
    ],
)
def test_bad_imports_end_with_a_clear_message_and_an_unchanged_database(case):
    data, fmt, lang, message = variants()[case]
    if case == "changed source":
        JointMessage.objects.filter(slug="barnbidrag").update(body_sv="En ny svensk text.")
    before = snapshot()
    with pytest.raises(exchange.ExchangeError, match=message):
        exchange.import_file(data, fmt, lang)
    assert snapshot() == before


def test_commands_export_and_import_with_dry_run(tmp_path):
    event = LifeEvent.objects.get(slug="sfi")
    out = tmp_path / "am.xlf"
    call_command("export_translations", "--lang", "am", "--out", str(out), stdout=StringIO())
    unit = f"lifeevent/{event.pk}/title"
    out.write_bytes(fill_xliff(out.read_bytes(), {unit: "ሲፊ"}))
    report = StringIO()
    call_command("import_translations", str(out), "--lang", "am", "--dry-run", stdout=report)
    assert "1 applied" in report.getvalue()
    event.refresh_from_db()
    assert not event.title_am  # a dry run writes nothing
    call_command("import_translations", str(out), "--lang", "am", stdout=StringIO())
    event.refresh_from_db()
    assert event.title_am == "ሲፊ"
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_translations", str(out), "--lang", "so", stdout=StringIO())
