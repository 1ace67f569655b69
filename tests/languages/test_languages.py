import pytest
from babel import Locale
from babel.dates import get_day_names
from django.conf import settings
from django.utils.translation import get_language_info

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from languages.day_names import CLDR_DAY_NAMES
from languages.own_names import CLDR_OWN_NAMES

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


def test_own_names_table_is_what_babel_says():
    # The table spares every process Babel's CLDR data at start-up; a Babel upgrade that
    # renames a language fails here, and the table is updated by hand.
    from_babel = {}
    for code in {language.babel for language in languages.LANGUAGES}:
        locale = Locale.parse(code)
        name = locale.get_display_name(locale)
        # CLDR writes many names in lower case ("svenska"); a list of choices reads better
        # capitalised in scripts that have case.
        from_babel[code] = name[:1].upper() + name[1:]
    assert from_babel == CLDR_OWN_NAMES


def test_day_names_table_is_what_babel_says():
    # As the own names: a table, so that no worker loads CLDR to print opening hours. Pashto's
    # stand-alone names first: once loaded, Babel's stand-alone aliases of other locales can
    # point at them, which the format names the table holds are immune to.
    get_day_names("wide", "stand-alone", "ps")
    from_babel = {}
    for code in {language.babel for language in languages.LANGUAGES}:
        locale = Locale.parse(code)
        context = "stand-alone" if locale.language == "fi" else "format"  # languages.day_names
        from_babel[code] = tuple(locale.days[context]["wide"][day] for day in range(7))
    assert from_babel == CLDR_DAY_NAMES


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
