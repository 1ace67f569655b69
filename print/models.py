"""Service offices and the staff who print there: prints count per office, never per person."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """An organisation unit where staff print for the women they meet (a service office …)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    agency = models.ForeignKey(
        "dialogue.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("agency"),
    )

    class Meta:
        db_table = "dialogue_office"  # kept when the model left dialogue ([S])
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        permissions = [("use_print_station", _("Can print at the print station"))]

    def __str__(self):
        return self.name


class StaffProfile(models.Model):
    """Which office a staff user prints for; the print station needs one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="staff", verbose_name=_("office")
    )

    class Meta:
        db_table = "dialogue_staffprofile"  # kept when the model left dialogue ([S])
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} – {self.office}"
