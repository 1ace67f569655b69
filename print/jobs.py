"""What a background build is asked to make: a pack or a poster, by what a partner chose.

A job is plain JSON (kind and arguments), so that it travels through any task queue; its key is
the same however often it is asked for, which is what makes enqueueing it idempotent."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import languages
from print import cache, packs, service

PACK, POSTER = "pack", "poster"


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
        finish = FINISH_NAMES.get(found["finish"], found["finish"])
        if self.kind == PACK:
            names = [getattr(languages.get(c), "swedish_name", c) for c in found["codes"]]
            listed = ", ".join(name.lower() for name in names)
            return f"Paket för {found['audience_slug']} ({listed}; {finish})"
        return f"Affisch {found['event_slug'] or 'alla livshändelser'} {found['size']} ({finish})"


FINISH_NAMES = {"office": "kontorsskrivare", "print-shop": "tryckeri"}


def pack(audience: str, codes: list[str], finish: str = "office") -> Job:
    arguments = {"audience_slug": audience, "codes": list(codes), "finish": finish}
    return Job(PACK, arguments)


def poster(event: str | None, size: str = "A4", finish: str = "office") -> Job:
    return Job(POSTER, {"event_slug": event, "size": size, "finish": finish})
