"""Recordings of cards, tied to the edition whose text they read.

A card may have several recordings in a language: the one the public hears, a replacement
waiting for approval, older ones. The public hears the newest approved recording that reads the
edition in service (`recordings.playable`); an upload is approved like a translation, by a
reviewer of the language who did not upload it (`recordings.approve`)."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

import languages
from audio import recordings
from terms import approval as term_approval
from translations import status as translation_status


def hashed_name(instance: Recording, filename: str, stem: str) -> str:
    """A content-hashed name: a new recording gets a new URL, so URLs can be cached for a year."""
    instance.file.seek(0)
    digest = hashlib.sha256(instance.file.read()).hexdigest()[:16]
    instance.file.seek(0)
    extension = PurePosixPath(filename).suffix.lower().lstrip(".") or instance.format
    return f"audio/{stem}-{digest}.{extension}"


def recording_path(instance: AudioRecording, filename: str) -> str:
    return hashed_name(instance, filename, f"{instance.card.code}/{instance.language}")


class AudioRecordingQuerySet(models.QuerySet):
    def approved(self):
        """What the public may hear: approved, and its file inspected and found usable."""
        return self.filter(
            approved_at__isnull=False, inspected_at__isnull=False, inspection_error=""
        )

    def waiting(self):
        return self.filter(approved_at__isnull=True)


class Recording(models.Model):
    """What every recording holds besides what it says: the file's facts, read from the upload
    (`recordings.inspect`) and then from the stored file by a background task (audio.tasks),
    who recorded it, and its approval by a second person."""

    format = models.CharField(_("format"), max_length=10, editable=False)
    mime_type = models.CharField(_("content type"), max_length=40, editable=False)
    duration = models.FloatField(_("duration (seconds)"), editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)
    recorded_by = models.CharField(_("recorded by"), max_length=120)
    synthetic = models.BooleanField(
        _("computer voice"), default=False, help_text=_("Made by speech synthesis, not a person.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # Set by the inspection task (audio.tasks) once it has read the stored file; until then
    # the recording is "being inspected". A reason here: the file is unusable, said to staff.
    inspected_at = models.DateTimeField(null=True, blank=True, editable=False)
    inspection_error = models.TextField(blank=True, editable=False)
    peak_db = models.FloatField(
        pgettext_lazy("staff side", "peak level (dBFS)"), null=True, blank=True, editable=False
    )

    objects = AudioRecordingQuerySet.as_manager()

    # Said to a user who may not judge the recording (`may_review`).
    who_approves = pgettext_lazy(
        "staff side", "Only a reviewer of the language or an administrator approves recordings."
    )

    class Meta:
        abstract = True

    def may_review(self, user) -> bool:
        """The user may judge what it says: a reviewer of its language (or an administrator).
        Whether she may approve it is `recordings.approval_refused` (four eyes as well)."""
        return translation_status.can_approve(user, self.language)

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:  # a newly uploaded file
            info = recordings.inspect(self.file)
            self.format, self.mime_type = info.format, info.mime_type
            self.duration, self.size = info.duration, info.size

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def passed_inspection(self) -> bool:
        return self.inspected_at is not None and not self.inspection_error

    @property
    def heard_by_public(self) -> bool:
        """Approved and inspected: the public may hear it (`approved()` as a query)."""
        return self.approved and self.passed_inspection

    def own_url(self, view: str) -> str:
        """Always our own view, whatever the storage (local or S3): it answers Range requests,
        counts where counting applies, and is on the site's origin, which the public pages'
        policy (`media-src 'self'`) allows and the offline service worker may keep. The
        bucket's own address would be blocked there and never counted."""
        from django.urls import reverse

        return reverse(view, args=[self.pk, PurePosixPath(self.file.name).name])


