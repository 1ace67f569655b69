from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Orderable

from dialogue import previews

from .base import ContentQuerySet, EditorialModel, Slugged, TranslatedTextMixin


class MessageQuerySet(ContentQuerySet):
    def for_reading(self):
        """Live messages with what reading them needs: links, owning agencies, contact."""
        return self.live().select_related("contact").prefetch_related("links", "agencies")


HEADLINE_MAX = 140  # one short sentence
BODY_MAX = 500  # a few short sentences
WHERE_TO_TURN_MAX = 300


class JointMessage(Slugged, EditorialModel):
    """Gemensamt budskap: a short statement every owning agency says the same way."""

    translated_fields = ("headline", "body", "where_to_turn")
    required_translated_fields = ("headline", "body")

    objects = MessageQuerySet.as_manager()

    headline = models.CharField(_("headline"), max_length=HEADLINE_MAX)
    body = models.TextField(_("body"), validators=[MaxLengthValidator(BODY_MAX)])
    where_to_turn = models.TextField(
        _("where to turn"), blank=True, validators=[MaxLengthValidator(WHERE_TO_TURN_MAX)]
    )
    life_events = ParentalManyToManyField(
        "dialogue.LifeEvent", related_name="messages", verbose_name=_("life events")
    )
    agencies = ParentalManyToManyField(
        "dialogue.Agency", related_name="messages", verbose_name=_("owning agencies")
    )
    # The agency's central contact, shown after where_to_turn (its approved state only). A string
    # reference: the contacts app sits above dialogue and dialogue never imports it.
    contact = models.ForeignKey(
        "contacts.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages",
        verbose_name=_("contact"),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("joint message")
        verbose_name_plural = _("joint messages")

    def __str__(self):
        return self.headline_sv or self.slug

    def preview_context(self, language) -> dict:
        return {"messages": [previews.message(self, language)]}

    def own_parts(self) -> list:
        return [self, *self.links.all()]

    def owning_agencies(self) -> set:
        return set(self.agencies.all())


class MessageLink(TranslatedTextMixin, Orderable):
    """A link under "where to turn"; its label is translated, the address is not."""

    translated_fields = ("label",)

    message = ParentalKey(JointMessage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80)
    url = models.URLField(_("address"))

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.url
