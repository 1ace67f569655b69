"""The audit trail of translations, and the four-eyes rule it carries.

Every write and every approval of a unit (one field of one object, in one language) is a
TranslationEvent with its user and time; `status.record` writes them. A unit may be approved
only by someone who did not write its current text, the writer being the user of its last
"translated" or "imported" event: a reviewer never approves her own translation alone.
Superusers are bound as well; events without a user (the demo loader, data migrations, an
import run without --as) bind nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from translations.models import TranslationEvent

Action = TranslationEvent.Action


class OwnTranslation(PermissionDenied):
    """The approver wrote the text she was about to approve."""


def log(obj, field: str, lang: str, action: str, source_fingerprint: str, user=None):
    return TranslationEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=lang,
        action=action,
        user=user,
        username=user.get_username() if user is not None else "",
        source_fingerprint=source_fingerprint,
    )


def writer(obj, field: str, lang: str) -> TranslationEvent | None:
    """The event that wrote the unit's current text, if the trail knows it."""
    return (
        TranslationEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=field,
            language=lang,
            action__in=TranslationEvent.WRITTEN,
        )
        .order_by("-at", "-pk")
        .first()
    )


def is_by(event: TranslationEvent, user) -> bool:
    if event.user_id is not None:
        return event.user_id == user.pk
    # The account is gone; its name still counts, so a new account of that name is bound too.
    return bool(event.username) and event.username == user.get_username()


def wrote(user, obj, field: str, lang: str) -> bool:
    """The user wrote the unit's current text, so someone else must approve it."""
    event = writer(obj, field, lang)
    return event is not None and is_by(event, user)


@dataclass(frozen=True)
class Trail:
    written: TranslationEvent | None  # the last translation or import
    approved: TranslationEvent | None  # the approval of that text, if any


def trails(units, lang: str) -> dict[tuple[int, int, str], Trail]:
    """Each unit's trail in the language, by unit key; one query per content type."""
    by_type: dict[int, set[int]] = {}
    for unit in units:
        type_id, object_id, _field = unit.key
        by_type.setdefault(type_id, set()).add(object_id)
    written: dict[tuple, TranslationEvent] = {}
    approved: dict[tuple, TranslationEvent] = {}
    for type_id, ids in by_type.items():
        events = TranslationEvent.objects.filter(
            content_type_id=type_id, object_id__in=ids, language=lang
        ).order_by("at", "pk")
        for event in events:
            key = (type_id, event.object_id, event.field)
            if event.action in TranslationEvent.WRITTEN:
                written[key] = event
                approved.pop(key, None)  # an approval of an earlier text is not this text's
            elif event.action == Action.APPROVED:
                approved[key] = event
    return {key: Trail(written.get(key), approved.get(key)) for key in written.keys() | approved}
