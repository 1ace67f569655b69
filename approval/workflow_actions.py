"""What happens when the joint approval finishes (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_jointly_approved(workflow_state, user=None):
    """Publish the approved revision. The approvals are the permission: approvers have no publish
    permission of their own, so that no agency can publish outside the joint approval."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
