"""What publishing a draft will do to the editions in service, before it happens ([E] 4).

    found = impact(draft)                   # the draft under edit (its latest revision)
    found.changed                           # does the Swedish change at all?
    found.kept / found.withdrawn / …        # the languages, each with its edition in service
    found.with_kind(ChangeKind.WITHDRAW)    # the same, had the editor chosen otherwise

It asks what `editions.record.refresh` will ask once the draft is published: does each language
in service have an approved translation of every text the object will carry, made from the
Swedish it will carry (or, for a minor edit, from the Swedish it carries now)? Then a new edition
follows at once; otherwise the language keeps serving its edition until the new translation is
approved, or, for a change that withdraws older translations, stops serving it. A message's
change reaches the cards in use that carry it.

`waiting()`, for the dashboards: per language, what serves an edition made from an older
Swedish than the one published since.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.template.loader import render_to_string
from modelcluster.queryset import FakeQuerySet

import languages
from dialogue.models import TRANSLATABLE_MODELS, DialogueCard, JointMessage, LifeEvent
from dialogue.models.base import ChangeKind
from editions import record, snapshot
from editions.models import Edition
from editions.served import Served
from translations.approved import Approved
from translations.status import Status, fingerprint

SV = languages.SOURCE_LANGUAGE


class Outcome(enum.StrEnum):
    """What publishing does to one language's edition in service (least to most serious)."""

    UNCHANGED = "unchanged"  # the Swedish does not change: nothing moves
    CURRENT = "current"  # a new edition follows at once: the translation stays current
    KEPT = "kept"  # keeps serving its edition until the new translation is approved
    WITHDRAWN = "withdrawn"  # taken out of print, QR pages and packs

    @property
    def weight(self) -> int:
        return list(Outcome).index(self)


@dataclass(frozen=True)
class _After:
    """One object in one language once the draft is published (nothing here depends on the
    change kind, so every kind's outcome is read from it without asking the database again)."""

    usable: bool  # every text it will carry has an approved translation
    current: bool  # … made from the Swedish it will carry
    current_if_minor: bool  # … or from the Swedish it carries now, which a minor edit accepts

    def outcome(self, kind: str, changed: bool) -> Outcome:
        current = self.current_if_minor if kind == ChangeKind.MINOR else self.current
        follows = self.usable and current
        if not follows and kind == ChangeKind.WITHDRAW:
            return Outcome.WITHDRAWN  # even when the Swedish is the same (record.refresh)
        if not changed:
            return Outcome.UNCHANGED
        return Outcome.CURRENT if follows else Outcome.KEPT


@dataclass(frozen=True)
class LanguageImpact:
    language: languages.Language
    outcome: Outcome
    edition: Edition  # the edition in service now: the object's own, else a carrying card's
    awaiting: datetime | None  # already waiting for a translation of an earlier change, since
    cards: int = 0  # cards in use carrying the message that serve this language
    after: tuple[_After, ...] = field(default=(), repr=False)  # the object's, then its cards'

    @property
    def since(self) -> datetime:
        """When the edition in service was recorded: "the edition of <date>"."""
        return self.edition.made_at


@dataclass(frozen=True)
class Impact:
    kind: str  # ChangeKind
    published: bool  # a Swedish edition is in service (else nothing is served in any language)
    changed: bool  # the Swedish of the draft differs from the Swedish in service
    languages: tuple[LanguageImpact, ...] = ()  # every language in service but Swedish
    cards: tuple[str, ...] = ()  # for a message: the cards in use that carry it

    def having(self, outcome: Outcome) -> tuple[LanguageImpact, ...]:
        return tuple(item for item in self.languages if item.outcome == outcome)

    @property
    def kept(self) -> tuple[LanguageImpact, ...]:
        return self.having(Outcome.KEPT)

    @property
    def withdrawn(self) -> tuple[LanguageImpact, ...]:
        return self.having(Outcome.WITHDRAWN)

    @property
    def current(self) -> tuple[LanguageImpact, ...]:
        return self.having(Outcome.CURRENT)

    @property
    def unchanged(self) -> tuple[LanguageImpact, ...]:
        return self.having(Outcome.UNCHANGED)

    def with_kind(self, kind: str) -> Impact:
        """The same draft had the editor chosen another kind of change (no queries)."""
        found = tuple(
            replace(item, outcome=_worst(after.outcome(kind, self.changed) for after in item.after))
            for item in self.languages
        )
        return replace(self, kind=kind, languages=found)


