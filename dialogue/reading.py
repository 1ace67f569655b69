"""What the public reads: live content resolved into one language, with missing text said plainly.

Views and templates get plain view objects from here, so they hold no domain logic and
the number of SQL queries per page does not grow with the number of cards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from dialogue import languages, pictograms
from dialogue.languages import Language
from dialogue.models import CardMessage, DialogueCard, JointMessage, LifeEvent


@dataclass(frozen=True)
class Shown:
    """A text and the language it is actually shown in (Swedish when the translation is missing)."""

    text: str
    language: Language

    @property
    def is_fallback(self) -> bool:
        return False

    @property
    def lang(self) -> str:
        return self.language.code

    @property
    def dir(self) -> str:
        return self.language.direction


@dataclass(frozen=True)
class Fallback(Shown):
    @property
    def is_fallback(self) -> bool:
        return True


def shown(obj, field_name: str, language: Language) -> Shown:
    text = obj.text(field_name, language.code)
    if text.strip():
        return Shown(text, language)
    return Fallback(obj.source_text(field_name), languages.source())


@dataclass(frozen=True)
class LinkView:
    label: str
    url: str


@dataclass(frozen=True)
class MessageView:
    slug: str
    headline: str
    body: str
    where_to_turn: str
    links: list[LinkView]
    agencies: list[str]


@dataclass(frozen=True)
class CardView:
    slug: str
    code: str
    pictogram_url: str
    title: Shown
    translated: bool
    messages: list[MessageView] = field(default_factory=list)


@dataclass(frozen=True)
class LifeEventSummary:
    slug: str
    pictogram_url: str
    title: Shown
    intro: Shown


@dataclass(frozen=True)
class LifeEventView(LifeEventSummary):
    cards: list[CardView] = field(default_factory=list)
    more_messages: list[MessageView] = field(default_factory=list)
    untranslated_messages: int = 0


def _message_view(message: JointMessage, code: str) -> MessageView:
    return MessageView(
        slug=message.slug,
        headline=message.text("headline", code),
        body=message.text("body", code),
        where_to_turn=message.text("where_to_turn", code),
        links=[LinkView(link.text("label", code), link.url) for link in message.links.all()],
        agencies=[agency.short_name for agency in message.agencies.all()],
    )


def _live_messages():
    return JointMessage.objects.filter(live=True).prefetch_related("links", "agencies")


def life_events(language: Language) -> list[LifeEventSummary]:
    return [
        LifeEventSummary(
            slug=event.slug,
            pictogram_url=pictograms.url(event.pictogram),
            title=shown(event, "title", language),
            intro=shown(event, "intro", language),
        )
        for event in LifeEvent.objects.filter(live=True)
    ]


def life_event(language: Language, slug: str) -> LifeEventView | None:
    """One life event with its live cards and messages, or None when there is no such live event."""
    event = LifeEvent.objects.filter(live=True, slug=slug).first()
    if event is None:
        return None
    code = language.code
    card_messages = CardMessage.objects.filter(message__live=True).prefetch_related(
        Prefetch("message", queryset=_live_messages())
    )
    cards = event.cards.filter(live=True).prefetch_related(
        Prefetch("card_messages", queryset=card_messages)
    )
    card_views = []
    on_cards = set()
    for card in cards:
        messages = card.key_messages()
        on_cards.update(message.pk for message in messages)
        translated = card.has_translation(code)
        card_views.append(
            CardView(
                slug=card.slug,
                code=card.code,
                pictogram_url=pictograms.url(card.pictogram),
                title=shown(card, "title", language),
                translated=translated,
                messages=[_message_view(m, code) for m in messages] if translated else [],
            )
        )
    others = [m for m in _live_messages().filter(life_events=event) if m.pk not in on_cards]
    more = [_message_view(m, code) for m in others if m.has_translation(code)]
    return LifeEventView(
        slug=event.slug,
        pictogram_url=pictograms.url(event.pictogram),
        title=shown(event, "title", language),
        intro=shown(event, "intro", language),
        cards=card_views,
        more_messages=more,
        untranslated_messages=len(others) - len(more),
    )


def card_count_by_language() -> dict[str, int]:
    """How many live cards are fully translated, per language (for the language chooser)."""
    cards = list(
        DialogueCard.objects.filter(live=True).prefetch_related(
            Prefetch(
                "card_messages",
                queryset=CardMessage.objects.filter(message__live=True).prefetch_related(
                    Prefetch("message", queryset=_live_messages())
                ),
            )
        )
    )
    return {
        language.code: sum(1 for card in cards if card.has_translation(language.code))
        for language in languages.enabled()
    }
