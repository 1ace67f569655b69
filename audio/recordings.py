"""Audio recordings: what an upload must be, and which text a recording belongs to."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import mutagen
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import languages
from dialogue.models import DialogueCard
from translations.approved import Approved

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


def card_text(card, lang: str) -> str:
    """The text a recording of the card reads: title and each key message."""
    parts = [card.text("title", lang)]
    for message in card.key_messages():
        parts += [message.text(f, lang) for f in ("headline", "body", "where_to_turn")]
    return "\n".join(parts)


def text_fingerprint(card, lang: str) -> str:
    return hashlib.sha256(card_text(card, lang).encode()).hexdigest()


@dataclass(frozen=True)
class RecordingNeed:
    card: object
    language: object
    recording: object | None  # None: never recorded; else: recorded from an older text

    @property
    def outdated(self) -> bool:
        return self.recording is not None


def recording_needs() -> list[RecordingNeed]:
    """Every card in use and language the public can read whose recording is missing or
    outdated (a retired card needs none)."""
    needs = []
    cards = list(
        DialogueCard.objects.public().prefetch_related(
            "recordings", "card_messages__message__links"
        )
    )
    approved = Approved(cards)
    for card in cards:
        recordings = {r.language: r for r in card.recordings.all()}
        for language in languages.enabled():
            if not approved.usable(card, language.code):
                continue
            recording = recordings.get(language.code)
            if recording is None or recording.is_outdated:
                needs.append(RecordingNeed(card, language, recording))
    return needs
