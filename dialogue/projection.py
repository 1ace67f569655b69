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
class MessageText:
    slug: str
    headline: str
    body: str
    where_to_turn: str
    links: tuple[Link, ...]
    agencies: tuple[str, ...]  # short names of the owning agencies


def message_text(message, read: Callable[[object, str], str]) -> MessageText:
    """The message as `read` gives its texts (uses prefetched links and agencies)."""
    return MessageText(
        slug=message.slug,
        headline=read(message, "headline"),
        body=read(message, "body"),
        where_to_turn=read(message, "where_to_turn"),
        links=tuple(Link(read(link, "label"), link.url) for link in message.links.all()),
        agencies=tuple(agency.short_name for agency in message.agencies.all()),
    )
