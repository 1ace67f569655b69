"""Smoke tests per gettext catalogue (compiled from locales/ as part of set-up)."""

import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import to_locale

import languages

LOCALES = Path(__file__).resolve().parents[2] / "locales"
# Admin strings too: staff read Swedish; English is the source, Arabic the reference RTL UI.
COMPLETE = {"sv", "en", "ar"}
SWEDISH_ONLY = {"staff side", "partner page"}
PUBLIC_PLACES = ("cms/templates/", "print/documents/")


def catalogue(code):
    with (LOCALES / to_locale(code) / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle)


def is_public(message):
    """Strings the women read: pages and the printed front. Staff and partners read Swedish."""
    if message.context in SWEDISH_ONLY:
        return False
    return any(path.startswith(PUBLIC_PLACES) for path, _line in message.locations)


def untranslated(message):
    return message.fuzzy or not (all(message.string) if message.pluralizable else message.string)


@pytest.mark.parametrize("code", languages.codes())
def test_every_language_translates_every_public_string(code):
    missing = [m.id for m in catalogue(code) if m.id and is_public(m) and untranslated(m)]
    assert missing == [], f"{code}: public strings without a translation"


@pytest.mark.parametrize("code", sorted(COMPLETE))
def test_complete_catalogues_translate_every_string(code):
    assert [m.id for m in catalogue(code) if m.id and untranslated(m)] == []


@pytest.mark.parametrize("po", sorted(LOCALES.glob("*/LC_MESSAGES/django.po")), ids=str)
def test_catalogue_passes_msgfmt_check(po):
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", languages.codes())
def test_compiled_catalogue_is_the_one_used(code):
    expected = {m.id: m.string for m in catalogue(code) if m.id}["Change language"]
    with translation.override(code):
        assert translation.gettext("Change language") == expected
    if code not in ("sv", "sv-ls"):
        assert expected != "Byt språk"  # not the Swedish fallback


def test_known_translations():
    for code, expected in [("sv", "Byt språk"), ("en", "Change language"), ("ar", "تغيير اللغة")]:
        with translation.override(code):
            assert translation.gettext("Change language") == expected
