"""Reports → Open questions: every unresolved comment on a translation, across all objects and
languages, so a question does not wait unseen until someone opens the unit it is on. Each row
links to the side-by-side editor at the unit (for those who translate the language), or, for
the communication group, which cannot open the editor, to a question's answer page
(translations.answer_views) and to a remark's object.

Who sees what is translations.comments.languages_seen_by: a translator only her languages.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

import languages
from translations import comments, labels
from translations import status as translation_status
from translations.models import UnitComment

SHORT = 90  # characters of the question in the list; the editor shows it whole


class Ticked(forms.CheckboxInput):
    """A box that, unticked, is no filter at all (not a "no" among the active filters)."""

    def value_from_datadict(self, data, files, name):
        return True if name in data else None


class OpenCommentFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"))
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("staff side", "Kind of comment"),
        choices=[c for c in UnitComment.Kind.choices if c[0] != UnitComment.Kind.ANSWER],
    )  # an answer is never open (comments.open_for)
    to_me = django_filters.BooleanFilter(
        label=pgettext_lazy("staff side", "For me to answer"),
        method="filter_to_me",
        widget=Ticked,
    )

    class Meta:
        model = UnitComment
        fields = ["language", "kind", "to_me"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        seen = comments.languages_seen_by(request.user)
        self.filters["language"].extra["choices"] = [
            (language.code, language.swedish_name)
            for language in languages.targets()
            if seen is None or language.code in seen
        ]

    def filter_to_me(self, queryset, name, value):
        return queryset.filter(comments.addressed_to(self.request.user)) if value else queryset


class OpenCommentsReport(ReportView):
    page_title = pgettext_lazy("staff side", "Open questions")
    header_icon = "help"
    index_url_name = "open_comments"
    index_results_url_name = "open_comments_results"
    filterset_class = OpenCommentFilterSet
    paginate_by = 50
    columns = [
        TitleColumn(
            "target",
            label=pgettext_lazy("staff side", "Object"),
            get_url=lambda row: row.url,
        ),
        Column("unit_label", label=_("Field")),
        Column("language_name", label=_("Language")),
        Column("kind_label", label=pgettext_lazy("staff side", "Kind of comment")),
        Column("short_text", label=pgettext_lazy("staff side", "Comment")),
        Column("author_name", label=pgettext_lazy("staff side", "Asked by")),
        Column("asked", label=pgettext_lazy("staff side", "Asked")),
        Column("age", label=pgettext_lazy("staff side", "Waiting")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if comments.languages_seen_by(request.user) == set():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return comments.open_for(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        units = comments.units_of(rows)
        finder = AdminURLFinder(self.request.user)
        now = timezone.now()
        may_translate = {
            lang: translation_status.can_translate(self.request.user, lang)
            for lang in {row.language for row in rows}
        }
        for row in rows:
            unit = units[row.pk]
            language = languages.get(row.language)
            row.language_name = language.swedish_name if language else row.language
            row.kind_label = capfirst(row.get_kind_display())
            row.short_text = Truncator(" ".join(row.text.split())).chars(SHORT)
            row.author_name = _person(row.author)
            row.asked = formats.date_format(
                timezone.localtime(row.created_at), "SHORT_DATETIME_FORMAT"
            )
            row.age = timesince(row.created_at, now, depth=1)
            if unit is None:  # its object was deleted; the comment stays as a record
                row.target, row.unit_label, row.url = "–", row.field, ""
                continue
            target = labels.target_of(unit.obj)
            row.target, row.unit_label = str(target), labels.in_target(unit)
            if may_translate[row.language]:
                args = [target._meta.model_name, target.pk, row.language]
                url = reverse("translation_edit", args=args)
                row.url = f"{url}#{labels.anchor(unit)}"
            elif comments.may_answer(self.request.user, row):  # it cannot open the editor
                row.url = reverse("translation_answer", args=[row.pk])
            else:  # a remark the communication group reads: the object's own page
                row.url = finder.get_edit_url(target) or ""
        return rows


def _person(user) -> str:
    if user is None:
        return "–"
    return user.get_full_name().strip() or user.get_username()
