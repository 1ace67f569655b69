"""The register of every QR code ever issued."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuedCode(models.Model):
    """Every card code ever handed out. Printed codes live for years: a code is never reused,
    even after its card is deleted (the QR page then says the card is withdrawn)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    card = models.OneToOneField(
        "dialogue.DialogueCard",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_code",
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issued code")
        verbose_name_plural = _("issued codes")

    def __str__(self):
        return self.code
