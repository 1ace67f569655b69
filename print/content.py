"""What a printed piece holds: live content resolved into one language, frozen, fingerprinted.

Only printable content is printed: a card whose translation is incomplete is refused
with a message naming what is missing, never printed half empty.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

import languages
from audio import recordings as audio
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from dialogue.projection import MessageText, message_text
from translations.approved import Approved


class NotPrintable(Exception):
    """Content that must not be printed, with a message for the person who asked."""


@dataclass(frozen=True)
class CardContent:
    code: str
    slug: str
    lang: str
    title: str
    messages: tuple[MessageText, ...]
    sv_title: str
    sv_messages: tuple[MessageText, ...]
    prompts: tuple[str, ...]
    pictogram: str
    audio_url: str
    event_title: str
    published: date
    fingerprint: str = field(default="", compare=False)


@dataclass(frozen=True)
class EventContent:
    slug: str
    lang: str
    pictogram: str
    title: str
    intro: str
    sv_title: str
    sv_intro: str
    messages: tuple[tuple[MessageText, MessageText], ...]  # (target, Swedish)
    agencies: tuple[str, ...]
    page_url: str
    published: date
    fingerprint: str = field(default="", compare=False)


def audio_url(code: str, lang: str, version: str = "") -> str:
    """The URL a card's QR code encodes: stable for as long as the printed card lives.

    `v` is the version of the text printed, so the page can say when it has changed since.
    """
    url = f"{settings.SITE_URL}/q/{code}/{lang}/"
    return f"{url}?v={version}" if version else url


def event_url(slug: str, lang: str) -> str:
    return f"{settings.SITE_URL}/{lang}/{slug}/"


def home_url(lang: str) -> str:
    return f"{settings.SITE_URL}/{lang}/"


def _fingerprint(content) -> str:
    data = asdict(content)
    data.pop("fingerprint", None)
    raw = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


def _with_fingerprint(content):
    return type(content)(**{**asdict_shallow(content), "fingerprint": _fingerprint(content)})


def asdict_shallow(content) -> dict:
    return {name: getattr(content, name) for name in content.__dataclass_fields__}


def _message_text(message: JointMessage, lang: str, approved: Approved) -> MessageText:
    return message_text(message, lambda obj, field: approved.text(obj, field, lang))


def _live_cards():
    return DialogueCard.objects.public().select_related("life_event").for_reading()


def _language(lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None:
        raise NotPrintable(_("Unknown language: %(code)s") % {"code": lang})
    return language


def _published(*objects) -> date:
    stamps = [obj.last_published_at for obj in objects if getattr(obj, "last_published_at", None)]
    return timezone.localdate(max(stamps)) if stamps else timezone.localdate()


def card_content(card: DialogueCard, lang: str, approved: Approved | None = None) -> CardContent:
    """What a card prints in a language; only approved translations unless `approved` says else."""
    language = _language(lang)
    approved = approved or Approved([card])
    if not approved.usable(card, lang):
        raise NotPrintable(
            _(
                "The card “%(title)s” is not fully translated and approved in %(language)s "
                "(%(code)s)."
            )
            % {"title": card.title_sv, "language": language.swedish_name, "code": lang}
        )
    if not settings.PRINT_ALLOW_OUTDATED and approved.outdated(card, lang):
        raise NotPrintable(
            _(
                "The translation of the card “%(title)s” into %(language)s is outdated: the "
                "Swedish has changed since. Update the translation before printing."
            )
            % {"title": card.title_sv, "language": language.swedish_name}
        )
    messages = card.key_messages()
    if not messages:
        raise NotPrintable(
            _("The card “%(title)s” has no key messages.") % {"title": card.title_sv}
        )
    sv = languages.SOURCE_LANGUAGE
    content = CardContent(
        code=card.code,
        slug=card.slug,
        lang=lang,
        title=approved.text(card, "title", lang),
        messages=tuple(_message_text(m, lang, approved) for m in messages),
        sv_title=card.text("title", sv),
        sv_messages=tuple(_message_text(m, sv, approved) for m in messages),
        prompts=tuple(card.prompt_list()),
        pictogram=card.pictogram,
        audio_url=audio_url(card.code, lang, audio.text_fingerprint(card, lang)[:7]),
        event_title=approved.text(card.life_event, "title", lang),
        published=_published(card, card.life_event, *messages),
    )
    return _with_fingerprint(content)


def live_card(identifier: str) -> DialogueCard:
    """A live card by slug or code, with everything printing needs prefetched."""
    card = _live_cards().filter(slug=identifier).first() or (
        _live_cards().filter(code=identifier.upper()).first()
    )
    if card is None:
        raise NotPrintable(_("No published card with the slug or code %(id)s") % {"id": identifier})
    return card


def live_cards(slugs=None):
    cards = _live_cards()
    if slugs is not None:
        cards = cards.filter(slug__in=slugs)
    return list(cards)


class EventsLoaded:
    """The live messages of life events and their translation states, loaded once for
    printing them in many languages."""

    def __init__(self, events):
        events = list(events)
        live = JointMessage.objects.for_reading()
        prefetch_related_objects(
            events, Prefetch("messages", queryset=live.order_by("pk"), to_attr="live_messages")
        )
        self.messages = {event.pk: event.live_messages for event in events}
        self.approved = Approved([*events, *(m for ms in self.messages.values() for m in ms)])


def event_content(event: LifeEvent, lang: str, loaded: EventsLoaded | None = None) -> EventContent:
    """All live messages of a life event in a language beside Swedish (for the leaflet)."""
    language = _language(lang)
    sv = languages.SOURCE_LANGUAGE
    loaded = loaded or EventsLoaded([event])
    messages, approved = loaded.messages[event.pk], loaded.approved
    missing = [m.headline_sv for m in messages if not approved.usable(m, lang)]
    if not approved.usable(event, lang) or missing or not messages:
        raise NotPrintable(
            _(
                "The life event “%(title)s” is not fully translated and approved in "
                "%(language)s (%(code)s)."
            )
            % {"title": event.title_sv, "language": language.swedish_name, "code": lang}
        )
    if not settings.PRINT_ALLOW_OUTDATED and any(
        approved.outdated(obj, lang) for obj in (event, *messages)
    ):
        raise NotPrintable(
            _(
                "The translation of the life event “%(title)s” into %(language)s is outdated: "
                "the Swedish has changed since. Update the translation before printing."
            )
            % {"title": event.title_sv, "language": language.swedish_name}
        )
    agencies = sorted({a.name for m in messages for a in m.agencies.all()})
    content = EventContent(
        slug=event.slug,
        lang=lang,
        pictogram=event.pictogram,
        title=approved.text(event, "title", lang),
        intro=approved.text(event, "intro", lang),
        sv_title=event.text("title", sv),
        sv_intro=event.text("intro", sv),
        messages=tuple(
            (_message_text(m, lang, approved), _message_text(m, sv, approved)) for m in messages
        ),
        agencies=tuple(agencies),
        page_url=event_url(event.slug, lang),
        published=_published(event, *messages),
    )
    return _with_fingerprint(content)


def live_event(slug: str) -> LifeEvent:
    event = LifeEvent.objects.live().filter(slug=slug).first()
    if event is None:
        raise NotPrintable(_("No published life event with the slug %(slug)s") % {"slug": slug})
    return event
