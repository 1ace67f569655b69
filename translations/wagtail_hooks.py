"""Translation in the admin: overview, work lists, exchange files, the side-by-side editor."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ButtonItem

from dialogue.admin_menu import PermissionMenuItem
from dialogue.models import TRANSLATABLE_MODELS
from translations import answer_views, comment_report, comments, editor, exchange_views, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        # Before "translations/<lang>/", which would take "open-questions" for a language.
        path(
            "translations/open-questions/",
            comment_report.OpenCommentsReport.as_view(),
            name="open_comments",
        ),
        path(
            "translations/open-questions/results/",
            comment_report.OpenCommentsReport.as_view(results_only=True),
            name="open_comments_results",
        ),
        path(
            "translations/open-questions/<int:pk>/answer/",
            answer_views.answer,
            name="translation_answer",
        ),
        path(
            "translations/failed-imports/",
            exchange_views.failed_imports,
            name="translation_failed_imports",
        ),
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
            "translations/<str:lang>/import/<int:pk>/",
            exchange_views.import_run,
            name="translation_import_run",
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


@hooks.register("register_reports_menu_item")
def failed_imports_menu_item():
    return PermissionMenuItem(
        exchange_views.RUNS_PERMISSION,
        pgettext_lazy("staff side", "Failed translation imports"),
        reverse("translation_failed_imports"),
        icon_name="warning",
        order=905,
    )


class OpenCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return comments.languages_seen_by(request.user) != set()


@hooks.register("register_reports_menu_item")
def open_comments_menu_item():
    return OpenCommentsMenuItem(
        pgettext_lazy("staff side", "Open questions"),
        reverse("open_comments"),
        icon_name="help",
        order=691,
    )


@hooks.register("register_snippet_listing_buttons")
def translate_button(snippet, user, next_url=None):
    if isinstance(snippet, TRANSLATABLE_MODELS):
        url = reverse("translation_choose", args=[snippet._meta.model_name, snippet.pk])
        yield ButtonItem(_("Translate"), url, icon_name="globe", priority=40)
