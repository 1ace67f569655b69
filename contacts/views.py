"""Approving a contact: the page shows what would be approved beside what is approved now, the
form posts the approval."""

from django.shortcuts import get_object_or_404
from django.utils.translation import pgettext

import languages
from contacts import approval, formatting
from contacts.models import Contact
from dialogue import stamps
from dialogue.projection import contact_text


def rows(snapshot: dict | None) -> dict:
    """A snapshot as staff read it: numbers, service lines by language name, hours by day."""
    if not snapshot:
        return {}

    def language(code):
        found = languages.get(code)
        return found.swedish_name if found else code

    return {
        "name": snapshot["name"],
        "phones": snapshot["phones"],
        "lines": [(language(line["language"]), line["number"]) for line in snapshot["lines"]],
        "hours": formatting.hours_rows(contact_text(snapshot).hours, languages.SOURCE_LANGUAGE),
        "url": snapshot["url"],
    }


def approve(request, pk):
    contact = get_object_or_404(Contact.objects.select_related("agency"), pk=pk)
    return stamps.approve_view(
        request, contact, may=approval.may_approve, approve=approval.approve,
        done=pgettext("staff side", "The contact is approved."),
        listing="wagtailsnippets_contacts_contact:list", template="contacts/admin/approve.html",
        context={
            "contact": contact,
            "now": rows(contact.snapshot()),
            "before": rows(contact.approved),
            "messages_using": contact.messages.order_by("slug"),
        },
    )  # fmt: skip
