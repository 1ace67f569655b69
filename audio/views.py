"""The recordings' admin pages: what to record, hearing a recording before it is approved, and
approving it (four eyes, recordings.approve)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_safe

from audio import language_names, term_words
from audio import recordings as audio
from audio.kinds import KINDS


@permission_required("audio.view_audiorecording", raise_exception=True)
def recordings_to_make(request):
    needs = audio.recording_needs()
    waiting = [n for n in needs if n.waiting]
    return render(
        request,
        "audio/admin/recordings_to_make.html",
        {
            "waiting": [(n, audio.may_approve(n.recording, request.user)) for n in waiting],
            "outdated": [n for n in needs if n.outdated],
            "missing": [n for n in needs if n.recording is None],
            "names": [
                (need, [(r, audio.may_approve(r, request.user)) for r in need.waiting])
                for need in language_names.needs()
            ],
            "terms": [
                (need, [(r, audio.may_approve(r, request.user)) for r in need.waiting])
                for need in term_words.needs()
            ],
        },
    )


def may_hear(user, recording) -> bool:
    """Staff who see recordings (of cards, or of its kind), and those who may judge it, hear it
    in the admin before the public does."""
    return (
        user.has_perm("audio.view_audiorecording")
        or user.has_perm(f"audio.view_{recording._meta.model_name}")
        or recording.may_review(user)
    )


@require_safe
def listen(request, pk, kind):
    recording = get_object_or_404(KINDS[kind].model, pk=pk)
    if not may_hear(request.user, recording):
        raise PermissionDenied
    response = FileResponse(recording.file.open("rb"), content_type=recording.mime_type)
    response["Cache-Control"] = "private, no-store"
    return response


def _back(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(fallback)


@require_http_methods(["GET", "POST"])
def approve(request, pk, kind):
    """GET: the recording to hear, what it says beside it, and a button; POST: approve it
    (CSRF-protected). One page for every kind of recording (audio.kinds)."""
    kind = KINDS[kind]
    recording = get_object_or_404(kind.queryset(), pk=pk)
    if not recording.may_review(request.user):
        raise PermissionDenied
    back = _back(request, kind.listing)
    if request.method == "POST":
        try:
            audio.approve(recording, request.user)
        except audio.CannotApprove as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        kind.approved(request, recording)
        return redirect(back)
    page = kind.page(recording)
    page.setdefault("text_language", page.get("language"))
    return render(
        request,
        "audio/admin/approve.html",
        {
            **page,
            "kind": kind,
            "recording": recording,
            "refused": audio.approval_refused(recording, request.user),
            "next": back,
        },
    )
