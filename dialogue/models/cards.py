from django.db import IntegrityError, models, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from dialogue import codes, pictograms, previews

from .base import ContentQuerySet, EditorialModel, Slugged
from .codes import IssuedCode
from .messages import JointMessage


class CardQuerySet(ContentQuerySet):
    def public(self):
        """Live and not retired: what the public, print and recordings may use."""
        return self.live().filter(retired_at=None)

    def for_reading(self):
        """With their live key messages in card order, each with its links and agencies."""
        card_messages = CardMessage.objects.filter(message__live=True).prefetch_related(
            Prefetch("message", queryset=JointMessage.objects.for_reading())
        )
        return self.prefetch_related(Prefetch("card_messages", queryset=card_messages))


class DialogueCard(Slugged, EditorialModel):
    """A card used in conversation: front in her language, back in Swedish for staff."""

    translated_fields = ("title",)

    objects = CardQuerySet.as_manager()

    life_event = models.ForeignKey(
        "dialogue.LifeEvent",
        on_delete=models.PROTECT,
        related_name="cards",
        verbose_name=_("life event"),
    )
    title = models.CharField(_("title"), max_length=80)
    pictogram = models.CharField(_("pictogram"), max_length=30, choices=pictograms.CHOICES)
    prompts = models.TextField(
        _("conversation prompts"),
        blank=True,
        help_text=_("For staff, in Swedish: one question per line."),
    )
    # Printed on paper inside QR codes: assigned once, never edited, never reused.
    code = models.CharField(_("code"), max_length=8, unique=True, editable=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    # A retired card keeps its code: its printed QR codes say so and point to the new card.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )

    class Meta:
        ordering = ["life_event__sort_order", "sort_order", "id"]
        verbose_name = _("dialogue card")
        verbose_name_plural = _("dialogue cards")

    def __str__(self):
        return self.title_sv or self.slug

    def save(self, *args, **kwargs):
        if self.code:
            return super().save(*args, **kwargs)
        # A new card: draw codes until one was never issued. The unique index on the register
        # decides under concurrency; the savepoint keeps an outer transaction usable.
        for _attempt in range(10):
            self.code = codes.new_code()
            try:
                with transaction.atomic():
                    issued = IssuedCode.objects.create(code=self.code)
                    result = super().save(*args, **kwargs)
                    IssuedCode.objects.filter(pk=issued.pk).update(card=self)
                    return result
            except IntegrityError:
                if not IssuedCode.objects.filter(code=self.code).exists():
                    raise
                self.code = ""
        raise RuntimeError("Could not find a free card code")

    def preview_context(self, language) -> dict:
        messages = [item.message for item in self.card_messages.all() if item.message_id]
        return {
            "title": previews.or_source(self, "title", language),
            "messages": [previews.message(message, language) for message in messages],
            "prompts": self.prompt_list(),
        }

    def prompt_list(self) -> list[str]:
        return [line.strip() for line in self.prompts.splitlines() if line.strip()]

    def key_messages(self):
        """The joint messages in card order (uses prefetched card_messages when present)."""
        return [item.message for item in self.card_messages.all()]

    def translation_parts(self) -> list:
        return [*self.own_parts(), *(p for m in self.key_messages() for p in m.translation_parts())]

    def owning_agencies(self) -> set:
        return {agency for message in self.key_messages() for agency in message.owning_agencies()}


class CardMessage(Orderable):
    """A key message on a card, in the order the card shows them."""

    card = ParentalKey(DialogueCard, on_delete=models.CASCADE, related_name="card_messages")
    message = models.ForeignKey(
        "dialogue.JointMessage",
        on_delete=models.PROTECT,
        related_name="card_uses",
        verbose_name=_("joint message"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")
        constraints = [
            models.UniqueConstraint(fields=["card", "message"], name="card_message_once"),
        ]
