"""What the public reads: live content resolved into one language, with missing text said plainly.

Views and templates get plain view objects from here, so they hold no domain logic and
the number of SQL queries per page does not grow with the number of cards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

import languages
from audio.models import AudioRecording
from dialogue import content_version, pictograms
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from dialogue.projection import MessageText, message_text
from languages import Language
from translations.approved import Approved


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


def shown(obj, field_name: str, language: Language, approved: Approved) -> Shown:
    text = approved.text(obj, field_name, language.code)
    if text.strip():
        return Shown(text, language)
    return Fallback(obj.source_text(field_name), languages.source())


@dataclass(frozen=True)
class AudioView:
    url: str
    mime_type: str
    synthetic: bool
    outdated: bool
    duration: int  # seconds


def _audio_view(card, lang) -> AudioView | None:
    recording = next((r for r in card.recordings.all() if r.language == lang), None)
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
    messages: list[MessageText] = field(default_factory=list)
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
    more_messages: list[MessageText] = field(default_factory=list)
    untranslated_messages: int = 0

    @property
    def playlist(self) -> list[CardView]:
        """For fieldworkers: every recording of the event in this language, in card order."""
        return [card for card in self.cards if card.audio is not None]


def _message_view(message: JointMessage, lang: str, approved: Approved) -> MessageText:
    return message_text(message, lambda obj, field: approved.text(obj, field, lang))


def life_events(language: Language) -> list[LifeEventSummary]:
    return content_version.cached("life_events", (language.code,), lambda: _life_events(language))


def _life_events(language: Language) -> list[LifeEventSummary]:
    events = list(LifeEvent.objects.live())
    approved = Approved(events)
    return [
        LifeEventSummary(
            slug=event.slug,
            pictogram_url=pictograms.url(event.pictogram),
            title=shown(event, "title", language, approved),
            intro=shown(event, "intro", language, approved),
        )
        for event in events
    ]


def life_event(language: Language, slug: str) -> LifeEventView | None:
    """One life event with its live cards and messages, or None when there is no such live event."""
    return content_version.cached(
        "life_event", (language.code, slug), lambda: _life_event(language, slug)
    )


def _life_event(language: Language, slug: str) -> LifeEventView | None:
    event = LifeEvent.objects.live().filter(slug=slug).first()
    if event is None:
        return None
    code = language.code
    cards = (
        event.cards.public()
        .for_reading()
        .prefetch_related(
            Prefetch("recordings", queryset=AudioRecording.objects.filter(language=code)),
        )
    )
    cards = list(cards)
    on_cards = {message.pk for card in cards for message in card.key_messages()}
    others = [
        m
        for m in JointMessage.objects.for_reading().filter(life_events=event)
        if m.pk not in on_cards
    ]
    approved = Approved([event, *cards, *others])
    card_views = []
    for card in cards:
        translated = approved.usable(card, code)
        card_views.append(
            CardView(
                slug=card.slug,
                code=card.code,
                pictogram_url=pictograms.url(card.pictogram),
                title=shown(card, "title", language, approved),
                translated=translated,
                messages=[_message_view(m, code, approved) for m in card.key_messages()]
                if translated
                else [],
                audio=_audio_view(card, code) if translated else None,
                outdated=approved.outdated(card, code),
            )
        )
    more = [_message_view(m, code, approved) for m in others if approved.usable(m, code)]
    return LifeEventView(
        slug=event.slug,
        pictogram_url=pictograms.url(event.pictogram),
        title=shown(event, "title", language, approved),
        intro=shown(event, "intro", language, approved),
        cards=card_views,
        more_messages=more,
        untranslated_messages=len(others) - len(more),
    )


def card_count_by_language() -> dict[str, int]:
    """How many cards in use the public can read, per language (for the language chooser)."""
    return content_version.cached("card_count", (), _card_count_by_language)


def _card_count_by_language() -> dict[str, int]:
    cards = list(DialogueCard.objects.public().for_reading())
    approved = Approved(cards)
    return {
        language.code: sum(1 for card in cards if approved.usable(card, language.code))
        for language in languages.enabled()
    }


# --- the QR audio page --------------------------------------------------------------------


@dataclass(frozen=True)
class QrCardView:
    code: str
    pictogram_url: str
    title: str
    messages: list[MessageText]
    audio: AudioView | None
    translated: bool
    available: list[Language]  # languages the card can be read in
    retired: bool
    replacement_code: str | None
    outdated: bool
    version: str
    event_slug: str


@dataclass(frozen=True)
class Issued:
    code: str  # as it was issued: the one address of the card
    card_id: int | None  # None when the card was deleted or is not live: withdrawn


def issued(code: str) -> Issued | None:
    """The printed code as issued with its live card, or None when it was never issued."""
    from dialogue import codes
    from dialogue.models import IssuedCode

    normal = codes.normalise(code)
    if not codes.is_well_formed(normal):
        return None
    # Three columns, not the card with its hundreds of translated fields.
    found = (
        IssuedCode.objects.filter(code=normal).values_list("code", "card_id", "card__live").first()
    )
    if found is None:
        return None
    issued_code, card_id, live = found
    return Issued(issued_code, card_id if live else None)


def _card_for_page(card_id):
    return (
        DialogueCard.objects.filter(pk=card_id)
        .select_related("life_event", "replaced_by")
        .for_reading()
        .prefetch_related("recordings")
        .get()
    )


def qr_card(card_id, language: Language) -> QrCardView:
    return content_version.cached(
        "qr_card", (card_id, language.code), lambda: _qr_card(card_id, language)
    )


def _qr_card(card_id, language: Language) -> QrCardView:
    from audio import recordings as audio

    card = _card_for_page(card_id)
    code = language.code
    approved = Approved([card])
    translated = approved.usable(card, code)
    return QrCardView(
        code=card.code,
        pictogram_url=pictograms.url(card.pictogram),
        title=card.text("title", code) if translated else card.source_text("title"),
        messages=[_message_view(m, code, approved) for m in card.key_messages()]
        if translated
        else [],
        audio=_audio_view(card, code) if translated else None,
        translated=translated,
        available=approved.languages_of(card),
        retired=card.retired_at is not None,
        outdated=approved.outdated(card, code),
        replacement_code=card.replaced_by.code if card.replaced_by_id else None,
        version=audio.text_fingerprint(card, code)[:7] if translated else "",
        event_slug=card.life_event.slug,
    )
