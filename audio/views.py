"""The recordings' admin pages: what to record, hearing a recording before it is approved, and
approving it (four eyes, recordings.approve)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_safe

import languages
from audio import language_names
from audio import recordings as audio
from audio.models import AudioRecording, LanguageNameRecording
from translations import status as translation_status


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
        },
    )


def may_hear(user, recording) -> bool:
    """Staff who see recordings, and those who may approve its language, hear it in the admin
    before the public does."""
    return user.has_perm("audio.view_audiorecording") or translation_status.can_approve(
        user, recording.language
    )


@require_safe
def listen(request, pk):
    recording = get_object_or_404(AudioRecording, pk=pk)
    if not may_hear(request.user, recording):
        raise PermissionDenied
    response = FileResponse(recording.file.open("rb"), content_type=recording.mime_type)
    response["Cache-Control"] = "private, no-store"
    return response


def _back(request, fallback="wagtailsnippets_audio_audiorecording:list") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(fallback)


@require_http_methods(["GET", "POST"])
def approve(request, pk):
    """GET: the recording to hear and a button; POST: approve it (CSRF-protected)."""
    recording = get_object_or_404(AudioRecording.objects.select_related("card"), pk=pk)
    if not translation_status.can_approve(request.user, recording.language):
        raise PermissionDenied
    if request.method == "POST":
        try:
            audio.approve(recording, request.user)
        except audio.CannotApprove as refusal:
            messages.error(request, str(refusal))
            return redirect(_back(request))
        names = {"card": recording.card, "language": _language_name(recording.language)}
        if audio.is_playable(recording):
            messages.success(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(card)s” in %(language)s is approved: the public hears "
                    "it now.",
                )
                % names,
            )
        else:
            messages.warning(
                request,
                pgettext(
                    "staff side",
                    "The recording of “%(card)s” in %(language)s is approved, but it reads an "
                    "older edition: the public does not hear it.",
                )
                % names,
            )
        return redirect(_back(request))
    edition = audio.served_edition(recording.card, recording.language)
    return render(
        request,
        "audio/admin/approve.html",
        {
            "recording": recording,
            "language": languages.get(recording.language),
            "status": audio.status_label(audio.status(recording, edition)),
            "text": audio.edition_text(edition.texts) if edition is not None else "",
            "refused": audio.approval_refused(recording, request.user),
            "next": _back(request),
        },
    )


def _language_name(code: str) -> str:
    language = languages.get(code)
    return language.swedish_name if language is not None else code


# --- language names ------------------------------------------------------------------------


@require_safe
def listen_name(request, pk):
    recording = get_object_or_404(LanguageNameRecording, pk=pk)
    if not may_hear(request.user, recording):
        raise PermissionDenied
    response = FileResponse(recording.file.open("rb"), content_type=recording.mime_type)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def approve_name(request, pk):
    """As `approve`, for a language's name: GET to hear it, POST to approve it."""
    recording = get_object_or_404(LanguageNameRecording, pk=pk)
    if not translation_status.can_approve(request.user, recording.language):
        raise PermissionDenied
    back = _back(request, "wagtailsnippets_audio_languagenamerecording:list")
    if request.method == "POST":
        try:
            audio.approve(recording, request.user)
        except audio.CannotApprove as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        messages.success(
            request,
            pgettext(
                "staff side",
                "The name of %(language)s is approved: the language chooser plays it now.",
            )
            % {"language": _language_name(recording.language)},
        )
        return redirect(back)
    return render(
        request,
        "audio/admin/approve_name.html",
        {
            "recording": recording,
            "language": languages.get(recording.language),
            "refused": audio.approval_refused(recording, request.user),
            "next": back,
        },
    )
