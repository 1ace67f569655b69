"""An approved central contact and a card whose message refers to it, for the reader's tests
(print, public pages, the API): built, not the demo's, so the demo's copy may change."""

from __future__ import annotations

import datetime

from contacts.models import Contact, ContactPhone, OpeningHours, ServiceLine
from dialogue.models import Agency
from tests import builders

GENERAL = "0771-524 524"
HER_LINE = "0771-524 500"  # Arabic, Persian, Tigrinya and Thai
LINE_LANGUAGES = ("ar", "fa", "ti", "th")


def approved_contact(**fields) -> Contact:
    """Försäkringskassan's numbers, approved as they are (`approved` is the snapshot)."""
    contact = Contact(
        name=fields.pop("name", "Försäkringskassan"),
        agency=Agency.objects.get(short_name="FK"),
        url=fields.pop("url", "https://www.forsakringskassan.se/"),
    )
    contact.phones = [ContactPhone(number=GENERAL)]
    contact.service_lines = [ServiceLine(language=code, number=HER_LINE) for code in LINE_LANGUAGES]
    contact.opening_hours = [
        OpeningHours(first_day=0, last_day=4, opens=datetime.time(8), closes=datetime.time(16))
    ]
    contact.save()
    contact.approved = contact.snapshot()
    contact.save(update_fields=["approved"])
    return contact


def card_with_contact(codes=("ar", "fa", "ti", "th", "so"), contact=None, **message_fields):
    """A live card with one key message that refers to the contact, translated and approved
    in `codes` (SAMPLE texts), so it has editions in service there."""
    contact = contact or approved_contact()
    codes = list(codes)
    event = builders.life_event(translations=builders.samples(["title"], codes))
    message = builders.joint_message(
        [event],
        [Agency.objects.get(short_name="FK")],
        translations=builders.samples(["headline", "body"], codes),
        contact=contact,
        **message_fields,
    )
    return builders.dialogue_card(event, [message], translations=builders.samples(["title"], codes))
