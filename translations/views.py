"""Translation overview (languages × life events) and each language's work list."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

import languages
from dialogue.models import LifeEvent
from translations import overview_panels, worklist
from translations import status as translation_status
from translations.status import Status


@login_required
def overview(request):
    lang = request.GET.get("language", "")
    event = request.GET.get("life_event", "")
    status = request.GET.get("status", "")
    codes = [lang] if languages.get(lang) and lang != languages.SOURCE_LANGUAGE else None
    rows = translation_status.overview(codes, event)
    if status in Status.values:
        rows = [row for row in rows if row.counts[status]]
    return render(
        request,
        "translations/admin/translations.html",
        {
            "rows": rows,
            "statuses": Status,
            "targets": languages.targets(),
            "events": LifeEvent.objects.order_by("sort_order"),
            "chosen": {"language": lang, "life_event": event, "status": status},
            # From apps above (followup: the cards × languages most often found unclear).
            "panels": overview_panels.render(
                request, {"language": codes[0] if codes else "", "life_event": event}
            ),
        },
    )


@login_required
def work_list(request, lang):
    """What is missing or outdated, then what waits for a reviewer (#unreviewed) with the
    Swedish and the translation, object by object."""
    language = languages.get(lang)
    if language is None or language.is_source:
        raise Http404("Unknown language")
    return render(
        request,
        "translations/admin/translation_work.html",
        {
            "language": language,
            "work": worklist.lists(language.code, request.user),
            "may_translate": translation_status.can_translate(request.user, language.code),
            "may_approve": translation_status.can_approve(request.user, language.code),
        },
    )
