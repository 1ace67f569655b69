"""Whose turn it is: the joint approval's signals, turned into mail once the change is committed.

Wagtail sends task_submitted when the task starts, on a first submission and on a resubmission
after changes were requested; task_rejected when an approver requests changes; workflow_approved
when the last agency's approval has published. An agency's approval that is not the last ends
nothing in Wagtail: it is an AgencyApproval row (approval.models), so its post_save tells the
editor. The mail goes after the commit (a rolled-back submission mails nobody) and as a
background task (django-tasks), so a slow mail server never holds up an approval.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import WorkflowState
from wagtail.signals import (
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from approval.models import AgencyApproval, JointApprovalTaskState
from contacts import signals as contact_signals
from contacts.models import Contact
from notifications import tasks
from translations.models import UnitComment
from translations.signals import commented


def _after_commit(event: str, pk: int) -> None:
    # robust: the change is committed already; a failing queue must not turn it into an error.
    transaction.on_commit(lambda: tasks.deliver.enqueue(event, pk), robust=True)


def _submitted(sender, instance, user=None, **kwargs):
    _after_commit("submitted", instance.pk)


def _changes_requested(sender, instance, user=None, **kwargs):
    _after_commit("changes_requested", instance.pk)


def _agency_approved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:  # not while a backup is restored
        _after_commit("agency_approved", instance.pk)


def _published(sender, instance, user=None, **kwargs):
    _after_commit("published", instance.pk)


def _commented(sender, comment, **kwargs):
    _after_commit("translation_comment", comment.pk)


def _contact_waiting(sender, contact, **kwargs):
    _after_commit("contact_waiting", contact.pk)


def _replaced_by_ours(sender, **kwargs):
    """Where Wagtail would send its own workflow mail: ours says it, in Swedish, once."""


# Wagtail's own workflow mails (wagtail.admin.signal_handlers) would repeat ours to the editor in
# the language of whoever acted, and mail every superuser on each submission. Holding their
# dispatch_uids keeps wagtail.admin's ready() from connecting them, whichever app is ready first.
WAGTAIL_MAILS = (
    (workflow_submitted, "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_state_approved_email_notification"),
)


def connect() -> None:
    for signal, uid in WAGTAIL_MAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(_replaced_by_ours, sender=WorkflowState, dispatch_uid=uid)
    task_submitted.connect(
        _submitted, sender=JointApprovalTaskState, dispatch_uid="notify-submitted"
    )
    task_rejected.connect(
        _changes_requested, sender=JointApprovalTaskState, dispatch_uid="notify-changes"
    )
    post_save.connect(_agency_approved, sender=AgencyApproval, dispatch_uid="notify-approval")
    workflow_approved.connect(_published, sender=WorkflowState, dispatch_uid="notify-published")
    commented.connect(_commented, sender=UnitComment, dispatch_uid="notify-comment")
    contact_signals.waiting.connect(
        _contact_waiting, sender=Contact, dispatch_uid="notify-contact-waiting"
    )
