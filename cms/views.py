"""Public pages. Thin: content comes resolved from dialogue.reading, text from catalogues."""

import functools

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

import languages
from cms import offline, reading, share
from cms.spoken import spoken_names


def _language_or_404(lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None:
        raise Http404("Unknown language")
    return language


def _render(request, template, language, context, status=200):
    with translation.override(language.code):
        response = render(
            request,
            template,
            {"language": language, "source_language": languages.source(), **context},
            status=status,
        )
    response["Content-Language"] = language.code
    return response


@require_safe
def choose_language(request):
    """The languages with enough of the content (PUBLIC_LANGUAGE_SHARE) as normal choices; the
    others apart under "På väg", in Swedish. Those are links too, to the language's start page:
    it offers only the life events that have something in the language (`life_event_list`), and
    printed QR codes and shared addresses in it keep working."""
    suggested = _suggested_language(request)
    choice = reading.language_choice()
    response = _render(
        request,
        "public/choose_language.html",
        languages.source(),
        {
            "languages": choice.listed,
            "coming": choice.coming,
            "suggested": suggested,
            "spoken_names": spoken_names(),
            "share": share.for_chooser(),
        },
    )
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _suggested_language(request):
    header = request.headers.get("Accept-Language", "")
    for code, _quality in translation.trans_real.parse_accept_lang_header(header):
        code = code.lower()
        language = languages.get(code) or languages.get(code.split("-")[0])
        if language is not None and not language.is_source:
            return language
    return None


@require_safe
def life_event_list(request, lang):
    """A language's start page. The life events with at least one card readable in it are
    offered as usual; the others are listed apart under "more is coming", each linking to its
    Swedish page, so that no link leads to a page made only of "not yet translated" notices."""
    language = _language_or_404(lang)
    events = reading.life_events(language)
    return _render(
        request,
        "public/life_event_list.html",
        language,
        {
            "life_events": [event for event in events if event.readable],
            "waiting": [event for event in events if not event.readable],
            # The poster's codes lead here: she hears her language's name, and knows she is right.
            "spoken_names": spoken_names(),
            "share": share.for_home(language),
        },
    )


@require_safe
def life_event_detail(request, lang, slug):
    language = _language_or_404(lang)
    event = reading.life_event(language, slug)
    if event is None:
        raise Http404("Unknown life event")
    context = {
        "event": event,
        "offline": offline.topic(language, slug),
        "has_kit": offline.has_kit(language, slug),
        "share": share.for_event(language, event),
    }
    return _render(request, "public/life_event_detail.html", language, context)


@require_safe
def offline_manifest(request, lang, slug):
    """What saving the topic for offline use stores (cms.offline), for the service worker."""
    language = _language_or_404(lang)
    found = offline.topic(language, slug)
    if found is None:
        raise Http404("Unknown life event")
    response = JsonResponse(found.as_json())
    patch_cache_control(response, no_cache=True)  # what to save is asked afresh each time
    return response


@require_safe
def offline_page(request, lang):
    """The page the service worker shows, offline, for a page that was not saved: stored per
    language, filled there with the topics saved on the phone."""
    language = _language_or_404(lang)
    return _render(request, "public/offline.html", language, {})


def page_not_found(request, exception=None):
    """404 in the language the address asked for, when it names one."""
    first = request.path.strip("/").split("/")[0]
    language = languages.get(first) or languages.source()
    response = _render(request, "404.html", language, {}, status=404)
    # What is missing now may be there in a minute (a recording made, a card published).
    patch_cache_control(response, no_store=True)
    return response


# The statement is a document the law asks for in Swedish; English is offered beside it.
STATEMENT_LANGUAGES = ("sv", "en")


@require_safe
def accessibility_statement(request, lang):
    language = _language_or_404(lang)
    if language.code not in STATEMENT_LANGUAGES:
        raise Http404("The statement is in Swedish and English")
    return _render(
        request,
        f"public/accessibility_{language.code}.html",
        language,
        {
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "share": share.for_statement(language),
        },
    )


def rate_limited(request, exception=None):
    """Too many requests from one address (django-ratelimit): say so and when to come back."""
    first = request.path.strip("/").split("/")[0]
    language = languages.get(first) or languages.source()
    response = _render(request, "429.html", language, {}, status=429)
    response["Retry-After"] = "60"
    return response


# The apps the admin snippets of [S]'s moved models live in now.
MOVED_SNIPPETS = {
    "audiorecording": "audio",
    "office": "print",
    "staffprofile": "print",
    "grouplanguages": "translations",
}


def moved_admin_snippet(request, model):
    old = f"/admin/snippets/dialogue/{model}/"
    new = f"/admin/snippets/{MOVED_SNIPPETS[model]}/{model}/" + request.path[len(old) :]
    query = request.META.get("QUERY_STRING", "")
    return redirect(new + (f"?{query}" if query else ""), permanent=True)


def clears_site_data(logout_view):
    """A logout makes the browser forget what it kept of the site (its HTTP cache, the service
    worker's stores): at a shared office computer, the next person finds nothing of the last."""

    @functools.wraps(logout_view)
    def view(request, *args, **kwargs):
        response = logout_view(request, *args, **kwargs)
        if request.method == "POST":  # the logout itself; Django's logout view takes no GET
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    return view
