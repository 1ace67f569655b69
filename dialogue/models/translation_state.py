"""Which Swedish text each translation was made from, and whether a reviewer approved it.

Missing and outdated are derived, never stored: missing when there is no text, outdated when
the Swedish source has changed since the translation was made (its fingerprint differs).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_state_per_unit_and_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} {self.language}"
