"""Print recall: which cards an office printed in a language whose edition has since been
replaced, or withdrawn, so that the office stops handing out its old copies.

The station notes each print per office and edition (`note`), never who printed. An office's
recalls are the editions it printed that are no longer in service: replaced by a newer approved
version (printable at once), or withdrawn with nothing approved in their place yet. The office
marks a recall as seen once it has dealt with its old copies; printing that edition again
(should it come back) makes it count anew.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

import languages
from dialogue.models import DialogueCard
from editions.models import Edition
from editions.served import Served
from print.models import Office, PrintedEdition

logger = logging.getLogger(__name__)


def note(office: Office, lang: str, editions: dict[str, str]) -> bool:
    """Count one print of each card (code → version printed) for the office. Never raises: the
    woman at the desk still gets her cards when the note fails."""
    today = timezone.localdate()
    try:
        with transaction.atomic():
            for code, version in editions.items():
                _note_one(office, code, lang, version, today)
        return True
    except DatabaseError:
        logger.exception("Could not note the editions printed by %s", office)
        return False


def _note_one(office: Office, code: str, lang: str, version: str, today: date) -> None:
    rows = PrintedEdition.objects.filter(office=office, card=code, language=lang, version=version)
    printed = {"prints": F("prints") + 1, "last_printed": today, "recall_seen_at": None}
    if rows.update(**printed):
        return
    try:
        with transaction.atomic():  # another desk of the office may create it at the same time
            PrintedEdition.objects.create(
                office=office, card=code, language=lang, version=version, prints=1,
                last_printed=today,
            )  # fmt: skip
    except IntegrityError:
        rows.update(**printed)


@dataclass(frozen=True)
class Recall:
    """A card × language whose printed copies are out of date at this office."""

    card: DialogueCard
    language: languages.Language
    printed: str  # the replaced version the office printed last
    printed_on: date  # when it last printed a replaced version
    prints: int  # prints of every replaced version of it
    versions: tuple[str, ...]  # every replaced version it printed, to mark them seen together
    current: Edition | None  # the edition in service now; None: the language was withdrawn
    # Why the language was withdrawn, or why the printed text was taken out before its
    # replacement came (a change in substance); "" when the new version merely improves it.
    reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.current is None


def for_office(office: Office) -> list[Recall]:
    """The office's recalls not yet seen, most printed first: a fixed number of queries however
    many there are."""
    rows = PrintedEdition.objects.filter(office=office, recall_seen_at=None)
    rows = list(rows.order_by("card", "language", "-last_printed"))
    codes = {row.card for row in rows}
    found = DialogueCard.objects.public().filter(code__in=codes).select_related("life_event")
    cards = {card.code: card for card in found} if codes else {}
    served = Served(cards.values(), None)
    replaced = _replaced(rows, cards, served)
    taken_out = _taken_out(cards, replaced)
    recalls = [
        _recall(cards[code], lang, printed, served, taken_out)
        for (code, lang), printed in replaced.items()
    ]
    return sorted(recalls, key=lambda r: (-r.prints, r.card.title_sv, r.language.swedish_name))


def _replaced(rows, cards, served: Served) -> dict[tuple[str, str], list[PrintedEdition]]:
    """(code, lang) → the office's rows of editions no longer in service, latest print first."""
    replaced: dict[tuple[str, str], list[PrintedEdition]] = {}
    for row in rows:
        card, language = cards.get(row.card), languages.get(row.language)
        if card is None or language is None or not language.enabled:
            continue  # retired, or a language no longer offered: nothing to print instead
        current = served.edition(card, row.language)
        if current is not None and current.version == row.version:
            continue  # still the edition in service
        if current is None and served.withdrawn(card, row.language) is None:
            continue  # its editions were removed, not withdrawn: nothing to tell
        replaced.setdefault((row.card, row.language), []).append(row)
    return replaced


def _recall(card, lang: str, printed: list[PrintedEdition], served: Served, taken_out) -> Recall:
    current, last = served.edition(card, lang), printed[0]
    if current is None:
        reason = served.withdrawn(card, lang).reason
    else:
        reasons = (taken_out.get((card.code, lang, row.version)) for row in printed)
        reason = next((reason for reason in reasons if reason), "")
    return Recall(
        card=card,
        language=languages.get(lang),
        printed=last.version,
        printed_on=last.last_printed,
        prints=sum(row.prints for row in printed),
        versions=tuple(row.version for row in printed),
        current=current,
        reason=reason,
    )


def _taken_out(cards, replaced) -> dict[tuple[str, str, str], str]:
    """(code, lang, version) → reason, for the printed editions withdrawn on purpose: their text
    became wrong before a new translation replaced it. One query, a superset cut down here."""
    wanted = {(code, lang, row.version) for (code, lang), rows in replaced.items() for row in rows}
    if not wanted:
        return {}
    codes = {cards[code].pk: code for code, _lang, _version in wanted}
    found = Edition.objects.filter(
        content_type=ContentType.objects.get_for_model(DialogueCard),
        object_id__in=codes,
        language__in={lang for _code, lang, _version in wanted},
        version__in={version for _code, _lang, version in wanted},
        withdrawn_at__isnull=False,
    ).only("object_id", "language", "version", "reason")
    taken_out = {}
    for edition in found:
        key = (codes[edition.object_id], edition.language, edition.version)
        if key in wanted:
            taken_out[key] = edition.reason
    return taken_out


def mark_seen(office: Office, code: str, lang: str, versions: list[str]) -> int:
    """The office has dealt with its old copies of these versions: they leave its list."""
    return PrintedEdition.objects.filter(
        office=office, card=code, language=lang, version__in=versions, recall_seen_at=None
    ).update(recall_seen_at=timezone.now())
