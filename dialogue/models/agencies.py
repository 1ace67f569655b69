from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """An agency that owns joint messages (AF, FK, MV …). Names stay Swedish: proper names."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=12, unique=True)
    website = models.URLField(_("website"), blank=True)
    # The group whose members approve joint content for this agency (cms.roles creates it).
    approvers = models.OneToOneField(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="approves_for",
        verbose_name=_("approvers"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name
