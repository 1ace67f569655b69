"""What the public reads: live content resolved into one language, with missing text said plainly.

Views and templates get plain view objects from here, so they hold no domain logic and
the number of SQL queries per page does not grow with the number of cards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch

import languages
from audio import recordings as audio_texts
from audio.models import AudioRecording
from cms.words import Glossary, WordView
from dialogue import content_version, pictograms
from dialogue.models import CardMessage, DialogueCard, JointMessage, LifeEvent
from dialogue.projection import MessageText
from editions import projection
from editions.served import Served
from languages import Language


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


def shown(obj, field_name: str, language: Language, served: Served) -> Shown:
    """The text of the edition in service, or the Swedish edition's when there is none."""
    edition = served.edition(obj)
    if edition is not None and edition.texts.get(field_name, "").strip():
        return Shown(edition.texts[field_name], language)
    swedish = served.swedish(obj)
    text = swedish.texts.get(field_name, "") if swedish else obj.source_text(field_name)
    return Fallback(text, languages.source())


@dataclass(frozen=True)
class AudioView:
    url: str
    mime_type: str
    synthetic: bool
    duration: int  # seconds
    size: int = 0  # bytes: what saving it for offline use costs (cms.offline)


def _audio_view(card, lang, edition) -> AudioView | None:
    """The recording the public hears: the newest approved one that reads the edition in
    service (a replacement waiting for approval leaves it playing)."""
    recording = audio_texts.playable(
        [r for r in card.recordings.all() if r.language == lang], edition
    )
    if recording is None:
        return None
    return AudioView(
        url=recording.url,
        mime_type=recording.mime_type,
        synthetic=recording.synthetic,
        duration=round(recording.duration),
        size=recording.size,
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
    # The Swedish changed on this date; the new translation is on its way.
    awaiting: datetime | None = None
    # Withdrawn on purpose: the Swedish is shown instead, with a notice.
    withdrawn: bool = False
    swedish_messages: list[MessageText] = field(default_factory=list)
    words: list[WordView] = field(default_factory=list)  # "Words you will hear"


@dataclass(frozen=True)
class LifeEventSummary:
    slug: str
    pictogram_url: str
    title: Shown
    intro: Shown
    # At least one of its cards in use can be read in the language (or it has no cards): its
    # page is more than "not yet translated" notices.
    readable: bool = True


@dataclass(frozen=True)
class LifeEventView(LifeEventSummary):
    cards: list[CardView] = field(default_factory=list)
    more_messages: list[MessageText] = field(default_factory=list)
    untranslated_messages: int = 0

    @property
    def playlist(self) -> list[CardView]:
        """For fieldworkers: every recording of the event in this language, in card order."""
        return [card for card in self.cards if card.audio is not None]


def life_events(language: Language) -> list[LifeEventSummary]:
    return content_version.cached("life_events", (language.code,), lambda: _life_events(language))


def _life_events(language: Language) -> list[LifeEventSummary]:
    events = list(LifeEvent.objects.live())
    served = Served(events, language.code)
    with_cards, readable = _events_with_readable_cards(language.code)
    return [
        LifeEventSummary(
            slug=event.slug,
            pictogram_url=pictograms.url(event.pictogram),
            title=shown(event, "title", language, served),
            intro=shown(event, "intro", language, served),
            readable=event.pk in readable or event.pk not in with_cards,
        )
        for event in events
    ]


def _events_with_readable_cards(lang: str) -> tuple[set[int], set[int]]:
    """The life events with cards in use, and those with at least one such card that has an
    edition in service in `lang`: one query, one row per card."""
    from editions.models import Edition

    in_service = Edition.objects.served().filter(
        content_type=ContentType.objects.get_for_model(DialogueCard),
        object_id=OuterRef("pk"),
        language=lang,
    )
    rows = DialogueCard.objects.public().values_list("life_event_id", Exists(in_service))
    with_cards, readable = set(), set()
    for event_id, is_served in rows:
        with_cards.add(event_id)
        if is_served:
            readable.add(event_id)
    return with_cards, readable


def life_event(language: Language, slug: str) -> LifeEventView | None:
    """One life event with its live cards and messages, or None when there is no such live event."""
    return content_version.cached(
        "life_event", (language.code, slug), lambda: _life_event(language, slug)
    )


def _card_view(card, language: Language, served: Served, glossary: Glossary) -> CardView:
    code = language.code
    edition = served.edition(card)
    withdrawn = served.withdrawn(card) is not None
    swedish = served.swedish(card)
    return CardView(
        slug=card.slug,
        code=card.code,
        pictogram_url=pictograms.url(card.pictogram),
        title=shown(card, "title", language, served),
        translated=edition is not None,
        messages=list(projection.messages(edition.texts)) if edition else [],
        audio=_audio_view(card, code, edition) if edition else None,
        awaiting=served.awaiting(card),
        withdrawn=withdrawn,
        swedish_messages=list(projection.messages(swedish.texts)) if withdrawn and swedish else [],
        words=glossary.for_edition(edition),
    )


def _life_event(language: Language, slug: str) -> LifeEventView | None:
    event = LifeEvent.objects.live().filter(slug=slug).first()
    if event is None:
        return None
    code = language.code
    cards = list(
        event.cards.public().prefetch_related(
            Prefetch("recordings", queryset=AudioRecording.objects.filter(language=code)),
        )
    )
    on_cards = set(CardMessage.objects.filter(card__in=cards).values_list("message_id", flat=True))
    others = [
        m for m in JointMessage.objects.live().filter(life_events=event) if m.pk not in on_cards
    ]
    served = Served([event, *cards, *others], code)
    glossary = Glossary(code)
    more = [
        projection.message_text(edition.texts)
        for edition in (served.edition(m) for m in others)
        if edition is not None
    ]
    return LifeEventView(
        slug=event.slug,
        pictogram_url=pictograms.url(event.pictogram),
        title=shown(event, "title", language, served),
        intro=shown(event, "intro", language, served),
        cards=[_card_view(card, language, served, glossary) for card in cards],
        more_messages=more,
        untranslated_messages=len(others) - len(more),
    )


def card_count_by_language() -> dict[str, int]:
    """How many cards in use the public can read, per language (for the language chooser)."""
    # One cache entry with the chooser's (language_choice): one query less on its page.
    return content_version.cached("card_share", (), _card_counts_and_total)[0]


def _card_count_by_language() -> dict[str, int]:
    from editions.models import Edition

    cards = DialogueCard.objects.public().values("pk")
    found = (
        Edition.objects.served()
        .filter(content_type__model="dialoguecard", object_id__in=cards)
        .values_list("language", flat=True)
    )
    counts = {language.code: 0 for language in languages.enabled()}
    for code in found:
        if code in counts:
            counts[code] += 1
    return counts


@dataclass(frozen=True)
class LanguageChoice:
    """The language chooser's two lists, each in the registry's order."""

    listed: list[Language]  # enough of the content can be read in it: a normal choice
    coming: list[Language]  # listed apart, in Swedish, as "on its way"


def language_choice() -> LanguageChoice:
    """Split the enabled languages by PUBLIC_LANGUAGE_SHARE: the per cent of the cards in use
    that have an edition in service in the language. Swedish is always listed, and so is every
    language while no card is in use (nothing is missing then).

    The counts are cached under the content version (two queries, whatever the number of cards
    or languages); the setting is applied to them on every call.
    """
    counts, total = content_version.cached("card_share", (), _card_counts_and_total)
    share = settings.PUBLIC_LANGUAGE_SHARE
    listed, coming = [], []
    for language in languages.enabled():
        enough = total == 0 or counts.get(language.code, 0) * 100 >= share * total
        (listed if language.is_source or enough else coming).append(language)
    return LanguageChoice(listed=listed, coming=coming)


def _card_counts_and_total() -> tuple[dict[str, int], int]:
    return _card_count_by_language(), DialogueCard.objects.public().count()


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
    awaiting: datetime | None
    withdrawn: bool
    swedish_messages: list[MessageText]
    words: list[WordView]
    version: str
    # Versions printed on paper whose text in this language reads as the page does now (earlier
    # editions differing only in their Swedish, and the text fingerprints printed before
    # editions): a code printed with one of them needs no "updated since print" notice.
    unchanged_versions: frozenset[str]
    event_slug: str

    @property
    def words_play(self) -> bool:
        """A word of "Words you will hear" has a recording (the page then loads speak.js)."""
        return any(word.audio_url for word in self.words)


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
        .prefetch_related("recordings")
        .get()
    )


