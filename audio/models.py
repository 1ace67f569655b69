"""Recordings of cards: one per card and language, tied to the text it was read from."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from django.db import models
from django.utils.translation import gettext_lazy as _

import languages
from audio import recordings


def recording_path(instance: AudioRecording, filename: str) -> str:
    """A content-hashed name: a new recording gets a new URL, so URLs can be cached for a year."""
    instance.file.seek(0)
    digest = hashlib.sha256(instance.file.read()).hexdigest()[:16]
    instance.file.seek(0)
    extension = PurePosixPath(filename).suffix.lower().lstrip(".") or instance.format
    return f"audio/{instance.card.code}/{instance.language}-{digest}.{extension}"


class AudioRecording(models.Model):
    """One card read aloud in one language. It belongs to the text it was recorded from: when
    that text changes, the recording is outdated and listed for re-recording."""

    card = models.ForeignKey(
        "dialogue.DialogueCard",
        on_delete=models.CASCADE,
        related_name="recordings",
        verbose_name=_("dialogue card"),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(lang.code, lang.own_name) for lang in languages.LANGUAGES],
    )
    file = models.FileField(_("audio file"), upload_to=recording_path, max_length=200)
    format = models.CharField(_("format"), max_length=10, editable=False)
    mime_type = models.CharField(_("content type"), max_length=40, editable=False)
    duration = models.FloatField(_("duration (seconds)"), editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)
    recorded_by = models.CharField(_("recorded by"), max_length=120)
    synthetic = models.BooleanField(
        _("computer voice"), default=False, help_text=_("Made by speech synthesis, not a person.")
    )
    # Fingerprint of the card's text in this language when it was recorded.
    source_fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "dialogue_audiorecording"  # kept when the model left dialogue ([S])
        verbose_name = _("audio recording")
        verbose_name_plural = _("audio recordings")
        ordering = ["card", "language"]
        constraints = [
            models.UniqueConstraint(fields=["card", "language"], name="one_recording_per_language")
        ]

    def __str__(self):
        return f"{self.card} ({self.language})"

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:  # a newly uploaded file
            info = recordings.inspect(self.file)
            self.format, self.mime_type = info.format, info.mime_type
            self.duration, self.size = info.duration, info.size
            # A new recording reads the card's current text.
            if self.card_id and self.language:
                self.source_fingerprint = recordings.text_fingerprint(self.card, self.language)

    @property
    def url(self) -> str:
        """Local storage: our view, which answers Range requests. S3: the storage's own URL."""
        from django.core.files.storage import FileSystemStorage
        from django.urls import reverse

        if isinstance(self.file.storage, FileSystemStorage):
            name = PurePosixPath(self.file.name).name
            return reverse("audio_file", args=[self.pk, name])
        return self.file.url

    @property
    def is_outdated(self) -> bool:
        return self.source_fingerprint != recordings.text_fingerprint(self.card, self.language)
