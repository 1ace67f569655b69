"""The partner material page: download print-ready packs without an account ([W] designs it
fully). Thin: packs come from print.packs."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dialogue import indicators, languages
from dialogue.models import Audience, Event
from print import packs, service
from print.content import NotPrintable
from print.pages import FINISHES


@require_safe
def material(request):
    audiences = [
        {"audience": audience, "languages": packs.printable_languages(audience)}
        for audience in Audience.objects.prefetch_related("cards")
    ]
    with translation.override(languages.SOURCE_LANGUAGE):
        return render(
            request,
            "public/material.html",
            {"audiences": audiences, "language": languages.source(), "finishes": FINISHES},
        )


def _refused(request, error):
    """What a partner sees when a download cannot be made: the reason, in Swedish."""
    with translation.override(languages.SOURCE_LANGUAGE):
        return render(
            request,
            "public/material_error.html",
            {"message": str(error), "language": languages.source()},
            status=400,
        )


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def pack_download(request, slug):
    audience = get_object_or_404(Audience, slug=slug)
    codes = request.GET.getlist("lang")
    finish = request.GET.get("finish", "office")
    try:
        if finish not in FINISHES:
            raise NotPrintable(_("Unknown finish %(finish)s") % {"finish": finish})
        data = packs.pack_zip(audience.slug, packs.parse_languages(codes), finish)
    except NotPrintable as error:
        return _refused(request, error)
    for code in packs.parse_languages(codes):
        indicators.count(Event.PACK_DOWNLOADED, language=code, channel=audience.slug)
    name = f"jobba-i-sverige_{audience.slug}_{'-'.join(packs.parse_languages(codes))}.zip"
    return _attachment(data, "application/zip", name)


@require_safe
def poster_download(request):
    size = request.GET.get("size", "A4")
    event = request.GET.get("event") or None
    try:
        if size not in ("A4", "A3"):
            raise NotPrintable(_("Unknown poster size %(size)s") % {"size": size})
        data = service.poster_pdf(event, size)
    except NotPrintable as error:
        return _refused(request, error)
    indicators.count(Event.POSTER_DOWNLOADED, life_event=event or "", channel="material")
    name = f"jobba-i-sverige_poster_{event or 'alla'}_{size}.pdf"
    return _attachment(data, "application/pdf", name)
