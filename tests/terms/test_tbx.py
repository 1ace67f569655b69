"""The termbase as TBX: export, read by translate-toolkit, imported back, bad files refused
whole."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from translate.storage import tbx as tt_tbx

from terms.models import Term

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def export(tmp_path, *args) -> bytes:
    out = tmp_path / "terms.tbx"
    call_command("export_terms", "--format", "tbx", "--out", str(out), *args, stdout=StringIO())
    return out.read_bytes()


def snapshot():
    return sorted(
        (t.term, t.definition, t.explanation, t.keep_in_swedish, t.agency_id, t.fingerprint())
        for t in Term.objects.prefetch_related("translations")
    )


def test_translate_toolkit_reads_the_exported_terms(tmp_path):
    data = export(tmp_path, "--lang", "ti")
    store = tt_tbx.tbxfile.parsestring(data)
    units = {unit.source: unit for unit in store.units}
    assert {"personnummer", "folkbokföring", "föräldrapenning", "sfi"} <= set(units)
    assert units["folkbokföring"].target == "ምዝገባ ህዝቢ"
    assert units["personnummer"].target == "personnummer"  # kept in Swedish


def test_the_export_carries_owner_explanations_and_forbidden_variants(tmp_path):
    text = export(tmp_path).decode()
    assert '<admin type="customerSubset">SKV</admin>' in text
    assert "deprecatedTerm-admn-sts" in text and "تسجيل السكان" in text
    assert "<note>keep-in-swedish</note>" in text


def test_a_round_trip_changes_nothing(tmp_path):
    before = snapshot()
    path = tmp_path / "terms.tbx"
    path.write_bytes(export(tmp_path))
    out = StringIO()
    call_command("import_terms", str(path), stdout=out)
    assert "0 new, 0 changed, 5 unchanged" in out.getvalue()
    assert snapshot() == before


def test_an_import_adds_and_changes_terms_which_then_wait_for_approval(tmp_path):
    data = export(tmp_path).decode()
    data = data.replace("ምዝገባ ህዝቢ", "ምዝገባ ነበርቲ")
    data = data.replace(
        "</body>",
        '<termEntry id="new"><admin type="customerSubset">FK</admin>'
        '<langSet xml:lang="sv"><tig><term>barnbidrag</term></tig></langSet>'
        '<langSet xml:lang="ti"><tig><term>ገንዘብ ሓገዝ ቆልዑ</term></tig></langSet></termEntry></body>',
    )
    path = tmp_path / "in.tbx"
    path.write_text(data, "utf-8")
    call_command("import_terms", str(path), "--dry-run", stdout=StringIO())
    assert not Term.objects.filter(term="barnbidrag").exists()  # a dry run writes nothing

    out = StringIO()
    call_command("import_terms", str(path), stdout=out)
    assert "1 new, 1 changed" in out.getvalue()
    new = Term.objects.prefetch_related("translations").get(term="barnbidrag")
    assert new.rendering("ti") == "ገንዘብ ሓገዝ ቆልዑ" and not new.is_approved
    changed = Term.objects.prefetch_related("translations").get(term="folkbokföring")
    assert changed.rendering("ti") == "ምዝገባ ነበርቲ" and not changed.is_approved


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"<martif><text><body><termEntry", "Not a readable TBX file"),
        (b"<xliff/>", "Not a TBX file"),
        (b"<martif><text><body/></text></martif>", "no term entries"),
        (
            b'<martif><text><body><termEntry><admin type="customerSubset">XYZ</admin>'
            b'<langSet xml:lang="sv"><tig><term>nytt</term></tig></langSet></termEntry>'
            b"</body></text></martif>",
            "unknown owning agency XYZ",
        ),
        (
            b'<martif><text><body><termEntry><admin type="customerSubset">FK</admin>'
            b'<langSet xml:lang="xx"><tig><term>x</term></tig></langSet></termEntry>'
            b"</body></text></martif>",
            "unknown language xx",
        ),
        (
            b'<!DOCTYPE martif [<!ENTITY e "x">]><martif>&e;</martif>',
            "Not a readable TBX file",
        ),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_written(tmp_path, content, said):
    before = snapshot()
    path = tmp_path / "bad.tbx"
    path.write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command("import_terms", str(path), stdout=StringIO())
    assert said in str(refused.value) and "nothing was written" in str(refused.value)
    assert snapshot() == before


def test_a_file_with_one_good_and_one_bad_term_writes_neither(tmp_path):
    before = snapshot()
    data = (
        export(tmp_path)
        .decode()
        .replace(
            '<admin type="customerSubset">FK</admin>', '<admin type="customerSubset">NOPE</admin>'
        )
        .replace("ምዝገባ ህዝቢ", "ምዝገባ ነበርቲ")
    )
    path = tmp_path / "mixed.tbx"
    path.write_text(data, "utf-8")
    with pytest.raises(CommandError):
        call_command("import_terms", str(path), stdout=StringIO())
    assert snapshot() == before


def test_the_export_dry_run_writes_no_file(tmp_path):
    out = StringIO()
    call_command("export_terms", "--dry-run", stdout=out)
    assert "Would export 5 terms" in out.getvalue()
