"""Comments on a unit in a language: a translator asks about the Swedish, a reviewer remarks on
the translation; either side marks them resolved. Posting sends translations.signals.commented,
so the apps above tell the other side (notifications mails once the comment is committed)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from translations import signals
from translations.models import UnitComment
from translations.status import Unit


def post(unit: Unit, lang: str, user, text: str, kind: str, page: str = "") -> UnitComment:
    type_id, object_id, field = unit.key
    comment = UnitComment.objects.create(
        content_type_id=type_id, object_id=object_id, field=field, language=lang,
        kind=kind, text=text.strip(), author=user, page=page,
    )  # fmt: skip
    signals.commented.send(UnitComment, comment=comment)  # notifications mails after commit
    return comment


def resolve(comment: UnitComment, user) -> None:
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), user
        comment.save(update_fields=["resolved_at", "resolved_by"])


def of_units(units: list[Unit], lang: str) -> dict[tuple, list[UnitComment]]:
    """The comments of these units in the language, by Unit.key, in one query."""
    by_type: dict[int, set[int]] = {}
    for unit in units:
        by_type.setdefault(unit.key[0], set()).add(unit.key[1])
    if not by_type:
        return {}
    wanted = Q()
    for type_id, ids in by_type.items():
        wanted |= Q(content_type_id=type_id, object_id__in=ids)
    rows = UnitComment.objects.filter(wanted, language=lang).select_related("author", "resolved_by")
    found: dict[tuple, list[UnitComment]] = {}
    for comment in rows:
        key = (comment.content_type_id, comment.object_id, comment.field)
        found.setdefault(key, []).append(comment)
    return found


def unit_of(comment: UnitComment) -> Unit | None:
    """The unit a comment is about, or None when its object is gone."""
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    obj = model.objects.filter(pk=comment.object_id).first() if model else None
    return Unit(obj, comment.field) if obj is not None else None
