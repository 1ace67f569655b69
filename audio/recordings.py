"""Audio recordings: what an upload must be, which edition a recording reads, which one the
public hears, and who may approve one."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import mutagen
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from dialogue.models import DialogueCard
from editions.served import Served

# mutagen class name → (format, content type). Every browser and iPhone plays these.
FORMATS = {
    "MP3": ("mp3", "audio/mpeg"),
    "MP4": ("m4a", "audio/mp4"),
    "OggVorbis": ("ogg", "audio/ogg"),
    "OggOpus": ("opus", "audio/ogg"),
    "WAVE": ("wav", "audio/wav"),
}


@dataclass(frozen=True)
class AudioInfo:
    format: str
    mime_type: str
    duration: float
    size: int


def inspect(upload) -> AudioInfo:
    """Read an uploaded file as audio, or raise ValidationError saying plainly what is wrong."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.AUDIO_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; at most %(limit)s MB is allowed.")
            % {"size": round(size / 1e6, 1), "limit": round(limit / 1e6)},
            code="too_big",
        )
    not_audio = _(
        "This is not an audio file that phones can play. Upload MP3, M4A (AAC), Ogg (Vorbis or "
        "Opus) or WAV."
    )
    upload.seek(0)
    try:
        parsed = mutagen.File(upload, filename=getattr(upload, "name", None) or "upload")
    except Exception as error:  # mutagen raises many kinds for broken files
        raise ValidationError(not_audio, code="not_audio") from error
    finally:
        upload.seek(0)
    if parsed is None or type(parsed).__name__ not in FORMATS or parsed.info is None:
        raise ValidationError(not_audio, code="not_audio")
    duration = float(getattr(parsed.info, "length", 0) or 0)
    if duration <= 0:
        raise ValidationError(not_audio, code="not_audio")
    if duration > settings.AUDIO_MAX_SECONDS:
        raise ValidationError(
            _("The recording is %(minutes)s minutes long; at most %(limit)s minutes is allowed.")
            % {
                "minutes": round(duration / 60, 1),
                "limit": round(settings.AUDIO_MAX_SECONDS / 60),
            },
            code="too_long",
        )
    fmt, mime = FORMATS[type(parsed).__name__]
    return AudioInfo(fmt, mime, duration, size)


def edition_text(texts: dict) -> str:
    """The text a recording of a card reads: title and each key message, as its edition holds
    them (editions.snapshot)."""
    parts = [texts.get("title", "")]
    for message in texts.get("messages", ()):
        parts += [message[f] for f in ("headline", "body", "where_to_turn")]
    return "\n".join(parts)


def edition_fingerprint(edition) -> str:
    return hashlib.sha256(edition_text(edition.texts).encode()).hexdigest()


def served_edition(card, lang: str):
    """The card's edition in service in the language, or None."""
    return Served([card], lang).edition(card)


def text_fingerprint(card, lang: str) -> str:
    """The fingerprint of what the card's edition in service reads, or "" when none is."""
    edition = served_edition(card, lang)
    return edition_fingerprint(edition) if edition is not None else ""


def reads(recording, edition) -> bool:
    """The recording reads the text of this edition (recorded from it, or from the same
    words in an earlier one: a change to the Swedish alone keeps it)."""
    return edition is not None and recording.source_fingerprint == edition_fingerprint(edition)


def _newest_first(recordings) -> list:
    return sorted(recordings, key=lambda r: (r.created_at, r.pk), reverse=True)


def playable(recordings, edition):
    """The recording the public hears for this edition: the newest approved one that reads it,
    or None. `recordings` are one card's in the edition's language (others are passed over)."""
    if edition is None:
        return None
    fingerprint = edition_fingerprint(edition)
    for recording in _newest_first(recordings):
        if (
            recording.heard_by_public
            and recording.language == edition.language
            and recording.source_fingerprint == fingerprint
        ):
            return recording
    return None


def is_playable(recording) -> bool:
    """The public hears this recording now: the one `playable` picks for its card and language."""
    if not recording.heard_by_public:
        return False
    edition = served_edition(recording.card, recording.language)
    siblings = recording.card.recordings.filter(language=recording.language)
    chosen = playable(siblings, edition)
    return chosen is not None and chosen.pk == recording.pk


class CannotApprove(PermissionDenied):
    """The user may not approve this recording: it is her own upload, or not hers to judge."""


