"""How every answer of the read API goes out: JSON, conditional (ETag, Last-Modified, 304),
kept briefly by caches, readable from any origin (CORS, no credentials) and rate-limited per
client address."""

from __future__ import annotations

import functools
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django_ratelimit.core import is_ratelimited

MAX_AGE = 300  # as the QR pages: texts change rarely; five minutes keeps a burst cheap
RETRY_AFTER_SECONDS = 60


def answer(request, found) -> HttpResponse:
    """A built answer (publicapi.content.Answer), or 304 when the client has it already."""
    response = HttpResponse(found.body, content_type="application/json", status=found.status)
    response["ETag"] = found.etag
    last_modified = None
    if found.last_modified is not None:
        last_modified = int(found.last_modified.timestamp())
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return get_conditional_response(
        request, etag=found.etag, last_modified=last_modified, response=response
    )


def error(status: int, code: str, detail: str, **extra) -> HttpResponse:
    """An error as JSON (schemas.ErrorOut), never kept: what is missing now may come."""
    body = json.dumps({"code": code, "detail": detail, **extra}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json", status=status)
    patch_cache_control(response, no_store=True)
    return response


def _too_many(request) -> bool:
    """Per client address (django-ratelimit's "ip" key reads settings.RATELIMIT_IP_META_KEY:
    the project's client address behind its trusted proxies), at the rate of downloads."""
    return is_ratelimited(
        request,
        group="publicapi",
        key="ip",
        rate=lambda _group, _request: settings.RATE_DOWNLOADS,
        increment=True,
    )


def _open_to_all(response) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def public(view):
    """Rate limit and CORS around an operation (ninja's `add_decorator`) or the schema and docs
    views (`docs_decorator`)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if _too_many(request):
            response = error(429, "rate_limited", "Too many requests; try again in a minute.")
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return _open_to_all(response)
        return _open_to_all(view(request, *args, **kwargs))

    return wrapped
