"""Quality checks of a translation against its Swedish source: warnings, never refusals.

A translation must carry what the woman acts on exactly as the Swedish says it: phone numbers,
amounts, dates, numbers, web and e-mail addresses. Digits are compared across scripts
(Arabic-Indic ٣ and Persian ۳ are 3), phone numbers as their digits (spaces and hyphens are
layout), amounts by their number (the currency word is translated: "kr" becomes كرونة; only a
currency symbol or code must stay the same). Also: a question that lost its question mark,
doubled spaces and spaces at the edges of a line, and for easy-read Swedish its readability
(translations.readability).

Why warnings and not refusals, even for a changed phone number, and even at approval: the
checks cannot tell a wrong number from a right one that reads differently (a number written
as a word, a date whose month is named, a service line of her own language), and a block with
no way past would teach translators to bend the text to the check. So the editor saves, names
the warning beside the unit every time it is opened, and a reviewer sees it beside the box she
ticks to approve: the one who knows both languages decides. The import dry run lists them per
unit so an agency's file is read before it is applied.

What only an app above knows (whether the card still fits when printed) is registered here
from that app's `ready()` with `register_object_check`; translations never imports print.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import pgettext

import languages
from terms import checks as term_checks
from translations import readability


@dataclass(frozen=True)
class QualityWarning:
    """One thing to look at: its kind (for tools, stable), a message for staff and the fragments
    of the text it is about (as written, in their own script)."""

    kind: str
    message: str
    fragments: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, "fragments": list(self.fragments)}


# --- digits in every script ---------------------------------------------------------------


def latin_digits(text: str) -> str:
    """Every decimal digit of any script as 0-9, one character for one, so the positions of a
    match in the result are positions in the text as written."""
    return "".join(
        str(value) if (value := unicodedata.decimal(ch, None)) is not None else ch for ch in text
    )


# --- what is compared ---------------------------------------------------------------------

# Written after normalising digits, so [0-9] stands for the digits of every script.
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]+", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Swedish phone number: 0 or +46 first, then groups split by spaces or hyphens of any kind.
DASHES = "\\-\u2010\u2011\u2012\u2013\u2212"
PHONE = re.compile(
    rf"(?<![0-9+])(?:\+|00)?[0-9](?:[ \u00a0\u202f{DASHES}()]{{0,3}}[0-9]){{6,14}}(?![0-9])"
)
# A number with its thousands groups ("1 250", "1,250", "١٬٢٥٠") and decimals ("12,50", "8.00").
NUMBER = re.compile(
    r"[0-9]+(?:[ \u00a0\u202f\u2009][0-9]{3}(?![0-9]))*(?:[.,:'\u066b\u066c][0-9]+)*"
)
CURRENCY_AFTER = re.compile(r"\s*(?:kr\b|kronor\b|kronan\b|SEK\b|€|EUR\b|euro\b)", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(r"(?:€|\$|£|SEK|EUR|USD)\s*$")
# Symbols and codes stay as written in every language; currency words ("kronor") are translated.
CURRENCY_SIGNS = {"€": "EUR", "EUR": "EUR", "$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP",
                  "SEK": "SEK"}  # fmt: skip
CURRENCY_SIGN = re.compile(r"€|\$|£|\b(?:EUR|USD|GBP|SEK)\b")
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec",
)  # fmt: skip
DATE = re.compile(
    r"\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b"  # 2026-03-01
    r"|\b[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?\b"  # 1/3, 1/3/2026
    rf"|\b[0-9]{{1,2}}\s+(?:{'|'.join(MONTHS)})\b\.?(?:\s+[0-9]{{4}})?"  # 1 mars 2026
    rf"|\b(?:{'|'.join(MONTHS)})\s+[0-9]{{4}}\b",  # mars 2026
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A number, phone number, address … as written in the text, and what it is compared by."""

    kind: str
    written: str
    key: str


def _spans(pattern: re.Pattern, plain: str, text: str, taken: list[tuple[int, int]]):
    """Matches not inside a span already taken by an earlier kind; takes them."""
    for match in pattern.finditer(plain):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        yield match, text[start:end]


def _phone_key(digits_and_plus: str) -> str:
    digits = re.sub(r"\(0\)", "", digits_and_plus)
    digits = re.sub(r"[^0-9+]", "", digits)
    return re.sub(r"^(?:\+|00)46", "0", digits)


def _url_key(written: str) -> str:
    """The same address with or without its scheme, "www." or a last slash."""
    key = written.lower().rstrip("/").removeprefix("http://").removeprefix("https://")
    return key.removeprefix("www.")


def _number_key(written: str) -> str:
    return re.sub(r"[^0-9]", "", written).lstrip("0") or "0"


