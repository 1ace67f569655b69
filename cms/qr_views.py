"""The pages a printed QR code opens: fast, no JavaScript needed, in the woman's language."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from cms import ranges
from cms.views import _render, _suggested_language
from dialogue import indicators, languages, reading
from dialogue.models import AudioRecording, Event

PAGE_MAX_AGE = 300  # texts change rarely; five minutes keeps a burst of scans cheap
AUDIO_MAX_AGE = 365 * 24 * 3600  # content-hashed names never change their bytes


def _cached(response, seconds):
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def _not_found(request, language, status=404, withdrawn=False):
    return _render(request, "public/qr_missing.html", language, {"withdrawn": withdrawn}, status)


@require_safe
def card_any_language(request, code):
    """`/q/<code>/`: the browser's language when the card has it, otherwise the list."""
    found = reading.issued(code)
    if found is None:
        return _not_found(request, languages.source())
    issued, card = found
    if card is None:
        return _not_found(request, languages.source(), status=410, withdrawn=True)
    view = reading.qr_card(card.pk, languages.source())
    suggested = _suggested_language(request)
    if suggested is not None and suggested in view.available:
        return redirect("qr_card", code=issued.code, lang=suggested.code)
    response = _render(
        request, "public/qr_choose.html", languages.source(), {"card": view, "code": issued.code}
    )
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_safe
def card_in_language(request, code, lang):
    language = languages.get(lang)
    if language is None:
        raise Http404("Unknown language")
    found = reading.issued(code)
    if found is None:
        return _not_found(request, language)
    issued, card = found
    if card is None:
        return _not_found(request, language, status=410, withdrawn=True)
    if issued.code != code:  # typed in lower case, or O for 0: one address per card
        return redirect("qr_card", code=issued.code, lang=language.code)
    view = reading.qr_card(card.pk, language)
    printed = request.GET.get("v", "")
    if request.method == "GET" and view.translated:
        indicators.count(
            Event.QR_OPENED,
            life_event=view.event_slug,
            card=view.code,
            language=language.code,
            channel="qr",
        )
    context = {
        "card": view,
        "updated_since_print": bool(printed) and view.translated and printed != view.version,
    }
    return _cached(_render(request, "public/qr_card.html", language, context), PAGE_MAX_AGE)


@require_safe
def service_worker(request):
    """The offline helper, served from the root so that it may look after every public page."""
    path = finders.find("cms/sw.js")
    response = HttpResponse(Path(path).read_bytes(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def audio_file(request, pk, name):
    recording = get_object_or_404(AudioRecording.objects.select_related("card__life_event"), pk=pk)
    if not recording.file.name.endswith("/" + name):
        raise Http404("No such recording")
    if indicators.is_audio_start(request.method, request.headers.get("Range")):
        indicators.count(
            Event.AUDIO_STARTED,
            life_event=recording.card.life_event.slug,
            card=recording.card.code,
            language=recording.language,
            channel="qr",
        )
    handle = recording.file.storage.open(recording.file.name, "rb")
    response = ranges.file_response(request, handle, recording.file.size, recording.mime_type)
    return _cached(response, AUDIO_MAX_AGE)
