"""What the public reads: live content resolved into one language, with missing text said plainly.

Views and templates get plain view objects from here, so they hold no domain logic and
the number of SQL queries per page does not grow with the number of cards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from dialogue import languages, pictograms
from dialogue.languages import Language
from dialogue.models import AudioRecording, CardMessage, DialogueCard, JointMessage, LifeEvent


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
class AudioView:
    url: str
    mime_type: str
    synthetic: bool
    outdated: bool
    duration: int  # seconds


def _audio_view(card, code) -> AudioView | None:
    recording = next((r for r in card.recordings.all() if r.language == code), None)
    if recording is None:
        return None
    return AudioView(
        url=recording.url,
        mime_type=recording.mime_type,
        synthetic=recording.synthetic,
        outdated=recording.is_outdated,
        duration=round(recording.duration),
    )


@dataclass(frozen=True)
class CardView:
    slug: str
    code: str
    pictogram_url: str
    title: Shown
    translated: bool
    messages: list[MessageView] = field(default_factory=list)
    audio: AudioView | None = None
    outdated: bool = False  # the Swedish changed after this translation was made


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

    @property
    def playlist(self) -> list[CardView]:
        """For fieldworkers: every recording of the event in this language, in card order."""
        return [card for card in self.cards if card.audio is not None]


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
    cards = event.cards.filter(live=True, retired_at=None).prefetch_related(
        Prefetch("card_messages", queryset=card_messages),
        Prefetch("recordings", queryset=AudioRecording.objects.filter(language=code)),
    )
    from dialogue import translation_status

    cards = list(cards)
    outdated = translation_status.outdated_cards(cards, code) if not language.is_source else set()
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
                audio=_audio_view(card, code) if translated else None,
                outdated=card.pk in outdated,
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


# --- the QR audio page --------------------------------------------------------------------


@dataclass(frozen=True)
class QrCardView:
    code: str
    pictogram_url: str
    title: str
    messages: list[MessageView]
    audio: AudioView | None
    translated: bool
    available: list[Language]  # languages the card can be read in
    retired: bool
    replacement_code: str | None
    outdated: bool
    version: str
    event_slug: str


def issued(code: str):
    """(IssuedCode, live card or None) for a printed code, or None when it was never issued."""
    from dialogue import codes
    from dialogue.models import IssuedCode

    normal = codes.normalise(code)
    if not codes.is_well_formed(normal):
        return None
    found = IssuedCode.objects.filter(code=normal).select_related("card").first()
    if found is None:
        return None
    card = found.card if found.card is not None and found.card.live else None
    return found, card


def _card_for_page(card_id):
    return (
        DialogueCard.objects.filter(pk=card_id)
        .select_related("life_event", "replaced_by")
        .prefetch_related(
            Prefetch(
                "card_messages",
                queryset=CardMessage.objects.filter(message__live=True).prefetch_related(
                    Prefetch("message", queryset=_live_messages())
                ),
            ),
            "recordings",
        )
        .get()
    )


def qr_card(card_id, language: Language) -> QrCardView:
    from dialogue import audio, translation_status

    card = _card_for_page(card_id)
    code = language.code
    translated = card.has_translation(code)
    return QrCardView(
        code=card.code,
        pictogram_url=pictograms.url(card.pictogram),
        title=card.text("title", code) if translated else card.source_text("title"),
        messages=[_message_view(m, code) for m in card.key_messages()] if translated else [],
        audio=_audio_view(card, code) if translated else None,
        translated=translated,
        available=[lang for lang in languages.enabled() if card.has_translation(lang.code)],
        retired=card.retired_at is not None,
        outdated=bool(translation_status.outdated_cards([card], code)) and not language.is_source,
        replacement_code=card.replaced_by.code if card.replaced_by_id else None,
        version=audio.text_fingerprint(card, code)[:7] if translated else "",
        event_slug=card.life_event.slug,
    )