def qr_card(card_id, language: Language) -> QrCardView:
    return content_version.cached(
        "qr_card", (card_id, language.code), lambda: _qr_card(card_id, language)
    )


def _qr_card(card_id, language: Language) -> QrCardView:
    from editions.models import Edition

    card = _card_for_page(card_id)
    served = Served([card], language.code)
    view = _card_view(card, language, served, Glossary(language.code))
    in_service = set(Edition.objects.of(card).served().values_list("language", flat=True))
    edition = served.edition(card)
    unchanged = frozenset()
    if edition is not None:
        earlier = Edition.objects.of(card).filter(language=language.code)
        unchanged = frozenset(
            {e.version for e in earlier.only("version", "texts") if e.texts == edition.texts}
            | {audio_texts.edition_fingerprint(edition)[:7]}
        )
    return QrCardView(
        code=card.code,
        pictogram_url=view.pictogram_url,
        title=view.title.text,
        messages=view.messages,
        audio=view.audio,
        translated=view.translated,
        available=[lang for lang in languages.enabled() if lang.code in in_service],
        retired=card.retired_at is not None,
        awaiting=view.awaiting,
        withdrawn=view.withdrawn,
        swedish_messages=view.swedish_messages,
        words=view.words,
        replacement_code=card.replaced_by.code if card.replaced_by_id else None,
        version=edition.version if edition is not None else "",
        unchanged_versions=unchanged,
        event_slug=card.life_event.slug,
    )
