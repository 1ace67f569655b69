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

from dialogue import stamps
from terms.models import Term

PERMISSION = "terms.approve_term"


def may_approve(user, term: Term) -> bool:
    return stamps.may_approve(user, term, PERMISSION)


def is_agency_approver(user, term: Term) -> bool:
    """An approver of the term's owning agency, or an administrator: who answers for the word
    (and for how a recording of it says it, audio.models.TermRecording)."""
    return stamps.is_agency_approver(user, term, PERMISSION)


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