def approval_refused(recording, user) -> str:
    """Why the user may not approve the recording, or "" when she may."""
    if recording.approved_at is not None:
        return pgettext("staff side", "This recording is already approved.")
    if recording.inspected_at is None:
        return pgettext(
            "staff side", "The file is being inspected: it can be approved once that is done."
        )
    if recording.inspection_error:
        return recording.inspection_error
    if not recording.may_review(user):
        return str(recording.who_approves)
    if recording.uploaded_by_id is not None and recording.uploaded_by_id == user.pk:
        return pgettext("staff side", "You uploaded this recording: someone else must approve it.")
    return ""


def may_approve(recording, user) -> bool:
    return not approval_refused(recording, user)


def approve(recording, user):
    """The public may hear the recording from now on: approved by a reviewer of its language
    (or an administrator) who did not upload it (four eyes). Raises CannotApprove otherwise."""
    reason = approval_refused(recording, user)
    if reason:
        raise CannotApprove(reason)
    with transaction.atomic():
        recording.approved_at = timezone.now()
        recording.approved_by = user
        recording.save(update_fields=["approved_at", "approved_by"])
    return recording


class Status:
    """A recording's state as the admin shows it."""

    INSPECTING = "inspecting"  # the background inspection (audio.tasks) has not run yet
    UNUSABLE = "unusable"  # the inspection found the file unusable: upload it again
    WAITING = "waiting"
    APPROVED = "approved"
    OLDER = "older"


def status(recording, edition) -> str:
    """Being inspected, or unusable; reads an older edition (or none is served): record again;
    else waiting or approved."""
    if recording.inspected_at is None:
        return Status.INSPECTING
    if recording.inspection_error:
        return Status.UNUSABLE
    if not reads(recording, edition):
        return Status.OLDER
    return Status.APPROVED if recording.approved_at is not None else Status.WAITING


def status_text(recording, edition) -> str:
    """The status as staff read it; an unusable file with the inspection's reason."""
    value = status(recording, edition)
    label = status_label(value)
    return f"{label}: {recording.inspection_error}" if value == Status.UNUSABLE else label


def name_status(recording) -> str:
    """The status of a recording that reads no edition (a language's name, a term)."""
    if recording.inspected_at is None or recording.inspection_error:
        return status_text(recording, None)
    return status_label(Status.APPROVED if recording.approved else Status.WAITING)


def status_label(value: str) -> str:
    return {
        Status.INSPECTING: pgettext("staff side", "Being inspected…"),
        Status.UNUSABLE: pgettext("staff side", "Unusable file"),
        Status.WAITING: pgettext("staff side", "Waiting for approval"),
        Status.APPROVED: pgettext("staff side", "Approved"),
        Status.OLDER: pgettext("staff side", "Reads an older edition: record again"),
    }[value]


@dataclass(frozen=True)
class RecordingNeed:
    card: object
    language: object
    # None: never recorded; else the newest recording, which reads an older edition, or (when
    # `waiting`) a recording of the edition in service that waits for approval.
    recording: object | None
    waiting: bool = False

    @property
    def outdated(self) -> bool:
        return self.recording is not None and not self.waiting


def recording_needs() -> list[RecordingNeed]:
    """Every card in use and language it is served in whose recording is missing, reads an
    older edition or waits for approval (a retired card needs none). A recording of the
    edition in service waiting for approval is listed (`waiting`) whether or not an approved
    one plays meanwhile: a reviewer should hear it."""
    from editions.models import Edition

    needs = []
    cards = {card.pk: card for card in DialogueCard.objects.public().prefetch_related("recordings")}
    served = (
        Edition.objects.served()
        .filter(content_type__model="dialoguecard", object_id__in=list(cards))
        .order_by("object_id", "language")
    )
    by_card: dict[int, dict[str, object]] = {}
    for edition in served:
        by_card.setdefault(edition.object_id, {})[edition.language] = edition
    for card in cards.values():
        by_language: dict[str, list] = {}
        for recording in card.recordings.all():
            by_language.setdefault(recording.language, []).append(recording)
        editions = by_card.get(card.pk, {})
        for language in languages.enabled():
            edition = editions.get(language.code)
            if edition is None:
                continue
            recordings = _newest_first(by_language.get(language.code, []))
            heard = playable(recordings, edition)
            waiting = [
                r
                for r in recordings
                if r.approved_at is None
                and reads(r, edition)
                and (heard is None or (r.created_at, r.pk) > (heard.created_at, heard.pk))
            ]
            needs += [RecordingNeed(card, language, r, waiting=True) for r in waiting]
            if heard is None and not waiting:
                needs.append(RecordingNeed(card, language, recordings[0] if recordings else None))
    return needs
