"""What "save this topic for offline use" stores on a phone: a life event's page in a language,
each of its cards' QR pages in that language, their recordings, the fallback page shown for
what is not saved, and the files those pages need. The service worker (static/cms/sw.js)
fetches the list as JSON (`/<lang>/<life-event>/offline.json`) and stores every address on it;
the life-event page shows the size before anything is saved.

Read from the public reading model (cms.reading), so it lists exactly what the pages show:
the recordings the public hears, never a draft.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

from cms import reading
from languages import Language

# What one page costs, about (measured: a QR page 7 KB, a life-event page 5–9 KB, the fallback
# page 1.5 KB, uncompressed); a pictogram is half a kilobyte. The recordings are most of a
# topic's size, and they and the style sheet and script are counted to the byte.
PAGE_BYTES = 10_000
PICTOGRAM_BYTES = 1_000
# The pages' own files (a QR page's play button has a script of its own).
FILES = ("cms/site.css", "cms/offline.js", "cms/speak.js")


@dataclass(frozen=True)
class Stored:
    url: str
    bytes: int


@dataclass(frozen=True)
class OfflineTopic:
    lang: str
    dir: str
    slug: str
    title: str
    page: str  # the life-event page: where the saved topic opens
    pages: list[Stored]
    recordings: list[Stored]
    assets: list[Stored]

    @property
    def bytes(self) -> int:
        return sum(item.bytes for item in (*self.pages, *self.recordings, *self.assets))

    def as_json(self) -> dict:
        def listed(items):
            return [{"url": item.url, "bytes": item.bytes} for item in items]

        return {
            "lang": self.lang,
            "dir": self.dir,
            "slug": self.slug,
            "title": self.title,
            "page": self.page,
            "bytes": self.bytes,
            "pages": listed(self.pages),
            "recordings": listed(self.recordings),
            "assets": listed(self.assets),
        }


def topic(language: Language, slug: str) -> OfflineTopic | None:
    """The topic as it would be saved, or None when there is no such live life event."""
    event = reading.life_event(language, slug)
    if event is None:
        return None
    code = language.code
    page = reverse("life_event_detail", args=[code, slug])
    pages = [page, reverse("offline_page", args=[code])]
    pages += [reverse("qr_card", args=[card.code, code]) for card in event.cards]
    # Recordings in object storage (S3) are on another origin: the worker keeps only its own.
    recordings = [
        Stored(card.audio.url, card.audio.size)
        for card in event.playlist
        if card.audio.url.startswith("/")
    ]
    pictograms = {event.pictogram_url, *(card.pictogram_url for card in event.cards)}
    assets = [Stored(static(name), _size(name)) for name in FILES if finders.find(name)]
    assets += [Stored(url, PICTOGRAM_BYTES) for url in sorted(pictograms)]
    return OfflineTopic(
        lang=code,
        dir=language.direction,
        slug=slug,
        title=event.title.text,
        page=page,
        pages=[Stored(url, PAGE_BYTES) for url in pages],
        recordings=recordings,
        assets=assets,
    )


def _size(name: str) -> int:
    return os.path.getsize(finders.find(name))


def has_kit(language: Language, slug: str) -> bool:
    """An offline kit can be made: at least one card of the topic is translated and approved
    (print.kits refuses otherwise)."""
    event = reading.life_event(language, slug)
    return event is not None and any(card.translated for card in event.cards)
