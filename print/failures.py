"""Failed print builds, under Reports, for administrators: what was asked, when, how many
attempts and the error, so that they can act (a font missing, a storage full). A build of the
same request that succeeds later takes its row away (print.tasks)."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from print.jobs import Job
from print.models import BuildFailure

PERMISSION = "print.view_buildfailure"  # administrators hold every permission (cms.roles)


@require_safe
@permission_required(PERMISSION, raise_exception=True)
def failed_builds(request):
    rows = [
        (failure, Job(failure.kind, failure.arguments).describe(), _last_line(failure.error))
        for failure in BuildFailure.objects.all()
    ]
    return render(request, "print/admin/failed_builds.html", {"rows": rows})


def _last_line(error: str) -> str:
    """The exception's own line: what went wrong, before the traceback that says where."""
    lines = [line for line in error.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""
