"""When editions are recorded: a Swedish publication, a translation written or approved, and
once after migrating for live content that has none yet."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format

from dialogue.models import TRANSLATABLE_MODELS
from dialogue.models.base import ChangeKind
from editions import record
from translations import status as translation_status


def withdrawal_reason(obj) -> str:
    """Why older translations stopped being served, for staff and partners (Swedish)."""
    day = date_format(timezone.localdate(), "j F Y")
    return f"”{obj}” ändrades i sak den {day}; den äldre översättningen stämmer inte längre."


def on_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, TRANSLATABLE_MODELS):
        return
    kind = instance.change_kind
    if kind == ChangeKind.MINOR:
        # Only now, on publication: a draft marked minor moves nothing ([E] 5).
        translation_status.accept_minor_edit(instance, record.previous_swedish(instance))
    withdraw = withdrawal_reason(instance) if kind == ChangeKind.WITHDRAW else ""
    record.refresh_with_carriers(instance, withdraw=withdraw, revision=revision)


def on_recorded(sender, obj, language, **kwargs):
    target = record.owner(obj)
    if isinstance(target, TRANSLATABLE_MODELS) and target.pk:
        record.refresh_with_carriers(target, [language])


def on_contact_approved(sender, contact, **kwargs):
    """A central contact's approved change reaches every message that shows it, in every
    language it is served in, and the cards that carry them (and so their packs)."""
    for message in contact.messages.live():
        record.refresh_with_carriers(message)


def backfill_after_migrate(sender, using="default", **kwargs):
    """Live content without a Swedish edition gets its editions from the approved translations
    as they are ([E] 8: nothing the public sees disappears), after the last app migrated."""
    from django.apps import apps

    # Django signals post_migrate only for apps with models: the last of those.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    backfill()


def backfill() -> int:
    from django.contrib.contenttypes.models import ContentType

    from editions.models import Edition

    made = 0
    for model in TRANSLATABLE_MODELS:
        kind = ContentType.objects.get_for_model(model)
        done = Edition.objects.filter(content_type=kind, language=record.SV).values("object_id")
        for obj in model.objects.live().exclude(pk__in=done):
            made += len(record.refresh(obj, from_older=True))
    return made
