"""Comments on a unit in a language: a translator asks about the Swedish, a reviewer remarks on
the translation, the communication group answers a question; either side marks them resolved.
Posting sends translations.signals.commented, so the apps above tell the other side
(notifications mails once the comment is committed)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dialogue.models import TRANSLATABLE_MODELS
from translations import signals
from translations.models import GroupLanguages, UnitComment
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


def answer(question: UnitComment, unit: Unit, user, text: str, *, resolved: bool, page: str = ""):
    """The communication group's answer to a translator's question, on the same unit and
    language, and the question resolved if she says so: both or neither. The answer's mail
    (to whoever asked) goes after the commit, as every comment's."""
    with transaction.atomic():
        reply = post(unit, question.language, user, text, UnitComment.Kind.ANSWER, page=page)
        if resolved:
            resolve(question, user)
    return reply


def may_answer(user, comment: UnitComment) -> bool:
    """Whether she answers this comment on the answer page: a question about the Swedish, if she
    may change that kind of content (to whom its mail goes, as addressed_to says)."""
    if comment.kind != UnitComment.Kind.QUESTION or not user.is_active:
        return False
    seen = languages_seen_by(user)
    if seen is not None and comment.language not in seen:
        return False
    if user.is_superuser:
        return True
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    if model not in TRANSLATABLE_MODELS:
        return False
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def askers(reply: UnitComment) -> list:
    """Who asked about the Swedish of this unit in this language, with the question still open
    when the answer came (or resolved with it): the answer is for them, not for whoever asked
    something long settled."""
    still_open = Q(resolved_at=None) | Q(resolved_at__gte=reply.created_at)
    rows = UnitComment.objects.filter(
        still_open, content_type_id=reply.content_type_id, object_id=reply.object_id,
        field=reply.field, language=reply.language, kind=UnitComment.Kind.QUESTION,
        created_at__lte=reply.created_at,
    ).exclude(author=None).select_related("author").order_by("created_at", "pk")  # fmt: skip
    found = []
    for question in rows:
        if question.author not in found:
            found.append(question.author)
    return found


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


# The open questions across objects (translations.comment_report lists them).


def writes_swedish(user) -> bool:
    """The communication group changes the Swedish: a translator's question is for it."""
    return any(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        for model in TRANSLATABLE_MODELS
    )


def languages_seen_by(user) -> set[str] | None:
    """The languages whose comments she may read: None for every language (the communication
    group, which answers questions in all of them, and administrators); a translator or
    reviewer only those her groups are given, as in the editor (status.can_translate)."""
    if not user.is_active:
        return set()
    if user.is_superuser or user.has_perm("translations.translate_any_language"):
        return None
    if writes_swedish(user):
        return None
    return _assigned(user)


def _assigned(user) -> set[str]:
    if not user.has_perm("translations.translate"):
        return set()
    codes: set[str] = set()
    for item in GroupLanguages.objects.filter(group__user=user):
        codes |= item.codes()
    return codes


def open_for(user):
    """The unresolved comments she may read, the oldest first (it has waited longest). An
    answer waits for no one (UnitComment.waits)."""
    rows = (
        UnitComment.objects.filter(resolved_at=None)
        .exclude(kind=UnitComment.Kind.ANSWER)
        .select_related("author", "content_type")
    )
    codes = languages_seen_by(user)
    if codes is not None:
        rows = rows.filter(language__in=codes)
    return rows.order_by("created_at", "pk")


def addressed_to(user) -> Q:
    """Whose turn it is, as the mail goes (notifications.mail.translation_comment): a question
    about the Swedish is for those who may change that kind of content, a reviewer's remark for
    those who translate the language."""
    if user.is_superuser:
        return Q()
    types = [
        ContentType.objects.get_for_model(model).pk
        for model in TRANSLATABLE_MODELS
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]
    wanted = Q(kind=UnitComment.Kind.QUESTION, content_type_id__in=types)
    if user.has_perm("translations.translate_any_language"):
        return wanted | Q(kind=UnitComment.Kind.REMARK)
    codes = _assigned(user)
    if codes:
        wanted |= Q(kind=UnitComment.Kind.REMARK, language__in=codes)
    return wanted


def units_of(rows) -> dict[int, Unit | None]:
    """The unit of each comment (None when its object is gone), one query per kind of object."""
    wanted: dict[int, set[int]] = {}
    for comment in rows:
        wanted.setdefault(comment.content_type_id, set()).add(comment.object_id)
    objects = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            for pk, obj in model.objects.in_bulk(ids).items():
                objects[(type_id, pk)] = obj
    found = {}
    for comment in rows:
        obj = objects.get((comment.content_type_id, comment.object_id))
        found[comment.pk] = Unit(obj, comment.field) if obj is not None else None
    return found
