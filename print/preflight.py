"""One check before anything is printed: what would go wrong, said plainly."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from reportlab.lib.units import mm

import languages
from print.content import NotPrintable, card_content
from print.documents import card as card_layout
from translations.approved import Approved
from typeset import fonts, qr

LEGIBLE_SIZE = 9  # pt: below this, readers with poor sight struggle


@dataclass(frozen=True)
class Problem:
    level: str  # "error": will not print; "warning": prints, but look first
    message: str


def card(card_obj, lang: str, approved: Approved | None = None) -> list[Problem]:
    """What stops or spoils printing the card; `approved` decides which translations count."""
    problems: list[Problem] = []
    language = languages.get(lang)
    if language is None:
        return [Problem("error", _("Unknown language: %(code)s") % {"code": lang})]
    approved = approved or Approved([card_obj])
    missing = _missing_fields(card_obj, lang)
    if missing:
        problems.append(
            Problem("error", _("Not translated: %(fields)s") % {"fields": "; ".join(missing)})
        )
    for label, text in _texts(card_obj, lang):
        chars = fonts.uncovered(text, lang)
        if chars:
            named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
            message = _("%(field)s: characters without a glyph: %(chars)s")
            problems.append(Problem("error", message % {"field": label, "chars": named}))
    if card_layout.QR_SIZE < qr.MIN_SIZE:
        message = _("The QR code is below %(size)s mm") % {"size": round(qr.MIN_SIZE / mm)}
        problems.append(Problem("error", message))
    if any(p.level == "error" for p in problems):
        return problems
    try:
        content = card_content(card_obj, lang, approved)
    except NotPrintable as error:
        return [*problems, Problem("error", str(error))]
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


def _texts(card_obj, lang):
    yield "Title", card_obj.text("title", lang)
    for message in card_obj.key_messages():
        for field in message.translated_fields:
            yield f"{message.slug} {field}", message.text(field, lang)


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
