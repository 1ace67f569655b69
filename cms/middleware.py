"""Middleware: a friendly page when the database is down, headers every answer carries, and
the admin's reach per role (cms.admin_reach)."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.auth import permission_denied

import languages
from cms import admin_reach

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 60


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s: %s", request.path, exception)
        first = request.path.strip("/").split("/")[0]
        language = languages.get(first) or languages.source()
        with translation.override(language.code):
            # No template tag here may touch the database: it is the thing that is down.
            html = render_to_string("503.html", {"language": language})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Content-Language"] = language.code
        return response


# Nothing here uses a camera, microphone, location, payment or USB device: say so, so that no
# injected or framed script may ask the visitor (or the staff at a station) for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class AdminReachMiddleware:
    """Refuses, as Wagtail does, an admin view beyond the user's reach (cms.admin_reach)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if admin_reach.may_open(request, view_func):
            return None
        return permission_denied(request)
