"""The follow-up downloads speak Swedish and say which day or month each row counts ([J] 6).

They are fetched as the follow-up role fetches them, from the report's own download links with a
browser that prefers English; `manage.py indicators` keeps its code names for scripts.
"""

import csv
import html
import io
import re
from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from dialogue.models import DialogueCard, LifeEvent
from followup import indicators
from followup.models import Event

pytestmark = pytest.mark.django_db

PERIOD = "start=2025-01-01&end=2026-12-31"
BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
HEADER = ["Period", "Dag", "Händelse", "Livshändelse", "Kort", "Språk", "Kanal", "Antal"]
CARD = "personnummer"


@pytest.fixture
def card():
    return DialogueCard.objects.get(slug=CARD)


@pytest.fixture
def counted(card):
    """Two days in November 2026: QR openings of a card, and prints at an office."""
    indicators.add(
        Event.QR_OPENED, 5, day=date(2026, 11, 2), life_event="sfi", card=card.code, language="ar"
    )
    indicators.add(
        Event.CARD_PRINTED,
        3,
        day=date(2026, 11, 3),
        life_event="sfi",
        language="ti",
        channel="Kista",
    )


def download(client, fmt: str, period: str = PERIOD):
    """Follow the report's own download link, as a person clicks it."""
    report = client.get(f"/admin/follow-up/?{period}", **BROWSER).content.decode()
    link = html.unescape(re.search(rf'href="(\?[^"]*format={fmt})"', report).group(1))
    response = client.get(f"/admin/follow-up/{link}", **BROWSER)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="jobba-i-sverige_uppfoljning_'
    )
    return response


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode(), newline="")))


def test_csv_download_has_swedish_headers_names_and_a_row_per_day(follow_up, counted, card):
    header, *rows, total = csv_rows(download(follow_up, "csv"))
    sfi = LifeEvent.objects.get(slug="sfi").title_sv
    assert header == HEADER
    assert rows == [
        [
            "dag",
            "2026-11-02",
            "QR-sida öppnad",
            sfi,
            f"{card.title_sv} ({card.code})",
            "Arabiska",
            "",
            "5",
        ],
        ["dag", "2026-11-03", "Kort utskrivet", sfi, "", "Tigrinja", "Kista", "3"],
    ]
    assert total == ["Summa", "", "", "", "", "", "", "8"]


def test_xlsx_download_has_swedish_headers_and_real_dates(follow_up, counted, card):
    book = load_workbook(io.BytesIO(download(follow_up, "xlsx").content))
    sheet = book.active
    assert sheet["A1"].value == "Uppföljning 2025-01-01 – 2026-12-31"
    assert [cell.value for cell in sheet[2]] == HEADER
    first, second, total = sheet.iter_rows(min_row=3)
    assert first[0].value == "dag" and first[2].value == "QR-sida öppnad"
    assert first[1].value == datetime(2026, 11, 2) and first[1].number_format == "yyyy-mm-dd"
    assert first[7].value == 5 and first[7].data_type == "n"
    assert second[5].value == "Tigrinja" and second[6].value == "Kista"
    assert total[0].value == "Summa" and total[7].value == 8
    events = book["Händelser"]
    assert [cell.value for cell in events[1]] == ["Kod", "Händelse"]
    assert ["qr_opened", "QR-sida öppnad"] in [[c.value for c in row] for row in events.iter_rows()]


def test_rolled_up_months_are_named_as_months(follow_up, card):
    indicators.add(Event.QR_OPENED, 4, day=date(2025, 3, 14), life_event="sfi", language="so")
    indicators.add(Event.QR_OPENED, 2, day=date(2025, 3, 20), life_event="sfi", language="so")
    indicators.add(Event.QR_OPENED, 1, day=date(2026, 11, 2), life_event="sfi", language="so")
    assert indicators.roll_up(today=date(2026, 11, 30), keep_days=400) == 2
    header, *rows, total = csv_rows(download(follow_up, "csv"))
    assert header[:2] == ["Period", "Dag eller månad"]  # the period holds both
    assert [row[:2] + row[-1:] for row in rows] == [
        ["månad", "2025-03", "6"],
        ["dag", "2026-11-02", "1"],
    ]
    assert total[-1] == "7"
    sheet = load_workbook(io.BytesIO(download(follow_up, "xlsx").content)).active
    month = next(sheet.iter_rows(min_row=3))
    assert month[0].value == "månad" and month[1].value == datetime(2025, 3, 1)
    assert month[1].number_format == "yyyy-mm"
    only_months = "start=2025-01-01&end=2025-12-31"
    header, *rows, total = csv_rows(download(follow_up, "csv", only_months))
    assert header[:2] == ["Period", "Månad"] and len(rows) == 1


def test_the_indicators_command_keeps_its_machine_headers(counted):
    out = StringIO()
    call_command("indicators", "--from", "2025-01-01", "--to", "2026-12-31", stdout=out)
    header, *rows, total = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == ["event", "life_event", "language", "channel", "count"]
    assert sorted(rows) == [
        ["card_printed", "sfi", "ti", "Kista", "3"],
        ["qr_opened", "sfi", "ar", "", "5"],
    ]
    assert total == ["total", "", "", "", "8"]