class AudioRecording(Recording):
    """One card read aloud in one language. It belongs to the edition it was recorded from:
    when a new edition changes the text, the recording stops playing and is listed for
    re-recording."""

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
    # Fingerprint of the text it reads: the edition in service when it was uploaded.
    source_fingerprint = models.CharField(max_length=64, editable=False)
    edition = models.ForeignKey(
        "editions.Edition",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("edition"),
    )

    class Meta:
        db_table = "dialogue_audiorecording"  # kept when the model left dialogue ([S])
        verbose_name = _("audio recording")
        verbose_name_plural = _("audio recordings")
        ordering = ["card", "language", "created_at", "pk"]
        indexes = [models.Index(fields=["card", "language"], name="recording_card_language")]

    def __str__(self):
        return f"{self.card} ({self.language})"

    def clean(self):
        super().clean()
        if self.pk and self.approved_at is not None:
            stored = type(self).objects.filter(pk=self.pk).values("card_id", "language").first()
            if stored and (stored["card_id"], stored["language"]) != (self.card_id, self.language):
                raise ValidationError(
                    pgettext(
                        "staff side",
                        "An approved recording stays with its card and language. Add a new "
                        "recording instead.",
                    ),
                    code="approved_moved",
                )
        uploaded = self.file and not self.file._committed  # inspected by Recording.clean
        if uploaded and self.card_id and self.language:
            # A new recording reads the edition in service.
            self.edition = recordings.served_edition(self.card, self.language)
            self.source_fingerprint = (
                recordings.edition_fingerprint(self.edition) if self.edition else ""
            )

    @property
    def url(self) -> str:
        return self.own_url("audio_file")

    @property
    def is_outdated(self) -> bool:
        return self.source_fingerprint != recordings.text_fingerprint(self.card, self.language)


def language_name_path(instance: LanguageNameRecording, filename: str) -> str:
    return hashed_name(instance, filename, f"language-names/{instance.language}")


class LanguageNameRecording(Recording):
    """A language's own name read aloud, so that a woman who cannot read finds her language
    by ear on the chooser. Not a card recording: it reads no edition and never goes out of
    date. Approved like card recordings (`recordings.approve`): by a reviewer of the language
    who did not upload it. A person's approved recording plays before a computer voice's
    (`language_names.heard`)."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(lang.code, lang.own_name) for lang in languages.LANGUAGES],
    )
    file = models.FileField(_("audio file"), upload_to=language_name_path, max_length=200)

    class Meta:
        verbose_name = pgettext_lazy("staff side", "language name recording")
        verbose_name_plural = pgettext_lazy("staff side", "language name recordings")
        ordering = ["language", "created_at", "pk"]

    def __str__(self):
        language = languages.get(self.language)
        return language.own_name if language is not None else self.language

    @property
    def url(self) -> str:
        return self.own_url("language_name_audio")


def term_path(instance: TermRecording, filename: str) -> str:
    return hashed_name(instance, filename, f"terms/{instance.term_id}")


class TermRecording(Recording):
    """A termbase word said slowly in Swedish, for "Words you will hear": she hears the word as
    staff will say it. Like a language's name it reads no edition; approved like the other
    recordings, and a person's approved recording plays before a computer voice's
    (`term_words.heard`)."""

    term = models.ForeignKey(
        "terms.Term", on_delete=models.CASCADE, related_name="recordings", verbose_name=_("term")
    )
    file = models.FileField(_("audio file"), upload_to=term_path, max_length=200)

    class Meta:
        verbose_name = pgettext_lazy("staff side", "term recording")
        verbose_name_plural = pgettext_lazy("staff side", "term recordings")
        ordering = ["term", "created_at", "pk"]

    # The approvers of the word's owning agency judge how it is said, as they approve the word.
    who_approves = pgettext_lazy(
        "staff side",
        "Only an approver of the term's agency or an administrator approves its recording.",
    )

    def __str__(self):
        return str(self.term)

    @property
    def language(self) -> str:
        """The word is said in Swedish, whatever language explains it."""
        return languages.source().code

    def may_review(self, user) -> bool:
        return term_approval.is_agency_approver(user, self.term)

    @property
    def url(self) -> str:
        return self.own_url("term_audio")
