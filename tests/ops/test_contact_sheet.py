"""The contact sheet: one PNG per language of a life event's printed pieces, refusals said."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

import languages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "empty_media")]

DPI = "30"  # small pages: these tests are about the command, not about the pieces' looks


@pytest.fixture
def sheets(tmp_path):
    return tmp_path / "sheets"  # beside the print cache (empty_media)


def run(*args):
    out = StringIO()
    call_command("contact_sheet", "--dpi", DPI, *args, stdout=out)
    return out.getvalue()


def test_one_png_per_language_with_every_page_and_the_poster(sheets):
    output = run("--out", str(sheets), "--lang", "ar,ti")
    assert sorted(path.name for path in sheets.iterdir()) == ["ar.png", "poster.png", "ti.png"]
    for code in ("ar", "ti"):
        assert f"{code}.png" in output
        with Image.open(sheets / f"{code}.png") as sheet:
            assert sheet.format == "PNG"
            assert sheet.width > sheet.height  # the pages side by side
    # Every page is on the sheet: as many as the pieces have (the content decides how many).
    assert re.search(r"Arabic: card [1-9]\d*p, leaflet [1-9]\d*p, poster 1p", output)
    assert "All 2 languages printed folkbokforing." in output


def run_refused(*args) -> str:
    out = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("contact_sheet", "--dpi", DPI, *args, stdout=out)
    return f"{out.getvalue()}\n{refused.value}"


def test_a_language_that_cannot_print_is_named_with_the_reason_and_fails(sheets):
    # The demo's Pashto has "Ny i Sverige" only in part.
    said = run_refused("--out", str(sheets), "--lang", "ar,ps", "--event", "ny-i-sverige")
    assert "1 of 2 languages cannot print ny-i-sverige: ps" in said
    assert "Pashto: cannot print: The card" in said
    assert "not fully translated and approved in Pashto (ps)" in said
    assert [path.name for path in sheets.iterdir()] == ["ar.png"]


def test_dry_run_says_what_would_be_refused(sheets):
    said = run_refused("--out", str(sheets), "--lang", "ps", "--event", "ny-i-sverige", "--dry-run")
    assert "Pashto: cannot print:" in said and "1 of 1 languages cannot print" in said
    assert not sheets.exists()


def test_dry_run_lists_and_draws_nothing(sheets):
    output = run("--out", str(sheets), "--dry-run")
    assert "Would render folkbokforing: card (personnummer), leaflet, poster" in output
    assert output.count("would write") == len(languages.codes())
    assert not sheets.exists()


def test_unknown_language_or_event_is_refused_before_anything_is_drawn(sheets):
    with pytest.raises(CommandError, match="Unknown language codes: xx"):
        run("--out", str(sheets), "--lang", "ar,xx")
    with pytest.raises(CommandError, match="No published life event"):
        run("--out", str(sheets), "--event", "finns-inte")
    assert not sheets.exists()
