"""Recordings to make, under Reports, for those who may see recordings; hearing and approving
a recording before the public hears it."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ButtonItem

from audio import recordings, views
from audio.models import AudioRecording, LanguageNameRecording
from dialogue.admin_menu import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_recording_urls():
    return [
        path("recordings/to-make/", views.recordings_to_make, name="recordings_to_make"),
        path("recordings/<int:pk>/listen/", views.listen, name="recording_listen"),
        path("recordings/<int:pk>/approve/", views.approve, name="recording_approve"),
        path("language-names/<int:pk>/listen/", views.listen_name, name="language_name_listen"),
        path("language-names/<int:pk>/approve/", views.approve_name, name="language_name_approve"),
    ]


@hooks.register("register_reports_menu_item")
def recordings_report_menu_item():
    return PermissionMenuItem(
        "audio.view_audiorecording",
        _("Recordings to make"),
        reverse("recordings_to_make"),
        icon_name="media",
        order=700,
    )


@hooks.register("register_snippet_listing_buttons")
def approve_button(snippet, user, next_url=None):
    """For a recording (of a card or a language's name) waiting for approval, to a reviewer of
    its language who did not upload it: hear it and approve it (the page posts the approval)."""
    names = {AudioRecording: "recording_approve", LanguageNameRecording: "language_name_approve"}
    if type(snippet) in names and recordings.may_approve(snippet, user):
        url = reverse(names[type(snippet)], args=[snippet.pk])
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield ButtonItem(
            pgettext_lazy("staff side", "Listen and approve"), url, icon_name="tick", priority=5
        )
