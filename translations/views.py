"""Translation overview (languages × life events) and each language's work list."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

import languages
from dialogue.models import LifeEvent
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
        },
    )


@login_required
def work_list(request, lang):
    language = languages.get(lang)
    if language is None or language.is_source:
        raise Http404("Unknown language")
    items = [
        {
            "unit": unit,
            "status": status,
            "object": unit.obj,
            "source": unit.obj.source_text(unit.field),
            "edit_url": _edit_url(unit.obj, language.code),
        }
        for unit, status in translation_status.work_list(language.code)
    ]
    may_translate = translation_status.can_translate(request.user, language.code)
    return render(
        request,
        "translations/admin/translation_work.html",
        {"language": language, "items": items, "may_translate": may_translate},
    )


def _edit_url(obj, lang: str) -> str:
    """The side-by-side editor; a link label is translated with its message."""
    target = getattr(obj, "message", obj)
    return reverse("translation_edit", args=[target._meta.model_name, target.pk, lang])
