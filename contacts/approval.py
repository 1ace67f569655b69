"""Who may approve a contact, and approving it.

Like a term (terms.approval): an approval stamp and the permission `contacts.approve_contact`,
held by every agency's approver group, of which only the owning agency's may use it, and never
the person who last edited the contact (four eyes). What is approved is kept whole
(`Contact.approved`): the public reads that, never the rows as they are being edited.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from contacts import signals
from contacts.models import Contact
from dialogue import stamps


def may_approve(user, contact: Contact) -> bool:
    return stamps.may_approve(user, contact, "contacts.approve_contact")


def approve(contact: Contact, user) -> None:
    if not may_approve(user, contact):
        raise PermissionDenied
    stamp(contact, user)


def stamp(contact: Contact, user=None) -> None:
    """Record the contact as it is now as approved (by `user`; None for the demo loader, whose
    content comes approved), and let every message showing it be recorded anew."""
    with transaction.atomic():
        contact.approved = contact.snapshot()
        contact.approved_at = timezone.now()
        contact.approved_by = user
        contact.save(update_fields=["approved", "approved_at", "approved_by"])
        signals.approved.send(sender=Contact, contact=contact)


def edited(contact: Contact, user) -> None:
    """Who changed the contact last: she does not approve her own change. A change that leaves
    the contact waiting tells its approvers."""
    Contact.objects.filter(pk=contact.pk).update(edited_by=user)
    contact.edited_by = user
    if contact.waits_for_approval:
        signals.waiting.send(sender=Contact, contact=contact)


def status(contact: Contact) -> str:
    """ "approved", "waiting" (changed since its approval) or "never" (never approved)."""
    if contact.approved is None:
        return "never"
    return "approved" if contact.is_approved else "waiting"
