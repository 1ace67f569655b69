"""The terms where the translator works: marked in the editor's Swedish with their approved
rendering, listed beside it, and carried as notes in the XLIFF an agency gets."""

import re
from io import StringIO

import pytest
from defusedxml import ElementTree
from django.core.management import call_command

from dialogue.models import JointMessage

pytestmark = pytest.mark.django_db

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture
def message():
    """Its body names personnummer, sfi and Arbetsförmedlingen."""
    return JointMessage.objects.get(headline_sv="Med ett personnummer kan du få mer stöd.")


def test_the_editor_marks_the_terms_with_their_rendering(admin_client, message):
    html = admin_client.get(f"/admin/translate/jointmessage/{message.pk}/ti/").content.decode()
    mark = r'<mark class="term" data-term="([^"]+)" title="([^"]+)">([^<]+)</mark>'
    marks = {term: (title, written) for term, title, written in re.findall(mark, html)}
    title, written = marks["personnummer"]
    # "keep in Swedish" in the admin's language (a staff string), no rendering arrow.
    assert written == "personnummer" and title.startswith("personnummer:") and "→" not in title
    assert "sfi" in marks and "Arbetsförmedlingen" in marks
    assert 'class="unit-terms"' in html


def test_the_editor_shows_a_translated_term_in_the_language(admin_client):
    message = JointMessage.objects.get(headline_sv="Varje myndighet ansvarar för sin del.")
    html = admin_client.get(f"/admin/translate/jointmessage/{message.pk}/ti/").content.decode()
    assert 'title="folkbokföring → ምዝገባ ህዝቢ"' in html
    assert 'title="föräldrapenning → ገንዘብ ወለዲ"' in html
    assert 'lang="ti" dir="ltr">ምዝገባ ህዝቢ</span>' in html  # in the list beside the text


def test_the_xliff_export_carries_the_terms_as_notes(tmp_path, message):
    out = tmp_path / "ti.xliff"
    call_command("export_translations", "--lang", "ti", "--all", "--out", str(out),
                 stdout=StringIO())  # fmt: skip
    root = ElementTree.fromstring(out.read_bytes())
    notes = {
        unit.get("id"): [n.text for n in unit.iter(f"{XLIFF}note") if n.get("from") == "termbase"]
        for unit in root.iter(f"{XLIFF}trans-unit")
    }
    body = notes[f"jointmessage/{message.pk}/body"]
    assert "personnummer → personnummer (behålls på svenska)" in body
    assert "sfi → sfi (behålls på svenska)" in body
    other = JointMessage.objects.get(headline_sv="Varje myndighet ansvarar för sin del.")
    assert "folkbokföring → ምዝገባ ህዝቢ" in notes[f"jointmessage/{other.pk}/body"]


def test_the_xliff_still_imports_with_its_term_notes(tmp_path):
    out = tmp_path / "ti.xliff"
    call_command("export_translations", "--lang", "ti", "--all", "--out", str(out),
                 stdout=StringIO())  # fmt: skip
    call_command("import_translations", str(out), "--dry-run", stdout=StringIO())
