"""A friendly page instead of a traceback when the database cannot be reached."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

import languages

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
