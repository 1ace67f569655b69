"""What a background build is asked to make: a pack or a poster, by what a partner chose.

A job is plain JSON (kind and arguments), so that it travels through any task queue; its key is
the same however often it is asked for, which is what makes enqueueing it idempotent."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import pgettext

import languages
from dialogue.models import LifeEvent
from print import cache, content, packs, service
from print.content import NotPrintable

PACK, POSTER, STATION = "pack", "poster", "station"


@dataclass(frozen=True)
class Job:
    kind: str
    arguments: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        raw = json.dumps([self.kind, self.arguments], sort_keys=True)
        return hashlib.sha256(raw.encode()).hexdigest()

    def plan(self) -> cache.Planned:
        """The file and how to build it; NotPrintable when it cannot be made (any more)."""
        if self.kind == PACK:
            return packs.pack_plan(**self.arguments)
        if self.kind == STATION:
            return _station_plan(**self.arguments)
        return service.poster_plan(**self.arguments)

    def indexed(self) -> bytes | None:
        """The stored file, when it can be found without planning it."""
        return packs.indexed(**self.arguments) if self.kind == PACK else None

    def built(self, plan: cache.Planned) -> None:
        if self.kind == PACK:
            packs.remember(**self.arguments, plan=plan)

    def describe(self) -> str:
        """What was asked, for administrators (Swedish, as the staff side)."""
        found = self.arguments
        finish = FINISH_NAMES.get(found.get("finish"), found.get("finish"))
        if self.kind == PACK:
            names = [getattr(languages.get(c), "swedish_name", c) for c in found["codes"]]
            listed = ", ".join(name.lower() for name in names)
            return f"Paket för {found['audience_slug']} ({listed}; {finish})"
        if self.kind == STATION:
            name = getattr(languages.get(found["lang"]), "swedish_name", found["lang"]).lower()
            count = len(found["pieces"])
            if found["layout"] == "leaflet":
                return f"Utskrift: broschyr på {name} ({count} livshändelser)"
            return f"Utskrift: {count} kort på {name}"
        return f"Affisch {found['event_slug'] or 'alla livshändelser'} {found['size']} ({finish})"


FINISH_NAMES = {"office": "kontorsskrivare", "print-shop": "tryckeri"}


def pack(audience: str, codes: list[str], finish: str = "office") -> Job:
    arguments = {"audience_slug": audience, "codes": list(codes), "finish": finish}
    return Job(PACK, arguments)


def poster(event: str | None, size: str = "A4", finish: str = "office") -> Job:
    return Job(POSTER, {"event_slug": event, "size": size, "finish": finish})


def station(lang: str, layout: str, pieces: list[str]) -> Job:
    """A larger print at the print station: the cards (by slug) in a layout of print.service,
    or a leaflet of life events (by slug), in one language, for an office printer."""
    return Job(STATION, {"lang": lang, "layout": layout, "pieces": list(pieces)})


def _station_plan(lang: str, layout: str, pieces: list[str]) -> cache.Planned:
    if layout == "leaflet":
        events = [event for event in LifeEvent.objects.live() if event.slug in pieces]
        found, plan = events, service.leaflet_plan(events, lang, counted=True)
    else:
        cards = content.live_cards(pieces)
        found = cards
        plan = service.cards_plan(cards, lang, layout, served=None, counted=True)
    if len(found) != len(pieces):  # retired or unpublished since it was asked for
        raise NotPrintable(
            pgettext("staff side", "What was chosen is no longer published. Choose again.")
        )
    return plan
