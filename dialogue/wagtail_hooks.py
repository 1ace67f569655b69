"""The admin: all content as snippet viewsets, grouped under one "Jobba i Sverige" menu.

Edit forms show the Swedish source only; translations are edited side by side in the
translation editor ([T]), never as one form of every field in every language.
"""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ButtonItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from dialogue import (
    admin_panels,
    admin_views,
    exchange_views,
    indicator_views,
    languages,
    translation_editor,
    translation_status,
    translation_views,
)
from dialogue.models import (
    Agency,
    Audience,
    AudioRecording,
    DialogueCard,
    GroupLanguages,
    JointMessage,
    LifeEvent,
    Office,
    StaffProfile,
)
from dialogue.review_views import ReviewerCompareView, ReviewerHistoryView

SV = languages.SOURCE_LANGUAGE


class TranslationCoverageColumn(Column):
    """How many target languages have a complete translation, e.g. "7 / 20"."""

    def get_value(self, instance):
        targets = languages.targets()
        done = sum(1 for language in targets if instance.has_translation(language.code))
        return f"{done} / {len(targets)}"


class SourceEditForm(WagtailAdminModelForm):
    """The Swedish source form, with the choice to keep translations current for a typo fix."""

    minor_edit = forms.BooleanField(
        required=False,
        label=_("Minor edit"),
        help_text=_(
            "A typo or punctuation only: the meaning is the same, so the translations stay "
            "current. Leave unticked when the meaning changes: every translation is then "
            "marked outdated."
        ),
    )


def source_form(panels):
    return ObjectList([*panels, FieldPanel("minor_edit")], base_form_class=SourceEditForm)


def source_panel(field, **kwargs):
    """A Swedish source field, labelled as the Swedish text."""
    return FieldPanel(f"{field}_{SV}", **kwargs)


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "website"]
    search_fields = ["name", "short_name"]
    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("website")]


class LifeEventViewSet(SnippetViewSet):
    history_view_class = ReviewerHistoryView
    revisions_compare_view_class = ReviewerCompareView
    model = LifeEvent
    icon = "calendar-alt"
    menu_label = _("Life events")
    list_display = [
        "__str__",
        "slug",
        "sort_order",
        TranslationCoverageColumn("coverage", label=_("Translated")),
    ]
    search_fields = ["title_sv", "slug"]
    edit_handler = source_form(
        [
            source_panel("title", heading=_("Title (Swedish)")),
            source_panel("intro", heading=_("Short intro (Swedish)")),
            FieldPanel("pictogram"),
            FieldPanel("slug"),
            FieldPanel("sort_order"),
        ]
    )


class JointMessageViewSet(SnippetViewSet):
    history_view_class = ReviewerHistoryView
    revisions_compare_view_class = ReviewerCompareView
    model = JointMessage
    icon = "openquote"
    menu_label = _("Joint messages")
    list_display = [
        "__str__",
        "slug",
        TranslationCoverageColumn("coverage", label=_("Translated")),
    ]
    list_filter = ["life_events", "agencies", "live"]
    search_fields = ["headline_sv", "body_sv", "slug"]
    edit_handler = source_form(
        [
            source_panel("headline", heading=_("Headline (Swedish)")),
            source_panel("body", heading=_("Body (Swedish)")),
            MultiFieldPanel(
                [
                    source_panel("where_to_turn", heading=_("Where to turn (Swedish)")),
                    InlinePanel(
                        "links",
                        heading=_("Links"),
                        label=_("Link"),
                        panels=[
                            source_panel("label", heading=_("Label (Swedish)")),
                            FieldPanel("url"),
                        ],
                    ),
                ],
                heading=_("Where to turn"),
            ),
            FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
            FieldPanel("agencies", widget=forms.CheckboxSelectMultiple),
            FieldPanel("slug"),
        ]
    )


class DialogueCardViewSet(SnippetViewSet):
    history_view_class = ReviewerHistoryView
    revisions_compare_view_class = ReviewerCompareView
    model = DialogueCard
    icon = "clipboard-list"
    menu_label = _("Dialogue cards")
    list_display = [
        "__str__",
        "life_event",
        "code",
        TranslationCoverageColumn("coverage", label=_("Translated")),
    ]
    list_filter = ["life_event", "live"]
    search_fields = ["title_sv", "slug", "code"]
    edit_handler = source_form(
        [
            source_panel("title", heading=_("Title (Swedish)")),
            FieldPanel("life_event"),
            FieldPanel("pictogram"),
            InlinePanel(
                "card_messages",
                heading=_("Key messages"),
                label=_("Key message"),
                min_num=1,
                panels=[FieldPanel("message")],
            ),
            FieldPanel("prompts"),
            FieldPanel("slug"),
            FieldPanel("sort_order"),
            FieldPanel("code", read_only=True, heading=_("QR code (permanent)")),
            MultiFieldPanel(
                [FieldPanel("retired_at"), FieldPanel("replaced_by")],
                heading=_("Retire the card"),
                help_text=_(
                    "A retired card keeps its code: its printed QR codes say it is no longer in "
                    "use and lead to the card that replaced it."
                ),
            ),
        ]
    )


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["__str__", "slug"]
    search_fields = ["name_sv", "slug"]
    panels = [
        source_panel("name", heading=_("Name (Swedish)")),
        source_panel("description", heading=_("Description (Swedish)")),
        FieldPanel("cards", widget=forms.CheckboxSelectMultiple),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]


