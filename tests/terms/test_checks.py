"""A translation that leaves out the approved term or uses a forbidden one is warned about,
in the editor's quality checks too."""

import pytest

from terms import checks, termbase
from translations import quality

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SWEDISH = "Folkbokföringen sköts av Skatteverket. Du får ett personnummer."


def kinds(warnings):
    return [w.kind for w in warnings]


def test_a_translation_with_the_approved_terms_has_no_warning():
    tigrinya = "ምዝገባ ህዝብን Skatteverket ይገብሮ። personnummer ትረኽቡ።"  # ህዝቢ inflected: ህዝብን
    assert checks.check(SWEDISH, tigrinya, "ti") == []


def test_a_left_out_term_is_named_with_its_approved_rendering():
    warnings = checks.check(SWEDISH, "Skatteverket ይገብሮ። personnummer ትረኽቡ።", "ti")
    assert kinds(warnings) == ["term-missing"]
    assert "folkbokföring" in warnings[0].message and "ምዝገባ ህዝቢ" in warnings[0].message


def test_a_term_kept_in_swedish_must_stay_swedish():
    arabic = "التسجيل في السجل السكاني تقوم به Skatteverket. تحصلين على رقم شخصي."
    warnings = checks.check(SWEDISH, arabic, "ar")
    assert kinds(warnings) == ["term-missing"]
    assert warnings[0].fragments == ("personnummer",)
    assert checks.check(SWEDISH, arabic.replace("رقم شخصي", "personnummer"), "ar") == []


def test_a_forbidden_variant_is_named():
    arabic = "تسجيل السكان تقوم به Skatteverket. تحصلين على personnummer."
    warnings = checks.check(SWEDISH, arabic, "ar")
    assert "term-forbidden" in kinds(warnings)
    forbidden = next(w for w in warnings if w.kind == "term-forbidden")
    assert forbidden.fragments == ("تسجيل السكان",)


def test_languages_without_the_term_and_empty_translations_are_not_checked():
    assert checks.check(SWEDISH, "Skatteverket handles it.", "en") == []  # no English row
    assert checks.check(SWEDISH, "", "ti") == []


def test_the_quality_checks_carry_the_term_warnings_when_given_the_terms():
    approved = termbase.approved()
    text = "Skatteverket ይገብሮ። personnummer ትረኽቡ።"
    assert "term-missing" in kinds(quality.check(SWEDISH, text, "ti", approved))
    assert "term-missing" not in kinds(quality.check(SWEDISH, text, "ti"))  # pure without them


def test_the_staff_message_is_swedish():
    from django.utils import translation

    with translation.override("sv"):
        warnings = checks.check(SWEDISH, "Skatteverket ይገብሮ። personnummer ትረኽቡ።", "ti")
    assert warnings[0].message.startswith("Den godkända termen")
