"""`demo_traffic` fills the follow-up report with counts of every kind a real site makes, so a
demo shows each part of the report (the answers under cards too), and refuses a real site."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from followup import indicators
from followup.models import Counter, Event
from ops.management.commands.demo_traffic import WEIGHTS, WITHOUT_CARD

pytestmark = pytest.mark.django_db


def test_every_kind_of_count_is_made_and_the_report_finds_unclear_cards(settings):
    settings.DEBUG = True
    call_command("demo_traffic", "--days", "30", stdout=StringIO())

    made = set(Counter.objects.values_list("event", flat=True))
    assert made == {str(event) for event in WEIGHTS}
    for event in WITHOUT_CARD:
        assert not Counter.objects.filter(event=event).exclude(card="").exists()
    assert not Counter.objects.filter(event=Event.UNCLEAR, card="").exists()

    today = timezone.localdate()
    filters = indicators.Filters(start=today - timedelta(days=30), end=today)
    assert indicators.most_unclear(filters)


def test_a_real_site_gets_no_demo_counts(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_traffic", stdout=StringIO())
    assert not Counter.objects.exists()
