"""The answers to "Did you understand this card?" on the QR pages, read back for staff: the cards
× languages most often found unclear, in the follow-up report and on the translation overview
(registered with `translations.overview_panels` from this app's `ready()`)."""

from __future__ import annotations

from datetime import timedelta

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

import languages
from dialogue.models import DialogueCard
from followup import indicators

TOP = 10  # rows shown: the ones worth a second look, not a ranking of every card
OVERVIEW_DAYS = 90  # the translation overview has no period of its own: the last three months


def most_unclear(filters: indicators.Filters, limit: int = TOP) -> list[dict]:
    """`indicators.most_unclear` with what staff read: the card's Swedish title, the language's
    Swedish name, the QR page she answered on and, for a language translated from Swedish, the
    translation editor."""
    rows = indicators.most_unclear(filters, limit)
    cards = {
        code: (pk, title)
        for code, pk, title in DialogueCard.objects.filter(
            code__in={row["card"] for row in rows}
        ).values_list("code", "pk", "title_sv")
    }
    shown = []
    for row in rows:
        language = languages.get(row["language"])
        pk, title = cards.get(row["card"], (None, ""))
        editable = pk is not None and language is not None and not language.is_source
        shown.append(
            {
                **row,
                "card_title": title,
                "language_name": language.swedish_name if language else row["language"],
                "page_url": reverse("qr_card", args=[row["card"], language.code])
                if language
                else "",
                "editor_url": reverse(
                    "translation_edit", args=[DialogueCard._meta.model_name, pk, language.code]
                )
                if editable
                else "",
            }
        )
    return shown


def overview_panel(request, chosen: dict[str, str]) -> SafeString | None:
    """The translation overview's panel: the last three months, filtered as the overview is."""
    today = timezone.localdate()
    filters = indicators.Filters(
        start=today - timedelta(days=OVERVIEW_DAYS),
        end=today,
        language=chosen.get("language", ""),
        life_event=chosen.get("life_event", ""),
    )
    return render_to_string(
        "followup/admin/most_unclear.html",
        {
            "unclear": most_unclear(filters),
            "days": OVERVIEW_DAYS,
            "report_url": reverse("indicators_report")
            if request.user.has_perm("followup.view_counter")
            else "",
        },
        request=request,
    )
