"""The edition: one object in one language as it is served, never edited once recorded.

Only which edition is in service moves: a newer one replaces it (`served` passes on), or a
change that withdraws older translations takes it out of service (`withdrawn_at`, `reason`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditionQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )

    def served(self):
        return self.filter(served=True)

    def served_or_withdrawn(self):
        return self.filter(Q(served=True) | Q(withdrawn_at__isnull=False))


class Edition(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=10)
    # Short digest of the texts and the Swedish they pair with: the one version name printed
    # on paper, carried in QR links (`v=`) and shown on /material/.
    version = models.CharField(_("version"), max_length=12)
    texts = models.JSONField(_("texts"))  # in the edition's language (editions.snapshot)
    source = models.JSONField(_("Swedish"))  # the Swedish it was made from, same shape
    source_version = models.CharField(max_length=12)  # the Swedish edition it pairs with
    # The Swedish revision published when it was recorded (None: recorded from older data).
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(_("recorded"), default=timezone.now)
    served = models.BooleanField(_("in service"), default=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    reason = models.TextField(_("reason for withdrawal"), blank=True, default="")

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("language edition")
        verbose_name_plural = _("language editions")
        ordering = ["made_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "language"], name="edition_unit")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                condition=Q(served=True),
                name="one_edition_served_per_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} [{self.language}] {self.version}"
