"""The print preview in the card editor: the rendered card beside its preflight.

It renders the edited (unsaved) card, so editors see a draft before it is published.
"""

from __future__ import annotations

import base64

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from dialogue import preview_modes
from dialogue.models import DialogueCard
from print import preflight
from print.content import NotPrintable, draft_card_content
from print.documents.card import CardRenderer
from translations.approved import Approved, Drafts


def card_preview(request, card, lang: str):
    language = languages.get(lang) or languages.source()
    drafts = Drafts([card])
    problems = preflight.card(card, language.code, drafts)
    if not Approved([card]).usable(card, language.code):
        message = _("Not approved yet: the public site and print do not use this translation.")
        problems.append(preflight.Problem("warning", message))
    pdf = None
    if not any(p.level == "error" for p in problems):
        try:
            contents = [draft_card_content(card, language.code, drafts)]
            pdf = CardRenderer.for_contents(contents, "office").render()
        except NotPrintable as error:
            problems.append(preflight.Problem("error", str(error)))
    return render(
        request,
        "print/preview.html",
        {
            "language": language,
            "problems": problems,
            "pdf_base64": base64.b64encode(pdf).decode() if pdf else "",
        },
    )


def modes(card) -> list[tuple[str, str]]:
    """The printed card in every language it is translated into, beside the web previews."""
    return [
        (
            f"print:{language.code}",
            pgettext("staff side", "Print: %(language)s") % {"language": language.own_name},
        )
        for language in languages.enabled()
        if card.has_translation(language.code)
    ]


def register() -> None:
    preview_modes.register(preview_modes.PreviewMode("print", (DialogueCard,), modes, card_preview))
