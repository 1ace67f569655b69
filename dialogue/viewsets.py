"""The content's admin: snippet viewsets whose edit forms show the Swedish source only.

Translations are edited side by side in the translation editor (translations.editor), never as
one form of every field in every language. cms.wagtail_hooks puts these viewsets and those of the
apps above under one "Jobba i Sverige" menu.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

import languages
from dialogue.models import Agency, Audience, DialogueCard, JointMessage, LifeEvent
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
