"""Admin views for print: a card's print page (preflight beside the downloads) and its PDFs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

import languages
from dialogue.models import DialogueCard
from followup import indicators
from followup.models import Event
from print import preflight, service
from print.content import NotPrintable
from print.pages import FINISHES


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required("dialogue.view_dialoguecard", raise_exception=True)
def card_print(request, pk):
    card = get_object_or_404(DialogueCard, pk=pk)
    rows = []
    for language in languages.enabled():
        problems = preflight.card(card, language.code)
        rows.append(
            {
                "language": language,
                "problems": problems,
                "printable": not any(p.level == "error" for p in problems),
            }
        )
    return render(
        request,
        "print/admin/card_print.html",
        {
            "card": card,
            "rows": rows,
            "layouts": service.LAYOUTS,
            "live": card.live,
            "header_title": card.title_sv,
        },
    )


@permission_required("dialogue.view_dialoguecard", raise_exception=True)
def card_pdf(request, pk, lang, layout, finish):
    card = get_object_or_404(DialogueCard, pk=pk)
    if layout not in service.LAYOUTS or finish not in FINISHES or not languages.get(lang):
        messages.error(request, _("Unknown language, layout or finish."))
        return redirect("print_card", pk=card.pk)
    try:
        data = service.piece_pdf(card.slug, lang, layout, finish)
    except (NotPrintable, ValueError) as error:
        messages.error(request, str(error))
        return redirect("print_card", pk=card.pk)
    # Staff prints count for follow-up with the channel only, never the person.
    event = Event.LEAFLET_PRINTED if layout == "leaflet" else Event.CARD_PRINTED
    indicators.count(
        event, life_event=card.life_event.slug, card=card.code, language=lang, channel="admin"
    )
    return pdf_response(data, f"jobba-i-sverige_{card.slug}_{lang}_{layout}_{finish}.pdf")
