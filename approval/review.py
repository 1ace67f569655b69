"""Approvers act on content in review from its edit view, which is locked for everyone.

Wagtail hides the workflow buttons from a user the content is locked for, and runs a workflow
action posted from the editor only after saving the form it came with. Here the approvers still
to approve get the buttons, and their action runs without saving anything the form carries: an
approver comments, requests changes or approves, she never changes the text she approves.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import pgettext
from wagtail.models import WorkflowMixin, WorkflowState
from wagtail.snippets.action_menu import WorkflowMenuItem

from approval.models import JointApprovalTask, agencies_approved_by

# The primary button is the approval; requesting changes comes last.
ORDER = {"approve": 0, "reject": 1}


class ReviewMenuItem(WorkflowMenuItem):
    """A workflow button shown although the content is locked: the lock is for the text."""

    def is_shown(self, context):
        return context["view"] == "edit"


def _task(instance) -> JointApprovalTask | None:
    if not isinstance(instance, WorkflowMixin) or instance.pk is None:
        return None
    task = instance.current_workflow_task
    return task if isinstance(task, JointApprovalTask) else None


def add_review_buttons(menu_items, request, context):
    """The approver's actions, first in the locked editor's action menu."""
    instance = context.get("instance")
    if context.get("view") != "edit" or not context.get("locked_for_user"):
        return
    task = _task(instance)
    if task is None:
        return
    actions = sorted(task.get_actions(instance, request.user), key=lambda a: ORDER.get(a[0], 2))
    icons = {"approve": "success"}
    items = [
        ReviewMenuItem(name, label, modal, icon_name=icons.get(name, "edit"))
        for name, label, modal in actions
    ]
    menu_items[:0] = items


def act_without_saving(request, instance):
    """A workflow action posted from the locked editor: run it, ignore the form's fields."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    task = _task(instance)
    if task is None:
        return None
    name = request.POST.get("workflow-action-name", "")
    if name not in {action for action, _label, _modal in task.get_actions(instance, request.user)}:
        return None  # Wagtail refuses it: the content is locked
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    form = task.get_form_for_action(name)(extra if isinstance(extra, dict) else {})
    task.on_action(
        instance.current_workflow_task_state,
        request.user,
        name,
        **(form.cleaned_data if form.is_valid() else {}),
    )
    confirm(request, instance, name)
    meta = instance._meta
    # After the last approval the content is published and no longer open to its approvers.
    return redirect(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))


def submit_first(menu_items, request, context):
    """Submitting for joint approval is what an editor does with a change: the main button, not
    an entry under "more actions" beside "save draft"."""
    for index, item in enumerate(menu_items):
        if getattr(item, "name", "") == "action-submit":
            menu_items.insert(0, menu_items.pop(index))
            return


def outcome(instance, name, user) -> str | None:
    """What the approver's action did, in Swedish: published, or which agencies still wait."""
    obj = type(instance).objects.select_related("latest_revision").get(pk=instance.pk)
    title = str(obj.get_latest_revision_as_object())  # the text she reviewed
    state = obj.current_workflow_state
    if name == "reject":
        if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
            return None
        return pgettext("staff side", "You asked for changes to '%(object)s'.") % {"object": title}
    if name != "approve":
        return None
    task_state = obj.current_workflow_task_state if obj.workflow_in_progress else None
    if task_state is not None:
        pending = task_state.specific.pending()
        if user.is_superuser or pending & agencies_approved_by(user):
            return None  # her approval did not happen
        waiting = ", ".join(sorted(agency.name for agency in pending))
        return pgettext(
            "staff side", "You approved '%(object)s'. Still waiting for: %(agencies)s."
        ) % {"object": title, "agencies": waiting}
    if obj.live and not obj.has_unpublished_changes:
        return pgettext(
            "staff side",
            "You approved '%(object)s'. Every owning agency has approved it: it is published now.",
        ) % {"object": title}
    go_live = obj.latest_revision.approved_go_live_at if obj.latest_revision else None
    if go_live is not None:
        when = formats.date_format(timezone.localtime(go_live), "DATETIME_FORMAT")
        return pgettext(
            "staff side",
            "You approved '%(object)s'. Every owning agency has approved it: it goes live on "
            "%(when)s.",
        ) % {"object": title, "when": when}
    return pgettext("staff side", "You approved '%(object)s'.") % {"object": title}


def confirm(request, instance, name):
    """The approver's confirmation, from the locked editor and from the dashboard's buttons
    (dialogue.viewsets.AFTER_WORKFLOW_ACTION)."""
    text = outcome(instance, name, request.user)
    if text:
        messages.success(request, text)
