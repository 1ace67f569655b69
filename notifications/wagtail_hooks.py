"""The edit form tells the editor what the approver asked her to change (also in her mail)."""

from django.contrib import messages
from django.utils.translation import pgettext
from wagtail import hooks
from wagtail.models import WorkflowMixin

from approval.dashboards import changes_requested


@hooks.register("before_edit_snippet")
def show_changes_requested(request, instance):
    if request.method != "GET" or not isinstance(instance, WorkflowMixin):
        return None
    changes = changes_requested(instance.current_workflow_state)
    if changes is not None:
        said = pgettext("staff side", "Changes requested by %(name)s") % {"name": changes.by}
        messages.warning(request, f"{said}: {changes.comment}" if changes.comment else said)
    return None
