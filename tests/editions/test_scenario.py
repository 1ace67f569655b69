"""The scenario of [E], as the communication group works it: one ordinary edit approved by the
agencies never takes a card away from a language; each language keeps serving its previous
approved pair until the new translation is approved; a change that withdraws older translations
takes them out on purpose; a draft marked minor changes nothing public."""

import io
import json
import re
import zipfile
from html import unescape

import pytest
from django.core.management import CommandError, call_command

from print import station
from tests import pdf_tools
from tests.admin_forms import form_data
from translations import exchange
from translations.status import Unit

from .conftest import ADDED, NEW_AR, OLD_AR, OLD_SV

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/dialogue"


def edit(client, user, obj, change: dict, kind="retranslate", action="action-submit"):
    """The editor opens the edit form, changes it, says what the change means, and submits."""
    model = obj._meta.model_name
    url = f"{SNIPPETS}/{model}/edit/{obj.pk}/"
    client.force_login(user)
    data = form_data(client.get(url).content.decode())
    data.update(change)
    data["change_kind"] = [kind]
    if action:
        data[action] = ["1"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    obj.refresh_from_db()


def approve(client, user, obj):
    """FK's approver approves from her dashboard's button (all owners are FK: it publishes)."""
    model = obj._meta.model_name
    state = obj.current_workflow_task_state
    client.force_login(user)
    url = f"{SNIPPETS}/{model}/workflow/action/{obj.pk}/approve/{state.pk}/"
    assert client.post(url).status_code == 302
    obj.refresh_from_db()
    assert obj.live and not obj.workflow_in_progress


def add_sentence(client, people, scene, kind="retranslate"):
    message = scene["interpreter"]
    edit(client, people["editor"], message, {"body_sv": [OLD_SV + ADDED]}, kind)
    approve(client, people["fk"], message)


def add_message_to_sfi_card(client, people, scene):
    card, new = scene["sfi_card"], scene["new"]
    url = f"{SNIPPETS}/dialoguecard/edit/{card.pk}/"
    client.force_login(people["editor"])
    data = form_data(client.get(url).content.decode())
    count = int(data["card_messages-TOTAL_FORMS"][0])
    data["card_messages-TOTAL_FORMS"] = [str(count + 1)]
    prefix = f"card_messages-{count}-"
    data.update({prefix + "message": [str(new.pk)], prefix + "ORDER": [str(count + 1)],
                 prefix + "id": [""], prefix + "DELETE": [""]})  # fmt: skip
    data["change_kind"] = ["retranslate"]
    data["action-submit"] = ["1"]
    assert client.post(url, data).status_code == 302
    card.refresh_from_db()
    approve(client, people["fk"], card)
    assert [m.pk for m in card.key_messages()][-1] == new.pk


def qr_page(client, card, lang="ar") -> str:
    client.logout()
    response = client.get(f"/q/{card.code}/{lang}/")
    assert response.status_code == 200
    return unescape(response.content.decode())


def card_pdf_text(card, tmp_path, lang="ar") -> str:
    out = tmp_path / f"{card.slug}-{lang}.pdf"
    call_command("render_card", card.slug, "--lang", lang, "--out", str(out))
    return pdf_tools.normalise(pdf_tools.text(out.read_bytes()))


def pack(scene, tmp_path, lang="ar") -> zipfile.ZipFile:
    out = tmp_path / f"pack-{lang}.zip"
    call_command("build_pack", scene["audience"].slug, "--lang", lang, "--out", str(out))
    return zipfile.ZipFile(io.BytesIO(out.read_bytes()))


def translate_and_review(client, people, message, body):
    """The translator writes the new Arabic; the reviewer, someone else, approves it."""
    url = f"/admin/translate/jointmessage/{message.pk}/ar/"
    ref = exchange.unit_id(Unit(message, "body"))
    client.force_login(people["translator"])
    assert client.post(url, {ref: body}).status_code == 302
    client.force_login(people["reviewer"])
    assert client.post(url, {ref: body, f"approve:{ref}": "on"}).status_code == 302


def test_an_approved_edit_keeps_every_card_in_arabic_until_the_new_translation(
    client, people, scene, tmp_path
):
    meeting, sfi_card = scene["meeting"], scene["sfi_card"]
    add_sentence(client, people, scene)
    add_message_to_sfi_card(client, people, scene)

    # The QR page still serves the previous Arabic card, and says a newer one is on its way.
    page = qr_page(client, meeting)
    assert "لقاء مع مترجم" in page and OLD_AR in page
    assert 'class="missing awaiting"' in page
    assert OLD_AR in qr_page(client, sfi_card) or "دروس اللغة مجانية." in qr_page(client, sfi_card)
    # The Swedish page says what was published.
    assert ADDED.strip() in qr_page(client, meeting, "sv")

    # Print: the Arabic front with the Swedish it was made from on the back.
    text = card_pdf_text(meeting, tmp_path)
    assert pdf_tools.normalise(OLD_SV) in text
    assert pdf_tools.normalise(ADDED.strip()) not in text
    assert "Svenskan har uppdaterats" in text  # staff read that the new translation is coming
    assert "Anmäl dig" not in card_pdf_text(sfi_card, tmp_path)  # its previous composition

    # The pack keeps every card, and says which wait for a translation.
    archive = pack(scene, tmp_path)
    manifest = json.loads(archive.read("manifest.json"))
    assert set(manifest["editions"]["ar"]) == {c.slug for c in (meeting, scene["health"], sfi_card)}
    assert manifest["editions"]["ar"][meeting.slug]["awaiting_translation"] is True
    assert "översättning på väg" in archive.read("README.txt").decode()

    # The station prints it, marked as awaiting translation.
    plan = station.order("ar", [scene["event"].slug], "cards")
    assert meeting in plan.cards and meeting.title_sv in plan.awaiting and not plan.missing

    # The new Arabic approved: everything switches to the new pair.
    translate_and_review(client, people, scene["interpreter"], NEW_AR)
    page = qr_page(client, meeting)
    assert NEW_AR in page and 'class="missing awaiting"' not in page
    text = card_pdf_text(meeting, tmp_path)
    assert pdf_tools.normalise(ADDED.strip()) in text and "Svenskan har uppdaterats" not in text
    manifest = json.loads(pack(scene, tmp_path).read("manifest.json"))
    assert manifest["editions"]["ar"][meeting.slug]["awaiting_translation"] is False


def test_a_change_that_withdraws_older_translations_takes_arabic_out(
    client, people, scene, tmp_path
):
    meeting = scene["meeting"]
    add_sentence(client, people, scene, kind="withdraw")

    page = qr_page(client, meeting)
    assert OLD_AR not in page
    assert 'class="missing withdrawn"' in page
    assert OLD_SV + ADDED in page  # the Swedish as published, marked as Swedish
    assert 'lang="sv"' in page

    with pytest.raises(CommandError, match="indragen|withdrawn|dragits tillbaka"):
        card_pdf_text(meeting, tmp_path)

    call_command(
        "build_pack", scene["audience"].slug, "--lang", "ar,sv", "--out", str(tmp_path / "p.zip")
    )
    archive = zipfile.ZipFile(tmp_path / "p.zip")
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["languages"] == ["sv"] and "ar" in manifest["withdrawn"]
    assert "Ej med i paketet" in archive.read("README.txt").decode()
    assert not any("_ar_" in name for name in archive.namelist())

    # Partners read which languages were withdrawn and why; the life event page shows the
    # Swedish with the notice in Arabic.
    material = unescape(client.get("/material/").content.decode())
    assert "Indragna, inte med i paketet:" in material and "ändrades i sak" in material
    event_page = unescape(client.get(f"/ar/{scene['event'].slug}/").content.decode())
    assert 'class="missing withdrawn"' in event_page and OLD_SV + ADDED in event_page

    # The editor's dashboard counts what was withdrawn in Arabic and waits for a translation.
    client.force_login(people["editor"])
    dashboard = client.get("/admin/").content.decode()
    row = re.search(r'<tr data-lang="ar">(.*?)</tr>', dashboard, re.S).group(1)
    assert int(re.search(r'data-cell="withdrawn">(\d+)<', row).group(1)) == 3  # message, 2 cards

    # Approving the new Arabic brings Arabic back.
    translate_and_review(client, people, scene["interpreter"], NEW_AR)
    assert NEW_AR in qr_page(client, meeting)


def test_a_draft_marked_minor_changes_nothing_public(client, people, scene, tmp_path):
    meeting = scene["meeting"]
    before_page = qr_page(client, meeting)
    before_pdf = card_pdf_text(meeting, tmp_path)
    edit(
        client,
        people["editor"],
        scene["interpreter"],
        {"body_sv": [OLD_SV.replace("tolk", "tolk,")]},
        kind="minor",
        action=None,  # saved as a draft, not submitted
    )
    assert scene["interpreter"].has_unpublished_changes
    assert qr_page(client, meeting) == before_page
    assert card_pdf_text(meeting, tmp_path) == before_pdf


def test_a_minor_edit_published_keeps_arabic_current(client, people, scene, tmp_path):
    meeting = scene["meeting"]
    fixed = OLD_SV.replace("rätt till tolk", "rätt till en tolk")
    edit(client, people["editor"], scene["interpreter"], {"body_sv": [fixed]}, kind="minor")
    approve(client, people["fk"], scene["interpreter"])
    page = qr_page(client, meeting)
    assert OLD_AR in page and 'class="missing awaiting"' not in page
    assert pdf_tools.normalise(fixed) in card_pdf_text(meeting, tmp_path)
