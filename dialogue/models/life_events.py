from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from dialogue import pictograms, previews

from .agencies import Agency
from .base import ContentQuerySet, EditorialModel, Slugged


class LifeEvent(Slugged, EditorialModel):
    """A moment in life the material is organised by (arrival, folkbokföring …); any number."""

    translated_fields = ("title", "intro")
    required_translated_fields = ("title",)

    objects = ContentQuerySet.as_manager()

    title = models.CharField(_("title"), max_length=80)
    intro = models.TextField(_("short intro"), blank=True, validators=[MaxLengthValidator(300)])
    pictogram = models.CharField(_("pictogram"), max_length=30, choices=pictograms.CHOICES)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def __str__(self):
        return self.title_sv or self.slug

    def preview_context(self, language) -> dict:
        return {
            "title": previews.or_source(self, "title", language),
            "intro": previews.or_source(self, "intro", language),
        }

    def owning_agencies(self) -> set:
        if not self.pk:
            return set()
        return set(Agency.objects.filter(messages__life_events=self).distinct())
