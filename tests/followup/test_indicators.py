"""Follow-up counts: exact, anonymous, never in the way of the page they count."""

import csv
import io
import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from openpyxl import load_workbook

from dialogue.models import DialogueCard
from followup import export as indicator_export
from followup import indicators
from followup.models import Counter, Event
from tests import isolated
from tests.audio.test_qr_audio import record, wav_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CARD = "foraldraledig-och-pa-vag"


def cell(**dims):
    return Counter.objects.filter(**dims).aggregate(models.Sum("count"))["count__sum"] or 0


CONCURRENT = r"""
import json, threading, django
django.setup()
from django.db import connection
from followup import indicators
from followup.models import Counter

errors = []

def worker():
    try:
        for _ in range(500):
            indicators.add("qr_opened", card="ABCDEF", language="ar", channel="qr")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=worker) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps([list(Counter.objects.values_list("count", flat=True)), errors]))
"""


def test_eight_threads_times_500_increments_give_exactly_4000(tmp_path):
    result = isolated.run(CONCURRENT, tmp_path)
    assert result.returncode == 0, result.stderr
    counts, errors = json.loads(result.stdout)
    assert errors == []
    assert counts == [4000]


def test_qr_page_and_audio_start_each_add_one_to_the_right_row(client):
    card = DialogueCard.objects.get(slug=CARD)
    recording = record(card, "ar", wav_bytes(seconds=2))
    where = {
        "event": Event.QR_OPENED,
        "card": card.code,
        "language": "ar",
        "channel": "qr",
        "life_event": card.life_event.slug,
    }
    day_before = timezone.localdate()  # read before the requests: they may straddle midnight
    assert client.get(f"/q/{card.code}/ar/").status_code == 200
    assert cell(**where) == 1
    assert client.head(f"/q/{card.code}/ar/").status_code == 200
    assert cell(**where) == 1  # HEAD is not an opening
    audio = {**where, "event": Event.AUDIO_STARTED}
    assert client.get(recording.url, HTTP_RANGE="bytes=0-").status_code == 206
    assert cell(**audio) == 1
    assert client.get(recording.url, HTTP_RANGE="bytes=5000-6000").status_code == 206
    assert cell(**audio) == 1  # the middle of the file is the same listening
    assert client.get(recording.url).status_code == 200
    assert cell(**audio) == 2
    day_after = timezone.localdate()
    assert cell(event=Event.QR_OPENED, language="so") == 0
    counted = Counter.objects.filter(card=card.code, language="ar")
    days = set(counted.values_list("period_start", flat=True))
    assert days and days <= {day_before, day_after}  # counted on the day of the request


def test_pack_and_poster_downloads_are_counted_per_language(client):
    assert client.get("/material/servicekontor/pack.zip?lang=so&lang=uk").status_code == 200
    assert cell(event=Event.PACK_DOWNLOADED, language="so", channel="servicekontor") == 1
    assert cell(event=Event.PACK_DOWNLOADED, language="uk", channel="servicekontor") == 1
    assert client.get("/material/poster.pdf?size=A4").status_code == 200
    assert cell(event=Event.POSTER_DOWNLOADED) == 1


PERSONAL = ("ip", "agent", "user", "session", "cookie", "email", "name", "address")


def test_no_field_that_stores_public_events_can_hold_personal_data():
    for field in Counter._meta.get_fields():
        assert not isinstance(field, models.GenericIPAddressField), field.name
        assert not field.is_relation, field.name  # no link to a user, or to anything else
        assert not any(word in field.name.lower() for word in PERSONAL), field.name


def test_a_failing_counter_is_logged_and_the_page_still_served(client, monkeypatch, caplog):
    card = DialogueCard.objects.get(slug=CARD)

    def broken(*args, **kwargs):
        from django.db import DatabaseError

        raise DatabaseError("counter table is gone")

    monkeypatch.setattr(indicators, "_upsert", broken)
    response = client.get(f"/q/{card.code}/ar/")
    assert response.status_code == 200
    assert "Could not count" in caplog.text


def fill():
    today = timezone.localdate()
    for offset, (event, lang, amount) in enumerate(
        [
            ("qr_opened", "ar", 5),
            ("qr_opened", "so", 3),
            ("audio_started", "ar", 2),
            ("card_printed", "ti", 4),
            ("qr_opened", "ar", 1),
        ]
    ):
        indicators.add(
            event,
            amount,
            day=today - timedelta(days=offset * 40),
            life_event="sfi",
            language=lang,
            channel="qr",
        )


def test_report_totals_equal_the_sum_of_rows_and_exports_agree():
    fill()
    filters = indicators.Filters(
        start=date(2000, 1, 1), end=timezone.localdate(), event="qr_opened"
    )
    rows = indicators.table(filters)
    assert sum(row["total"] for row in rows) == indicators.total(filters) == 9
    csv_rows = list(csv.reader(io.StringIO(indicator_export.as_csv(filters))))
    sheet = load_workbook(io.BytesIO(indicator_export.as_xlsx(filters))).active
    xlsx_rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert [r[:4] + [int(r[4])] for r in csv_rows[1:]] == [
        [("" if v is None else v) for v in r[:4]] + [r[4]] for r in xlsx_rows[1:]
    ]
    assert csv_rows[-1][-1] == "9"


def test_rollup_folds_old_days_into_months_and_keeps_the_total():
    fill()
    everything = indicators.Filters(start=date(2000, 1, 1), end=timezone.localdate())
    before = indicators.total(everything)
    folded = indicators.roll_up(keep_days=30)
    assert folded == 4
    assert Counter.objects.filter(granularity="day").count() == 1
    assert indicators.total(everything) == before


def test_report_page_and_exports_for_the_follow_up_role(admin_client):
    fill()
    page = admin_client.get("/admin/follow-up/?start=2000-01-01&end=2100-01-01")
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body
    assert 'class="indicator-total">15<' in body
    export = admin_client.get("/admin/follow-up/?start=2000-01-01&end=2100-01-01&format=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert admin_client.get("/admin/follow-up/?start=2026-02-01&end=2026-01-01").status_code == 200


def test_report_is_closed_to_editors(client, django_user_model):
    from django.contrib.auth.models import Group

    from cms import roles

    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert client.get("/admin/follow-up/").status_code in (302, 403)


def test_indicators_command_gives_csv_and_json():
    fill()
    out = StringIO()
    call_command(
        "indicators", "--from", "2000-01-01", "--to", "2100-01-01", "--format", "json", stdout=out
    )
    assert json.loads(out.getvalue())["total"] == 15
    out = StringIO()
    call_command("indicators", "--from", "2000-01-01", "--to", "2100-01-01", stdout=out)
    assert out.getvalue().splitlines()[0] == "event,life_event,language,channel,count"
