"""The demo's central contacts (sv.json "contacts"), approved as loaded like the demo's
translations. Loaded before the messages that refer to them; idempotent: a contact that matches
its data is not touched, one that differs is rewritten and approved again (its messages get new
editions through contacts.signals.approved)."""

from __future__ import annotations

from datetime import time

from contacts import approval
from contacts.models import Contact, ContactPhone, OpeningHours, ServiceLine


def _data(item: dict) -> dict:
    """The item as Contact.snapshot() gives it, to compare."""
    return {
        "name": item["name"],
        "phones": list(item["phones"]),
        "lines": [{"language": x["language"], "number": x["number"]} for x in item["lines"]],
        "hours": [
            {k: h[k] for k in ("first_day", "last_day", "opens", "closes")} for h in item["hours"]
        ],
        "url": item["url"],
    }


def load(items: list[dict], agencies: dict, report) -> dict[str, Contact]:
    contacts = {}
    for item in items:
        agency = agencies[item["agency"]]
        wanted = _data(item)
        contact = Contact.objects.filter(agency=agency, name=item["name"]).first()
        created = contact is None
        if not created and contact.snapshot() == wanted and contact.is_approved:
            report.add("contacts", "unchanged")
            contacts[item["key"]] = contact
            continue
        contact = contact or Contact(agency=agency, name=item["name"])
        contact.url = item["url"]
        contact.phones = [
            ContactPhone(sort_order=i, number=number) for i, number in enumerate(wanted["phones"])
        ]
        contact.service_lines = [
            ServiceLine(sort_order=i, **line) for i, line in enumerate(wanted["lines"])
        ]
        contact.opening_hours = [
            OpeningHours(
                sort_order=i,
                first_day=h["first_day"],
                last_day=h["last_day"],
                opens=time.fromisoformat(h["opens"]),
                closes=time.fromisoformat(h["closes"]),
            )
            for i, h in enumerate(wanted["hours"])
        ]
        rows = [*contact.phones.all(), *contact.service_lines.all(), *contact.opening_hours.all()]
        for row in rows:
            row.full_clean(exclude=["contact"])  # the demo's numbers pass the staff's rules
        contact.full_clean()
        contact.save()
        approval.stamp(Contact.objects.get(pk=contact.pk))
        report.add("contacts", "created" if created else "updated")
        contacts[item["key"]] = contact
    return contacts
