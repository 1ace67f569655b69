"""The partner material page: download print-ready packs without an account, see which version
they are and what changed (also as an Atom feed). Thin: packs come from print.packs, versions
and changes from dialogue.changes."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_safe

import languages
from cms import limits
from dialogue import changes
from dialogue.models import Audience
from followup import indicators
from followup.models import Event
from print import builds, jobs, kits, packs
from print.content import NotPrintable
from print.pages import FINISHES

# The finishes print.pages knows, as a partner reads them.
FINISH_LABELS = {
    "office": pgettext_lazy("partner page", "Office printer (A6 cards and 4 cards per A4)"),
    "print-shop": pgettext_lazy("partner page", "Print shop (3 mm bleed, crop marks)"),
}


@require_safe
def material(request):
    return _material_page(request)


@dataclass(frozen=True)
class Failed:
    """A pack download that could not be made, shown beside the choice that needs changing,
    with what the partner chose kept."""

    slug: str  # the audience whose form was sent
    field: str  # "lang" or "finish": the fieldset the message belongs to
    message: str
    langs: list[str]
    finish: str


def _material_page(request, failed: Failed | None = None):
    materials = changes.by_audience()
    found = packs.languages_by_audience([item.audience for item in materials])
    audiences = [
        {
            "audience": item.audience,
            "version": item.version,
            "changes": item.changes,
            "languages": found[item.audience.pk].printable,
            "awaiting": found[item.audience.pk].awaiting,
            "versions": found[item.audience.pk].versions,
            "withdrawn": packs.by_reason(found[item.audience.pk].withdrawn),
        }
        for item in materials
    ]
    finishes = [(finish, FINISH_LABELS[finish]) for finish in FINISHES]
    context = {
        "audiences": audiences,
        "language": languages.source(),
        "finishes": finishes,
        "failed": failed,
        "kits": kits.offered(),
    }
    with translation.override(languages.SOURCE_LANGUAGE):
        return render(request, "public/material.html", context, status=400 if failed else 200)


class MaterialFeed(Feed):
    """Atom feed of what was published lately in any pack, for partners who reprint."""

    feed_type = Atom1Feed
    language = languages.SOURCE_LANGUAGE
    author_name = "Jobba i Sverige"  # the service, never the person who published

    def __call__(self, request, *args, **kwargs):
        with translation.override(languages.SOURCE_LANGUAGE):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        return pgettext("partner page", "Jobba i Sverige: changes to the material for partners")

    def subtitle(self):
        return pgettext(
            "partner page",
            "Dialogue cards, joint messages and life events published in the print-ready packs.",
        )

    def link(self):
        return reverse("material")

    def feed_url(self):
        return reverse("material_feed")

    def items(self):
        return changes.recent()

    def item_title(self, change):
        return f"{change.label}: {change.title}"

    def item_description(self, change):
        names = ", ".join(audience.name_sv for audience in change.audiences)
        return escape(pgettext("partner page", "In the packs for: %(names)s") % {"names": names})

    def item_link(self, change):
        return f"{reverse('material')}#audience-{change.audiences[0].slug}"

    def item_pubdate(self, change):
        return change.published_at

    def item_updateddate(self, change):
        return change.published_at  # Atom requires <updated> on every entry

    def item_guid(self, change):
        # A tag URI from the log entry: the same on every host the site is reached by.
        host = urlsplit(settings.SITE_URL).hostname
        return f"tag:{host},{change.published_at:%Y-%m-%d}:material/publication/{change.id}"

    item_guid_is_permalink = False


material_feed = require_safe(MaterialFeed())


def _refused(request, error):
    """What a partner sees when a poster cannot be made: the reason, in Swedish (a pack comes
    back to the material page instead, beside the choice to change)."""
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


def _head(content_type: str, name: str) -> StreamingHttpResponse:
    """A HEAD asks what the download is, not for it: nothing is built, nothing counted (a link
    checker or a prefetching proxy would otherwise cost a build and a false download). Streamed,
    so that no Content-Length of 0 is added: the size is not known without building."""
    response = StreamingHttpResponse(iter(()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


PAUSE = "paus"  # on the "being prepared" page: do not reload by itself


def _not_ready(request, answer: builds.Answer) -> HttpResponse:
    """A pack or poster not built yet: "being prepared" (202), a page that reloads itself
    without JavaScript until the file is there and then downloads it; or, for a while after its
    build failed, "try later" (503). Never kept by a browser or the service worker."""
    with translation.override(languages.SOURCE_LANGUAGE):
        if answer.preparing:
            retry = builds.RETRY_AFTER_SECONDS
            again = request.GET.copy()
            paused = again.pop(PAUSE, None) is not None  # WCAG 2.2.1: reloading can be stopped
            stop = again.copy()
            stop[PAUSE] = "1"
            context = {
                "language": languages.source(),
                "progress": answer.progress,  # a pack's languages built so far, if under way
                "refresh": None if paused else retry,
                "again": f"{request.path}?{again.urlencode()}",
                "paused": f"{request.path}?{stop.urlencode()}",
            }
            response = render(request, "public/material_preparing.html", context, status=202)
        else:
            retry = int(builds.FAILURE_PAUSE.total_seconds())
            message = pgettext(
                "partner page",
                "The file could not be made just now. The error is shown to the administrators. "
                "Please try again later.",
            )
            context = {"message": message, "language": languages.source()}
            response = render(request, "public/material_error.html", context, status=503)
    response["Retry-After"] = str(retry)
    patch_cache_control(response, no_store=True)
    return response


FINISH_NAMES = {"office": "kontorsskrivare", "print-shop": "tryckeri"}


@require_safe
@limits.downloads
def pack_download(request, slug):
    audience = get_object_or_404(Audience, slug=slug)
    codes = request.GET.getlist("lang")
    finish = request.GET.get("finish", "office")
    field = "lang"
    try:
        if finish not in FINISHES:
            field = "finish"
            raise NotPrintable(_("Unknown finish %(finish)s") % {"finish": finish})
        if not any(code.strip() for code in codes):
            raise NotPrintable(
                pgettext("partner page", "Choose at least one language for the pack.")
            )
        chosen = packs.parse_languages(codes)
        # Office and print-shop packs are different files: they must not overwrite each other.
        name = f"jobba-i-sverige_{audience.slug}_{'-'.join(chosen)}_{FINISH_NAMES[finish]}.zip"
        if request.method == "HEAD":
            return _head("application/zip", name)
        answer = builds.ask(jobs.pack(audience.slug, chosen, finish))
        if answer.data is None:
            return _not_ready(request, answer)
        data = answer.data
    except NotPrintable as error:
        # The material page again, the message beside the choice to change, the rest kept.
        kept = finish if finish in FINISHES else FINISHES[0]
        return _material_page(request, Failed(audience.slug, field, str(error), codes, kept))
    for code in chosen:
        indicators.count(Event.PACK_DOWNLOADED, language=code, channel=audience.slug)
    return _attachment(data, "application/zip", name)


@require_safe
@limits.downloads
def poster_download(request):
    size = request.GET.get("size", "A4")
    event = request.GET.get("event") or None
    name = f"jobba-i-sverige_poster_{event or 'alla'}_{size}.pdf"
    try:
        if size not in ("A4", "A3"):
            raise NotPrintable(_("Unknown poster size %(size)s") % {"size": size})
        if request.method == "HEAD":
            return _head("application/pdf", name)
        answer = builds.ask(jobs.poster(event, size))
        if answer.data is None:
            return _not_ready(request, answer)
        data = answer.data
    except NotPrintable as error:
        return _refused(request, error)
    indicators.count(Event.POSTER_DOWNLOADED, life_event=event or "", channel="material")
    return _attachment(data, "application/pdf", name)


@require_safe
@limits.downloads
def kit_download(request, slug, lang):
    """`/material/kit/<life-event>/<lang>.zip`: the offline kit (print.kits), whole or not at
    all. What cannot be made is said in her language, with the Swedish beside it for the
    fieldworker who asked for it."""
    language = languages.get(lang)
    if language is None:
        raise Http404("Unknown language")
    try:
        with translation.override(language.code):
            if request.method == "HEAD":
                kit = kits.kit(slug, language.code)  # what it would be; nothing built
                return _head("application/zip", kit.file_name)
            name, data = kits.kit_zip(slug, language.code)
    except NotPrintable:
        return _kit_refused(request, slug, language)
    indicators.count(Event.PACK_DOWNLOADED, life_event=slug, language=language.code, channel="kit")
    return _attachment(data, "application/zip", name)


def _kit_refused(request, slug, language):
    messages = []
    for code in dict.fromkeys([language.code, languages.SOURCE_LANGUAGE]):
        with translation.override(code):
            try:
                kits.kit(slug, language.code)
            except NotPrintable as error:
                messages.append((languages.get(code), str(error)))
    with translation.override(language.code):
        response = render(
            request,
            "public/kit_error.html",
            {
                "language": language,
                "source_language": languages.source(),
                "messages": messages,
                "event_exists": kits.event_exists(slug),
                "slug": slug,
            },
            status=404,
        )
    response["Content-Language"] = language.code
    patch_cache_control(response, no_store=True)  # may be there after the next approval
    return response