def _worst(outcomes) -> Outcome:
    return max(outcomes, key=lambda outcome: outcome.weight, default=Outcome.UNCHANGED)


def _read_swedish(part, name: str) -> str:
    return part.source_text(name)


def _stored(obj, *relations) -> None:
    """Loads the relations a draft does not hold itself (a revision holds its rows in memory)
    once, so that every reading of them uses the same rows."""
    wanted = [name for name in relations if not isinstance(getattr(obj, name).all(), FakeQuerySet)]
    if wanted:
        prefetch_related_objects([obj], *wanted)


def _as_edited(obj):
    """The object under edit with what its snapshot and parts read loaded in a few queries: a
    message's links and agencies, a card's messages as its draft lists them."""
    if isinstance(obj, JointMessage):
        _stored(obj, "links", "agencies")
    elif isinstance(obj, DialogueCard):
        _stored(obj, "card_messages")
        messages = JointMessage.objects.prefetch_related("links", "agencies")
        items = list(obj.card_messages.all())
        prefetch_related_objects(items, Prefetch("message", queryset=messages))
    return obj


def _parts(obj) -> list:
    """What the object will carry in every language: a card its live messages, as editions do."""
    if isinstance(obj, DialogueCard):
        messages = [message for message in obj.key_messages() if message.live]
        return [*obj.own_parts(), *(part for m in messages for part in m.translation_parts())]
    return obj.translation_parts()


def _with_draft(card, message, message_parts) -> list:
    """A card in use as it will be once the draft of one of its messages is published."""

    def of_message(part) -> bool:
        owner = record.owner(part)
        return isinstance(owner, JointMessage) and owner.pk == message.pk

    return [*(part for part in _parts(card) if not of_message(part)), *message_parts]


class _Carrying:
    """What an object will carry, as translations.approved asks an object for its parts."""

    def __init__(self, parts):
        self.parts = parts

    def translation_parts(self):
        return self.parts


def _after(approved: Approved, parts: list, lang: str, previous: dict[tuple, str]) -> _After:
    carrying = _Carrying(parts)
    usable = approved.usable(carrying, lang)
    current = not approved.outdated(carrying, lang)
    if current or not previous:
        return _After(usable, current, current)
    for part in parts:
        type_id = ContentType.objects.get_for_model(part).pk
        for name in part.translated_fields:
            if not approved.text(part, name, lang).strip():
                continue
            if approved.status(part, name, lang) != Status.OUTDATED:
                continue
            # accept_minor_edit: a translation made from the Swedish in service stays current.
            before = previous.get((type_id, part.pk, name))
            made_from = approved.made_from(part, name, lang)
            if before is None or fingerprint(made_from) != fingerprint(before):
                return _After(usable, False, False)
    return _After(usable, False, True)


def impact(obj, kind: str | None = None) -> Impact:
    """What publishing `obj` (the draft under edit: its latest revision as an object) will do
    to each language in service, for the change kind chosen (by default the draft's own)."""
    kind = kind or obj.change_kind
    if obj.pk is None:
        return Impact(kind, published=False, changed=True)
    draft = _as_edited(obj)
    cards = record.carriers(obj)  # a message's cards in use; none for other objects
    served = Served([obj, *cards], None)
    own = served.editions(obj)
    swedish = own.get(SV)
    if swedish is None:
        return Impact(kind, published=False, changed=True)
    changed = snapshot.texts(draft, _read_swedish, swedish=True) != swedish.source
    approved = Approved([draft, *cards])
    draft_parts = _parts(draft)
    # A minor edit accepts translations made from the Swedish in service (accept_minor_edit).
    previous = snapshot.swedish_units(swedish.source, obj) if changed else {}
    carried = [(card, served.editions(card)) for card in cards]
    found = []
    for language in languages.targets():
        lang = language.code
        mine = own.get(lang)
        carrying = [(card, editions) for card, editions in carried if lang in editions]
        if mine is None and not carrying:
            continue
        after = []
        if mine is not None:
            after.append(_after(approved, draft_parts, lang, previous))
        for card, _editions in carrying:
            after.append(_after(approved, _with_draft(card, obj, draft_parts), lang, previous))
        # "The edition of <date>": the object's own, else the oldest of its cards'.
        if mine is not None:
            pairs = [(mine, swedish)]
        else:
            pairs = [(editions[lang], editions.get(SV)) for _card, editions in carrying]
        edition, swedish_of = min(pairs, key=lambda pair: pair[0].made_at)
        awaiting = None
        if swedish_of is not None and edition.source_version != swedish_of.version:
            awaiting = swedish_of.made_at
        found.append(
            LanguageImpact(
                language,
                _worst(item.outcome(kind, changed) for item in after),
                edition,
                awaiting,
                cards=len(carrying),
                after=tuple(after),
            )
        )
    return Impact(kind, True, changed, tuple(found), tuple(str(card) for card in cards))


