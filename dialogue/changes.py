"""What is in each audience's pack, which version it is, and what changed lately.

A pack holds the audience's live cards, their key messages, their life events and (in the
leaflet) every live message of those life events; a publication of any of them is a change.
Changes come from Wagtail's log of publications. Only the date, the kind and the Swedish title
are read from it, never who published: the partner page and its feed are public.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import pgettext_lazy
from wagtail.models import ModelLogEntry

from dialogue.models import Audience, CardMessage, DialogueCard, JointMessage, LifeEvent

PUBLISH = "wagtail.publish"
AUDIENCE_CHANGES = 10
FEED_CHANGES = 30

# kind: (model, field with the Swedish title)
KINDS = {
    "card": (DialogueCard, "title_sv"),
    "message": (JointMessage, "headline_sv"),
    "life_event": (LifeEvent, "title_sv"),
}
LABELS = {
    ("card", True): pgettext_lazy("partner page", "New dialogue card"),
    ("card", False): pgettext_lazy("partner page", "Updated dialogue card"),
    ("message", True): pgettext_lazy("partner page", "New joint message"),
    ("message", False): pgettext_lazy("partner page", "Updated joint message"),
    ("life_event", True): pgettext_lazy("partner page", "New life event"),
    ("life_event", False): pgettext_lazy("partner page", "Updated life event"),
}

Key = tuple[str, int]  # (kind, pk)


@dataclass(frozen=True)
class Change:
    id: int  # the log entry's: stable, so a feed reader sees each publication once
    published_at: datetime
    kind: str
    object_id: int
    title: str  # Swedish, as it reads now
    is_new: bool  # the object's first publication
    audiences: tuple[Audience, ...] = ()  # whose packs it is in (filled in for the feed)

    @property
    def label(self) -> str:
        return str(LABELS[(self.kind, self.is_new)])


@dataclass(frozen=True)
class Version:
    id: str  # changes whenever anything in the pack is published again, added or removed
    published_at: datetime | None


@dataclass
class Material:
    """One audience's pack: the live objects in it, by (kind, pk), and its latest changes."""

    audience: Audience
    objects: dict[Key, object] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def version(self) -> Version:
        parts = sorted(f"{k}:{pk}:{obj.live_revision_id}" for (k, pk), obj in self.objects.items())
        stamps = [obj.last_published_at for obj in self.objects.values() if obj.last_published_at]
        digest = hashlib.sha256(",".join(parts).encode()).hexdigest()
        return Version(id=digest[:7], published_at=max(stamps, default=None))


def by_audience(limit: int = AUDIENCE_CHANGES) -> list[Material]:
    """Every audience with its material and its latest changes, newest first.

    A fixed number of queries for the content, then one per audience for its changes.
    """
    materials = _materials()
    for material in materials:
        material.changes = _changes(material.objects, limit)
    return materials


def recent(limit: int = FEED_CHANGES) -> list[Change]:
    """The latest changes to anything in any audience's pack, with the audiences concerned."""
    materials = _materials()
    everything = {key: obj for material in materials for key, obj in material.objects.items()}
    return [
        replace(
            change,
            audiences=tuple(
                m.audience for m in materials if (change.kind, change.object_id) in m.objects
            ),
        )
        for change in _changes(everything, limit)
    ]


def _materials() -> list[Material]:
    # Like print.content: live cards that are not retired, and their live messages.
    cards = {card.pk: card for card in DialogueCard.objects.public().select_related("life_event")}
    members = Audience.cards.through.objects.filter(dialoguecard_id__in=list(cards)).values_list(
        "audience_id", "dialoguecard_id"
    )
    messages_of_card: dict[int, set[int]] = {}
    for card_id, message_id in CardMessage.objects.filter(card_id__in=list(cards)).values_list(
        "card_id", "message_id"
    ):
        messages_of_card.setdefault(card_id, set()).add(message_id)
    events = {card.life_event_id for card in cards.values() if card.life_event.live}
    messages_of_event: dict[int, set[int]] = {}
    for event_id, message_id in JointMessage.life_events.through.objects.filter(
        lifeevent_id__in=list(events)
    ).values_list("lifeevent_id", "jointmessage_id"):
        messages_of_event.setdefault(event_id, set()).add(message_id)
    wanted = set().union(*messages_of_card.values(), *messages_of_event.values())
    messages = {m.pk: m for m in JointMessage.objects.live().filter(pk__in=wanted)}

    materials = {audience.pk: Material(audience) for audience in Audience.objects.all()}
    for audience_id, card_id in members:
        objects = materials[audience_id].objects
        card = cards[card_id]
        objects[("card", card.pk)] = card
        related = messages_of_card.get(card.pk, set())
        if card.life_event_id in events:
            objects[("life_event", card.life_event_id)] = card.life_event
            related = related | messages_of_event.get(card.life_event_id, set())
        for message_id in related & messages.keys():
            objects[("message", message_id)] = messages[message_id]
    return list(materials.values())


def _changes(objects: dict[Key, object], limit: int) -> list[Change]:
    """The latest publications of these objects, newest first, in one query."""
    types = {kind: ContentType.objects.get_for_model(model) for kind, (model, _) in KINDS.items()}
    wanted = Q()
    for kind, content_type in types.items():
        ids = [str(pk) for k, pk in objects if k == kind]
        if ids:
            wanted |= Q(content_type=content_type, object_id__in=ids)
    if not objects:
        return []
    earlier = ModelLogEntry.objects.filter(
        Q(timestamp__lt=OuterRef("timestamp"))
        | Q(timestamp=OuterRef("timestamp"), pk__lt=OuterRef("pk")),
        action=PUBLISH,
        content_type=OuterRef("content_type"),
        object_id=OuterRef("object_id"),
    )
    # values_list: the user and free-text data of a log entry are never even loaded.
    rows = (
        ModelLogEntry.objects.filter(wanted, action=PUBLISH)
        .annotate(is_new=~Exists(earlier))
        .order_by("-timestamp", "-pk")
        .values_list("pk", "content_type_id", "object_id", "timestamp", "is_new")[:limit]
    )
    kind_of = {content_type.pk: kind for kind, content_type in types.items()}
    changes = []
    for pk, type_id, object_id, timestamp, is_new in rows:
        kind = kind_of[type_id]
        obj = objects[(kind, int(object_id))]
        title = getattr(obj, KINDS[kind][1])
        changes.append(Change(pk, timestamp, kind, int(object_id), title, is_new))
    return changes
