from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem

from dialogue.admin_menu import PermissionMenuItem
from dialogue.models import DialogueCard
from print import admin_views, failures


@hooks.register("register_admin_urls")
def register_print_urls():
    return [
        path("print/card/<int:pk>/", admin_views.card_print, name="print_card"),
        path(
            "print/card/<int:pk>/<str:lang>/<str:layout>/<str:finish>.pdf",
            admin_views.card_pdf,
            name="print_card_pdf",
        ),
        path("print/failed-builds/", failures.failed_builds, name="print_failed_builds"),
    ]


@hooks.register("register_reports_menu_item")
def failed_builds_menu_item():
    return PermissionMenuItem(
        failures.PERMISSION,
        pgettext_lazy("staff side", "Failed print builds"),
        reverse("print_failed_builds"),
        icon_name="warning",
        order=900,
    )


@hooks.register("register_snippet_listing_buttons")
def print_button(snippet, user, next_url=None):
    if isinstance(snippet, DialogueCard) and user.has_perm("dialogue.view_dialoguecard"):
        url = reverse("print_card", args=[snippet.pk])
        yield MenuItem(_("Print"), url, icon_name="doc-full", priority=30)