class RecordingStatusColumn(Column):
    def get_value(self, instance):
        return _("Outdated: record again") if instance.is_outdated else _("Current")


class AudioRecordingViewSet(SnippetViewSet):
    model = AudioRecording
    icon = "media"
    menu_label = _("Recordings")
    list_display = [
        "card",
        "language",
        "duration",
        "synthetic",
        RecordingStatusColumn("status", label=_("Status")),
    ]
    list_filter = ["language", "synthetic"]
    panels = [
        FieldPanel("card"),
        FieldPanel("language"),
        FieldPanel("file"),
        FieldPanel("recorded_by"),
        FieldPanel("synthetic"),
    ]


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "agency"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("agency")]


class StaffProfileViewSet(SnippetViewSet):
    """Which office a service-office user prints for (prints are counted per office)."""

    model = StaffProfile
    icon = "user"
    menu_label = _("Office staff")
    list_display = ["user", "office"]
    list_filter = ["office"]
    panels = [FieldPanel("user"), FieldPanel("office")]


class GroupLanguagesViewSet(SnippetViewSet):
    """Which languages a translator or language-reviewer group may change."""

    model = GroupLanguages
    icon = "globe"
    menu_label = _("Translator languages")
    list_display = ["group", "languages"]
    panels = [FieldPanel("group"), FieldPanel("languages")]


class JobbaISverigeGroup(SnippetViewSetGroup):
    menu_label = _("Jobba i Sverige")
    menu_icon = "clipboard-list"
    menu_order = 100
    items = (
        DialogueCardViewSet,
        JointMessageViewSet,
        LifeEventViewSet,
        AudioRecordingViewSet,
        AudienceViewSet,
        AgencyViewSet,
        OfficeViewSet,
        StaffProfileViewSet,
        GroupLanguagesViewSet,
    )


register_snippet(JobbaISverigeGroup)


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    panels.extend(admin_panels.panels_for(request.user))


@hooks.register("construct_main_menu")
def hide_page_explorer(request, menu_items):
    # Content is snippets; an empty page tree in the menu only confuses editors.
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("register_admin_urls")
def register_recording_urls():
    return [
        path("recordings/to-make/", admin_views.recordings_to_make, name="recordings_to_make"),
        path("follow-up/", indicator_views.report, name="indicators_report"),
        path("translations/", translation_views.overview, name="translation_overview"),
        path("translations/<str:lang>/", translation_views.work_list, name="translation_work"),
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
            translation_editor.choose_language,
            name="translation_choose",
        ),
        path(
            "translate/<str:model_name>/<int:pk>/<str:lang>/",
            translation_editor.edit,
            name="translation_edit",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return MenuItem(
        _("Translations"), reverse("translation_overview"), icon_name="globe", order=690
    )


@hooks.register("register_reports_menu_item")
def indicators_menu_item():
    return PermissionMenuItem(
        "dialogue.view_counter",
        _("Follow-up"),
        reverse("indicators_report"),
        icon_name="table",
        order=710,
    )


@hooks.register("register_reports_menu_item")
def recordings_report_menu_item():
    return PermissionMenuItem(
        "dialogue.view_audiorecording",
        _("Recordings to make"),
        reverse("recordings_to_make"),
        icon_name="media",
        order=700,
    )


class PermissionMenuItem(MenuItem):
    def __init__(self, permission, *args, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("after_edit_snippet")
def keep_translations_current_after_minor_edit(request, instance):
    if request.POST.get("minor_edit") and hasattr(instance, "translated_fields"):
        translation_status.accept_minor_edit(instance)


@hooks.register("register_snippet_listing_buttons")
def translate_button(snippet, user, next_url=None):
    if isinstance(snippet, LifeEvent | JointMessage | DialogueCard):
        url = reverse("translation_choose", args=[snippet._meta.model_name, snippet.pk])
        yield ButtonItem(_("Translate"), url, icon_name="globe", priority=40)
