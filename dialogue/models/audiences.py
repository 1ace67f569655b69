from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin

from .base import Slugged, TranslatedTextMixin


class Audience(TranslatedTextMixin, Slugged, RevisionMixin, ClusterableModel):
    """Who meets the women (open preschool, civil society …): decides which cards go in its pack."""

    translated_fields = ("name", "description")
    required_translated_fields = ("name",)

    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    cards = ParentalManyToManyField(
        "dialogue.DialogueCard", related_name="audiences", blank=True, verbose_name=_("cards")
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name_sv or self.slug
