"""The follow-up report in the admin: filters, table, chart, totals per year, CSV and XLSX."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import languages
from dialogue.models import LifeEvent
from followup import charts, comprehension, indicators
from followup import export as indicator_export
from followup.models import Event


class FilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))
    event = forms.ChoiceField(label=gettext_lazy("Event"), required=False)
    life_event = forms.ChoiceField(label=gettext_lazy("Life event"), required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    channel = forms.CharField(label=gettext_lazy("Channel"), required=False, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["event"].choices = everything + list(Event.choices)
        self.fields["life_event"].choices = everything + [
            (slug, title) for slug, title in LifeEvent.objects.values_list("slug", "title_sv")
        ]
        self.fields["language"].choices = everything + [
            (lang.code, f"{lang.swedish_name} ({lang.code})") for lang in languages.LANGUAGES
        ]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data


def _defaults() -> dict:
    today = timezone.localdate()
    return {"start": date(today.year, 1, 1).isoformat(), "end": today.isoformat()}


@permission_required("followup.view_counter", raise_exception=True)
def report(request):
    form = FilterForm(request.GET or _defaults())
    if not form.is_valid():
        return render(request, "followup/admin/indicators.html", {"form": form})
    filters = indicators.Filters(**form.cleaned_data)
    export = request.GET.get("format")
    # Downloads are for people: Swedish headers and names, a row per day or month counted.
    name = f"jobba-i-sverige_uppfoljning_{filters.start}_{filters.end}"
    if export == "csv":
        response = HttpResponse(
            indicator_export.as_csv(filters, headers="swedish"), content_type="text/csv"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            indicator_export.as_xlsx(filters, headers="swedish"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    labels = dict(Event.choices)
    titles = dict(LifeEvent.objects.values_list("slug", "title_sv"))
    rows = [
        {
            **row,
            "event_label": labels.get(row["event"], row["event"]),
            "life_event_title": titles.get(row["life_event"], row["life_event"]),
            "language_name": languages.get(row["language"]).swedish_name
            if languages.get(row["language"])
            else row["language"],
        }
        for row in indicators.table(filters)
    ]
    chart = charts.stacked_bars(
        indicators.per_month(filters), {k: str(v) for k, v in labels.items()}, _("Per month")
    )
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "followup/admin/indicators.html",
        {
            "form": form,
            "rows": rows,
            "total": indicators.total(filters),
            "years": indicators.per_year(filters),
            "chart": mark_safe(chart),  # noqa: S308  built from escaped parts
            "unclear": comprehension.most_unclear(filters),
            "query": query.urlencode(),
        },
    )
