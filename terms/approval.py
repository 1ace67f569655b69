"""Who may approve a term, and approving it.

The lighter of the two paths the project has: an approval stamp (who, when, the fingerprint of
what was approved) and the permission `terms.approve_term`, rather than Wagtail's workflow with
drafts and revisions. A term is one short record, not a text the public reads as a whole, and
the joint workflow's point, that no agency alone publishes joint content, is kept where it
matters: only the approvers of the term's owning agency approve it (the agency that answers for
the word), and never the person who last edited it (four eyes). The communication group writes
terms; approvers of other agencies only read them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from terms.models import Term


def may_approve(user, term: Term) -> bool:
    if term.edited_by_id is not None and term.edited_by_id == user.pk:
        return False
    return is_agency_approver(user, term)


def is_agency_approver(user, term: Term) -> bool:
    """An approver of the term's owning agency, or an administrator: who answers for the word
    (and for how a recording of it says it, audio.models.TermRecording)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm("terms.approve_term"):
        return False
    if user.is_superuser:
        return True
    group_id = term.agency.approvers_id
    return group_id is not None and user.groups.filter(pk=group_id).exists()


def approve(term: Term, user) -> None:
    if not may_approve(user, term):
        raise PermissionDenied
    term.approved_at = timezone.now()
    term.approved_by = user
    term.approved_fingerprint = term.fingerprint()
    term.save(update_fields=["approved_at", "approved_by", "approved_fingerprint"])


def edited(term: Term, user) -> None:
    """Who changed the term last: she does not approve her own change."""
    Term.objects.filter(pk=term.pk).update(edited_by=user)
    term.edited_by = user
