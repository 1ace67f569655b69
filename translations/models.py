"""Which Swedish text each translation was made from, and whether a reviewer approved it.

Missing and outdated are derived, never stored: missing when there is no text, outdated when
the Swedish source has changed since the translation was made (its fingerprint differs).
Who wrote and who approved each translation, and when, is kept event by event (TranslationEvent).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TranslationState(models.Model):
    class Stored(models.TextChoices):
        TRANSLATED = "translated", _("translated, not reviewed")
        APPROVED = "approved", _("approved")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    status = models.CharField(max_length=12, choices=Stored.choices, default=Stored.TRANSLATED)
    source_fingerprint = models.CharField(max_length=64)
    # The Swedish it was made from, to show the translator what changed since.
    source_text = models.TextField(blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "dialogue_translationstate"  # kept when the model left dialogue ([S])
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        permissions = [
            ("translate", _("Can translate the languages of their groups")),
            ("approve_translation", _("Can approve translations")),
            ("translate_any_language", _("Can translate every language")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_state_per_unit_and_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} {self.language}"


class GroupLanguages(models.Model):
    """The languages a group's members may translate (a translator group per language, or one
    group with several). Administrators may translate every language."""

    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        related_name="translation_languages",
        verbose_name=_("group"),
    )
    languages = models.CharField(
        _("languages"), max_length=200, help_text=_("Language codes, separated by commas.")
    )

    class Meta:
        db_table = "dialogue_grouplanguages"  # kept when the model left dialogue ([S])
        verbose_name = _("translator languages")
        verbose_name_plural = _("translator languages")

    def __str__(self):
        return f"{self.group}: {self.languages}"

    def codes(self) -> set[str]:
        return {code.strip() for code in self.languages.split(",") if code.strip()}

    def clean(self):
        from django.core.exceptions import ValidationError

        import languages as registry

        unknown = sorted(c for c in self.codes() if c not in set(registry.codes()) - {"sv"})
        if unknown or not self.codes():
            known = ", ".join(language.code for language in registry.targets())
            raise ValidationError(
                {
                    "languages": _("Unknown language codes: %(codes)s. Use some of: %(known)s")
                    % {"codes": ", ".join(unknown) or "–", "known": known}
                }
            )


class TranslationEvent(models.Model):
    """Who translated, imported or approved a unit in a language, and when: the audit trail
    behind four eyes (a translation is approved by someone other than its writer). The username
    is kept as text, so the trail still names a writer whose account has been removed."""

    class Action(models.TextChoices):
        TRANSLATED = "translated", _("translated")
        IMPORTED = "imported", _("imported")
        APPROVED = "approved", _("approved")

    WRITTEN = (Action.TRANSLATED, Action.IMPORTED)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    action = models.CharField(max_length=12, choices=Action.choices)
    # None: the demo loader, a data migration or an import run without --as.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True, default="")
    at = models.DateTimeField(default=timezone.now)
    source_fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("translation event")
        verbose_name_plural = _("translation events")
        ordering = ["at", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "language"], name="translation_event_unit"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} {self.language} {self.action}"


class UnitComment(models.Model):
    """A comment on one unit (a field of an object) in one language: a translator's question
    about the Swedish, a reviewer's remark on the translation, or the communication group's
    answer to a question (translations.answer_views). Resolved, it stays as a record of what
    was asked and answered."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("question about the Swedish")
        REMARK = "remark", _("reviewer's remark")
        # Told to whoever asked, and waits for no one: never an open question (comments.open_for).
        ANSWER = "answer", _("answer about the Swedish")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The editor page it was posted on (a link's text is edited on its message's page): the
    # mail to the other side links there.
    page = models.CharField(max_length=200, blank=True, default="")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("translation comment")
        verbose_name_plural = _("translation comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "language"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} {self.language}: {self.kind}"

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def waits(self) -> bool:
        """Still for someone to act on: an unresolved question or remark (an answer never)."""
        return self.resolved_at is None and self.kind != self.Kind.ANSWER


class ImportRun(models.Model):
    """One upload of an exchange file in the admin: its check (a dry run) or its import. The
    file is kept here, in the database, so that a worker on another machine reads the same
    bytes and the confirming submit imports exactly the file that was checked. The run is done
    by translations.tasks (in the request for a small file, by a worker for a large one); the
    report is kept as JSON (translations.import_report) and shown as the page the upload led to.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("staff side", "queued")
        RUNNING = "running", pgettext_lazy("staff side", "running")
        DONE = "done", pgettext_lazy("staff side", "done")
        FAILED = "failed", pgettext_lazy("staff side", "failed")

    WAITING = (Status.QUEUED, Status.RUNNING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    language = models.CharField(max_length=10)
    file_name = models.CharField(max_length=255, blank=True, default="")
    format = models.CharField(max_length=5)  # "xliff" or "po" (translations.exchange)
    data = models.BinaryField()  # at most exchange.MAX_IMPORT_BYTES
    dry_run = models.BooleanField(default=True)  # a check: writes nothing, shows what would
    units = models.PositiveIntegerField(default=0)  # an estimate, to choose where it runs
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = pgettext_lazy("staff side", "translation import")
        verbose_name_plural = pgettext_lazy("staff side", "translation imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["language", "-created_at"])]

    def __str__(self):
        kind = "check" if self.dry_run else "import"
        return f"{self.language} {kind} {self.file_name} ({self.status})"

    @property
    def waiting(self) -> bool:
        return self.status in self.WAITING
