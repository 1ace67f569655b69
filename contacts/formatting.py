"""A central contact as she reads it: the lines of its "where to turn" in her language.

Print (print.documents), the public pages (cms), the offline kit and the read API all show a
contact through `contact_lines`, in one order: the agency's name, her service line ("In your
language: 0771-…") when the contact has one for her language, the general numbers, the opening
hours, the address on the web. Names stay Swedish (it is what she will see on the door).

Numbers are written with Latin digits, as she will dial them, and kept whole: the bidi helpers
(languages.bidi, typeset.layout) isolate each number left to right in right-to-left text and
never break a line inside it. A time range's dash is joined to its times (`NO_BREAK_DASH`), so
"08:00–16:00" is never split over two lines either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages

DASH = "\u2013"  # en dash, for ranges: "måndag–fredag", "08:00–16:00"
WORD_JOINER = "\u2060"  # no line break on either side; drawn as nothing, in print and browsers
NO_BREAK_DASH = f"{WORD_JOINER}{DASH}{WORD_JOINER}"
# Between opening-hours rows written on one line (the API's hours text).
LIST_SEPARATOR = {"Arab": "، ", "Ethi": "፣ "}


@dataclass(frozen=True)
class ContactLine:
    """One line of a contact. `label` is in the reader's language ("" when the value says
    enough: the name, the web address); `value` is the name, a number, hours or a web address
    as printed; `href` what a page links it to (tel: for numbers)."""

    kind: str  # "name", "service_line", "phone", "hours", "url"
    label: str
    value: str
    href: str = ""

    @property
    def text(self) -> str:
        """The line as one text: "Phone: 0771-524 524"."""
        return f"{self.label}: {self.value}" if self.label else self.value

    @property
    def printed(self) -> str:
        """As print lays it out: the dashes of ranges joined to what they join."""
        return unbreakable(self.text) if self.kind == "hours" else self.text


def unbreakable(text: str) -> str:
    """Ranges ("måndag–fredag", "08:00–16:00") with a dash no line is broken at."""
    return text.replace(DASH, NO_BREAK_DASH)


def plain(text: str) -> str:
    """Without the word joiners, for readers that do not lay out lines (the API)."""
    return text.replace(WORD_JOINER, "")


def day_names(lang: str) -> tuple[str, ...]:
    """Monday … Sunday in the language (languages.day_names); Swedish's for an unknown code."""
    language = languages.get(lang) or languages.source()
    return language.day_names


def hhmm(value) -> str:
    """08:00 from "08:00", "8:00", "08:00:00" or a time: two digits each, Latin."""
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M")
    hours, _sep, rest = str(value).partition(":")
    return f"{int(hours):02d}:{int(rest[:2] or 0):02d}"


def hours_row(hours, lang: str) -> str:
    """One row of opening hours: "måndag–fredag 08:00–16:00", or one day: "lördag 10:00–14:00"."""
    names = day_names(lang)
    days = names[hours.first_day]
    if hours.last_day != hours.first_day:
        days += DASH + names[hours.last_day]
    return f"{days} {hhmm(hours.opens)}{DASH}{hhmm(hours.closes)}"


def hours_rows(hours: Sequence, lang: str) -> list[str]:
    return [hours_row(row, lang) for row in hours]


def hours_text(hours: Sequence, lang: str) -> str:
    """Every row on one line, with the script's comma: "måndag–fredag 08:00–16:00, lördag …"."""
    language = languages.get(lang)
    separator = LIST_SEPARATOR.get(language.script if language else "", ", ")
    return separator.join(hours_rows(hours, lang))


def short_url(url: str) -> str:
    """The web address as she types it: no scheme, no "www.", no trailing slash."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def tel(number: str) -> str:
    """A tel: link: digits and the leading + only."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def contact_lines(contact, lang: str, her_lang: str | None = None) -> list[ContactLine]:
    """The contact's lines with labels in `lang`.

    `her_lang` is whose service line is shown, when it is not the language of the labels: the
    Swedish back of her card and the Swedish column of her leaflet name it ("På arabiska:").
    """
    if contact is None:
        return []
    her_lang = her_lang or lang
    with translation.override(lang):
        lines = [ContactLine("name", "", contact.name)]
        own_line = contact.line_for(her_lang)
        if own_line:
            lines.append(
                ContactLine("service_line", _line_label(lang, her_lang), own_line, tel(own_line))
            )
        lines += [
            ContactLine("phone", _("Phone"), number, tel(number)) for number in contact.phones
        ]
        rows = hours_rows(contact.hours, lang)
        if rows:
            label = _("Opening hours")
            lines += [
                ContactLine("hours", label if index == 0 else "", row)
                for index, row in enumerate(rows)
            ]
        if contact.url:
            lines.append(ContactLine("url", "", short_url(contact.url), contact.url))
    return lines


def _line_label(lang: str, her_lang: str) -> str:
    if her_lang == lang:
        return _("In your language")
    # Only the Swedish side names another language (in Swedish, inside a sentence).
    language = languages.get(her_lang)
    name = language.swedish_name if language else her_lang
    return pgettext("staff side", "In %(language)s") % {"language": name[:1].lower() + name[1:]}
