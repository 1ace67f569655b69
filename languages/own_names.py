"""Each language's name in its own script, as CLDR (Babel) gives it, capitalised.

Written down rather than asked of Babel at start-up: settings, ready() and model choices name
every language, and Babel would load the whole CLDR data of 17 locales for it (~18 MB in every
web process and worker, never given back). tests/languages/test_languages.py checks that this
table equals what the installed Babel says, so it cannot drift from CLDR unnoticed; where
speakers call their language otherwise, the registry overrides it (``own_name_override``).
"""

# Keyed by the Babel locale (Language.babel), not by our code: the name is CLDR's.
CLDR_OWN_NAMES: dict[str, str] = {
    "sv": "Svenska",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "fa_AF": "فارسی (افغانستان)",
    "ps": "پښتو",
    "ckb": "کوردیی ناوەندی",
    "ku": "Kurdî (kurmancî)",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "am": "አማርኛ",
    "uk": "Українська",
    "ru": "Русский",
    "tr": "Türkçe",
    "th": "ไทย",
    "pl": "Polski",
    "es": "Español",
    "fr": "Français",
    "bs": "Bosanski",
    "fi": "Suomi",
}
