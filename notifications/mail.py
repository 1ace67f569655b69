"""The mails of the joint approval: Swedish, one per person, with a link to where she acts.

Each function is given the id of what happened and reads the database as it is when the mail
goes, so a mail that waited in a queue never asks for what is already done.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import TaskState, WorkflowState

import languages
from approval.models import AgencyApproval, JointApprovalTaskState, agencies_approved_by
from contacts.models import Contact
from notifications import recipients
from translations.models import UnitComment


def admin_link(obj) -> str:
    """The object's edit view in the admin, as an absolute address for a mail."""
    meta = obj._meta
    path = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def person(user) -> str:
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()


def names(agencies) -> str:
    """The agencies as a Swedish sentence names them: "AF, FK och MV", in full."""
    listed = sorted(agency.name for agency in agencies)
    if len(listed) < 2:
        return "".join(listed)
    return ", ".join(listed[:-1]) + " och " + listed[-1]


def send(template: str, letters: list[tuple[object, dict]]) -> int:
    """One mail per person: `<template>.subject.txt` and `<template>.txt`, rendered in Swedish."""
    if not letters:
        return 0
    messages = []
    with translation.override("sv"):  # staff mail is Swedish, whatever language sent it
        for user, context in letters:
            context = {**context, "name": person(user)}
            subject = render_to_string(f"notifications/mail/{template}.subject.txt", context)
            body = render_to_string(f"notifications/mail/{template}.txt", context)
            messages.append(EmailMessage(" ".join(subject.split()), body, to=[user.email]))
    return get_connection().send_messages(messages) or 0


def _about(obj) -> dict:
    """What the content is called, as the mail names it: its draft's title, in Swedish."""
    draft = obj.get_latest_revision_as_object()
    return {"title": str(draft), "kind": obj._meta.verbose_name, "url": admin_link(obj)}


def submitted(task_state_pk: int) -> int:
    """The approvers of every agency still to approve: it is their turn."""
    state = JointApprovalTaskState.objects.filter(
        pk=task_state_pk, status=TaskState.STATUS_IN_PROGRESS
    ).first()
    if state is None:
        return 0  # decided or withdrawn before the mail went
    workflow_state = state.workflow_state
    pending = state.pending()
    again = workflow_state.task_states.filter(task_id=state.task_id).exclude(pk=state.pk).exists()
    with translation.override("sv"):
        about = _about(workflow_state.content_object)
    common = {
        **about,
        "again": again,
        "workflow": workflow_state.workflow.name,
        "submitter": person(workflow_state.requested_by),
    }
    letters = [
        (
            user,
            {
                **common,
                "agencies": names(theirs),
                "short": ", ".join(sorted(a.short_name for a in theirs)),
                "others": names(pending - set(theirs)),
            },
        )
        for user, theirs in recipients.approvers_of(pending).items()
    ]
    return send("approve", letters)


def agency_approved(approval_pk: int) -> int:
    """The editor who submitted: one more agency has approved, and who is still to."""
    approval = (
        AgencyApproval.objects.select_related("agency", "task_state").filter(pk=approval_pk).first()
    )
    if approval is None:
        return 0
    state = approval.task_state
    workflow_state = state.workflow_state
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return 0  # the last approval published it: the publication mail says so
    editor = recipients.submitter_of(workflow_state)
    if editor is None:
        return 0
    with translation.override("sv"):
        about = _about(workflow_state.content_object)
    context = {
        **about,
        "agency": approval.agency,
        "comment": approval.comment,
        "pending": names(state.pending()),
    }
    return send("agency_approved", [(editor, context)])


def changes_requested(task_state_pk: int) -> int:
    """The editor who submitted: an approver asks for changes, and says which."""
    state = JointApprovalTaskState.objects.filter(
        pk=task_state_pk, status=TaskState.STATUS_REJECTED
    ).first()
    if state is None:
        return 0
    workflow_state = state.workflow_state
    editor = recipients.submitter_of(workflow_state)
    if editor is None:
        return 0
    reviewer = state.finished_by
    with translation.override("sv"):
        about = _about(workflow_state.content_object)
    context = {
        **about,
        "reviewer": person(reviewer),
        "agencies": names(agencies_approved_by(reviewer)) if reviewer else "",
        "comment": state.comment,
    }
    return send("changes_requested", [(editor, context)])


def published(workflow_state_pk: int) -> int:
    """The editor who submitted: every owning agency approved, and it is published."""
    workflow_state = WorkflowState.objects.filter(
        pk=workflow_state_pk, status=WorkflowState.STATUS_APPROVED
    ).first()
    if workflow_state is None or workflow_state.current_task_state is None:
        return 0
    state = workflow_state.current_task_state.specific
    if not isinstance(state, JointApprovalTaskState):
        return 0
    editor = recipients.submitter_of(workflow_state)
    if editor is None:
        return 0
    obj = workflow_state.content_object
    agencies = {approval.agency for approval in state.approvals.select_related("agency")}
    go_live = obj.get_latest_revision().approved_go_live_at
    with translation.override("sv"):
        about = _about(obj)
    context = {
        **about,
        "agencies": names(agencies),
        "go_live": go_live if go_live and go_live > timezone.now() else None,
    }
    return send("published", [(editor, context)])


def translation_comment(comment_pk: int) -> int:
    """The other side of a comment on a translation: a translator's question goes to the
    editors of the Swedish, with a link to its answer page (they cannot open the translation
    editor); a reviewer's remark to the translators of the language; the communication group's
    answer to whoever asked, with a link to the editor at the unit."""
    comment = UnitComment.objects.filter(pk=comment_pk, resolved_at=None).first()
    if comment is None:
        return 0  # resolved (or removed) before the mail went
    language = languages.get(comment.language)
    content_type = comment.content_type
    url = absolute(comment.page) if comment.page else ""
    if comment.kind == UnitComment.Kind.QUESTION:
        readers, template = recipients.editors_of(content_type), "translation_question"
        url = absolute(reverse("translation_answer", args=[comment.pk]))
    elif comment.kind == UnitComment.Kind.ANSWER:
        readers, template = recipients.askers_of(comment), "translation_answer"
    else:
        readers, template = recipients.translators_of(comment.language), "translation_remark"
    obj = content_type.get_object_for_this_type(pk=comment.object_id)
    context = {
        "title": str(obj),
        "field": comment.field,
        "language": language.swedish_name if language else comment.language,
        "author": person(comment.author),
        "comment": comment.text,
        "url": url,
    }
    return send(template, [(user, context) for user in readers if user != comment.author])


def contact_waiting(contact_pk: int) -> int:
    """The approvers of the contact's agency: a changed contact waits for their approval (all
    but the one who changed it, who may not approve her own change)."""
    contact = Contact.objects.select_related("agency", "edited_by").filter(pk=contact_pk).first()
    if contact is None or contact.is_approved:
        return 0  # approved (or removed) before the mail went
    context = {
        "title": contact.name,
        "agencies": contact.agency.name,
        "editor": person(contact.edited_by),
        "first": contact.approved is None,
        "url": absolute(reverse("contact_approve", args=[contact.pk])),
    }
    readers = recipients.approvers_of([contact.agency])
    return send(
        "contact_waiting",
        [(user, context) for user in readers if user.pk != contact.edited_by_id],
    )


EVENTS = {
    "translation_comment": translation_comment,
    "submitted": submitted,
    "agency_approved": agency_approved,
    "changes_requested": changes_requested,
    "published": published,
    "contact_waiting": contact_waiting,
}
