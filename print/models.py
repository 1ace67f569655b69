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


class PrintedEdition(models.Model):
    """How many times an office printed one language edition of a card, and when last: what the
    station recalls once that edition is replaced. Per office, never per person; the card is
    kept by its code, as the follow-up counts keep it."""

    office = models.ForeignKey(
        Office,
        on_delete=models.CASCADE,
        related_name="printed_editions",
        verbose_name=_("office"),
    )
    card = models.CharField(_("card code"), max_length=8)
    language = models.CharField(_("language"), max_length=10)
    version = models.CharField(_("version"), max_length=12)
    prints = models.PositiveIntegerField(_("prints"), default=0)
    last_printed = models.DateField(_("last printed"))
    # The office said it has dealt with the recall of this edition (its old copies).
    recall_seen_at = models.DateTimeField(_("recall seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("printed edition")
        verbose_name_plural = _("printed editions")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "card", "language", "version"], name="one_row_per_printed_edition"
            )
        ]

    def __str__(self):
        return f"{self.office} {self.card} [{self.language}] v{self.version} × {self.prints}"


class BuildFailure(models.Model):
    """A pack or poster whose background build failed on every attempt: listed for
    administrators with its error, and answered "try later" instead of built again at once.
    Cleared when a build of the same request succeeds."""

    key = models.CharField(_("key"), max_length=64, unique=True)  # what was asked (print.jobs)
    name = models.CharField(_("file"), max_length=255, db_index=True)  # the content's file
    kind = models.CharField(_("kind"), max_length=20)
    arguments = models.JSONField(_("arguments"), default=dict)
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("error"))
    failed_at = models.DateTimeField(_("failed at"))

    class Meta:
        ordering = ["-failed_at"]
        verbose_name = _("failed print build")
        verbose_name_plural = _("failed print builds")

    def __str__(self):
        return f"{self.kind} {self.arguments} ({self.failed_at:%Y-%m-%d %H:%M})"
