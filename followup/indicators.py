"""Counting what reached whom, without personal data, and reading the counts back.

`count()` is one INSERT … ON CONFLICT DO UPDATE statement (PostgreSQL and SQLite both have
it): exact under concurrency, no read-modify-write. It never raises: a failed count is
logged and the visitor still gets the page or the file.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from followup.models import COMPREHENSION, Counter, Event

logger = logging.getLogger(__name__)

DIMENSIONS = ("life_event", "card", "language", "channel")
CELL = ("granularity", "period_start", "event", *DIMENSIONS)


@functools.cache
def _upsert_sql(vendor: str) -> str:
    """The statement, built once per database vendor: every QR opening runs it."""
    table = connection.ops.quote_name(Counter._meta.db_table)
    columns = [*CELL, "count"]
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    conflict = ", ".join(connection.ops.quote_name(c) for c in CELL)
    count = connection.ops.quote_name("count")
    return (
        f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))}) "  # noqa: S608
        f"ON CONFLICT ({conflict}) DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
    )


def _upsert(granularity: str, day: date, event: str, amount: int, dims: dict[str, str]):
    values = [granularity, day, event, *(dims.get(d, "") or "" for d in DIMENSIONS), amount]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection.vendor), values)


EVENTS = frozenset(Event.values)  # Event.values builds a new list on every call
_today: tuple[int, date | None] = (-1, None)  # (minute since the epoch, its local date)


def today() -> date:
    """timezone.localdate(), worked out once a minute: every QR opening asks, and the time zone
    conversion is ~25 µs of it. Exact: the zone's offsets are whole hours, so a day never begins
    inside a minute."""
    global _today
    minute = int(time.time() // 60)
    seen, day = _today
    if seen != minute or day is None:
        day = timezone.localdate()
        _today = (minute, day)
    return day


def add(event: str, amount: int = 1, day: date | None = None, **dims: str):
    """Add to a daily counter; raises on database errors (use `count` from request code)."""
    if event not in EVENTS:
        raise ValueError(f"Unknown event {event!r}")
    unknown = set(dims) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"Unknown dimensions: {sorted(unknown)}")
    clean = {key: str(value)[:80] for key, value in dims.items() if value}
    _upsert("day", day or today(), event, amount, clean)


def count(event: str, **dims: str) -> bool:
    """Count one event for a page or file being served. Never breaks the response."""
    try:
        if connection.in_atomic_block:
            with transaction.atomic():  # a savepoint: a failure leaves the transaction usable
                add(event, **dims)
        else:
            # One statement in autocommit is its own transaction: the write lock is held for
            # the statement alone, not from BEGIN to COMMIT (on SQLite, writers queue on it).
            add(event, **dims)
        return True
    except (DatabaseError, ValueError):
        logger.exception("Could not count %s %s", event, dims)
        return False


def is_audio_start(method: str, range_header: str | None) -> bool:
    """The first request for a recording: a GET without Range, or a Range from byte 0."""
    if method != "GET":
        return False
    if not range_header:
        return True
    return range_header.replace(" ", "").startswith("bytes=0-")


def roll_up(today: date | None = None, keep_days: int | None = None) -> int:
    """Fold daily rows older than the retention into monthly rows; returns the rows folded."""
    today = today or timezone.localdate()
    keep_days = settings.INDICATOR_DAILY_RETENTION_DAYS if keep_days is None else keep_days
    cutoff = today - timedelta(days=keep_days)
    with transaction.atomic():
        old = Counter.objects.select_for_update().filter(granularity="day", period_start__lt=cutoff)
        rows = list(old)
        for row in rows:
            month = row.period_start.replace(day=1)
            _upsert("month", month, row.event, row.count, {d: getattr(row, d) for d in DIMENSIONS})
        Counter.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # inclusive
    event: str = ""
    life_event: str = ""
    language: str = ""
    channel: str = ""


def _filtered(filters: Filters):
    # Monthly rows count for the whole month they start: a month is in the period when its
    # first day is. Daily rows are exact.
    rows = Counter.objects.filter(period_start__gte=filters.start, period_start__lte=filters.end)
    for name in ("event", "life_event", "language", "channel"):
        value = getattr(filters, name)
        if value:
            rows = rows.filter(**{name: value})
    return rows


def table(filters: Filters) -> list[dict]:
    """Counts by event, life event, language and channel for the period, largest first."""
    return list(
        _filtered(filters)
        .values("event", "life_event", "language", "channel")
        .annotate(total=Sum("count"))
        .order_by("-total", "event", "life_event", "language", "channel")
    )


def total(filters: Filters) -> int:
    return _filtered(filters).aggregate(total=Sum("count"))["total"] or 0


def per_year(filters: Filters) -> dict[int, int]:
    years: dict[int, int] = defaultdict(int)
    for row in _filtered(filters).values("period_start", "count"):
        years[row["period_start"].year] += row["count"]
    return dict(sorted(years.items()))


def per_month(filters: Filters) -> dict[str, dict[str, int]]:
    """{"2026-11": {event: count}} for the chart."""
    months: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in _filtered(filters).values("period_start", "event", "count"):
        months[row["period_start"].strftime("%Y-%m")][row["event"]] += row["count"]
    return {month: dict(events) for month, events in sorted(months.items())}


def most_printed_languages(channel: str, limit: int = 5) -> list[str]:
    """The languages a channel (an office) prints most, most first: what staff reach for."""
    rows = (
        Counter.objects.filter(
            channel=channel, event__in=[Event.CARD_PRINTED, Event.LEAFLET_PRINTED]
        )
        .exclude(language="")
        .values("language")
        .annotate(total=Sum("count"))
        .order_by("-total", "language")[:limit]
    )
    return [row["language"] for row in rows]


def most_unclear(filters: Filters, limit: int = 10) -> list[dict]:
    """The cards × languages whose readers most often answered "unclear" in the period, most
    first: {"card", "language", "unclear", "answers"} (answers: all three answers together).

    The period, life event, language and channel of the filters apply; their event does not (the
    answers are the events read here)."""
    rows = (
        _filtered(replace(filters, event=""))
        .filter(event__in=COMPREHENSION)
        .exclude(card="")
        .values("card", "language")
        .annotate(unclear=Sum("count", filter=Q(event=Event.UNCLEAR)), answers=Sum("count"))
        .filter(unclear__gt=0)
        .order_by("-unclear", "card", "language")
    )
    return list(rows[:limit])
