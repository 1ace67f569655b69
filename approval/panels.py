"""Dashboard panels per role (registered in wagtail_hooks); the data comes from dashboards."""

from wagtail.admin.ui.components import Component

from approval import dashboards


class EditorPanel(Component):
    name = "jobba_editor"
    template_name = "approval/admin/panels/editor.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "drafts": dashboards.drafts_of(self.user),
            "in_approval": dashboards.in_approval(),
        }


class IdleApproverPanel(Component):
    """Instead of an empty dashboard: nothing waits for her approval, and how she will know."""

    name = "jobba_idle_approver"
    template_name = "approval/admin/panels/idle_approver.html"
    order = 40

    def __init__(self, agencies):
        self.agencies = agencies

    def get_context_data(self, parent_context):
        return {"agencies": ", ".join(agency.name for agency in self.agencies)}


class TranslatorPanel(Component):
    name = "jobba_translator"
    template_name = "approval/admin/panels/translator.html"
    order = 60

    def __init__(self, work):
        self.work = work

    def get_context_data(self, parent_context):
        return {"work": self.work}


def panels_for(user) -> list[Component]:
    panels = []
    if user.has_perm("dialogue.change_jointmessage") and not user.is_superuser:
        panels.append(EditorPanel(user))
    idle = dashboards.idle_approver_agencies(user)
    if idle:
        panels.append(IdleApproverPanel(idle))
    work = dashboards.translation_work(user)
    if work:
        panels.append(TranslatorPanel(work))
    return panels
