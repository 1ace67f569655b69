"""The daily digest (manage.py send_digests): what has come to wait in a translator's or
reviewer's languages since the last one. Translators hear of missing and outdated units,
reviewers of translations nobody has reviewed yet (translations.status). Each person's markers
(DigestSent) hold what she was told and is still waiting, so an unchanged list is not sent
again, and a unit that needs work again after it was done is news again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

import languages
from notifications import mail, recipients
from notifications.models import DigestSent
from translations import status as translation_status
from translations.status import Status

SHOWN = 15  # items listed per language; the work list has them all

WANTED = {
    DigestSent.TRANSLATE: (Status.MISSING, Status.OUTDATED),
    DigestSent.REVIEW: (Status.TRANSLATED,),
}


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    field: str
    status: str
    outdated: bool
    url: str


@dataclass
class Section:
    language: languages.Language
    kind: str
    waiting: list[Item]
    new: list[Item]

    @property
    def review(self) -> bool:
        return self.kind == DigestSent.REVIEW

    @property
    def name(self) -> str:
        return capfirst(self.language.swedish_name)

    @property
    def shown(self) -> list[Item]:
        return self.new[:SHOWN]

    @property
    def more(self) -> int:
        return max(0, len(self.new) - SHOWN)

    @property
    def outdated(self) -> int:
        return sum(item.outdated for item in self.waiting)

    @property
    def missing(self) -> int:
        return len(self.waiting) - self.outdated

    @property
    def url(self) -> str:
        if self.review:
            path = reverse("translation_overview")
            return mail.absolute(f"{path}?language={self.language.code}&status=translated")
        return mail.absolute(reverse("translation_work", args=[self.language.code]))


@dataclass
class Digest:
    user: object
    sections: list[Section]
    # (language, kind) -> unit keys: what she knew before, and what to remember now.
    known: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    now_waiting: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def _edit_url(obj, lang: str) -> str:
    target = getattr(obj, "message", obj)  # a link label is translated with its message
    path = reverse("translation_edit", args=[target._meta.model_name, target.pk, lang])
    return mail.absolute(path)


def _items(lang: str, kind: str) -> list[Item]:
    items = []
    with translation.override("sv"):  # titles, field names and statuses as the mail shows them
        for unit, status in translation_status.work_list(lang, WANTED[kind]):
            type_id, object_id, name = unit.key
            try:
                label = str(unit.obj._meta.get_field(name).verbose_name)
            except LookupError:
                label = name
            items.append(
                Item(
                    key=f"{type_id}:{object_id}:{name}:{status.value}",
                    title=str(getattr(unit.obj, "message", unit.obj)),  # a link: its message
                    field=label,
                    status=str(status.label),
                    outdated=status == Status.OUTDATED,
                    url=_edit_url(unit.obj, lang),
                )
            )
    return items


def collect(user_pk: int | None = None) -> list[Digest]:
    """Every reachable translator's and reviewer's digest (or one person's); sections only
    where work is new."""
    lists: dict[tuple[str, str], list[Item]] = {}
    found = []
    for reader in recipients.digest_readers():
        if user_pk is not None and reader.user.pk != user_pk:
            continue
        known = {
            (marker.language, marker.kind): marker.units
            for marker in DigestSent.objects.filter(user=reader.user)
        }
        digest = Digest(reader.user, [], known)
        for kind, codes in ((DigestSent.TRANSLATE, reader.translates),
                            (DigestSent.REVIEW, reader.reviews)):  # fmt: skip
            for code in codes:
                language = languages.get(code)
                if language is None or language.is_source:
                    continue
                if (code, kind) not in lists:
                    lists[code, kind] = _items(code, kind)
                waiting = lists[code, kind]
                told = set(known.get((code, kind), []))
                new = [item for item in waiting if item.key not in told]
                digest.now_waiting[code, kind] = [item.key for item in waiting]
                if new:
                    digest.sections.append(Section(language, kind, waiting, new))
        found.append(digest)
    return found


def remember(digest: Digest, sent: bool) -> None:
    """Keep what is waiting now; sent_at moves only where the sent digest named new work."""
    now = timezone.now()
    named = {(s.language.code, s.kind) for s in digest.sections} if sent else set()
    for (code, kind), keys in digest.now_waiting.items():
        if keys == digest.known.get((code, kind)) and (code, kind) not in named:
            continue
        stamp = {"sent_at": now} if (code, kind) in named else {}
        DigestSent.objects.update_or_create(
            user=digest.user,
            language=code,
            kind=kind,
            defaults={"units": keys, **stamp},
            create_defaults={"units": keys, "sent_at": stamp.get("sent_at")},
        )


def send(digest: Digest) -> int:
    context = {
        "sections": digest.sections,
        "translate": any(not s.review for s in digest.sections),
        "review": any(s.review for s in digest.sections),
        "languages": ", ".join(dict.fromkeys(s.name for s in digest.sections)),
    }
    return mail.send("digest", [(digest.user, context)])


def sent_on(user_pk: int, day: date) -> bool:
    """Whether a digest went to the person on that day (her markers' sent_at, local time)."""
    return DigestSent.objects.filter(user_id=user_pk, sent_at__date=day).exists()


def summary(digest: Digest) -> str:
    """What the digest names, for the command's output and the task's result."""
    return ", ".join(
        f"{s.language.code} {'att granska' if s.review else 'att översätta'}: {len(s.new)} nya"
        for s in digest.sections
    )


def deliver(digest: Digest) -> int:
    """Send one person's digest and remember it, or neither (the mail failed)."""
    with transaction.atomic():
        remember(digest, sent=True)
        return send(digest)
