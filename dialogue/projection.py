"""One projection of a joint message into one language, shared by the public pages (cms.reading),
print (print.content) and the admin preview (dialogue.previews).

Which text may be used is the caller's to say: `read(obj, field)` returns the approved text on
public pages and in print, the text as written in a preview.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    url: str

    def __iter__(self) -> Iterator[str]:  # `for label, url in message.links`
        yield self.label
        yield self.url


@dataclass(frozen=True)
class OpeningHours:
    first_day: int  # 0 = Monday … 6 = Sunday
    last_day: int
    opens: str  # "08:00"
    closes: str


@dataclass(frozen=True)
class ContactText:
    """A central contact as approved (contacts.models.Contact.snapshot): names stay Swedish."""

    name: str
    phones: tuple[str, ...]
    lines: tuple[tuple[str, str], ...]  # (language code, number)
    hours: tuple[OpeningHours, ...]
    url: str

    def line_for(self, lang: str) -> str:
        """The service line number for a language, "" if it has none."""
        return next((number for code, number in self.lines if code == lang), "")


def contact_text(data: dict | None) -> ContactText | None:
    """From the snapshot dict (an approved contact, or an edition's "contact"); None for none."""
    if not data:
        return None
    return ContactText(
        name=data["name"],
        phones=tuple(data.get("phones", ())),
        lines=tuple((line["language"], line["number"]) for line in data.get("lines", ())),
        hours=tuple(
            OpeningHours(h["first_day"], h["last_day"], h["opens"], h["closes"])
            for h in data.get("hours", ())
        ),
        url=data.get("url", ""),
    )


@dataclass(frozen=True)
class MessageText:
    slug: str
    headline: str
    body: str
    where_to_turn: str
    links: tuple[Link, ...]
    agencies: tuple[str, ...]  # short names of the owning agencies
    contact: ContactText | None = None  # the central contact as last approved


def message_text(message, read: Callable[[object, str], str]) -> MessageText:
    """The message as `read` gives its texts (uses prefetched links and agencies)."""
    return MessageText(
        slug=message.slug,
        headline=read(message, "headline"),
        body=read(message, "body"),
        where_to_turn=read(message, "where_to_turn"),
        links=tuple(Link(read(link, "label"), link.url) for link in message.links.all()),
        agencies=tuple(agency.short_name for agency in message.agencies.all()),
        contact=contact_text(message.contact.approved) if message.contact_id else None,
    )
