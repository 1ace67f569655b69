"""The dashboard: each role is greeted with its work. The locked editor: approvers act in it."""

from wagtail import hooks

from approval import panels as admin_panels
from approval import review
from dialogue.viewsets import AFTER_WORKFLOW_ACTION


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    panels.extend(admin_panels.panels_for(request.user))


hooks.register("construct_snippet_action_menu", review.submit_first)
hooks.register("construct_snippet_action_menu", review.add_review_buttons)
hooks.register("before_edit_snippet", review.act_without_saving)
hooks.register(AFTER_WORKFLOW_ACTION, review.confirm)
