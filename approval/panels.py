"""Dashboard panels per role (registered in wagtail_hooks); the data comes from dashboards."""

from wagtail.admin.ui.components import Component

from approval import dashboards
from approval.models import agencies_approved_by
from editions import impact


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


class AwaitingTranslationPanel(Component):
    """The languages whose editions in service wait for a translation of a published Swedish
    change (editions.impact.waiting): what still goes out in the older version, and since when."""

    name = "jobba_awaiting_translation"
    template_name = "approval/admin/panels/awaiting_translation.html"
    order = 70

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


def awaiting_translation(user, editor: bool) -> list[impact.Waiting]:
    """Every language for the editors and approvers; her own languages for a translator."""
    if editor or agencies_approved_by(user):
        return impact.waiting()
    codes = [language.code for language in dashboards.translator_languages(user)]
    return impact.waiting(codes) if codes else []


def panels_for(user) -> list[Component]:
    panels = []
    editor = user.has_perm("dialogue.change_jointmessage") and not user.is_superuser
    if editor:
        panels.append(EditorPanel(user))
    idle = dashboards.idle_approver_agencies(user)
    if idle:
        panels.append(IdleApproverPanel(idle))
    work = dashboards.translation_work(user)
    if work:
        panels.append(TranslatorPanel(work))
    if not user.is_superuser:
        waiting = awaiting_translation(user, editor)
        if waiting:
            panels.append(AwaitingTranslationPanel(waiting))
    return panels
