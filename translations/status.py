"""One source of truth for translation status: missing, translated, approved or outdated.

A unit is one translated field of one object (a card's title, a message's body …) in one
language. The admin and the exchange files ask `status_of`; the public site, print and audio ask
dialogue.approved, which builds on it.
"""

from __future__ import annotations

import hashlib
from collections import Counter as Tally
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

import languages
from dialogue.models import DialogueCard, LifeEvent
from translations import signals, trail
from translations.models import TranslationState


class Status(TextChoices):
    MISSING = "missing", _("missing")
    TRANSLATED = "translated", _("translated, not reviewed")
    APPROVED = "approved", _("approved")
    OUTDATED = "outdated", _("outdated")


def fingerprint(text: str) -> str:
    return hashlib.sha256((text or "").strip().encode()).hexdigest()


@dataclass(frozen=True)
class Unit:
    obj: object
    field: str

    @property
    def key(self) -> tuple[int, int, str]:
        return (ContentType.objects.get_for_model(self.obj).pk, self.obj.pk, self.field)


def _units(parts) -> list[Unit]:
    return [
        Unit(part, field)
        for part in parts
        for field in part.translated_fields
        if part.source_text(field).strip()
    ]


def units_of(obj) -> list[Unit]:
    """The translatable units of an object itself; a message's link labels belong to it."""
    return _units(obj.own_parts())


def units_in(obj) -> list[Unit]:
    """The units of the object and all it carries: a card is translated with its messages."""
    return _units(obj.translation_parts())


def states_for(units: list[Unit]) -> dict[tuple, TranslationState]:
    """All stored states of the units, in one query per content type."""
    by_type: dict[int, set[int]] = {}
    for unit in units:
        type_id, object_id, _field = unit.key
        by_type.setdefault(type_id, set()).add(object_id)
    found = {}
    for type_id, ids in by_type.items():
        for state in TranslationState.objects.filter(content_type_id=type_id, object_id__in=ids):
            found[(type_id, state.object_id, state.field, state.language)] = state
    return found


def status_of(unit: Unit, lang: str, states: dict | None = None) -> Status:
    if not unit.obj.text(unit.field, lang).strip():
        return Status.MISSING
    states = states if states is not None else states_for([unit])
    return status_from(unit.obj, unit.field, lang, states.get((*unit.key, lang)))


def status_from(obj, field: str, lang: str, state: TranslationState | None) -> Status:
    if not obj.text(field, lang).strip():
        return Status.MISSING
    if state is None:
        return Status.TRANSLATED  # text from before states were kept: not reviewed
    if state.source_fingerprint != fingerprint(obj.source_text(field)):
        return Status.OUTDATED
    return Status(state.status)


def record(
    obj, field: str, lang: str, status: str = Status.TRANSLATED, *, user=None, action: str = ""
):
    """A translation was made (or approved) now, from the current Swedish text, by the user;
    the trail keeps who and when (`action` "imported" for an exchange file). Its writer cannot
    approve it (four eyes, translations.trail); without a user nobody is bound."""
    if status == Status.APPROVED and user is not None and trail.wrote(user, obj, field, lang):
        raise trail.OwnTranslation(f"{user.get_username()} wrote {field} [{lang}] of {obj}")
    source = obj.source_text(field)
    TranslationState.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=lang,
        defaults={
            "status": status,
            "source_fingerprint": fingerprint(source),
            "source_text": source,
        },
    )
    trail.log(obj, field, lang, action or status, fingerprint(source), user)
    signals.recorded.send(TranslationState, obj=obj, field=field, language=lang, status=status)


def accept_minor_edit(obj, previous: dict[tuple, str]):
    """A Swedish change that does not change the meaning (a typo), now published: translations
    that were current for the previous Swedish (`previous`: Unit.key → that text) stay current.
    A translation already made from an older text stays outdated."""
    from dialogue import content_version

    content_version.bump()  # a queryset update sends no signal
    for unit in units_of(obj):
        type_id, object_id, field = unit.key
        before = previous.get(unit.key)
        if before is None:
            continue
        TranslationState.objects.filter(
            content_type_id=type_id,
            object_id=object_id,
            field=field,
            source_fingerprint=fingerprint(before),
        ).update(
            source_fingerprint=fingerprint(unit.obj.source_text(unit.field)),
            source_text=unit.obj.source_text(unit.field),
        )


