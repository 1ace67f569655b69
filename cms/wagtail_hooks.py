"""The admin's shape: every app's viewsets under one "Jobba i Sverige" menu, no page tree.

The project is the one room that may name every app, so the menu is put together here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from audio.viewsets import (
    AudioRecordingViewSet,
    LanguageNameRecordingViewSet,
    TermRecordingViewSet,
)
from cms import admin_reach
from dialogue.viewsets import (
    AgencyViewSet,
    AudienceViewSet,
    DialogueCardViewSet,
    JointMessageViewSet,
    LifeEventViewSet,
)
from print.viewsets import OfficeViewSet, StaffProfileViewSet
from translations.viewsets import GroupLanguagesViewSet


class JobbaISverigeGroup(SnippetViewSetGroup):
    menu_label = _("Jobba i Sverige")
    menu_icon = "clipboard-list"
    menu_order = 100
    items = (
        DialogueCardViewSet,
        JointMessageViewSet,
        LifeEventViewSet,
        AudioRecordingViewSet,
        LanguageNameRecordingViewSet,
        TermRecordingViewSet,
        AudienceViewSet,
        AgencyViewSet,
        OfficeViewSet,
        StaffProfileViewSet,
        GroupLanguagesViewSet,
    )


register_snippet(JobbaISverigeGroup)


@hooks.register("construct_main_menu")
def hide_page_explorer(request, menu_items):
    # Content is snippets; an empty page tree in the menu only confuses editors.
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("construct_main_menu")
@hooks.register("construct_reports_menu")
@hooks.register("construct_settings_menu")
def hide_what_is_out_of_reach(request, menu_items):
    # A confined role (follow-up) sees links only to what it may open (cms.admin_reach);
    # a submenu shows itself only when its own items, filtered the same way, are left.
    menu_items[:] = [
        item
        for item in menu_items
        if isinstance(item, SubmenuMenuItem) or admin_reach.may_follow(request.user, item.url)
    ]
