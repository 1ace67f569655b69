"""Joint approval: every agency that owns a piece of content approves it before it goes live.

One Wagtail task, not one per agency: the owning agencies approve in any order, and a change
made after an agency approved needs that agency's approval again (approvals name the revision).
The owners who must approve are those of the published version and those of the draft, so no
agency can remove another from the content without that agency's approval. While the content
is in review nobody edits it: the approvers open it to read, comment, request changes or
approve (approval.review).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.locks import WorkflowLock
from wagtail.models import Task, TaskState

from dialogue.models import Agency


def live_owners_of(obj) -> set:
    """The owners of the published version: the database row, which drafts do not touch while
    the content is live. Content that is not live has no published owners."""
    row = type(obj).objects.filter(pk=obj.pk).first()
    if row is None or not row.live:
        return set()
    return row.owning_agencies()


def agencies_approved_by(user) -> set:
    """The agencies whose approver group the user belongs to."""
    if not user.is_authenticated:
        return set()
    return set(Agency.objects.filter(approvers__in=user.groups.all()))


class JointApprovalTaskState(TaskState):
    class Meta:
        db_table = "dialogue_jointapprovaltaskstate"  # kept when the model left dialogue ([S])
        verbose_name = _("joint approval task state")
        verbose_name_plural = _("joint approval task states")

    def content(self):
        """The version being approved: the latest revision, with its own messages and owners."""
        return self.workflow_state.content_object.get_latest_revision_as_object()

    def owners(self) -> set:
        """Who must approve: the owners of the live version and of the draft under review, so
        that unticking an owner in the draft still needs that owner's approval."""
        return live_owners_of(self.workflow_state.content_object) | self.content().owning_agencies()

    def pending(self) -> set:
        """Owning agencies that have not approved the latest revision; with no owner, any one."""
        obj = self.workflow_state.content_object
        # From the database: the revision may have changed since this object was loaded.
        revision_id = type(obj).objects.values_list("latest_revision_id", flat=True).get(pk=obj.pk)
        done = set(
            Agency.objects.filter(approvals__task_state=self, approvals__revision_id=revision_id)
        )
        owners = self.owners()
        if not owners:
            anyone = set(Agency.objects.exclude(approvers=None))
            return set() if done else anyone
        return owners - done


class AgencyApproval(models.Model):
    """One agency's approval of one revision in a joint approval."""

    task_state = models.ForeignKey(
        JointApprovalTaskState, on_delete=models.CASCADE, related_name="approvals"
    )
    agency = models.ForeignKey(
        "dialogue.Agency", on_delete=models.CASCADE, related_name="approvals"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE)
    comment = models.TextField(blank=True)
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "dialogue_agencyapproval"  # kept when the model left dialogue ([S])
        verbose_name = _("agency approval")
        verbose_name_plural = _("agency approvals")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "agency", "revision"], name="one_approval_per_revision"
            )
        ]

    def __str__(self):
        return f"{self.agency} – {self.revision_id}"


class JointApprovalLock(WorkflowLock):
    """Wagtail's message says reviewers may edit; here nobody does."""

    def get_message(self, user):
        if not self.for_user(user):
            return None
        return pgettext(
            "staff side",
            "The agencies are reviewing this content: nobody can change it until they have "
            "approved it or asked for changes.",
        )


class JointApprovalTask(Task):
    """The approvers of every owning agency approve; the last approval publishes."""

    task_state_class = JointApprovalTaskState
    lock_class = JointApprovalLock

    class Meta:
        db_table = "dialogue_jointapprovaltask"  # kept when the model left dialogue ([S])
        verbose_name = _("joint approval")
        verbose_name_plural = _("joint approvals")

    @classmethod
    def get_description(cls):
        return _("The approvers of every agency that owns the content must approve it.")

    def _state_of(self, obj) -> JointApprovalTaskState | None:
        state = obj.current_workflow_task_state
        return state.specific if state is not None else None

    def _mine(self, user, state) -> set:
        if state is None:
            return set()
        pending = state.pending()
        return pending if user.is_superuser else pending & agencies_approved_by(user)

    def _is_approver(self, obj, user) -> bool:
        if user.is_superuser:
            return True
        state = self._state_of(obj)
        owners = state.owners() if state is not None else obj.owning_agencies()
        return bool(agencies_approved_by(user) & (owners or agencies_approved_by(user)))

    def user_can_access_editor(self, obj, user):
        # Approvers open the content to read it and act on it (approval.review), not to edit.
        return self._is_approver(obj, user)

    def locked_for_user(self, obj, user):
        # While the agencies review, the text they approve must not change under them: not by
        # the editor, and not by an approver, who could otherwise approve her own change.
        return True

    def user_can_lock(self, obj, user):
        # A lock of one's own would lift the review lock for its holder.
        return False

    def start(self, workflow_state, user=None):
        # The same for a lock taken before the content was submitted: the review lock is all.
        obj = workflow_state.content_object
        if getattr(obj, "locked", False):
            type(obj).objects.filter(pk=obj.pk).update(locked=False, locked_by=None, locked_at=None)
        return super().start(workflow_state, user=user)

    def get_actions(self, obj, user):
        if not self._mine(user, self._state_of(obj)):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        from django.db import transaction

        state = task_state.specific
        mine = self._mine(user, state)
        if not mine:
            return  # not an approver of an agency still to approve: nothing happens
        comment = kwargs.get("comment", "")
        with transaction.atomic():
            if action_name == "reject":
                state.reject(user=user, comment=comment)
                return
            if action_name != "approve":
                return
            revision = state.workflow_state.content_object.get_latest_revision()
            for agency in mine:
                AgencyApproval.objects.get_or_create(
                    task_state=state,
                    agency=agency,
                    revision=revision,
                    defaults={"comment": comment},
                )
            if not state.pending():
                state.approve(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        agencies = agencies_approved_by(user)
        if not (agencies or user.is_superuser):
            return TaskState.objects.none()
        in_progress = JointApprovalTaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS
        ).select_related("workflow_state")
        ids = [s.pk for s in in_progress if user.is_superuser or s.pending() & agencies]
        return TaskState.objects.filter(Q(pk__in=ids))
