"""The pages a printed QR code opens: fast, no JavaScript needed, in the woman's language."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django_ratelimit.core import is_ratelimited

import languages
from audio.models import AudioRecording, LanguageNameRecording, TermRecording
from cms import limits, ranges, reading, share
from cms.spoken import spoken_names
from cms.views import _render, _suggested_language
from dialogue import codes, content_version
from followup import indicators
from followup.models import COMPREHENSION, Event

PAGE_MAX_AGE = 300  # texts change rarely; five minutes keeps a burst of scans cheap
AUDIO_MAX_AGE = 365 * 24 * 3600  # content-hashed names never change their bytes


def _cached(response, seconds):
    if response.status_code not in (200, 206):
        # An error is an answer to this moment (a range, a card not yet made), never for a year.
        patch_cache_control(response, no_store=True)
        return response
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def _not_found(request, language, status=404, withdrawn=False):
    response = _render(
        request, "public/qr_missing.html", language, {"withdrawn": withdrawn}, status
    )
    patch_cache_control(response, no_store=True)  # answers this moment: never kept
    return response


@require_safe
def card_any_language(request, code):
    """`/q/<code>/`: the browser's language when the card has it, otherwise the list."""
    issued = reading.issued(code)
    if issued is None:
        return _not_found(request, languages.source())
    if issued.card_id is None:
        return _not_found(request, languages.source(), status=410, withdrawn=True)
    view = reading.qr_card(issued.card_id, languages.source())
    suggested = _suggested_language(request)
    if suggested is not None and suggested in view.available:
        return redirect("qr_card", code=issued.code, lang=suggested.code)
    response = _render(
        request,
        "public/qr_choose.html",
        languages.source(),
        {
            "card": view,
            "code": issued.code,
            "spoken_names": spoken_names(),
            "share": share.for_qr_card(languages.source(), view, chooser=True),
        },
    )
    patch_vary_headers(response, ["Accept-Language"])
    return response


# As Django's GZipMiddleware reads Accept-Encoding.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@dataclass(frozen=True)
class QrPage:
    """All one opening needs, cached under the content version: one cache read per request."""

    code: str  # as issued
    withdrawn: bool
    translated: bool
    event_slug: str
    version: str  # the edition's; a printed `?v=` whose text differs gets the "updated" notice
    unchanged_versions: frozenset[str]  # printed versions that read as the page does now
    # (updated since print, gzipped) -> body. Compressed once here, not per request: a phone on
    # a slow network gets a quarter of the bytes. Safe from BREACH: no secret is in the page.
    bodies: dict[tuple[bool, bool], bytes]


@require_safe
def card_in_language(request, code, lang):
    language = languages.get(lang)
    if language is None:
        raise Http404("Unknown language")
    page = _qr_page(code, language)
    if page is None:
        return _not_found(request, language)
    if page.withdrawn:
        return _not_found(request, language, status=410, withdrawn=True)
    if page.code != code:  # typed in lower case, or O for 0: one address per card
        return redirect("qr_card", code=page.code, lang=language.code)
    return opening(request, page, language)


def opening(request, page: QrPage, language) -> HttpResponse:
    """The page as this visitor gets it, the opening counted. Also what cms.qr_fast_path answers
    before the middleware stack, which adds the rest of the headers (the policy) itself."""
    if request.method == "GET" and page.translated and not _saving_for_offline(request):
        indicators.count(
            Event.QR_OPENED,
            life_event=page.event_slug,
            card=page.code,
            language=language.code,
            channel="qr",
        )
    printed = request.GET.get("v", "")
    updated = bool(printed) and page.translated and printed not in page.unchanged_versions
    gzipped = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    response = HttpResponse(page.bodies[updated, gzipped])
    if gzipped:
        response["Content-Encoding"] = "gzip"
    # What patch_vary_headers and _cached write, set directly: a new response has none to merge.
    response["Vary"] = "Accept-Encoding"
    response["Content-Language"] = language.code
    response["Cache-Control"] = f"public, max-age={PAGE_MAX_AGE}"
    return response


def _saving_for_offline(request) -> bool:
    """The service worker fetching a saved topic's pages and recordings (static/cms/sw.js):
    nobody opened or heard anything, so nothing is counted."""
    return request.META.get("HTTP_X_OFFLINE_SAVE") == "1"  # request.headers copies them all


# Pages this process read from the cache, by their key (which holds the content version, so an
# old entry is never hit again): the next opening skips the cache's read and unpickling.
_KEPT: dict[str, QrPage] = {}
KEEP_PAGES = 200  # ~20 kB each


def cached_page(code, language) -> QrPage | None:
    """The page only when it is in the cache already, under the code as printed: building it
    reads the database, which the fast path leaves to the view (and its 503 page)."""
    key = content_version.key("qr_page", (code, language.code))
    page = _KEPT.get(key)
    if page is None:
        page = cache.get(key)
        if page is not None:
            if len(_KEPT) >= KEEP_PAGES:
                _KEPT.clear()  # mostly pages of older versions; the rest are one read away
            _KEPT[key] = page
    return page


def _qr_page(code, language) -> QrPage | None:
    normal = codes.normalise(code)
    if not codes.is_well_formed(normal):
        return None
    return content_version.cached(
        "qr_page", (normal, language.code), lambda: _build_qr_page(normal, language)
    )


