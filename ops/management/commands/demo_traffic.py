import random
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

import languages
from dialogue.models import Audience, DialogueCard
from followup import indicators
from followup.models import Event

# Roughly how often each thing happens on a day, for a demo that looks like use.
WEIGHTS = {
    Event.QR_OPENED: 12,
    Event.AUDIO_STARTED: 8,
    Event.CARD_PRINTED: 5,
    Event.LEAFLET_PRINTED: 2,
    Event.PACK_DOWNLOADED: 1,
    Event.POSTER_DOWNLOADED: 1,
    # Her answers under a card: most understood it, some not (the report's "most unclear").
    Event.UNDERSTOOD: 5,
    Event.UNCLEAR: 2,
    Event.QUESTION: 1,
}
# Counted for the life event (or all of them) only, never for one card.
WITHOUT_CARD = (Event.PACK_DOWNLOADED, Event.POSTER_DOWNLOADED)
LANGUAGE_WEIGHTS = {"ar": 6, "so": 4, "ti": 4, "fa": 3, "uk": 3, "th": 1, "en": 2, "sv": 1}


class Command(BaseCommand):
    help = "Make demo follow-up counts for the report (DEBUG only; never on a real site)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=120)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, days, seed, **options):
        if not settings.DEBUG:
            raise CommandError("Demo traffic is only made when DEBUG is on.")
        rng = random.Random(seed)
        cards = list(DialogueCard.objects.public().select_related("life_event"))
        audiences = list(Audience.objects.values_list("slug", flat=True))
        codes = [c for c in LANGUAGE_WEIGHTS if languages.get(c)]
        weights = [LANGUAGE_WEIGHTS[c] for c in codes]
        today = timezone.localdate()
        added = 0
        with transaction.atomic():
            for offset in range(days):
                day = today - timedelta(days=offset)
                for event, weight in WEIGHTS.items():
                    for _ in range(rng.randint(0, weight)):
                        card = rng.choice(cards)
                        channel = {
                            Event.QR_OPENED: "qr",
                            Event.AUDIO_STARTED: "qr",
                            Event.UNDERSTOOD: "qr",
                            Event.UNCLEAR: "qr",
                            Event.QUESTION: "qr",
                            Event.PACK_DOWNLOADED: rng.choice(audiences),
                            Event.POSTER_DOWNLOADED: "material",
                        }.get(event, "Servicekontoret Demo")
                        indicators.add(
                            event,
                            day=day,
                            life_event=card.life_event.slug,
                            card="" if event in WITHOUT_CARD else card.code,
                            language=rng.choices(codes, weights)[0],
                            channel=channel,
                        )
                        added += 1
        self.stdout.write(self.style.SUCCESS(f"Added {added} demo counts over {days} days."))
