"""The content's admin: snippet viewsets whose edit forms show the Swedish source only.

Translations are edited side by side in the translation editor (translations.editor), never as
one form of every field in every language. cms.wagtail_hooks puts these viewsets and those of the
apps above under one "Jobba i Sverige" menu.
"""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.slug import SlugInput
from wagtail.snippets.views import chooser as snippet_choosers
from wagtail.snippets.views import snippets as snippet_views

import languages
from dialogue import form_panels
from dialogue.models import Agency, Audience, DialogueCard, JointMessage, LifeEvent
from dialogue.models.base import ChangeKind, Slugged
from dialogue.review_views import ReviewerCompareView, ReviewerHistoryView

SV = languages.SOURCE_LANGUAGE

# Hooks run after a workflow action posted to the action URL (the dashboard's buttons), called
# as fn(request, instance, action_name); approval tells the approver what her action did.
AFTER_WORKFLOW_ACTION = "after_content_workflow_action"


class TranslationCoverageColumn(Column):
    """How many target languages have a complete translation, e.g. "7 / 20"."""

    def get_value(self, instance):
        targets = languages.targets()
        done = sum(1 for language in targets if instance.has_translation(language.code))
        return f"{done} / {len(targets)}"


class SourceEditForm(WagtailAdminModelForm):
    """The Swedish source form, with what the change means for the translations.

    That choice belongs to one change: a form opened on published content (no draft pending)
    starts from the default, never from the last change's choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.has_unpublished_changes:
            self.initial["change_kind"] = ChangeKind.RETRANSLATE


class RegisteredPanel(Panel):
    """Read only: what the apps above the content show in its edit form (dialogue.form_panels).

    Editions says there, beside the choice of what the change means, what publishing the
    saved draft will do to each language in service; the approvers read it in the same form."""

    @property
    def clean_name(self):
        return "publishing_impact"

    class BoundPanel(Panel.BoundPanel):
        @cached_property
        def fragments(self):
            return form_panels.render(self.instance, self.request, self.form)

        def is_shown(self):
            return bool(self.fragments)

        def render_html(self, parent_context=None):
            return format_html_join("", "{}", ((fragment,) for fragment in self.fragments))


def source_form(panels):
    kinds = FieldPanel("change_kind", widget=forms.RadioSelect)
    impact = RegisteredPanel(
        heading=pgettext_lazy("staff side", "What publishing does to the translations")
    )
    return ObjectList([*panels, kinds, impact], base_form_class=SourceEditForm)


def source_panel(field, **kwargs):
    """A Swedish source field, labelled as the Swedish text."""
    return FieldPanel(f"{field}_{SV}", **kwargs)


def title_panel(field, **kwargs):
    """The Swedish title, which fills the slug as it is typed (Wagtail's w-sync, as on a page's
    title) until the slug is edited by hand or the content is live."""
    return TitleFieldPanel(
        f"{field}_{SV}", targets=["slug"], classname="", placeholder=False, **kwargs
    )


SLUG_LENGTH = Slugged._meta.get_field("slug").max_length


def slug_panel():
    """The slug in a-z, 0-9 and hyphens: Wagtail's w-slug without Unicode transliterates
    å and ä to a and ö to o; a long title is cut to the slug's length before that."""
    return FieldPanel(
        "slug",
        widget=SlugInput(
            attrs={"data-w-slug-allow-unicode-value": False},
            formatters=[(rf"^(.{{{SLUG_LENGTH}}}).+$", "$1")],
        ),
    )


class ChooserSearchForm(BaseFilterForm):
    """The chooser's search box, searching the viewset's search fields in the database.

    Wagtail's chooser searches only models with a search index; the content has none, and its
    listings search the same fields the same way (icontains), so both find the same things."""

    q = forms.CharField(
        label=pgettext_lazy("staff side", "Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": pgettext_lazy("staff side", "Search")}),
    )

    def __init__(self, *args, search_fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query and self.search_fields:
            found = Q()
            for field in self.search_fields:
                found |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(found)
            self.is_searching = True
            self.search_query = query
        return objects


class SearchingChooser:
    """A chooser view with ChooserSearchForm; ContentChooserViewSet gives it the fields."""

    search_fields = ()

    def get_filter_form(self):
        return ChooserSearchForm(self.request.GET, search_fields=self.search_fields)


class ChooseView(SearchingChooser, snippet_choosers.ChooseView):
    pass


class ChooseResultsView(SearchingChooser, snippet_choosers.ChooseResultsView):
    pass


class ContentChooserViewSet(snippet_choosers.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    search_fields = ()

    def get_common_view_kwargs(self, **kwargs):
        # Only the views with a search_fields attribute take it (construct_view filters).
        return super().get_common_view_kwargs(search_fields=self.search_fields, **kwargs)


class WorkflowActionView(snippet_views.WorkflowActionView):
    """Wagtail's workflow action, then the AFTER_WORKFLOW_ACTION hooks."""

    def post(self, request, *args, **kwargs):
        acted = self.form_class is None or self.form_class(request.POST).is_valid()
        response = super().post(request, *args, **kwargs)
        if acted:
            for fn in hooks.get_hooks(AFTER_WORKFLOW_ACTION):
                fn(request, self.object, self.action_name)
        return response


class ContentViewSet(snippet_views.SnippetViewSet):
    """A snippet viewset whose chooser searches its search fields, whose workflow actions run
    the AFTER_WORKFLOW_ACTION hooks."""

    chooser_viewset_class = ContentChooserViewSet
    workflow_action_view_class = WorkflowActionView

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.search_fields = tuple(self.search_fields or ())
        return viewset


class AgencyViewSet(ContentViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "website"]
    search_fields = ["name", "short_name"]
    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("website")]


class LifeEventViewSet(ContentViewSet):
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
            title_panel("title", heading=_("Title (Swedish)")),
            source_panel("intro", heading=_("Short intro (Swedish)")),
            FieldPanel("pictogram"),
            slug_panel(),
            FieldPanel("sort_order"),
        ]
    )


class JointMessageViewSet(ContentViewSet):
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
            title_panel("headline", heading=_("Headline (Swedish)")),
            source_panel("body", heading=_("Body (Swedish)")),
            MultiFieldPanel(
                [
                    source_panel("where_to_turn", heading=_("Where to turn (Swedish)")),
                    # Chooses a snippet of the contacts app: no import of it here.
                    FieldPanel(
                        "contact",
                        help_text=pgettext_lazy(
                            "staff side",
                            "The agency's central contact: its approved numbers, service "
                            "lines and opening hours are shown after the text above.",
                        ),
                    ),
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
            slug_panel(),
        ]
    )


class DialogueCardViewSet(ContentViewSet):
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
            title_panel("title", heading=_("Title (Swedish)")),
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
            slug_panel(),
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


class AudienceViewSet(ContentViewSet):
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
