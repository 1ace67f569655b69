"""Each language's work as translators and reviewers meet it: what is missing or outdated, what
waits for a second reader (with the Swedish and the translation, object by object), and which
object comes next after the one open in the side-by-side editor.

Work for a translator is a missing or outdated unit; for a reviewer also a translation nobody
has reviewed, unless she wrote it herself (four eyes, translations.trail): that one waits for
another reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.text import capfirst

from translations import labels, trail
from translations import status as translation_status
from translations.status import Status, Unit

TODO = (Status.MISSING, Status.OUTDATED)
REVIEW = (Status.TRANSLATED,)


def edit_url(obj, lang: str) -> str:
    """The side-by-side editor of the object a unit is translated in."""
    target = labels.target_of(obj)
    return reverse("translation_edit", args=[target._meta.model_name, target.pk, lang])


def _key(obj) -> tuple[str, int]:
    return (obj._meta.model_name, obj.pk)


@dataclass
class Entry:
    unit: Unit
    status: Status
    label: str  # the unit inside its object: "Rubrik", "Länk https://… · Text"
    source: str
    text: str  # the translation as it is now
    own: bool = False  # the reader wrote it: another reviewer approves it


@dataclass
class Group:
    """One object (a life event, a card, a message with its links) and its units."""

    obj: object
    url: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return capfirst(str(self.obj._meta.verbose_name))


def written_by(user, units: list[Unit], lang: str) -> set[tuple]:
    """The keys of the units whose current text the user wrote (one query per content type)."""
    histories = trail.trails(units, lang)
    return {
        key
        for key, history in histories.items()
        if history.written is not None and trail.is_by(history.written, user)
    }


def _entry(unit: Unit, status: Status, lang: str, own: bool = False) -> Entry:
    return Entry(
        unit=unit,
        status=status,
        label=labels.in_target(unit),
        source=unit.obj.source_text(unit.field),
        text=unit.obj.text(unit.field, lang),
        own=own,
    )


def _grouped(entries: list[Entry], lang: str) -> list[Group]:
    groups: dict[tuple, Group] = {}
    for entry in entries:
        target = labels.target_of(entry.unit.obj)
        group = groups.get(_key(target))
        if group is None:
            group = groups[_key(target)] = Group(target, edit_url(target, lang))
        group.entries.append(entry)
    return list(groups.values())


@dataclass
class Lists:
    todo: list[Group]  # missing or outdated
    unreviewed: list[Group]  # translated, not reviewed

    @property
    def todo_count(self) -> int:
        return sum(len(group.entries) for group in self.todo)

    @property
    def unreviewed_count(self) -> int:
        return sum(len(group.entries) for group in self.unreviewed)


def lists(lang: str, user) -> Lists:
    """The work list of a language, as the user sees it: her own unreviewed texts are marked."""
    found = translation_status.work_list(lang, TODO + REVIEW)
    unreviewed = [unit for unit, status in found if status in REVIEW]
    own = written_by(user, unreviewed, lang)
    return Lists(
        todo=_grouped([_entry(u, s, lang) for u, s in found if s in TODO], lang),
        unreviewed=_grouped(
            [_entry(u, s, lang, own=u.key in own) for u, s in found if s in REVIEW], lang
        ),
    )


@dataclass(frozen=True)
class Next:
    """What follows the object in the editor: the next object with work for this user, or none
    (the end of the list), and how much work is left in the language all told."""

    obj: object | None
    url: str
    remaining: int


def next_object(user, lang: str, current) -> Next:
    """The first object after `current` in the work list's order that still has work for the
    user. A card's editor shows its messages, so they are not "next" after the card."""
    found = translation_status.work_list(lang, tuple(Status))
    may_approve = translation_status.can_approve(user, lang)
    own = (
        written_by(user, [unit for unit, status in found if status in REVIEW], lang)
        if may_approve
        else set()
    )
    order: list = []
    work: dict[tuple, int] = {}
    for unit, status in found:
        target = labels.target_of(unit.obj)
        key = _key(target)
        if key not in work:
            order.append(target)
            work[key] = 0
        if status in TODO or (status in REVIEW and may_approve and unit.key not in own):
            work[key] += 1
    shown = {_key(current)} | {_key(labels.target_of(p)) for p in current.translation_parts()}
    keys = [_key(obj) for obj in order]
    after = order[keys.index(_key(current)) + 1 :] if _key(current) in keys else order
    remaining = sum(work.values())
    for obj in after:
        if work[_key(obj)] and _key(obj) not in shown:
            return Next(obj, edit_url(obj, lang), remaining)
    return Next(None, reverse("translation_work", args=[lang]), remaining)
