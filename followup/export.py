"""The follow-up report as CSV and XLSX: the same rows and the same total in both."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from followup import indicators
from followup.models import Event

HEADER = ["event", "life_event", "language", "channel", "count"]

# A text cell starting with one of these is read as a formula by Excel and LibreOffice (tab and
# carriage return hide one): a channel is an office name anyone with admin rights can type.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def as_csv(filters: indicators.Filters) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows(filters))
    writer.writerow(["total", "", "", "", indicators.total(filters)])
    return out.getvalue()


def as_xlsx(filters: indicators.Filters) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Jobba i Sverige"
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
