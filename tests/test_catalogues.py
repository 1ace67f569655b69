"""Smoke tests per gettext catalogue (compiled from locales/ as part of set-up)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

LOCALES = Path(__file__).resolve().parent.parent / "locales"
COMPLETE = ["sv", "en", "ar"]


@pytest.mark.parametrize("code", COMPLETE)
def test_complete_catalogues_translate_every_string(code):
    with (LOCALES / code / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    missing = [
        message.id
        for message in catalog
        if message.id
        and (message.fuzzy or not (all(message.string) if message.pluralizable else message.string))
    ]
    assert missing == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is installed by make")
@pytest.mark.parametrize("po", sorted(LOCALES.glob("*/LC_MESSAGES/django.po")), ids=str)
def test_catalogue_passes_msgfmt_check(po):
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("code", "expected"),
    [("sv", "Byt språk"), ("en", "Change language"), ("ar", "تغيير اللغة")],
)
def test_compiled_catalogue_is_used(code, expected):
    with translation.override(code):
        assert translation.gettext("Change language") == expected


def test_dari_falls_back_to_persian_and_easy_read_to_swedish():
    with translation.override("sv-ls"):
        assert translation.gettext("Change language") == "Byt språk"
