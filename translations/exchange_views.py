"""Exchange files from the admin: the same export and import as the management commands.

An import is always checked first (a dry run, with its report); only a second, confirmed
submit writes, and then all of it or nothing.
"""

from __future__ import annotations

import base64
import binascii

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

import languages
from translations import exchange
from translations import status as translation_status

FORMATS = {"xliff": ("application/x-xliff+xml", "xlf"), "po": ("text/x-gettext-translation", "po")}


def _target_language(request, lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None or language.is_source:
        raise Http404("Unknown language")
    if not translation_status.can_translate(request.user, language.code):
        raise PermissionDenied
    return language


@login_required
def export(request, lang, fmt):
    language = _target_language(request, lang)
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    everything = request.GET.get("all") == "1"
    writer = exchange.export_xliff if fmt == "xliff" else exchange.export_po
    data = writer(language.code, everything=everything)
    mime, suffix = FORMATS[fmt]
    scope = "all" if everything else "work"
    response = HttpResponse(data, content_type=f"{mime}; charset=utf-8")
    name = f"jobba-i-sverige_{language.code}_{scope}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _uploaded(request) -> tuple[bytes, str] | None:
    """The file and its format, from the upload or from the confirmation form."""
    if "file" in request.FILES:
        upload = request.FILES["file"]
        if upload.size > exchange.MAX_IMPORT_BYTES:
            raise exchange.ExchangeError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": exchange.MAX_IMPORT_BYTES // 2**20}
            )
        fmt = "po" if upload.name.lower().endswith(".po") else "xliff"
        return upload.read(), fmt
    if request.POST.get("data"):
        try:
            data = base64.b64decode(request.POST["data"], validate=True)
        except (binascii.Error, ValueError) as error:
            raise exchange.ExchangeError(_("The confirmation form was damaged.")) from error
        return data, "po" if request.POST.get("format") == "po" else "xliff"
    return None


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, lang):
    language = _target_language(request, lang)
    context = {"language": language, "report": None, "error": "", "data": "", "format": ""}
    if request.method == "POST":
        confirmed = request.POST.get("confirm") == "1"
        try:
            uploaded = _uploaded(request)
            if uploaded is None:
                raise exchange.ExchangeError(_("Choose a file to import."))
            data, fmt = uploaded
            report = exchange.import_file(
                data, fmt, language.code, dry_run=not confirmed, user=request.user
            )
        except exchange.ExchangeError as error:
            context["error"] = str(error)
        else:
            context.update(
                report=report,
                applied=confirmed,
                data="" if confirmed else base64.b64encode(data).decode(),
                format=fmt,
            )
    return render(request, "translations/admin/translation_import.html", context)
