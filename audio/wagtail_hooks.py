"""Recordings to make, under Reports, for those who may see recordings."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from audio import views
from dialogue.admin_menu import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_recording_urls():
    return [path("recordings/to-make/", views.recordings_to_make, name="recordings_to_make")]


@hooks.register("register_reports_menu_item")
def recordings_report_menu_item():
    return PermissionMenuItem(
        "audio.view_audiorecording",
        _("Recordings to make"),
        reverse("recordings_to_make"),
        icon_name="media",
        order=700,
    )
