import pytest
from babel import Locale
from django.conf import settings
from django.utils.translation import get_language_info

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent

REQUIRED = {
    "sv",
    "sv-ls",
    "en",
    "ar",
    "fa",
    "fa-af",
    "ps",
    "ckb",
    "ku",
    "so",
    "ti",
    "am",
    "uk",
    "ru",
    "tr",
    "th",
    "pl",
    "es",
    "fr",
    "bs",
    "fi",
}


def test_registry_holds_every_language_of_the_domain():
    assert set(languages.codes()) >= REQUIRED


@pytest.mark.parametrize("language", languages.enabled(), ids=lambda lang: lang.code)
def test_each_code_is_accepted_by_babel_django_and_modeltranslation(language):
    assert Locale.parse(language.babel)
    info = get_language_info(language.code)
    assert info["bidi"] == language.is_rtl
    assert (language.code, language.english_name) in settings.LANGUAGES
    for model, field in [(LifeEvent, "title"), (JointMessage, "headline"), (DialogueCard, "title")]:
        assert model._meta.get_field(f"{field}_{language.field_suffix}")


@pytest.mark.parametrize(
    ("code", "own_name"),
    [
        ("ar", "العربية"),
        ("ti", "ትግርኛ"),
        ("so", "Soomaali"),
        ("fa-af", "دری"),
        ("th", "ไทย"),
        ("uk", "Українська"),
        ("sv", "Svenska"),
    ],
)
def test_names_are_in_their_own_script(code, own_name):
    assert languages.get(code).own_name == own_name


def test_right_to_left_languages():
    rtl = {language.code for language in languages.enabled() if language.is_rtl}
    assert rtl == {"ar", "fa", "fa-af", "ps", "ckb"}
    assert set(settings.LANGUAGES_BIDI) == rtl


def test_unknown_code_is_none():
    assert languages.get("xx") is None
    assert languages.get("prs") is None


def test_source_language_is_swedish_and_required():
    assert settings.LANGUAGE_CODE == "sv"
    assert languages.source().code == "sv"
    assert not LifeEvent._meta.get_field("title_sv").blank
    assert LifeEvent._meta.get_field("title_ar").blank
