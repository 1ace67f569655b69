"""Reading editions: which edition of each object is in service in a language, from one query.

served = Served([event, *cards], "ar")
edition = served.edition(card)          # the Arabic edition in service, or None
served.swedish(card)                    # the Swedish edition in service
served.awaiting(card)                   # since when a newer Swedish waits for translation
served.withdrawn(card)                  # the edition taken out of service, with its reason
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

import languages
from editions.models import Edition

SV = languages.SOURCE_LANGUAGE


def _key(obj) -> tuple[int, int]:
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def _which(objects) -> Q | None:
    """The condition that selects the editions of these objects (None: no objects)."""
    wanted: dict[int, set[int]] = {}
    for obj in objects:
        type_id, pk = _key(obj)
        wanted.setdefault(type_id, set()).add(pk)
    if not wanted:
        return None
    which = Q()
    for type_id, ids in wanted.items():
        which |= Q(content_type_id=type_id, object_id__in=ids)
    return which


class Served:
    """The editions in service for many objects in one language (and Swedish), or in every
    language when `lang` is None (then each question names its language)."""

    def __init__(self, objects, lang: str | None):
        self.lang = lang
        # (content type id, pk) → language → edition
        self._served: dict[tuple[int, int], dict[str, Edition]] = {}
        self._withdrawn: dict[tuple[int, int], dict[str, Edition]] = {}
        which = _which(objects)
        if which is None:
            return
        found = Edition.objects.filter(which).served_or_withdrawn().order_by("made_at", "pk")
        if lang is not None:
            found = found.filter(language__in={lang, SV})
        for edition in found:
            key = (edition.content_type_id, edition.object_id)
            if edition.served:
                self._served.setdefault(key, {})[edition.language] = edition
            else:
                self._withdrawn.setdefault(key, {})[edition.language] = edition

    def editions(self, obj) -> dict[str, Edition]:
        """The object's editions in service, by language."""
        return self._served.get(_key(obj), {})

    def edition(self, obj, lang: str | None = None) -> Edition | None:
        return self.editions(obj).get(lang or self.lang)

    def swedish(self, obj) -> Edition | None:
        return self.edition(obj, SV)

    def withdrawn(self, obj, lang: str | None = None) -> Edition | None:
        """The latest edition taken out of service on purpose, while none replaces it."""
        if self.edition(obj, lang) is not None:
            return None
        return self._withdrawn.get(_key(obj), {}).get(lang or self.lang)

    def awaiting(self, obj, lang: str | None = None) -> datetime | None:
        """When the Swedish changed that the served edition does not say yet: "updated Swedish,
        translation on its way" since then. None when it is current (or nothing is served)."""
        edition, swedish = self.edition(obj, lang), self.swedish(obj)
        if edition is None or swedish is None or edition.source_version == swedish.version:
            return None
        return swedish.made_at
