"""Recording editions: after a Swedish publication and after a translation was approved.

A language gets a new edition only when the whole object (a card with every message on it) is
approved in it and made from the Swedish as published now. Otherwise the edition in service
stays, whole and consistent, until the new translation is approved; a change that withdraws
older translations takes it out of service instead.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

import languages
from dialogue.models import DialogueCard, JointMessage, MessageLink
from editions import signals, snapshot
from editions.models import Edition
from translations.approved import Approved

SV = languages.SOURCE_LANGUAGE


def owner(part):
    """The object whose editions hold a part's text (a link belongs to its message)."""
    return part.message if isinstance(part, MessageLink) else part


def carriers(obj) -> list:
    """The cards in use that carry a message's text, with what reading them needs."""
    if not isinstance(obj, JointMessage):
        return []
    return list(DialogueCard.objects.public().filter(card_messages__message=obj).for_reading())


def _fresh(obj):
    """The live row with its links, agencies and messages: never a draft held in memory."""
    model = type(obj)
    found = model.objects.filter(pk=obj.pk, live=True)
    if model is DialogueCard:
        found = found.for_reading()
    elif model is JointMessage:
        found = found.select_related("contact").prefetch_related("links", "agencies")
    return found.first()


def _candidate(obj, lang: str, approved: Approved, *, from_older: bool) -> tuple[dict, dict] | None:
    """(texts, source) for a new edition, or None when the language may not have one now.

    `from_older` (only when editions are first recorded for existing content): an approved
    translation made from an older Swedish text pairs with that older text."""
    if lang == SV:
        source = snapshot.texts(obj, lambda part, field: part.source_text(field), swedish=True)
        return source, source
    if not approved.usable(obj, lang):
        return None
    if approved.outdated(obj, lang) and not from_older:
        return None
    texts = snapshot.texts(obj, lambda part, field: approved.text(part, field, lang))
    source = snapshot.texts(
        obj, lambda part, field: approved.made_from(part, field, lang), swedish=True
    )
    return texts, source


def refresh(obj, codes=None, *, withdraw: str = "", revision=None, from_older=False) -> list:
    """Record what the object may now serve in each language; returns the new editions.

    `withdraw` (a reason): languages that get no new edition stop serving the older one."""
    obj = _fresh(obj)
    if obj is None:
        return []
    codes = list(codes) if codes is not None else [SV, *(lang.code for lang in languages.targets())]
    approved = Approved([obj])
    served = {edition.language: edition for edition in Edition.objects.of(obj).served()}
    made = []
    with transaction.atomic():
        for lang in codes:
            candidate = _candidate(obj, lang, approved, from_older=from_older)
            current = served.get(lang)
            if candidate is None:
                if withdraw and current is not None and lang != SV:
                    _withdraw(current, withdraw)
                continue
            texts, source = candidate
            version = snapshot.version(lang, texts, source)
            if current is not None and current.version == version:
                continue
            if current is not None:
                Edition.objects.filter(pk=current.pk).update(served=False)
            made.append(
                Edition.objects.create(
                    content_type_id=_type_id(obj),
                    object_id=obj.pk,
                    language=lang,
                    version=version,
                    texts=texts,
                    source=source,
                    source_version=snapshot.swedish_version(source),
                    revision=revision or obj.live_revision,
                )
            )
    if made:
        signals.made.send(sender=Edition, editions=made)
    return made


def _type_id(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def _withdraw(edition: Edition, reason: str) -> None:
    Edition.objects.filter(pk=edition.pk).update(
        served=False, withdrawn_at=timezone.now(), reason=reason
    )


def refresh_with_carriers(obj, codes=None, **kwargs) -> list:
    """The object and every card in use that carries it."""
    made = refresh(obj, codes, **kwargs)
    kwargs.pop("revision", None)
    for card in carriers(obj):
        made += refresh(card, codes, **kwargs)
    return made


def previous_swedish(obj) -> dict[tuple, str]:
    """The Swedish of the object's units as last served (before the publication at hand)."""
    edition = Edition.objects.of(obj).served().filter(language=SV).first()
    return snapshot.swedish_units(edition.source, obj) if edition is not None else {}
