"""What the read API answers, as its OpenAPI schema describes it (`/api/v1/openapi.json`)."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class LanguageOut(Schema):
    code: str
    name: str  # in its own script
    english_name: str
    direction: str  # "ltr" or "rtl"
    source: bool  # Swedish: what every other language translates
    cards: int  # cards in use that can be read in it


class TextOut(Schema):
    """A text and the language it is in: Swedish when the language has no edition of it."""

    text: str
    lang: str
    dir: str
    fallback: bool


class LinkOut(Schema):
    label: str
    url: str


class ContactOut(Schema):
    """The agency's central contact as last approved, for the language asked: after
    `where_to_turn`, her service line first when it has one in her language."""

    name: str  # Swedish, as on the agency's door
    line: str | None  # the service line that answers in the language asked, if any
    phones: list[str]  # the general numbers, in order
    hours: str  # opening hours in the language: "måndag–fredag 08:00–16:00"
    url: str  # the address on the web ("" when none)


class MessageOut(Schema):
    slug: str
    headline: str
    body: str
    where_to_turn: str
    links: list[LinkOut]
    agencies: list[str]  # short names of the owning agencies
    contact: ContactOut | None = None


class EditionOut(Schema):
    """The approved edition the texts come from."""

    language: str
    version: str
    source_version: str  # the Swedish edition it translates
    made_at: datetime


class RecordingOut(Schema):
    url: str  # absolute
    mime_type: str
    synthetic: bool
    duration: int  # seconds


class CardOut(Schema):
    code: str
    slug: str
    life_event: str
    language: str
    title: TextOut
    available: bool  # an edition in this language is in service
    messages: list[MessageOut]
    edition: EditionOut | None
    recording: RecordingOut | None
    awaiting_since: datetime | None  # a newer Swedish is being translated since then
    withdrawn: bool  # the translation was withdrawn: the Swedish messages are given instead
    swedish_messages: list[MessageOut]
    swedish_edition: EditionOut | None


class CardDetailOut(CardOut):
    retired: bool
    replacement_code: str | None
    available_languages: list[str]


class LifeEventSummaryOut(Schema):
    slug: str
    language: str
    title: TextOut
    intro: TextOut
    available: bool
    edition: EditionOut | None


class LifeEventOut(LifeEventSummaryOut):
    cards: list[CardOut]
    more_messages: list[MessageOut]
    untranslated_messages: int


class ErrorOut(Schema):
    code: str
    detail: str
    languages: list[str] | None = None
