"""The one language registry. Settings, models, admin, public pages and print all ask it.

Pure Python (no Babel, no Django) so that settings can import it before Django is set up,
and cheaply: every process imports it.

Code mapping, written down once:
- ``code`` is the Django language code, used in URLs (``/fa-af/``) and in the
  ``Content-Language``/``lang`` attributes. modeltranslation turns it into the
  field suffix by replacing ``-`` with ``_`` (``title_fa_af``).
- ``babel`` is the CLDR locale Babel understands. Babel rejects ``prs`` (Dari) and
  has no locale for easy-read Swedish, so those map to ``fa_AF`` and ``sv``.
- gettext looks for ``locales/<to_locale(code)>`` and falls back to the language
  part: Dari (``fa_AF``) falls back to Persian, easy-read (``sv_LS``) to Swedish.
- ``own_name`` is CLDR's name (written down in ``own_names.py``, checked against Babel by a
  test) unless overridden where it is not what speakers call the language: Babel calls
  ``fa_AF`` "فارسی (افغانستان)", Dari speakers say "دری".
- ``hreflang()`` is the BCP 47 tag that names a language among a page's alternates (HTML
  ``hreflang``, the sitemap): its Babel locale with ``-`` (``fa-AF``, ``ckb``). Easy-read
  Swedish has none: it is Swedish for readers who need simpler words, BCP 47 has no subtag for
  that (``sv-LS`` reads as Swedish from Lesotho), search engines take no private-use tag, and
  two alternates may not both claim ``sv``. So its pages are not among the alternates; the
  Swedish ones are.
"""

from __future__ import annotations

from dataclasses import dataclass

from languages.day_names import CLDR_DAY_NAMES
from languages.own_names import CLDR_OWN_NAMES

SOURCE_LANGUAGE = "sv"


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    swedish_name: str
    babel: str
    script: str  # ISO 15924
    own_name_override: str = ""
    enabled: bool = True

    @property
    def own_name(self) -> str:
        """The language's name in its own script, as its speakers write it."""
        if self.own_name_override:
            return self.own_name_override
        return CLDR_OWN_NAMES[self.babel]

    @property
    def day_names(self) -> tuple[str, ...]:
        """Monday … Sunday in the language (CLDR)."""
        return CLDR_DAY_NAMES[self.babel]

    @property
    def direction(self) -> str:
        return "rtl" if self.script in RTL_SCRIPTS else "ltr"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def field_suffix(self) -> str:
        return self.code.replace("-", "_")

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE


RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Thaa", "Syrc"})


# Order: Swedish first, then easy-read Swedish, then as DOMAIN.md lists them.
LANGUAGES: tuple[Language, ...] = (
    Language("sv", "Swedish", "Svenska", "sv", "Latn"),
    Language("sv-ls", "Easy-read Swedish", "Lättläst svenska", "sv", "Latn", "Lättläst svenska"),
    Language("en", "English", "Engelska", "en", "Latn"),
    Language("ar", "Arabic", "Arabiska", "ar", "Arab"),
    Language("fa", "Persian", "Persiska", "fa", "Arab"),
    Language("fa-af", "Dari", "Dari", "fa_AF", "Arab", "دری"),
    Language("ps", "Pashto", "Pashto", "ps", "Arab"),
    Language("ckb", "Central Kurdish (Sorani)", "Kurdiska (sorani)", "ckb", "Arab",
             "کوردی (سۆرانی)"),
    Language("ku", "Northern Kurdish (Kurmanji)", "Kurdiska (kurmanji)", "ku", "Latn",
             "Kurdî (kurmancî)"),
    Language("so", "Somali", "Somaliska", "so", "Latn"),
    Language("ti", "Tigrinya", "Tigrinja", "ti", "Ethi"),
    Language("am", "Amharic", "Amhariska", "am", "Ethi"),
    Language("uk", "Ukrainian", "Ukrainska", "uk", "Cyrl"),
    Language("ru", "Russian", "Ryska", "ru", "Cyrl"),
    Language("tr", "Turkish", "Turkiska", "tr", "Latn"),
    Language("th", "Thai", "Thailändska", "th", "Thai"),
    Language("pl", "Polish", "Polska", "pl", "Latn"),
    Language("es", "Spanish", "Spanska", "es", "Latn"),
    Language("fr", "French", "Franska", "fr", "Latn"),
    Language("bs", "Bosnian/Croatian/Serbian", "Bosniska/kroatiska/serbiska", "bs", "Latn",
             "Bosanski / hrvatski / srpski"),
    Language("fi", "Finnish", "Finska", "fi", "Latn"),
)  # fmt: skip

_BY_CODE = {language.code: language for language in LANGUAGES}


def get(code: str) -> Language | None:
    """The enabled language with this code, or None (unknown or switched off)."""
    language = _BY_CODE.get(code)
    return language if language is not None and language.enabled else None


def enabled() -> tuple[Language, ...]:
    return tuple(language for language in LANGUAGES if language.enabled)


def codes() -> tuple[str, ...]:
    return tuple(language.code for language in enabled())


def targets() -> tuple[Language, ...]:
    """Every enabled language that is translated from Swedish."""
    return tuple(language for language in enabled() if not language.is_source)


def hreflang(code: str) -> str | None:
    """The tag of the language among a page's alternates, or None when it has no tag of its own:
    one that shares its locale with a language before it (easy-read Swedish with Swedish)."""
    language = get(code)
    if language is None:
        return None
    earlier = LANGUAGES[: LANGUAGES.index(language)]
    if any(other.babel == language.babel for other in earlier):
        return None
    return language.babel.replace("_", "-")


def source() -> Language:
    return _BY_CODE[SOURCE_LANGUAGE]


def django_languages() -> list[tuple[str, str]]:
    """For settings.LANGUAGES: (code, English name)."""
    return [(language.code, language.english_name) for language in enabled()]


def django_bidi_codes() -> list[str]:
    return [language.code for language in enabled() if language.is_rtl]


def django_lang_info() -> dict[str, dict]:
    """Entries for django.conf.locale.LANG_INFO, which lacks so, ti, ps, Dari and others."""
    return {
        language.code: {
            "bidi": language.is_rtl,
            "code": language.code,
            "name": language.english_name,
            "name_local": language.own_name,
        }
        for language in enabled()
    }
