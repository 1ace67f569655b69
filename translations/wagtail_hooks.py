"""Translation in the admin: overview, work lists, exchange files, the side-by-side editor."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ButtonItem

from dialogue.models import TRANSLATABLE_MODELS
from translations import editor, exchange_views, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", views.overview, name="translation_overview"),
        path("translations/<str:lang>/", views.work_list, name="translation_work"),
        path(
            "translations/<str:lang>/export.<str:fmt>",
            exchange_views.export,
            name="translation_export",
        ),
        path(
            "translations/<str:lang>/import/",
            exchange_views.import_file,
            name="translation_import",
        ),
        path(
            "translate/<str:model_name>/<int:pk>/",
            editor.choose_language,
            name="translation_choose",
        ),
        path(
            "translate/<str:model_name>/<int:pk>/<str:lang>/",
            editor.edit,
            name="translation_edit",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return MenuItem(
        _("Translations"), reverse("translation_overview"), icon_name="globe", order=690
    )


@hooks.register("register_snippet_listing_buttons")
def translate_button(snippet, user, next_url=None):
    if isinstance(snippet, TRANSLATABLE_MODELS):
        url = reverse("translation_choose", args=[snippet._meta.model_name, snippet.pk])
        yield ButtonItem(_("Translate"), url, icon_name="globe", priority=40)
