from django.conf import settings
from django.db import models


class DigestSent(models.Model):
    """What a translator or reviewer has been told waits in one of her languages, so that the
    daily digest names only new work and an unchanged list is not sent again."""

    TRANSLATE = "translate"  # missing or outdated
    REVIEW = "review"  # translated, not reviewed

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=10, choices=[(TRANSLATE, TRANSLATE), (REVIEW, REVIEW)])
    # Keys of the units announced and still waiting: work done drops out, so a unit that needs
    # work again later is new again.
    units = models.JSONField(default=list)
    sent_at = models.DateTimeField(null=True)  # when a digest last named new work in it

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "language", "kind"], name="one_digest_marker_per_language"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.language} {self.kind}"
