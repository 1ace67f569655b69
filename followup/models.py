"""Follow-up counters: aggregated counts by day (later month), never a log of visits.

No field can hold an IP address, a user agent, a cookie or a user id: public events are
counted, not recorded. Dimensions are stored as plain codes so that history survives the
deletion of a card or life event.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Event(models.TextChoices):
    CARD_PRINTED = "card_printed", _("Card printed")
    LEAFLET_PRINTED = "leaflet_printed", _("Leaflet printed")
    PACK_DOWNLOADED = "pack_downloaded", _("Pack downloaded")
    POSTER_DOWNLOADED = "poster_downloaded", _("Poster downloaded")
    QR_OPENED = "qr_opened", _("QR page opened")
    AUDIO_STARTED = "audio_started", _("Audio started")
    # Her answer under a card on its QR page: "Did you understand this card?" (cms.qr_views).
    UNDERSTOOD = "understood", pgettext_lazy("staff side", "Answered: understood")
    UNCLEAR = "unclear", pgettext_lazy("staff side", "Answered: unclear")
    QUESTION = "question", pgettext_lazy("staff side", "Answered: has a question")


# The answers to "Did you understand this card?", in the order the QR page offers them.
COMPREHENSION = (Event.UNDERSTOOD, Event.UNCLEAR, Event.QUESTION)


class Granularity(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")


class Counter(models.Model):
    granularity = models.CharField(_("period"), max_length=5, choices=Granularity.choices)
    period_start = models.DateField(_("from"))  # the day, or the first of the month
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    life_event = models.CharField(_("life event"), max_length=80, blank=True, default="")
    card = models.CharField(_("card code"), max_length=8, blank=True, default="")
    language = models.CharField(_("language"), max_length=10, blank=True, default="")
    # For public events the audience or "qr"; for staff prints the office, never the person.
    channel = models.CharField(_("channel"), max_length=80, blank=True, default="")
    count = models.PositiveBigIntegerField(_("count"), default=0)

    class Meta:
        db_table = "dialogue_counter"  # kept when the model left dialogue ([S])
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "granularity",
                    "period_start",
                    "event",
                    "life_event",
                    "card",
                    "language",
                    "channel",
                ],
                name="one_counter_per_cell",
            )
        ]
        indexes = [models.Index(fields=["period_start", "event"])]

    def __str__(self):
        return f"{self.period_start} {self.event} {self.count}"
