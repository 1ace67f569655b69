"""The QR page answered before the heavier middleware: the page most often opened, on a phone
that just scanned a poster. Sessions, CSRF, the user, messages and URL resolving do nothing for
it (cms.qr_views renders it without the request), and django-csp builds the same policy for every
response; here the cached page is served with headers made once per process. Anything else (a
page not cached yet, a wrong code, a redirect) goes down the whole stack as before.
"""

import re
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware

import languages
from cms import qr_views

# As cms/urls.py's `qr_card` (the `lang` converter's values are checked with languages.get).
QR_PAGE = re.compile(r"/q/(?P<code>[^/]+)/(?P<lang>[^/]+)/")


class QrFastPathMiddleware:
    """Placed after SecurityMiddleware, the Permissions-Policy and WhiteNoise, whose headers
    and redirects every answer gets, and before everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = _cached_opening(request)
        return response if response is not None else self.get_response(request)


def _cached_opening(request) -> HttpResponse | None:
    if request.method not in ("GET", "HEAD") or settings.DISALLOWED_USER_AGENTS:
        return None
    match = QR_PAGE.fullmatch(request.path_info)
    language = match and languages.get(match["lang"])
    if not language:
        return None
    page = qr_views.cached_page(match["code"], language)
    if page is None or page.withdrawn or page.code != match["code"]:
        return None
    request.get_host()  # as CommonMiddleware: an unknown host is refused (400), not served
    response = qr_views.opening(request, page, language)
    for header, value in policy_headers().items():
        response.headers.setdefault(header, value)
    response.headers.setdefault("Content-Length", str(len(response.content)))
    return response


@cache
def policy_headers() -> dict[str, str]:
    """What django-csp and XFrameOptionsMiddleware add to a QR page: the same for every one (no
    nonce, no per-view policy), so built once by the middleware themselves."""
    from csp.middleware import CSPMiddleware  # noqa: PLC0415 (imports settings-dependent parts)

    probe = HttpResponse()
    request = HttpRequest()
    request.path_info = request.path = "/q/"
    for middleware in (CSPMiddleware, XFrameOptionsMiddleware):
        if f"{middleware.__module__}.{middleware.__name__}" in settings.MIDDLEWARE:
            middleware(lambda _: probe).process_response(request, probe)
    return dict(probe.headers.items() - HttpResponse().headers.items())


@receiver(setting_changed)
def _forget_policy(**kwargs):
    """Tests change CONTENT_SECURITY_POLICY or X_FRAME_OPTIONS with override_settings."""
    policy_headers.cache_clear()
