"""What a printed piece holds: the language editions in service, frozen, fingerprinted.

Print reads editions (editions.served), never the working columns: a card prints in a language
only as an approved pair, her language on the front and the Swedish it was made from on the
back. A card without one is refused with a message naming why, never printed half empty.
The admin's print preview alone prints the text as written (`draft_card_content`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

import languages
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from dialogue.projection import MessageText, message_text
from editions import projection
from editions.served import Served
from terms import termbase, words
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
    version: str = ""  # the edition's: printed, carried in the QR link, shown on /material/
    awaiting: bool = False  # a newer Swedish waits for this language's translation
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
    version: str = ""
    # "Words you will hear": (Swedish term, explanation in her language). In the fingerprint,
    # so a changed term makes a new file.
    words: tuple[tuple[str, str], ...] = ()
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


def _refusal(obj, lang: str, served: Served, kind: str) -> NotPrintable:
    language = _language(lang)
    names = {"title": str(obj), "language": language.swedish_name, "code": lang}
    withdrawn = served.withdrawn(obj)
    if withdrawn is not None:
        return NotPrintable(
            _("The %(language)s translation of “%(title)s” has been withdrawn: %(reason)s")
            % {**names, "reason": withdrawn.reason}
        )
    if kind == "card":
        return NotPrintable(
            _(
                "The card “%(title)s” is not fully translated and approved in %(language)s "
                "(%(code)s)."
            )
            % names
        )
    return NotPrintable(
        _(
            "The life event “%(title)s” is not fully translated and approved in "
            "%(language)s (%(code)s)."
        )
        % names
    )


def card_content(card: DialogueCard, lang: str, served: Served | None = None) -> CardContent:
    """What a card prints in a language: its edition in service there (`served` may hold it,
    loaded with the card's life event for many cards at once)."""
    _language(lang)
    served = served or Served([card, card.life_event], lang)
    edition = served.edition(card)
    if edition is None:
        raise _refusal(card, lang, served, "card")
    messages = projection.messages(edition.texts)
    if not messages:
        raise NotPrintable(
            _("The card “%(title)s” has no key messages.") % {"title": card.title_sv}
        )
    event = served.edition(card.life_event)
    content = CardContent(
        code=card.code,
        slug=card.slug,
        lang=lang,
        title=edition.texts["title"],
        messages=messages,
        sv_title=edition.source["title"],
        sv_messages=projection.messages(edition.source),
        prompts=tuple(edition.source.get("prompts", ())),
        pictogram=card.pictogram,
        audio_url=audio_url(card.code, lang, edition.version),
        event_title=event.texts["title"] if event else "",
        published=timezone.localdate(edition.made_at),
        version=edition.version,
        awaiting=served.awaiting(card) is not None,
    )
    return _with_fingerprint(content)


def served_for_cards(cards, lang: str) -> Served:
    """The editions in service of cards and their life events in a language, in one query."""
    return Served([*cards, *{card.life_event_id: card.life_event for card in cards}.values()], lang)


def draft_card_content(card: DialogueCard, lang: str, drafts: Approved) -> CardContent:
    """The card as written, approved or not, for the editor's print preview only."""
    _language(lang)
    messages = card.key_messages()
    if not drafts.usable(card, lang):
        raise NotPrintable(_("Not translated: %(title)s") % {"title": card.title_sv})
    if not messages:
        raise NotPrintable(
            _("The card “%(title)s” has no key messages.") % {"title": card.title_sv}
        )
    sv = languages.SOURCE_LANGUAGE
    content = CardContent(
        code=card.code,
        slug=card.slug,
        lang=lang,
        title=drafts.text(card, "title", lang),
        messages=tuple(_message_text(m, lang, drafts) for m in messages),
        sv_title=card.text("title", sv),
        sv_messages=tuple(_message_text(m, sv, drafts) for m in messages),
        prompts=tuple(card.prompt_list()),
        pictogram=card.pictogram,
        audio_url=audio_url(card.code, lang),
        event_title=drafts.text(card.life_event, "title", lang),
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
    """The live messages of life events, loaded once for printing them in many languages;
    `served(lang)` their editions in service in a language, one query each."""

    def __init__(self, events):
        self.events = list(events)
        live = JointMessage.objects.live().order_by("pk")
        self.messages = {event.pk: [] for event in self.events}
        for message in live.filter(life_events__in=self.events).prefetch_related("life_events"):
            for event in message.life_events.all():
                if event.pk in self.messages:
                    self.messages[event.pk].append(message)
        self._served: dict[str, Served] = {}

    def served(self, lang: str) -> Served:
        if lang not in self._served:
            objects = [*self.events, *(m for ms in self.messages.values() for m in ms)]
            self._served[lang] = Served(objects, lang)
        return self._served[lang]


def event_content(event: LifeEvent, lang: str, loaded: EventsLoaded | None = None) -> EventContent:
    """Every live message of a life event in the language, each beside the Swedish it was made
    from (for the leaflet): their editions in service. Refused while one has none."""
    _language(lang)
    loaded = loaded or EventsLoaded([event])
    served = loaded.served(lang)
    messages = loaded.messages[event.pk]
    own = served.edition(event)
    editions = [served.edition(m) for m in messages]
    if own is None or not messages or not all(editions):
        raise _refusal(event, lang, served, "event")
    agencies = sorted({a.name for m in messages for a in m.agencies.all()})
    pairs = tuple(
        (projection.message_text(e.texts), projection.message_text(e.source)) for e in editions
    )
    content = EventContent(
        slug=event.slug,
        lang=lang,
        pictogram=event.pictogram,
        title=own.texts["title"],
        intro=own.texts["intro"],
        sv_title=own.source["title"],
        sv_intro=own.source["intro"],
        messages=pairs,
        agencies=tuple(agencies),
        page_url=event_url(event.slug, lang),
        published=timezone.localdate(max(e.made_at for e in (own, *editions))),
        version=snapshot_version([own, *editions]),
        words=_words(own.source["intro"], [sv for _target, sv in pairs], lang),
    )
    return _with_fingerprint(content)


def _words(intro: str, swedish: list[MessageText], lang: str) -> tuple[tuple[str, str], ...]:
    """The approved terms in the Swedish the leaflet prints, explained in her language."""
    parts = [intro]
    for message in swedish:
        parts += [message.headline, message.body, message.where_to_turn]
    found = words.explained("\n".join(parts), lang, termbase.approved())
    return tuple((word.swedish, word.explanation) for word in found)


def snapshot_version(editions) -> str:
    """One version for a piece made of several editions (the leaflet)."""
    joined = ",".join(sorted(e.version for e in editions))
    return hashlib.sha256(joined.encode()).hexdigest()[:7]


def live_event(slug: str) -> LifeEvent:
    event = LifeEvent.objects.live().filter(slug=slug).first()
    if event is None:
        raise NotPrintable(_("No published life event with the slug %(slug)s") % {"slug": slug})
    return event