def _within(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


def facts(text: str) -> list[Found]:
    """What the checks compare in a text: web and e-mail addresses, phone numbers, then every
    other number, named as part of an amount or a date where the text says so."""
    plain = latin_digits(text)
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for _match, written in _spans(URL, plain, text, taken):
        written = written.rstrip(".,;:!?؟")
        found.append(Found("url", written, _url_key(written)))
    for _match, written in _spans(EMAIL, plain, text, taken):
        found.append(Found("email", written, written.lower()))
    for match, written in _spans(PHONE, plain, text, taken):
        key = _phone_key(match.group())
        if key.startswith("0") and 8 <= len(key) <= 12:
            found.append(Found("phone", written.strip(), key))
        else:  # a long number that is not a phone number: compared as numbers below
            taken.remove(match.span())
    dates = [m.span() for m in DATE.finditer(plain)]
    for match, written in _spans(NUMBER, plain, text, taken):
        start, end = match.span()
        if CURRENCY_AFTER.match(plain, end) or CURRENCY_BEFORE.search(plain[:start]):
            kind = "amount"
        elif _within(dates, start):
            kind = "date"
        else:
            kind = "number"
        found.append(Found(kind, written.strip(), _number_key(match.group())))
    return found


# --- the checks ---------------------------------------------------------------------------


def _what(kind: str) -> str:
    return {
        "phone": pgettext("staff side", "Phone number"),
        "amount": pgettext("staff side", "Amount"),
        "date": pgettext("staff side", "Date"),
        "number": pgettext("staff side", "Number"),
        "url": pgettext("staff side", "Web address"),
        "email": pgettext("staff side", "E-mail address"),
    }[kind]


def _pool(kind: str) -> str:
    """Numbers of amounts, dates and plain numbers are compared as one pool: a translator may
    write a number the Swedish has in a date as a plain number, and only Swedish month names
    and currency words are known here."""
    return "number" if kind in ("amount", "date", "number") else kind


def _unmatched(found: list[Found], counted: Counter) -> list[Found]:
    left = []
    for fact in found:
        if counted[(_pool(fact.kind), fact.key)] > 0:
            counted[(_pool(fact.kind), fact.key)] -= 1
            left.append(fact)
    return left


def _compared(source: list[Found], target: list[Found], kinds: set[str]) -> list[QualityWarning]:
    """Fact by fact, counted: what the Swedish has that the translation lacks, and what the
    translation has that the Swedish does not. A changed fact is named as the Swedish names it
    (a changed year is a date in every language)."""
    source = [f for f in source if _pool(f.kind) in kinds]
    target = [f for f in target if _pool(f.kind) in kinds]
    difference = Counter((_pool(f.kind), f.key) for f in source)
    difference.subtract(Counter((_pool(f.kind), f.key) for f in target))
    missing = _unmatched(source, Counter({k: n for k, n in difference.items() if n > 0}))
    extra = _unmatched(target, Counter({k: -n for k, n in difference.items() if n < 0}))
    if len(missing) == len(extra):
        extra = [Found(m.kind, e.written, e.key) for m, e in zip(missing, extra, strict=True)]
    warnings = []
    for facts_left, template in (
        (missing, pgettext("staff side",
         "%(what)s in the Swedish that the translation lacks: %(fragments)s")),
        (extra, pgettext("staff side",
         "%(what)s in the translation that is not in the Swedish: %(fragments)s")),
    ):  # fmt: skip
        by_kind: dict[str, list[str]] = {}
        for fact in facts_left:
            by_kind.setdefault(fact.kind, []).append(fact.written)
        for kind, fragments in by_kind.items():
            message = template % {"what": _what(kind), "fragments": ", ".join(fragments)}
            warnings.append(QualityWarning(kind, message, tuple(fragments)))
    return warnings


def numbers(source: str, target: str) -> list[QualityWarning]:
    """Phone numbers, amounts, dates and numbers that differ from the Swedish."""
    return _compared(facts(source), facts(target), {"phone", "number"})


def addresses(source: str, target: str) -> list[QualityWarning]:
    """Web and e-mail addresses that differ from the Swedish."""
    return _compared(facts(source), facts(target), {"url", "email"})


def currencies(source: str, target: str) -> list[QualityWarning]:
    """A currency symbol or code in the translation that the Swedish does not use ("kr" and
    "kronor" are SEK; a euro sign in a text about kronor is a wrong amount)."""
    used = {"SEK"} if re.search(r"[0-9]\s*(?:kr\b|kronor\b)", latin_digits(source)) else set()
    used |= {CURRENCY_SIGNS[s] for s in CURRENCY_SIGN.findall(source)}
    wrong = [s for s in CURRENCY_SIGN.findall(target) if CURRENCY_SIGNS[s] not in used]
    if not wrong:
        return []
    message = pgettext("staff side", "Currency that the Swedish does not use: %(fragments)s")
    return [QualityWarning("amount", message % {"fragments": ", ".join(wrong)}, tuple(wrong))]


# Question marks by script; Thai marks a question with a word, so it is not checked.
QUESTION_MARKS = "?？؟፧⸮՞;"  # ; is the Greek question mark
UNCHECKED_QUESTION_SCRIPTS = {"Thai"}


def punctuation(source: str, target: str, script: str = "") -> list[QualityWarning]:
    """A Swedish question whose translation has no question mark in any script."""
    if script in UNCHECKED_QUESTION_SCRIPTS or not target.strip():
        return []
    if source.rstrip().endswith("?") and not any(ch in QUESTION_MARKS for ch in target):
        message = pgettext(
            "staff side", "The Swedish is a question, but the translation has no question mark."
        )
        return [QualityWarning("punctuation", message, (source.strip().split("\n")[-1][-40:],))]
    return []


SPACES = "[ \u00a0\u202f\u2009\t]"


def spacing(target: str) -> list[QualityWarning]:
    """Doubled spaces, and spaces at the start or end of a line: invisible on screen, they
    break lines and searches."""
    warnings = []
    doubled = re.findall(rf"\S?{SPACES}{{2,}}\S?", target)
    if doubled:
        message = pgettext("staff side", "Doubled spaces: %(fragments)s")
        shown = [f"“{fragment}”" for fragment in doubled]
        warnings.append(QualityWarning("spacing", message % {"fragments": ", ".join(shown)},
                                tuple(doubled)))  # fmt: skip
    edges = [line for line in target.split("\n") if re.match(rf"{SPACES}|.*{SPACES}\r?$", line)]
    if edges:
        message = pgettext("staff side", "A line starts or ends with a space.")
        warnings.append(QualityWarning("spacing", message, tuple(edges)))
    return warnings


def check(source: str, target: str, lang: str, terms=()) -> list[QualityWarning]:
    """Every check of one translated text against its Swedish source; with the approved terms
    (terms.termbase.approved(), which the caller reads once) also the termbase's check."""
    if not target.strip():
        return []
    language = languages.get(lang)
    script = language.script if language else ""
    return [
        *numbers(source, target),
        *currencies(source, target),
        *addresses(source, target),
        *punctuation(source, target, script),
        *spacing(target),
        *sentence_length(target, lang),
        *term_usage(source, target, lang, terms),
    ]


def term_usage(source: str, target: str, lang: str, terms) -> list[QualityWarning]:
    """An approved term left out ("term-missing") or a forbidden variant used (terms.checks)."""
    return [
        QualityWarning(w.kind, w.message, w.fragments)
        for w in term_checks.check(source, target, lang, list(terms))
    ]


def sentence_length(text: str, lang: str) -> list[QualityWarning]:
    """Sentences longer than the target of (easy-read) Swedish (translations.readability)."""
    aim = readability.target(lang)
    warnings = []
    for sentence, count in readability.long_sentences(text, lang):
        message = pgettext(
            "staff side", "A sentence of %(count)s words; aim for at most %(limit)s: %(sentence)s"
        ) % {"count": count, "limit": aim.sentence_words, "sentence": sentence}
        warnings.append(QualityWarning("sentence_length", message, (sentence,)))
    return warnings


def lix(texts: Iterable[str], lang: str) -> list[QualityWarning]:
    """LIX of an object's texts together, above the target of (easy-read) Swedish."""
    aim = readability.target(lang)
    score = readability.lix("\n".join(texts)) if aim else None
    if score is None or score <= aim.lix:
        return []
    message = pgettext("staff side", "LIX %(lix)s; aim for at most %(limit)s.") % {
        "lix": round(score),
        "limit": aim.lix,
    }
    return [QualityWarning("lix", message)]


# --- what apps above add ------------------------------------------------------------------

# (object as saved, language code) -> warnings about the object as a whole in that language,
# e.g. print: "does not fit on one card". Called after a save or an import is written.
ObjectCheck = Callable[[object, str], list[QualityWarning]]
_object_checks: list[ObjectCheck] = []


def register_object_check(fn: ObjectCheck) -> ObjectCheck:
    if fn not in _object_checks:
        _object_checks.append(fn)
    return fn


def check_objects(objects: Iterable, lang: str) -> dict[object, list[QualityWarning]]:
    """What the registered checks say about each object in a language; objects without a
    warning are left out."""
    found = {}
    for obj in objects:
        warnings = [w for fn in _object_checks for w in fn(obj, lang)]
        if warnings:
            found[obj] = warnings
    return found
