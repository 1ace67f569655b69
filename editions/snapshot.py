"""What an edition holds: an object's texts in one language, as plain data.

A life event: {"title", "intro"}. A joint message: {"id", "slug", "headline", "body",
"where_to_turn", "links": [{"id", "label", "url"}], "agencies": [short names], and "contact":
the central contact as approved (contacts.models.Contact.snapshot) when it has one}. A dialogue
card: {"title", "messages": [message, …]} in card order, and in Swedish its "prompts" for
staff. The same shape holds the Swedish an edition was made from (`Edition.source`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent

Read = Callable[[object, str], str]  # (part, field) → text


def message(obj: JointMessage, read: Read) -> dict:
    data = {
        "id": obj.pk,
        "slug": obj.slug,
        "headline": read(obj, "headline"),
        "body": read(obj, "body"),
        "where_to_turn": read(obj, "where_to_turn"),
        "links": [
            {"id": link.pk, "label": read(link, "label"), "url": link.url}
            for link in obj.links.all()
        ],
        "agencies": [agency.short_name for agency in obj.agencies.all()],
    }
    # Only when there is one: a message without a contact keeps the snapshot (and so the
    # version) it had before contacts existed; readers use data.get("contact").
    contact = obj.contact.approved if obj.contact_id else None
    if contact:
        data["contact"] = contact
    return data


def texts(obj, read: Read, *, swedish: bool = False) -> dict:
    """The object's texts as `read` gives them (staff prompts only in Swedish)."""
    if isinstance(obj, LifeEvent):
        return {"title": read(obj, "title"), "intro": read(obj, "intro")}
    if isinstance(obj, JointMessage):
        return message(obj, read)
    if isinstance(obj, DialogueCard):
        data = {
            "title": read(obj, "title"),
            "messages": [message(m, read) for m in obj.key_messages() if m.live],
        }
        if swedish:
            data["prompts"] = obj.prompt_list()
        return data
    raise TypeError(f"No editions of {type(obj).__name__}")


def digest(*parts) -> str:
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:7]


def swedish_version(source: dict) -> str:
    return digest(languages.SOURCE_LANGUAGE, source)


def version(lang: str, texts: dict, source: dict) -> str:
    if lang == languages.SOURCE_LANGUAGE:
        return swedish_version(source)
    return digest(lang, texts, source)


def swedish_units(source: dict, obj) -> dict[tuple, str]:
    """The Swedish texts of an object's own units (translations.status.Unit.key → text), read
    from a Swedish snapshot: what a minor edit compares the translations' fingerprints with."""
    from django.contrib.contenttypes.models import ContentType

    from dialogue.models import MessageLink

    own = ContentType.objects.get_for_model(obj).pk
    units = {(own, obj.pk, field): source.get(field, "") for field in obj.translated_fields}
    if isinstance(obj, JointMessage):
        link_type = ContentType.objects.get_for_model(MessageLink).pk
        for link in source.get("links", []):
            units[(link_type, link["id"], "label")] = link["label"]
    return units
