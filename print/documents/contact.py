"""A central contact on paper: the card's front and back and the leaflet's two columns.

A card's front is full with three messages, so it carries what she acts on: one paragraph of the
name, her line and the general numbers (with hours and web address most demo cards would print
as two cards: 39 of the demo's card × language fronts against 18). The Swedish back, the
leaflet, the QR page and the API give the whole contact: the name in bold, then the numbers,
then the opening hours and the web address. Every part is kept whole; lines break only
between parts, never inside a number or a time range (typeset.layout keeps number runs whole;
`ContactLine.printed` joins the dashes).
"""

from __future__ import annotations

from contacts import formatting
from typeset.frames import Item

# Between the parts of a line: a line may break after it, never before it (no line starts
# with the dot).
SEPARATOR = "\u00a0· "


def contact_text(lines: list[formatting.ContactLine]) -> str:
    """The lines after the name as printed: numbers on one line, hours and web on the next
    (each wraps between its parts when the box is narrow)."""
    numbers = [line.printed for line in lines if line.kind in ("service_line", "phone")]
    # The hours need no label on paper: "måndag–fredag 08:00–16:00" says what it is.
    rest = [formatting.unbreakable(line.value) for line in lines if line.kind == "hours"]
    rest += [line.value for line in lines if line.kind == "url"]
    return "\n".join(SEPARATOR.join(part) for part in (numbers, rest) if part)


def whole_text(contact, lang: str, her_lang: str) -> tuple[str, str]:
    """(name, the rest as lines) of the whole contact in `lang`, her line first."""
    lines = formatting.contact_lines(contact, lang, her_lang)
    return (lines[0].printed, contact_text(lines[1:])) if lines else ("", "")


def contact_items(
    contact, lang: str, her_lang: str, floor: float = 0.0, tag: str = "", scale: float = 0.9
) -> list[Item]:
    """The whole contact (contacts.formatting) in `lang`, her line (`her_lang`'s) first, as two
    items kept together: the name, and the rest."""
    name, text = whole_text(contact, lang, her_lang)
    if not name:
        return []
    common = {"scale": scale, "floor": floor, "tag": tag}
    items = [Item(name, lang, bold=True, space_before=0.35, keep_with_next=bool(text), **common)]
    if text:
        items.append(Item(text, lang, space_before=0.1, **common))
    return items


def front_text(contact, lang: str) -> str:
    """The contact on her card's front: the name and the numbers, her line first."""
    lines = formatting.contact_lines(contact, lang)
    if not lines:
        return ""
    numbers = [line.printed for line in lines if line.kind in ("service_line", "phone")]
    return SEPARATOR.join([lines[0].printed, *numbers])


def front_items(contact, lang: str, floor: float = 0.0, tag: str = "") -> list[Item]:
    text = front_text(contact, lang)
    return [Item(text, lang, scale=0.9, space_before=0.2, floor=floor, tag=tag)] if text else []