def _build_qr_page(code, language) -> QrPage | None:
    issued = reading.issued(code)
    if issued is None:
        return None  # never issued: not cached, so made-up codes cannot fill the cache
    if issued.card_id is None:
        return QrPage(issued.code, True, False, "", "", frozenset(), {})
    view = reading.qr_card(issued.card_id, language)
    bodies = {}
    # Only a translated page can have been printed, so only it may say "updated since".
    for updated in (False, True) if view.translated else (False,):
        html = _render_page(view, language, updated_since_print=updated).encode()
        bodies[updated, False] = html
        bodies[updated, True] = compress_string(html)
    return QrPage(
        code=issued.code,
        withdrawn=False,
        translated=view.translated,
        event_slug=view.event_slug,
        version=view.version,
        unchanged_versions=view.unchanged_versions,
        bodies=bodies,
    )


def _render_page(view, language, updated_since_print) -> str:
    """The same HTML for every visitor: rendered without the request, so no context processor
    runs and nothing of the visitor (session, user, CSRF token) can end up in the cache."""
    context = {
        "language": language,
        "source_language": languages.source(),
        "card": view,
        "updated_since_print": updated_since_print,
        "share": share.for_qr_card(language, view),
    }
    with translation.override(language.code):
        return render_to_string("public/qr_card.html", context)


# --- "Did you understand this card?" ------------------------------------------------------

ANSWERS = {event.value: event for event in COMPREHENSION}


def _feedback_page(language, page_code, answer, status):
    """The answer to her answer: rendered without the request, as the QR page is, so nothing of
    the visitor (session, CSRF token) can reach it, and it sets no cookie."""
    context = {"language": language, "source_language": languages.source(), "code": page_code}
    with translation.override(language.code):
        html = render_to_string("public/qr_feedback.html", {**context, "answer": answer})
    response = HttpResponse(html, status=status)
    response["Content-Language"] = language.code
    patch_cache_control(response, no_store=True)  # an answer to one POST, never kept
    return response


def _too_many(request) -> bool:
    """Per client address (`limits.client_address`, behind the trusted proxies), counted in the
    cache like the other rate limits, at the rate of downloads: a group at one meeting, on one
    network, may all answer within a minute; a script filling the counters may not."""
    return is_ratelimited(
        request,
        group="qr_feedback",
        key=lambda _group, request: limits.client_address(request),
        rate=lambda _group, _request: settings.RATE_DOWNLOADS,
        increment=True,
    )


# No CSRF token, deliberately: the form sits on the QR page, which is cached and served alike to
# everyone, so it can hold no token and the visitor has no CSRF cookie. Nothing here needs one:
# no session and no user, nothing changed on anyone's behalf; a POST only adds one to an
# anonymous counter per day × card × language, and is rate-limited per address. A forged POST
# can do no more than the visitor's own press of the button.
@csrf_exempt
def card_feedback(request, code, lang):
    """`/q/<code>/<lang>/feedback/`: her answer under the card, counted, never who gave it."""
    language = languages.get(lang)
    if language is None:
        raise Http404("Unknown language")
    if request.method != "POST":
        # A link or a reload of the answer's address: she is shown the way back to the card.
        normal = codes.normalise(code)
        back = normal if codes.is_well_formed(normal) else ""
        response = _feedback_page(language, back, None, 405)
        response["Allow"] = "POST"
        return response
    if _too_many(request):
        response = _render(request, "429.html", language, {}, status=429)
        response["Retry-After"] = "60"
        patch_cache_control(response, no_store=True)
        return response
    page = _qr_page(code, language)
    # Nothing she could have read here in her language: nothing counted.
    if page is None or not (page.withdrawn or page.translated):
        return _not_found(request, language)
    if page.withdrawn:
        return _not_found(request, language, status=410, withdrawn=True)
    event = ANSWERS.get(request.POST.get("answer", ""))
    if event is None:
        return _feedback_page(language, page.code, None, 400)
    indicators.count(
        event, life_event=page.event_slug, card=page.code, language=language.code, channel="qr"
    )
    return _feedback_page(language, page.code, event.value, 200)


@require_safe
def service_worker(request):
    """The offline helper, served from the root so that it may look after every public page."""
    path = finders.find("cms/sw.js")
    response = HttpResponse(Path(path).read_bytes(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    patch_cache_control(response, no_cache=True)
    return response


# Which recordings each public audio address serves: approved ones only (staff hear the others
# in the admin). A card's recording is counted when it starts; a language's name or a word is
# not (it reaches no one with a message).
PUBLIC_RECORDINGS = {
    "card": AudioRecording,
    "language_name": LanguageNameRecording,
    "term": TermRecording,
}


@require_safe
def recording_audio(request, pk, name, kind):
    """`/audio/…`: a recording the public may hear, with Range requests, cached for a year."""
    model = PUBLIC_RECORDINGS[kind]
    recordings = model.objects.approved()
    if model is AudioRecording:
        recordings = recordings.select_related("card__life_event")
    recording = get_object_or_404(recordings, pk=pk)
    if not recording.file.name.endswith("/" + name):
        raise Http404("No such recording")
    if model is AudioRecording:
        _count_start(request, recording)
    handle = recording.file.storage.open(recording.file.name, "rb")
    response = ranges.file_response(request, handle, recording.file.size, recording.mime_type)
    return _cached(response, AUDIO_MAX_AGE)


def _count_start(request, recording) -> None:
    if indicators.is_audio_start(
        request.method, request.headers.get("Range")
    ) and not _saving_for_offline(request):
        indicators.count(
            Event.AUDIO_STARTED,
            life_event=recording.card.life_event.slug,
            card=recording.card.code,
            language=recording.language,
            channel="qr",
        )
