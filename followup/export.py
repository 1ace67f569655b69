"""The follow-up report as CSV and XLSX: the same rows and the same total in both.

Two shapes. The machine one (`headers="machine"`, what `manage.py indicators` prints) keeps its
code names and its rows summed over the period, so scripts that read it go on working. The
admin's downloads (`headers="swedish"`) are for people: Swedish headers, Swedish names for
events, life events and languages, and one row per day or month counted, with a column that
says which.
"""

from __future__ import annotations

import csv
import io

from django.db.models import Sum
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

import languages
from dialogue.models import DialogueCard, LifeEvent
from followup import indicators
from followup.models import Event, Granularity

HEADER = ["event", "life_event", "language", "channel", "count"]
SHAPES = ("machine", "swedish")  # headers=: for scripts, or for people in the admin

# A text cell starting with one of these is read as a formula by Excel and LibreOffice (tab and
# carriage return hide one): a channel is an office name anyone with admin rights can type.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The admin's downloads: the period start's header says what the rows are ("Dag", "Månad", or
# both when the period reaches back past the roll-up into months).
PERIOD = pgettext_lazy("staff side", "Period")
PERIOD_START = {
    frozenset({Granularity.DAY.value}): pgettext_lazy("staff side", "Day"),
    frozenset({Granularity.MONTH.value}): pgettext_lazy("staff side", "Month"),
}
DAY_OR_MONTH = pgettext_lazy("staff side", "Day or month")
COLUMNS = [
    pgettext_lazy("staff side", "Event"),
    pgettext_lazy("staff side", "Life event"),
    pgettext_lazy("staff side", "Card"),
    pgettext_lazy("staff side", "Language"),
    pgettext_lazy("staff side", "Channel"),
    pgettext_lazy("staff side", "Count"),
]
TOTAL = pgettext_lazy("staff side", "Total")


def _cell(value):
    """Text that a spreadsheet would run is kept as text behind a quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(filters: indicators.Filters) -> list[list]:
    return [
        [
            _cell(value)
            for value in (row["event"], row["life_event"], row["language"], row["channel"])
        ]
        + [row["total"]]
        for row in indicators.table(filters)
    ]


class _Names:
    """Swedish names for the codes the counters keep; a code nothing names any more stays."""

    def __init__(self):
        self.events = {value: str(label) for value, label in Event.choices}
        self.periods = {value: str(label) for value, label in Granularity.choices}
        self.life_events = dict(LifeEvent.objects.values_list("slug", "title_sv"))
        self.cards = dict(DialogueCard.objects.values_list("code", "title_sv"))

    def card(self, code: str) -> str:
        title = self.cards.get(code)
        return f"{title} ({code})" if title and code else code

    @staticmethod
    def language(code: str) -> str:
        language = languages.get(code) if code else None
        return language.swedish_name if language else code


def _counted(filters: indicators.Filters) -> list[dict]:
    """Counts per day or month counted, event, life event, card, language and channel."""
    return list(
        indicators._filtered(filters)
        .values("granularity", "period_start", "event", *indicators.DIMENSIONS)
        .annotate(total=Sum("count"))
        .order_by("period_start", "granularity", "event", *indicators.DIMENSIONS)
    )


def _swedish(filters: indicators.Filters) -> tuple[list[str], list[tuple[bool, list]]]:
    """The header, and each row with whether it counts a month; call with Swedish active."""
    counted = _counted(filters)
    names = _Names()
    granularities = frozenset(row["granularity"] for row in counted) or {Granularity.DAY.value}
    header = [PERIOD, PERIOD_START.get(granularities, DAY_OR_MONTH), *COLUMNS]
    body = [
        (
            row["granularity"] == Granularity.MONTH,
            [
                names.periods.get(row["granularity"], row["granularity"]),
                row["period_start"],
                *(
                    _cell(value)
                    for value in (
                        names.events.get(row["event"], row["event"]),
                        names.life_events.get(row["life_event"]) or row["life_event"],
                        names.card(row["card"]),
                        names.language(row["language"]),
                        row["channel"],
                    )
                ),
                row["total"],
            ],
        )
        for row in counted
    ]
    return [str(title) for title in header], body


def _check(headers: str) -> None:
    if headers not in SHAPES:
        raise ValueError(f"headers must be one of {SHAPES}, not {headers!r}")


def as_csv(filters: indicators.Filters, headers: str = "machine") -> str:
    _check(headers)
    out = io.StringIO()
    writer = csv.writer(out)
    if headers == "swedish":
        with translation.override("sv"):
            header, body = _swedish(filters)
            writer.writerow(header)
            writer.writerows(
                [row[0], row[1].strftime("%Y-%m" if month else "%Y-%m-%d"), *row[2:]]
                for month, row in body
            )
            writer.writerow([str(TOTAL), *[""] * (len(header) - 2), indicators.total(filters)])
        return out.getvalue()
    writer.writerow(HEADER)
    writer.writerows(rows(filters))
    writer.writerow(["total", "", "", "", indicators.total(filters)])
    return out.getvalue()


def as_xlsx(filters: indicators.Filters, headers: str = "machine") -> bytes:
    # Imported here: the admin's wagtail_hooks import this module, and Wagtail imports every
    # app's hooks at start-up, so every web process and print worker would hold openpyxl's
    # ~175 modules for a download few of them ever make (docs/performance.md).
    from openpyxl import Workbook

    _check(headers)
    book = Workbook()
    sheet = book.active
    sheet.title = "Jobba i Sverige"
    if headers == "swedish":
        with translation.override("sv"):
            _swedish_sheets(book, sheet, filters)
    else:
        sheet.append([f"{filters.start} – {filters.end}"])
        sheet.append(HEADER)
        for row in rows(filters):
            sheet.append(row)
        sheet.append(["total", "", "", "", indicators.total(filters)])
        labels = book.create_sheet("events")
        for value, label in Event.choices:
            labels.append([value, str(label)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _swedish_sheets(book, sheet, filters: indicators.Filters) -> None:
    header, body = _swedish(filters)
    sheet.append(
        [
            pgettext("staff side", "Follow-up %(start)s – %(end)s")
            % {"start": filters.start, "end": filters.end}
        ]
    )
    sheet.append(header)
    for month, row in body:
        sheet.append(row)
        # A real date, shown as the day or the month it counts: spreadsheets sort and group it.
        sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm" if month else "yyyy-mm-dd"
    sheet.append([str(TOTAL), *[""] * (len(header) - 2), indicators.total(filters)])
    labels = book.create_sheet(pgettext("staff side", "Events"))
    labels.append([pgettext("staff side", "Code"), str(COLUMNS[0])])
    for value, label in Event.choices:
        labels.append([value, str(label)])
