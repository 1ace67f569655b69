"""Editions as the one message projection (dialogue.projection) that pages and print read."""

from __future__ import annotations

from dialogue.projection import Link, MessageText, contact_text


def message_text(data: dict) -> MessageText:
    return MessageText(
        slug=data["slug"],
        headline=data["headline"],
        body=data["body"],
        where_to_turn=data["where_to_turn"],
        links=tuple(Link(link["label"], link["url"]) for link in data["links"]),
        agencies=tuple(data["agencies"]),
        contact=contact_text(data.get("contact")),  # editions older than contacts have none
    )


def messages(data: dict) -> tuple[MessageText, ...]:
    """A card's messages, from its texts or its Swedish (`Edition.texts` / `.source`)."""
    return tuple(message_text(item) for item in data.get("messages", ()))
