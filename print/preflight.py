"""One check before anything is printed: what would go wrong, said plainly."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from reportlab.lib.units import mm

import languages
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
    design = card_layout.CardDesign(content)
    faces = design.faces().pairs
    if len(faces) > 1:
        problems.append(
            Problem(
                "warning",
                _("The text does not fit on one card: it prints as %(count)s cards.")
                % {"count": len(faces)},
            )
        )
    else:
        size = _front_size(design)
        if size is not None and size < LEGIBLE_SIZE:
            problems.append(
                Problem(
                    "warning",
                    _("The front text is shrunk to %(size)s pt: consider shorter text.")
                    % {"size": size},
                )
            )
    return problems


def _front_size(design) -> float | None:
    fitted = design.front_fit()
    return fitted[0] if fitted else None


def _texts(content):
    yield "Title", content.title
    for message in content.messages:
        for field in ("headline", "body", "where_to_turn"):
            yield f"{message.slug} {field}", getattr(message, field)
        for label, _url in message.links:
            yield f"{message.slug} link label", label


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
