"""translation_status counts the Swedish words of missing and outdated texts per language, the
way an agency quotes: a message in two life events is ordered once."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from dialogue.models import LifeEvent
from tests import builders
from translations.status import word_count

pytestmark = pytest.mark.django_db


def status_json(*args):
    out = StringIO()
    call_command("translation_status", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def total(records, lang):
    (row,) = [r for r in records if r["language"] == lang and r["life_event"] is None]
    return row


def test_words_are_tokens_with_a_letter_or_digit():
    assert word_count("Ring 0771-22 33 44 – det är gratis.") == 7
    assert word_count("") == 0


def test_a_new_message_adds_its_swedish_words_to_missing_and_a_change_makes_them_outdated():
    before = total(status_json("--lang", "ti"), "ti")
    assert before["missing_words"] == 0 and before["outdated_words"] == 0  # demo Tigrinya is full
    event = LifeEvent.objects.order_by("sort_order").first()
    message = builders.joint_message(
        [event],
        headline="Du kan få barnbidrag.",
        translations=builders.samples(["headline"], ["ti"]),
    )
    builders.dialogue_card(event, [message], translations=builders.samples(["title"], ["ti"]))
    body = message.body_sv
    after = total(status_json("--lang", "ti"), "ti")
    assert after["missing_words"] == word_count(body)  # the body has no Tigrinya yet
    message.headline_sv = "Du kan få barnbidrag för varje barn."
    message.save()
    changed = total(status_json("--lang", "ti"), "ti")
    assert changed["outdated_words"] == 7 and changed["outdated"] == 1
    assert changed["missing_words"] == word_count(body)


def test_the_table_shows_word_columns_and_a_total_row_per_language():
    out = StringIO()
    call_command("translation_status", "--lang", "ps", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[-2:] == ["missing_words", "outdated_words"]
    assert len(lines) == 1 + LifeEvent.objects.count() + 1
    records = status_json("--lang", "ps")
    per_event = [r for r in records if r["life_event"]]
    pashto = total(records, "ps")
    assert pashto["missing_words"] > 0
    assert lines[-1].split()[:2] == ["ps", "(all)"]
    assert lines[-1].split()[-2:] == [str(pashto["missing_words"]), str(pashto["outdated_words"])]
    # a text shared by two life events is counted in both, but ordered once
    assert pashto["missing_words"] <= sum(r["missing_words"] for r in per_event)
