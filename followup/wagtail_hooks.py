"""The follow-up report under Reports, for the follow-up role."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from dialogue.admin_menu import PermissionMenuItem
from followup import views


@hooks.register("register_admin_urls")
def register_followup_urls():
    return [path("follow-up/", views.report, name="indicators_report")]


@hooks.register("register_reports_menu_item")
def indicators_menu_item():
    return PermissionMenuItem(
        "followup.view_counter",
        _("Follow-up"),
        reverse("indicators_report"),
        icon_name="table",
        order=710,
    )
