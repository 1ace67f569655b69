"""Translation status: missing, translated, approved, outdated, from one source of truth."""

import re
from html import unescape

import pytest

from dialogue.models import DialogueCard, JointMessage, LifeEvent
from print import content
from tests import builders
from translations import status as ts
from translations.models import TranslationState
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
    sfi = JointMessage.objects.get(slug="sfi-gratis")  # the demo's Amharic is folkbokföring only
    assert ts.status_of(Unit(sfi, "headline"), "am") == Status.MISSING


def message_in_arabic_and_tigrinya():
    return builders.joint_message(
        headline="Du kan få barnbidrag.",
        translations=builders.samples(["headline", "body"], ["ar", "ti"]),
    )


def test_changing_a_swedish_headline_outdates_that_unit_in_every_language_and_nothing_else():
    message = message_in_arabic_and_tigrinya()
    before = all_statuses()
    message.headline_sv = "Du kan få barnbidrag för varje barn."
    message.save()
    after = all_statuses()
    changed = {key for key in before if before[key] != after[key]}
    unit_key = Unit(message, "headline").key
    assert changed == {(unit_key, "ar"), (unit_key, "ti")}  # not Pashto or Amharic: missing
    assert all(after[key] == Status.OUTDATED for key in changed)


def test_a_minor_edit_keeps_current_translations_current_and_outdated_ones_outdated():
    message = message_in_arabic_and_tigrinya()
    previous = {Unit(message, "headline").key: message.headline_sv}
    # Tigrinya was made from an older Swedish text: a typo fix must not make it current.
    TranslationState.objects.filter(language="ti", field="headline").update(
        source_fingerprint=ts.fingerprint("Ett äldre svenskt budskap.")
    )
    message.headline_sv = message.headline_sv.replace(".", "!")
    message.save()
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.OUTDATED
    ts.accept_minor_edit(message, previous)
    assert ts.status_of(Unit(message, "headline"), "ar") == Status.APPROVED
    assert ts.status_of(Unit(message, "headline"), "ti") == Status.OUTDATED


def test_approval_is_kept_until_the_source_changes():
    event = builders.life_event("Sfi", {"so": {"title": "Barashada luqadda"}}, status=None)
    assert ts.status_of(Unit(event, "title"), "so") == Status.TRANSLATED  # no state: unreviewed
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
    assert ps["ny-i-sverige"].counts[Status.MISSING] > 0
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


OVERVIEW_ROW = re.compile(
    r'<tr>\s*<td>\s*<span lang="([^"]+)" dir="(ltr|rtl)">[^<]*</span>\s*\(([^)]+)\)\s*</td>'
    r"\s*<td>([^<]*)</td>\s*<td>(\d+) %</td>"
)


def test_overview_and_work_list_in_the_admin(admin_client):
    response = admin_client.get("/admin/translations/?language=ps")
    assert response.status_code == 200
    rows = OVERVIEW_ROW.findall(response.content.decode())
    # One row per life event, all of them Pashto (right to left), with the coverage reckoned.
    assert {(lang, direction, code) for lang, direction, code, _e, _c in rows} == {
        ("ps", "rtl", "ps")
    }
    expected = {row.life_event.title_sv: row.coverage for row in ts.overview(["ps"])}
    assert {unescape(event): int(coverage) for *_l, event, coverage in rows} == expected
    assert len(rows) == LifeEvent.objects.count()
    work = admin_client.get("/admin/translations/ps/").content.decode()
    assert re.search(r'href="/admin/translate/jointmessage/\d+/ps/"', work)
    assert admin_client.get("/admin/translations/xx/").status_code == 404


def test_the_change_kind_is_asked_in_the_admin_and_starts_from_the_default(admin_client):
    message = message_in_arabic_and_tigrinya()
    url = f"/admin/snippets/dialogue/jointmessage/edit/{message.pk}/"
    page = admin_client.get(url).content.decode()
    for kind in ("retranslate", "minor", "withdraw"):
        assert f'name="change_kind" value="{kind}"' in page
    assert re.search(r'name="change_kind" value="retranslate"[^>]*checked', page)
    # The last publication's choice belongs to that change, not to the next.
    message.change_kind = "withdraw"
    message.save_revision().publish()
    page = admin_client.get(url).content.decode()
    assert re.search(r'name="change_kind" value="retranslate"[^>]*checked', page)


@pytest.fixture
def card():
    """A live card with one key message in a life event of its own, in Arabic, approved."""
    return builders.card_with_message(["ar"])


def make_outdated(card):
    message = card.key_messages()[0]
    builders.publish_swedish(
        message, body="Barnbidrag betalas ut varje månad till den som har barn."
    )


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_public_pages_keep_the_previous_pair_with_a_notice_after_a_swedish_change(client, card):
    event = card.life_event.slug
    assert "awaiting" not in page(client, f"/ar/{event}/")
    make_outdated(card)
    body = page(client, f"/ar/{event}/")
    assert body.count('class="missing awaiting"') == 1
    assert 'class="missing awaiting"' in page(client, f"/q/{card.code}/ar/")
    assert "awaiting" not in page(client, f"/sv/{event}/")


def test_print_keeps_printing_the_previous_pair_after_a_swedish_change(settings, tmp_path, card):
    from print import service

    settings.MEDIA_ROOT = tmp_path
    before = content.card_content(card, "ar")
    make_outdated(card)
    after = content.card_content(card, "ar")
    assert after.messages == before.messages and after.sv_messages == before.sv_messages
    assert after.awaiting and not before.awaiting
    assert service.piece_pdf(card.slug, "ar", "card").startswith(b"%PDF")
