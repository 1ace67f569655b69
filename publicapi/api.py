"""The open read API, `/api/v1/` (cms.urls): what the public reads, in each language, from the
editions in service only. OpenAPI at `/api/v1/openapi.json`, docs at `/api/v1/docs`."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI

import languages
from publicapi import content, http, schemas

api = NinjaAPI(
    title="Jobba i Sverige",
    version="1",
    description=(
        "Approved texts of the joint messages, dialogue cards and life events in each language, "
        "as the public pages and QR pages show them: the language edition in service with its "
        "version and the Swedish version it translates, and the recording the public hears. "
        "Never a draft. Answers carry ETag and Last-Modified (send If-None-Match or "
        "If-Modified-Since for a 304), may be kept for five minutes and are rate-limited per "
        "client address (429)."
    ),
    urls_namespace="publicapi",
    docs_decorator=http.public,
)
api.add_decorator(http.public)


def read(path: str, **options):
    """A GET operation in the schema, answered to HEAD as well (outside the schema: one operation
    id per operation)."""

    def register(view):
        api.api_operation(["HEAD"], path, include_in_schema=False, **options)(view)
        return api.get(path, **options)(view)

    return register


ERRORS = {404: schemas.ErrorOut, 429: schemas.ErrorOut}
NOT_MODIFIED = {304: None}


def _language(lang: str):
    language = languages.get(lang)
    if language is None:
        return None, http.error(
            404,
            "unknown_language",
            f"No language {lang!r}.",
            languages=list(languages.codes()),
        )
    return language, None


@read(
    "/languages",
    response={200: list[schemas.LanguageOut], **NOT_MODIFIED, 429: schemas.ErrorOut},
    summary="The languages, with how many cards can be read in each",
)
def language_list(request: HttpRequest):
    return http.answer(request, content.language_list())


@read(
    "/life-events",
    response={200: list[schemas.LifeEventSummaryOut], **NOT_MODIFIED, **ERRORS},
    summary="The life events in a language",
)
def life_event_list(request: HttpRequest, lang: str):
    language, refused = _language(lang)
    if refused:
        return refused
    return http.answer(request, content.life_event_list(language))


@read(
    "/life-events/{slug}",
    response={200: schemas.LifeEventOut, **NOT_MODIFIED, **ERRORS},
    summary="One life event with its cards and messages in a language",
)
def life_event(request: HttpRequest, slug: str, lang: str):
    language, refused = _language(lang)
    if refused:
        return refused
    found = content.life_event(language, slug)
    if found is None:
        return http.error(404, "unknown_life_event", f"No life event {slug!r}.")
    return http.answer(request, found)


@read(
    "/cards/{code}",
    response={200: schemas.CardDetailOut, **NOT_MODIFIED, **ERRORS, 410: schemas.ErrorOut},
    summary="One card by the code printed in its QR code, as its QR page shows it",
)
def card(request: HttpRequest, code: str, lang: str):
    language, refused = _language(lang)
    if refused:
        return refused
    found = content.card(code, language)
    if found is None:
        return http.error(404, "unknown_card", f"No card {code!r}.")
    if found == content.WITHDRAWN:
        return http.error(410, "withdrawn_card", f"The card {code!r} is no longer published.")
    return http.answer(request, found)


urls = api.urls