def _event_units(event: LifeEvent, cards: list[DialogueCard]) -> list[Unit]:
    units = units_of(event)
    seen = set()
    for card in cards:
        units += units_of(card)
        for message in card.key_messages():
            if message.pk not in seen:
                seen.add(message.pk)
                units += units_of(message)
    return units


def word_count(text: str) -> int:
    """Words as an agency counts them for a quote: whitespace-separated tokens holding a letter
    or digit (a lone dash is no word)."""
    return sum(1 for token in (text or "").split() if any(c.isalnum() for c in token))


def _tallies(units: list[Unit], lang: str, states: dict) -> tuple[Tally, Tally]:
    """Units and words of the Swedish source per status: what an agency is paid for is the
    source to translate, so a missing or outdated unit counts its Swedish words."""
    counts, words = Tally(), Tally()
    for unit in units:
        status = status_of(unit, lang, states)
        counts[status] += 1
        words[status] += word_count(unit.obj.source_text(unit.field))
    return counts, words


@dataclass
class Row:
    language: languages.Language
    life_event: LifeEvent | None
    counts: Tally
    words: Tally = dataclass_field(default_factory=Tally)  # Swedish source words per status

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def coverage(self) -> int:
        """Per cent of units that can be shown: translated or approved, and not outdated."""
        done = self.counts[Status.TRANSLATED] + self.counts[Status.APPROVED]
        return round(100 * done / self.total) if self.total else 0


def overview(codes=None, event_slug: str = "") -> list[Row]:
    """Languages × life events, with how many units are in each status."""
    events = LifeEvent.objects.order_by("sort_order")
    if event_slug:
        events = events.filter(slug=event_slug)
    cards = list(
        DialogueCard.objects.prefetch_related("card_messages__message__links").select_related(
            "life_event"
        )
    )
    per_event = {event: _event_units(event, [c for c in cards if c.life_event_id == event.pk])
                 for event in events}  # fmt: skip
    states = states_for([unit for units in per_event.values() for unit in units])
    chosen = [languages.get(c) for c in codes] if codes else list(languages.targets())
    rows = []
    for language in chosen:
        for event, units in per_event.items():
            rows.append(Row(language, event, *_tallies(units, language.code, states)))
    return rows


def totals(codes=None) -> list[Row]:
    """One row per language over all life events, each unit counted once (a message in two
    life events is translated once): what to order from an agency."""
    units, states = _work_units()
    chosen = [languages.get(c) for c in codes] if codes else list(languages.targets())
    return [Row(language, None, *_tallies(units, language.code, states)) for language in chosen]


def _work_units() -> tuple[list[Unit], dict]:
    """Every unit reachable from the life events, in work-list order (event by event, each
    card followed by its messages), each once, and their stored states."""
    cards = list(DialogueCard.objects.prefetch_related("card_messages__message__links"))
    units, seen = [], set()
    for event in LifeEvent.objects.order_by("sort_order", "pk"):
        for unit in _event_units(event, [c for c in cards if c.life_event_id == event.pk]):
            if unit.key not in seen:
                seen.add(unit.key)
                units.append(unit)
    return units, states_for(units)


def work_list(
    lang: str, wanted: tuple[Status, ...] = (Status.MISSING, Status.OUTDATED)
) -> list[tuple[Unit, Status]]:
    """What is missing or outdated in a language, card by card (reviewers ask for TRANSLATED)."""
    units, states = _work_units()
    found = []
    for unit in units:
        status = status_of(unit, lang, states)
        if status in wanted:
            found.append((unit, status))
    return found


def tally(codes) -> dict[str, Tally]:
    """How many units are in each status per language, each unit counted once (a message in
    two life events is one piece of work), as the work lists show them."""
    units, states = _work_units()
    return {code: Tally(status_of(unit, code, states) for unit in units) for code in codes}


def can_translate(user, lang: str) -> bool:
    """Translators may change only the languages their groups are given."""
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm("translations.translate_any_language"):
        return True
    if not user.has_perm("translations.translate"):
        return False
    from translations.models import GroupLanguages

    assigned = GroupLanguages.objects.filter(group__user=user)
    return any(lang in item.codes() for item in assigned)


def can_approve(user, lang: str) -> bool:
    return can_translate(user, lang) and (
        user.is_superuser or user.has_perm("translations.approve_translation")
    )