# The edit form's panel (dialogue.form_panels) -----------------------------------------------


def form_panel(instance, request, form=None):
    """The impact of publishing the draft, for each change kind the form offers: the one
    chosen shows, the others follow the editor's choice as she changes it (w-rules)."""
    if not isinstance(instance, TRANSLATABLE_MODELS) or instance.pk is None:
        return None
    chosen = instance.change_kind
    if form is not None and "change_kind" in form.fields:
        chosen = form["change_kind"].value() or chosen
    found = impact(instance, chosen)
    if not found.published and instance.live:
        return None  # live before editions were recorded: the backfill records them first
    variants = [(kind, found.with_kind(kind), kind == chosen) for kind in ChangeKind.values]
    return render_to_string(
        "editions/impact.html",
        {
            "impact": found,
            "variants": variants,
            "draft": instance.has_unpublished_changes,
        },
        request=request,
    )


# The dashboards -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """In one language: what serves an edition made from an older Swedish text."""

    language: languages.Language
    life_events: int
    messages: int
    cards: int
    since: datetime | None  # the earliest Swedish publication still waiting for its translation
    # Withdrawn on purpose and not yet translated anew: cards, messages and life events that
    # the public reads in Swedish in this language, and print and packs leave out.
    withdrawn: int = 0

    @property
    def total(self) -> int:
        return self.life_events + self.messages + self.cards + self.withdrawn


def waiting(codes=None) -> list[Waiting]:
    """Per language (all targets, or those named), the content in use whose edition in service
    awaits a newer translation (Served.awaiting for everything), and what was withdrawn and
    waits for one, from two queries."""
    chosen = [lang for lang in languages.targets() if codes is None or lang.code in codes]
    if not chosen:
        return []
    models = {ContentType.objects.get_for_model(model).pk: model for model in TRANSLATABLE_MODELS}
    which = Q()
    for type_id, model in models.items():
        which |= Q(content_type_id=type_id, object_id__in=model.objects.public().values("pk"))
    rows = (
        Edition.objects.served()
        .filter(which, language__in=[SV, *(lang.code for lang in chosen)])
        .values_list(
            "content_type_id", "object_id", "language", "version", "source_version", "made_at"
        )
    )
    swedish: dict[tuple[int, int], tuple[str, datetime]] = {}
    others = []
    rows = list(rows)
    in_service = {(type_id, pk, lang) for type_id, pk, lang, *_rest in rows}
    withdrawn: dict[str, set[tuple[int, int]]] = {}
    gone = Edition.objects.filter(
        which, language__in=[lang.code for lang in chosen], withdrawn_at__isnull=False
    ).values_list("content_type_id", "object_id", "language")
    for type_id, pk, lang in gone:
        if (type_id, pk, lang) not in in_service:
            withdrawn.setdefault(lang, set()).add((type_id, pk))
    for type_id, pk, lang, version, source_version, made_at in rows:
        if lang == SV:
            swedish[(type_id, pk)] = (version, made_at)
        else:
            others.append((type_id, pk, lang, source_version))
    counts: dict[str, dict[type, int]] = {}
    since: dict[str, datetime] = {}
    for type_id, pk, lang, source_version in others:
        current = swedish.get((type_id, pk))
        if current is None or current[0] == source_version:
            continue
        model = models[type_id]
        counts.setdefault(lang, {}).setdefault(model, 0)
        counts[lang][model] += 1
        since[lang] = min(since.get(lang, current[1]), current[1])
    return [
        Waiting(
            lang,
            life_events=counts.get(lang.code, {}).get(LifeEvent, 0),
            messages=counts.get(lang.code, {}).get(JointMessage, 0),
            cards=counts.get(lang.code, {}).get(DialogueCard, 0),
            since=since.get(lang.code),
            withdrawn=len(withdrawn.get(lang.code, ())),
        )
        for lang in chosen
        if lang.code in counts or lang.code in withdrawn
    ]
