"""Exchange files from the admin: the same export and import as the management commands.

An import is always checked first (a dry run, with its report); only a second, confirmed
submit writes, and then all of it or nothing. Both are runs (translations.models.ImportRun) of
the file as uploaded: done in the request when the file is small, else by a worker while the
page says so and reloads itself (translations.tasks); either way the page shows the run's
report.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

import languages
from translations import exchange, import_report, tasks
from translations import status as translation_status
from translations.models import ImportRun

RUNS_PERMISSION = "translations.view_importrun"  # administrators hold every permission
REFRESH_SECONDS = 3  # how soon "Importen körs…" asks again
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


def _uploaded(request, language) -> ImportRun | None:
    """A run for the uploaded file (a check), or for the file of the user's checked run that
    the confirmation form names (the import)."""
    if "file" in request.FILES:
        upload = request.FILES["file"]
        if upload.size > exchange.MAX_IMPORT_BYTES:
            raise exchange.ExchangeError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": exchange.MAX_IMPORT_BYTES // 2**20}
            )
        fmt = "po" if upload.name.lower().endswith(".po") else "xliff"
        data = upload.read()
        return ImportRun(file_name=upload.name[:255], format=fmt, data=data, dry_run=True)
    if request.POST.get("confirm") == "1":
        checked = (
            ImportRun.objects.filter(
                pk=request.POST.get("run") if request.POST.get("run", "").isdigit() else None,
                user=request.user,
                language=language.code,
                dry_run=True,
                status=ImportRun.Status.DONE,
            )
            .only("file_name", "format", "data")
            .first()
        )
        if checked is None:
            raise exchange.ExchangeError(_("The confirmation form was damaged."))
        return ImportRun(
            file_name=checked.file_name,
            format=checked.format,
            data=bytes(checked.data),
            dry_run=False,
        )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, lang):
    """The upload form; posted, a run for the file, done here or queued (translations.tasks),
    answered with its page."""
    language = _target_language(request, lang)
    if request.method == "POST":
        try:
            run = _uploaded(request, language)
            if run is None:
                raise exchange.ExchangeError(_("Choose a file to import."))
        except exchange.ExchangeError as error:
            return _page(request, language, error=str(error))
        run.user, run.language = request.user, language.code
        run.units = tasks.estimated_units(bytes(run.data), run.format)
        run.save()
        tasks.start(run)
        run.refresh_from_db()
        return _page(request, language, run)
    return _page(request, language)


@login_required
@require_safe
def import_run(request, lang, pk):
    """A run's page: "Importen körs…", reloading itself, until its report or its error."""
    language = _target_language(request, lang)
    run = get_object_or_404(ImportRun.objects.defer("data"), pk=pk, language=language.code)
    if run.user_id != request.user.pk and not request.user.has_perm(RUNS_PERMISSION):
        raise Http404("Another user's import")
    return _page(request, language, run)


def _page(request, language, run: ImportRun | None = None, error: str = ""):
    context = {"language": language, "run": run, "report": None, "error": error, "refresh": 0}
    if run is not None:
        tasks.forget_lost([run])
        if run.status == ImportRun.Status.DONE:
            context.update(report=import_report.shown(run.report), applied=not run.dry_run)
        elif run.status == ImportRun.Status.FAILED:
            context["error"] = run.error
        else:
            context.update(
                refresh=REFRESH_SECONDS,
                again=reverse("translation_import_run", args=[language.code, run.pk]),
            )
    return render(request, "translations/admin/translation_import.html", context)


@require_safe
@permission_required(RUNS_PERMISSION, raise_exception=True)
def failed_imports(request):
    """Imports that failed, under Reports, for administrators: who sent which file, when, and
    why it failed, so that they can help (a file the agency must correct, a database away)."""
    runs = ImportRun.objects.defer("data", "report").select_related("user")
    tasks.forget_lost(runs.filter(status=ImportRun.Status.RUNNING))
    failed = list(runs.filter(status=ImportRun.Status.FAILED)[:200])
    return render(request, "translations/admin/failed_imports.html", {"runs": failed})
