"""One check before anything is printed: what would go wrong, said plainly."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from reportlab.lib.units import mm

import languages
from contacts import formatting
from print.content import NotPrintable, card_content, draft_card_content
from print.documents import card as card_layout
from translations.approved import Approved
from typeset import fonts, qr

LEGIBLE_SIZE = 9  # pt: below this, readers with poor sight struggle


@dataclass(frozen=True)
class Problem:
    level: str  # "error": will not print; "warning": prints, but look first
    message: str


def card(card_obj, lang: str, drafts: Approved | None = None) -> list[Problem]:
    """What stops or spoils printing the card: its edition in service, or with `drafts` (the
    editor's print preview) the text as written."""
    problems: list[Problem] = []
    language = languages.get(lang)
    if language is None:
        return [Problem("error", _("Unknown language: %(code)s") % {"code": lang})]
    if drafts is not None:
        missing = _missing_fields(card_obj, lang)
        if missing:
            problems.append(
                Problem("error", _("Not translated: %(fields)s") % {"fields": "; ".join(missing)})
            )
    if card_layout.QR_SIZE < qr.MIN_SIZE:
        message = _("The QR code is below %(size)s mm") % {"size": round(qr.MIN_SIZE / mm)}
        problems.append(Problem("error", message))
    if any(p.level == "error" for p in problems):
        return problems
    try:
        if drafts is not None:
            content = draft_card_content(card_obj, lang, drafts)
        else:
            content = card_content(card_obj, lang)
    except NotPrintable as error:
        return [*problems, Problem("error", str(error))]
    for label, text in _texts(content):
        chars = fonts.uncovered(text, lang)
        if chars:
            named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
            message = _("%(field)s: characters without a glyph: %(chars)s")
            problems.append(Problem("error", message % {"field": label, "chars": named}))
    if any(p.level == "error" for p in problems):
        return problems
    return problems + [Problem("warning", note) for note in fit_notes(content)]


def fit_notes(content) -> list[str]:
    """What fitting the card did to it, exactly: what shrank and what moved to which card.
    Staff read these before printing (preflight) and after (`render_card`)."""
    plan, backs = card_layout.CardDesign(content).sides()
    count = max(len(plan.cards), len(backs))
    notes = []
    if count > 1:
        notes.append(
            _("The text does not fit on one card: it prints as %(count)s cards.") % {"count": count}
        )
    elif plan.size < LEGIBLE_SIZE:
        notes.append(
            _("The front text is shrunk to %(size)s pt: consider shorter text.")
            % {"size": _pt(plan.size)}
        )
    if plan.title_shrunk:
        notes.append(
            pgettext(
                "staff side",
                "The title is shrunk to %(size)s pt so that the front fits on one card.",
            )
            % {"size": _pt(plan.title_size)}
        )
    for index, what, number in plan.moves():
        notes.append(str(MOVED[what]) % {"headline": _headline(content, index), "number": number})
    if len(backs) > len(plan.cards):
        notes.append(
            pgettext(
                "staff side", "The Swedish on the back continues on the back of card %(number)s."
            )
            % {"number": len(plan.cards) + 1}
        )
    return notes


# What moved to a later card, as staff read it.
MOVED = {
    "message": pgettext_lazy("staff side", "The message “%(headline)s” moved to card %(number)s."),
    "text": pgettext_lazy("staff side", "The text of “%(headline)s” continues on card %(number)s."),
    "where_to_turn": pgettext_lazy(
        "staff side", "“Where she can turn” for “%(headline)s” moved to card %(number)s."
    ),
}


def _headline(content, index: int) -> str:
    """The message as staff know it: its Swedish headline."""
    messages = content.sv_messages if index < len(content.sv_messages) else content.messages
    return messages[index].headline


def _pt(size: float) -> str:
    return f"{size:g}"


def _texts(content):
    yield "Title", content.title
    for message in content.messages:
        for field in ("headline", "body", "where_to_turn"):
            yield f"{message.slug} {field}", getattr(message, field)
        for label, _url in message.links:
            yield f"{message.slug} link label", label
        # The contact's labels and day names in her language: her fonts must have them too.
        for line in formatting.contact_lines(message.contact, content.lang):
            yield f"{message.slug} contact", line.text


def _missing_fields(card_obj, lang) -> list[str]:
    missing = []
    if not card_obj.text("title", lang).strip():
        missing.append("card title")
    for message in card_obj.key_messages():
        for field in message.required_translated_fields:
            if not message.text(field, lang).strip():
                missing.append(f"{message.slug} {field}")
        for link in message.links.all():
            if not link.text("label", lang).strip():
                missing.append(f"{message.slug} link label")
    return missing
