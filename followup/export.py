"""The follow-up report as CSV and XLSX: the same rows and the same total in both."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from followup import indicators
from followup.models import Event

HEADER = ["event", "life_event", "language", "channel", "count"]


def rows(filters: indicators.Filters) -> list[list]:
    return [
        [row["event"], row["life_event"], row["language"], row["channel"], row["total"]]
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
