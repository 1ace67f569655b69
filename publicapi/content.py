"""What the read API answers, read from editions in service only (`editions.served.Served`), as
the QR page reads them (cms.reading.qr_card): approved texts, never a working column or a draft.

Each answer is built once per content version (dialogue.content_version) as JSON bytes with its
ETag and Last-Modified, so a repeated request, and a 304, costs one cache read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch
from ninja import Schema
from pydantic import TypeAdapter

import languages
from audio import recordings as audio_texts
from audio.models import AudioRecording
from contacts import formatting
from dialogue import codes, content_version
from dialogue.models import CardMessage, DialogueCard, IssuedCode, JointMessage, LifeEvent
from editions import projection
from editions.models import Edition
from editions.served import Served
from languages import Language
from publicapi import schemas


@dataclass(frozen=True)
class Answer:
    body: bytes
    etag: str
    last_modified: datetime | None
    status: int = 200


def _answer(out, times, status: int = 200) -> Answer:
    """`out` is a schema, or a list of them (a JSON array)."""
    if isinstance(out, list):
        body = TypeAdapter(list[Schema]).dump_json(out, serialize_as_any=True)
    else:
        body = out.model_dump_json().encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    known = [time for time in times if time is not None]
    return Answer(body, etag, max(known) if known else None, status)


def _times(*editions) -> list:
    """When what an answer says last changed: an edition made or withdrawn."""
    found = []
    for edition in editions:
        if edition is not None:
            found += [edition.made_at, edition.withdrawn_at]
    return found


def _edition(edition) -> schemas.EditionOut | None:
    if edition is None:
        return None
    return schemas.EditionOut(
        language=edition.language,
        version=edition.version,
        source_version=edition.source_version,
        made_at=edition.made_at,
    )


def _messages(texts: dict, lang: str) -> list[schemas.MessageOut]:
    return [_message(message, lang) for message in projection.messages(texts)]


def _message(message, lang: str) -> schemas.MessageOut:
    return schemas.MessageOut(
        slug=message.slug,
        headline=message.headline,
        body=message.body,
        where_to_turn=message.where_to_turn,
        links=[schemas.LinkOut(label=link.label, url=link.url) for link in message.links],
        agencies=list(message.agencies),
        contact=_contact(message.contact, lang),
    )


def _contact(contact, lang: str) -> schemas.ContactOut | None:
    """As the pages show it (contacts.formatting), in plain text: numbers as written."""
    if contact is None:
        return None
    return schemas.ContactOut(
        name=contact.name,
        line=contact.line_for(lang) or None,
        phones=list(contact.phones),
        hours=formatting.hours_text(contact.hours, lang),
        url=contact.url,
    )


def _text(obj, field_name: str, language: Language, served: Served) -> schemas.TextOut:
    """The edition's text, or the Swedish edition's when there is none (as cms.reading.shown),
    but never the working column: the API reads editions only."""
    edition = served.edition(obj)
    if edition is not None and edition.texts.get(field_name, "").strip():
        return schemas.TextOut(
            text=edition.texts[field_name],
            lang=language.code,
            dir=language.direction,
            fallback=False,
        )
    swedish = served.swedish(obj)
    source = languages.source()
    return schemas.TextOut(
        text=swedish.texts.get(field_name, "") if swedish else "",
        lang=source.code,
        dir=source.direction,
        fallback=True,
    )


def _absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") else url


def _recording(card, edition) -> schemas.RecordingOut | None:
    """The recording the public hears (`audio.recordings.playable`), as the QR page plays it."""
    recording = audio_texts.playable(
        [r for r in card.recordings.all() if r.language == edition.language], edition
    )
    if recording is None:
        return None
    return schemas.RecordingOut(
        url=_absolute(recording.url),
        mime_type=recording.mime_type,
        synthetic=recording.synthetic,
        duration=round(recording.duration),
    )


def _card(card, language: Language, served: Served) -> tuple[dict, list]:
    """As cms.reading._card_view: the fields of a card in one language, and their times."""
    edition = served.edition(card)
    swedish = served.swedish(card)
    withdrawn = served.withdrawn(card)
    fields = {
        "code": card.code,
        "slug": card.slug,
        "life_event": card.life_event.slug,
        "language": language.code,
        "title": _text(card, "title", language, served),
        "available": edition is not None,
        "messages": _messages(edition.texts, language.code) if edition else [],
        "edition": _edition(edition),
        "recording": _recording(card, edition) if edition else None,
        "awaiting_since": served.awaiting(card),
        "withdrawn": withdrawn is not None,
        "swedish_messages": _messages(swedish.texts, languages.SOURCE_LANGUAGE)
        if withdrawn and swedish
        else [],
        "swedish_edition": _edition(swedish),
    }
    return fields, _times(edition, swedish, withdrawn) + [card.last_published_at]


# --- languages ------------------------------------------------------------------------------


def language_list() -> Answer:
    return content_version.cached("api_languages", (), _language_list)


def _language_list() -> Answer:
    cards = DialogueCard.objects.public().values("pk")
    rows = (
        Edition.objects.served()
        .filter(content_type__model="dialoguecard", object_id__in=cards)
        .values_list("language", "made_at")
    )
    counts = {code: 0 for code in languages.codes()}
    times = []
    for code, made_at in rows:
        times.append(made_at)
        if code in counts:
            counts[code] += 1
    items = [
        schemas.LanguageOut(
            code=language.code,
            name=language.own_name,
            english_name=language.english_name,
            direction=language.direction,
            source=language.is_source,
            cards=counts[language.code],
        )
        for language in languages.enabled()
    ]
    return _answer(items, times)


# --- life events ----------------------------------------------------------------------------


def life_event_list(language: Language) -> Answer:
    return content_version.cached(
        "api_life_events", (language.code,), lambda: _life_event_list(language)
    )


def _summary(event, language: Language, served: Served) -> tuple[dict, list]:
    edition = served.edition(event)
    fields = {
        "slug": event.slug,
        "language": language.code,
        "title": _text(event, "title", language, served),
        "intro": _text(event, "intro", language, served),
        "available": edition is not None,
        "edition": _edition(edition),
    }
    return fields, _times(edition, served.swedish(event)) + [event.last_published_at]


def _life_event_list(language: Language) -> Answer:
    events = list(LifeEvent.objects.live())
    served = Served(events, language.code)
    items, times = [], []
    for event in events:
        fields, when = _summary(event, language, served)
        items.append(schemas.LifeEventSummaryOut(**fields))
        times += when
    return _answer(items, times)


def life_event(language: Language, slug: str) -> Answer | None:
    """One live life event with its cards in use, as its public page shows it, or None."""
    return content_version.cached(
        "api_life_event", (language.code, slug), lambda: _life_event(language, slug)
    )


def _life_event(language: Language, slug: str) -> Answer | None:
    event = LifeEvent.objects.live().filter(slug=slug).first()
    if event is None:
        return None
    code = language.code
    cards = list(
        event.cards.public()
        .select_related("life_event")
        .prefetch_related(
            Prefetch("recordings", queryset=AudioRecording.objects.filter(language=code))
        )
    )
    on_cards = set(CardMessage.objects.filter(card__in=cards).values_list("message_id", flat=True))
    others = [
        m for m in JointMessage.objects.live().filter(life_events=event) if m.pk not in on_cards
    ]
    served = Served([event, *cards, *others], code)
    fields, times = _summary(event, language, served)
    card_items = []
    for card in cards:
        card_fields, when = _card(card, language, served)
        card_items.append(schemas.CardOut(**card_fields))
        times += when
    more = []
    for message in others:
        edition = served.edition(message)
        if edition is not None:
            more.append(_message(projection.message_text(edition.texts), code))
            times += _times(edition)
    out = schemas.LifeEventOut(
        **fields,
        cards=card_items,
        more_messages=more,
        untranslated_messages=len(others) - len(more),
    )
    return _answer(out, times)


# --- one card, as its QR page ---------------------------------------------------------------

WITHDRAWN = "withdrawn"


def card(code: str, language: Language) -> Answer | str | None:
    """The card behind a printed code as its QR page shows it in the language; WITHDRAWN when the
    code was issued but its card is gone or unpublished; None when it was never issued."""
    normal = codes.normalise(code)
    if not codes.is_well_formed(normal):
        return None
    return content_version.cached(
        "api_card", (normal, language.code), lambda: _card_answer(normal, language)
    )


def _card_answer(code: str, language: Language) -> Answer | str | None:
    found = IssuedCode.objects.filter(code=code).values_list("card_id", "card__live").first()
    if found is None:
        return None  # never issued: not cached, so made-up codes cannot fill the cache
    card_id, live = found
    if card_id is None or not live:
        return WITHDRAWN
    card = (
        DialogueCard.objects.filter(pk=card_id)
        .select_related("life_event", "replaced_by")
        .prefetch_related(
            Prefetch("recordings", queryset=AudioRecording.objects.filter(language=language.code))
        )
        .get()
    )
    served = Served([card], language.code)
    fields, times = _card(card, language, served)
    in_service = set(Edition.objects.of(card).served().values_list("language", flat=True))
    out = schemas.CardDetailOut(
        **fields,
        retired=card.retired_at is not None,
        replacement_code=card.replaced_by.code if card.replaced_by_id else None,
        available_languages=[code for code in languages.codes() if code in in_service],
    )
    return _answer(out, [*times, card.retired_at])
