"""Recordings to make, under Reports, for those who may see recordings; hearing and approving
a recording before the public hears it."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ButtonItem

from audio import recordings, views
from audio.kinds import BY_MODEL, KINDS
from dialogue.admin_menu import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_recording_urls():
    urls = [path("recordings/to-make/", views.recordings_to_make, name="recordings_to_make")]
    for kind in KINDS.values():  # one listen view and one approval page for every kind
        urls += [
            path(
                f"{kind.prefix}/<int:pk>/listen/",
                views.listen,
                {"kind": kind.key},
                name=kind.listen_url,
            ),
            path(
                f"{kind.prefix}/<int:pk>/approve/",
                views.approve,
                {"kind": kind.key},
                name=kind.approve_url,
            ),
        ]
    return urls


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
    """For a recording of any kind waiting for approval, to one who may judge it and did not
    upload it: hear it and approve it (the page posts the approval)."""
    kind = BY_MODEL.get(type(snippet))
    if kind is not None and recordings.may_approve(snippet, user):
        url = reverse(kind.approve_url, args=[snippet.pk])
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield ButtonItem(
            pgettext_lazy("staff side", "Listen and approve"), url, icon_name="tick", priority=5
        )
