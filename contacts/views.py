"""Approving a contact: the page shows what would be approved beside what is approved now, the
form posts the approval."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext

import languages
from contacts import approval
from contacts.models import DAYS, Contact


def rows(snapshot: dict | None) -> dict:
    """A snapshot as staff read it: numbers, service lines by language name, hours by day."""
    if not snapshot:
        return {}
    days = dict(DAYS)

    def language(code):
        found = languages.get(code)
        return found.swedish_name if found else code

    return {
        "name": snapshot["name"],
        "phones": snapshot["phones"],
        "lines": [(language(line["language"]), line["number"]) for line in snapshot["lines"]],
        "hours": [
            f"{days[h['first_day']]}–{days[h['last_day']]} {h['opens']}–{h['closes']}"
            if h["first_day"] != h["last_day"]
            else f"{days[h['first_day']]} {h['opens']}–{h['closes']}"
            for h in snapshot["hours"]
        ],
        "url": snapshot["url"],
    }


def approve(request, pk):
    contact = get_object_or_404(Contact.objects.select_related("agency"), pk=pk)
    if not approval.may_approve(request.user, contact):
        raise PermissionDenied
    if request.method == "POST":
        approval.approve(contact, request.user)
        messages.success(request, pgettext("staff side", "The contact is approved."))
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = "wagtailsnippets_contacts_contact:list"
        return redirect(target)
    return render(
        request,
        "contacts/admin/approve.html",
        {
            "contact": contact,
            "now": rows(contact.snapshot()),
            "before": rows(contact.approved),
            "messages_using": contact.messages.order_by("slug"),
            "next": request.GET.get("next", ""),
        },
    )
