"""Translation status: missing, translated, approved, outdated, from one source of truth."""

import re

import pytest
from django.utils import translation

from dialogue.models import DialogueCard, JointMessage, LifeEvent
from translations import status as ts
from translations.status import Status, Unit

pytestmark = pytest.mark.django_db


def all_statuses():
    units = []
    for model in (LifeEvent, JointMessage, DialogueCard):
        for obj in model.objects.prefetch_related():
            units += ts.units_of(obj)
    states = ts.states_for(units)
    return {
        (unit.key, code): ts.status_of(unit, code, states)
        for unit in units
        for code in ("ar", "ti", "ps", "am")
    }


def test_demo_translations_are_approved_and_gaps_are_missing():
    message = JointMessage.objects.get(slug="barnbidrag")
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.APPROVED
    assert ts.status_of(Unit(message, "headline"), "am") == Status.MISSING


def test_changing_a_swedish_headline_outdates_that_unit_in_every_language_and_nothing_else():
    before = all_statuses()
    message = JointMessage.objects.get(slug="barnbidrag")
    message.headline_sv = "Du kan få barnbidrag för varje barn."
    message.save()
    after = all_statuses()
    changed = {key for key in before if before[key] != after[key]}
    unit_key = Unit(message, "headline").key
    expected = {
        (unit_key, code) for code in ("ar", "ti") if before[(unit_key, code)] != Status.MISSING
    }
    assert changed == expected
    assert all(after[key] == Status.OUTDATED for key in changed)


def test_a_minor_edit_keeps_translations_current():
    message = JointMessage.objects.get(slug="barnbidrag")
    message.headline_sv = message.headline_sv.replace(".", "!")
    message.save()
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.OUTDATED
    ts.accept_minor_edit(message)
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.APPROVED


def test_approval_is_kept_until_the_source_changes():
    event = LifeEvent.objects.get(slug="sfi")
    ts.record(event, "title", "so", status=Status.APPROVED)
    assert ts.status_of(Unit(event, "title"), "so") == Status.APPROVED
    event.title_sv = "Svenska för invandrare"
    event.save()
    assert ts.status_of(Unit(event, "title"), "so") == Status.OUTDATED


def test_overview_counts_every_unit_once_per_language_and_event():
    rows = ts.overview(["ti", "ps"])
    ti = [row for row in rows if row.language.code == "ti"]
    assert all(row.coverage == 100 for row in ti)
    ps = {row.life_event.slug: row for row in rows if row.language.code == "ps"}
    assert ps["folkbokforing"].counts[Status.MISSING] > 0
    assert 0 < ps["foraldraledighet"].coverage < 100


def test_work_list_holds_what_is_missing_or_outdated_in_that_language():
    assert ts.work_list("ti") == []
    message = JointMessage.objects.get(slug="barnbidrag")
    message.body_sv = "Barnbidrag betalas ut varje månad."
    message.save()
    work = ts.work_list("ti")
    assert [(unit.obj.slug, unit.field, status) for unit, status in work] == [
        ("barnbidrag", "body", Status.OUTDATED)
    ]
    assert len(ts.work_list("ps")) > 10


def test_overview_and_work_list_in_the_admin(admin_client):
    body = admin_client.get("/admin/translations/?language=ps").content.decode()
    assert "ps" in body and re.search(r"\d+ %", body)
    work = admin_client.get("/admin/translations/ps/").content.decode()
    assert "/admin/translate/jointmessage/" in work and "/ps/" in work
    assert admin_client.get("/admin/translations/xx/").status_code == 404


def test_minor_edit_ticked_in_the_admin_keeps_translations_current(admin_client):
    message = JointMessage.objects.get(slug="barnbidrag")
    url = f"/admin/snippets/dialogue/jointmessage/edit/{message.pk}/"
    page = admin_client.get(url).content.decode()
    assert 'name="minor_edit"' in page
    from django.test import RequestFactory

    from translations.wagtail_hooks import keep_translations_current_after_minor_edit

    message.headline_sv = message.headline_sv.replace("barnbidrag", "barnbidrag,")
    request = RequestFactory().post(url, {"minor_edit": "on"})
    keep_translations_current_after_minor_edit(request, message)
    message.save()
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.APPROVED


def make_outdated():
    message = JointMessage.objects.get(slug="barnbidrag")  # on the card "personnummer"
    message.body_sv = "Barnbidrag betalas ut varje månad till den som har barn."
    message.save()


def test_public_pages_show_an_outdated_translation_with_a_notice(client):
    assert "outdated" not in client.get("/ar/folkbokforing/").content.decode()
    make_outdated()
    body = client.get("/ar/folkbokforing/").content.decode()
    assert body.count('class="missing outdated"') == 1
    assert 'href="/sv/folkbokforing/#personnummer"' in body
    card = DialogueCard.objects.get(slug="personnummer")
    assert 'class="missing outdated"' in client.get(f"/q/{card.code}/ar/").content.decode()
    assert "outdated" not in client.get("/sv/folkbokforing/").content.decode()


def test_print_refuses_an_outdated_translation_unless_allowed(settings, tmp_path):
    from print import service
    from print.content import NotPrintable

    settings.MEDIA_ROOT = tmp_path
    make_outdated()
    with translation.override("en"), pytest.raises(NotPrintable, match="outdated"):
        service.piece_pdf("personnummer", "ar", "card")
    settings.PRINT_ALLOW_OUTDATED = True
    assert service.piece_pdf("personnummer", "ar", "card").startswith(b"%PDF")
