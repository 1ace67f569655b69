"""Admin views opened up to the agencies' approvers while they review a change."""

from wagtail.snippets.views.snippets import HistoryView, RevisionsCompareView


class OpenToReviewers:
    """An approver who may review the object now may also read its history and compare its
    revisions: she has no change permission, but she must see what she approves."""

    def _reviewing(self) -> bool:
        obj = getattr(self, "object", None) or self.get_object()
        task = obj.current_workflow_task
        return bool(task and task.user_can_access_editor(obj, self.request.user))

    def user_has_permission(self, permission):
        return super().user_has_permission(permission) or self._reviewing()

    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) or self._reviewing()


class ReviewerHistoryView(OpenToReviewers, HistoryView):
    pass


class ReviewerCompareView(OpenToReviewers, RevisionsCompareView):
    pass
