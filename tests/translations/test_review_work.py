"""Reviewers' work ([J] 5): the unreviewed translations on the work list with their texts, "Approve
all" per object under four eyes, the next object after saving, field labels instead of column
names, and an import dry run that shows the old and the new text."""

import re
from html import unescape
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from dialogue.models import DialogueCard, MessageLink
from tests import builders
from tests.admin_forms import form_data
from tests.translations.test_exchange import fill_xliff
from translations import exchange
from translations import status as ts
from translations.models import TranslationEvent
from translations.status import Status, Unit

pytestmark = pytest.mark.django_db

WORK = "/admin/translations/so/"


def editor(obj) -> str:
    return f"/admin/translate/{obj._meta.model_name}/{obj.pk}/so/"


def ref(obj, field) -> str:
    return exchange.unit_id(Unit(obj, field))


def status(obj, field) -> Status:
    obj.refresh_from_db()
    return ts.status_of(Unit(obj, field), "so")


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return unescape(response.content.decode())


def visible(html: str) -> str:
    """The text a reader sees: no tags, no attribute values, collapsed spaces."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html: str, anchor: str) -> str:
    """The part of the page from the element with that id on."""
    start = html.index(f'id="{anchor}"')
    return html[html.rindex("<", 0, start) :]


def approve_all_form(html: str) -> dict[str, str]:
    """The fields of the "Approve all" form, as the browser sends them (hidden inputs only)."""
    start = html.index('<form method="post" id="approve-all-form"')
    form = html[start : html.index("</form>", start)]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def next_link(html: str) -> tuple[str, str]:
    """The editor's link to the next object on the work list: its address and its title."""
    (found,) = re.findall(
        r'<a [^>]*href="([^"]+)"[^>]*>\s*Nästa på arbetslistan: ([^<]+?)\s*→', html
    )
    return found


def save(client, obj, texts: dict[str, str], **extra):
    """Post the editor's form as the browser sends it, with some texts changed."""
    data = form_data(page(client.get(editor(obj))), "translation-form")
    data.update({key: [value] for key, value in texts.items()})
    data.update({key: [value] for key, value in extra.items()})
    return client.post(editor(obj), data)


@pytest.fixture
def card():
    """A card in a life event of its own with two messages; the Somali texts are there, nobody
    has reviewed the messages' texts yet (the event and the card title are approved)."""
    event = builders.life_event("Flytta till Sverige", {"so": {"title": "U guuritaanka Iswiidhan"}})
    first = builders.joint_message(
        [event],
        headline="Du kan få barnbidrag.",
        body="Barnbidrag är pengar varje månad.",
        translations={"so": {"headline": "Lacagta carruurta.", "body": "Lacag bil kasta."}},
        status=Status.TRANSLATED,
    )
    second = builders.joint_message(
        [event],
        headline="Läs sfi gratis.",
        body="Kommunen ordnar sfi.",
        translations={"so": {"headline": "Baro sfi bilaash.", "body": "Degmadu way qabataa."}},
        status=Status.TRANSLATED,
    )
    return builders.dialogue_card(event, [first, second], "Nytt liv", {"so": {"title": "Nolol"}})


# --- 1. the reviewer finds her work -----------------------------------------------------------


def test_a_reviewer_sees_the_unreviewed_texts_on_her_work_list(client, somali, card):
    first, second = card.key_messages()
    client.force_login(somali["faadumo"])
    save(client, first, {ref(first, "headline"): "Lacagta carruurta waad heli kartaa."})

    client.force_login(somali["hodan"])
    html = page(client.get(WORK))
    unreviewed = visible(section(html, "unreviewed"))
    assert "Översatta, ej granskade på Somaliska: 4" in unreviewed
    # Each row: the field's label, the Swedish, the Somali; one table per message.
    rows = [visible(row) for row in re.findall(r"<tr><td>.*?</tr>", html, re.S)]
    assert rows == [
        "Rubrik Du kan få barnbidrag. Lacagta carruurta waad heli kartaa.",
        "Brödtext Barnbidrag är pengar varje månad. Lacag bil kasta.",
        "Rubrik Läs sfi gratis. Baro sfi bilaash.",
        "Brödtext Kommunen ordnar sfi. Degmadu way qabataa.",
    ]
    assert "headline" not in unreviewed
    groups = re.findall(r'<h3><a href="([^"]+)">', section(html, "unreviewed"))
    assert groups == [editor(first), editor(second)]
    # The missing-or-outdated list is empty, and says so without hiding the review work.
    assert "Inget saknas och inget är inaktuellt." in visible(html)
    assert "Inget att göra" not in visible(html)

    # Her dashboard's count is the list's length and opens the section.
    dashboard = page(client.get("/admin/"))
    (count,) = re.findall(rf'<a href="{WORK}#unreviewed">(\d+)</a>', dashboard)
    assert count == "4"


def test_her_own_unreviewed_text_is_marked_for_another_reviewer(client, somali, card):
    first, _second = card.key_messages()
    client.force_login(somali["ayaan"])
    save(client, first, {ref(first, "headline"): "Lacagta carruurta waad heli kartaa."})
    mine = "Din översättning: en annan språkgranskare godkänner den."
    assert visible(section(page(client.get(WORK)), "unreviewed")).count(mine) == 1
    client.force_login(somali["hodan"])
    assert mine not in visible(page(client.get(WORK)))


# --- 2. approve all, under four eyes ----------------------------------------------------------


def test_approve_all_approves_the_others_translations_and_leaves_her_own(client, somali, card):
    first, second = card.key_messages()
    client.force_login(somali["ayaan"])
    save(client, second, {ref(second, "body"): "Degmadu waxay qabataa sfi."})  # her own text

    html = page(client.get(editor(card)))
    assert "Godkänn alla" in visible(html)
    response = client.post(editor(card), approve_all_form(html), follow=True)
    done = visible(page(response))
    assert "Godkände 3 översättningar." in done
    assert "Inte godkänt: Läs sfi gratis. · Brödtext." in done
    assert "Du har själv skrivit de här översättningarna" in done

    assert status(first, "headline") == status(first, "body") == Status.APPROVED
    assert status(second, "headline") == Status.APPROVED
    assert status(second, "body") == Status.TRANSLATED  # waits for another reviewer
    approvals = TranslationEvent.objects.filter(
        action="approved", language="so", user__isnull=False
    )
    assert sorted(approvals.values_list("object_id", "field", "username")) == sorted(
        [
            (first.pk, "headline", "ayaan"),
            (first.pk, "body", "ayaan"),
            (second.pk, "headline", "ayaan"),
        ]
    )

    # Another reviewer approves the rest.
    client.force_login(somali["hodan"])
    html = page(client.get(editor(card)))
    client.post(editor(card), approve_all_form(html))
    assert status(second, "body") == Status.APPROVED


def test_approve_all_leaves_a_text_changed_since_the_page_was_opened(client, somali, card):
    first, second = card.key_messages()
    client.force_login(somali["hodan"])
    read = approve_all_form(page(client.get(editor(card))))

    # Meanwhile a translator improves one text and the editor changes one Swedish headline.
    client.force_login(somali["faadumo"])
    save(client, first, {ref(first, "body"): "Lacag bil kasta ayaa la bixiyaa."})
    second.headline_sv = "Läs sfi gratis i din kommun."
    second.save()

    client.force_login(somali["hodan"])
    done = visible(page(client.post(editor(card), read, follow=True)))
    assert "Godkände 2 översättningar." in done
    assert (
        "Inte godkänt: Du kan få barnbidrag. · Brödtext; Läs sfi gratis i din kommun. · Rubrik. "
        "Texten ändrades efter att du öppnade sidan; läs den igen." in done
    )
    assert status(first, "headline") == status(second, "body") == Status.APPROVED
    assert status(first, "body") == Status.TRANSLATED
    assert status(second, "headline") == Status.OUTDATED


def test_approve_all_is_not_offered_when_every_unreviewed_text_is_her_own(client, somali):
    message = builders.joint_message(headline="Ring oss.", body="Vi hjälper dig.")
    client.force_login(somali["ayaan"])
    save(client, message, {ref(message, "headline"): "Na soo wac.", ref(message, "body"): "Waan."})
    html = page(client.get(editor(message)))
    assert 'id="approve-all-form"' not in html
    assert "Din översättning: en annan språkgranskare godkänner den." in visible(html)
    # Posted anyway, it approves nothing and says why.
    message.refresh_from_db()
    shown = {
        f"shown:{ref(message, field)}": ts.fingerprint(message.text(field, "so"))
        for field in ("headline", "body")
    }
    done = visible(
        page(client.post(editor(message), {"action": "approve_all", **shown}, follow=True))
    )
    assert "Du har själv skrivit de här översättningarna" in done and "Godkände" not in done
    assert status(message, "headline") == status(message, "body") == Status.TRANSLATED


def test_only_reviewers_get_approve_all(client, somali, card):
    first, _second = card.key_messages()
    client.force_login(somali["faadumo"])
    html = page(client.get(editor(card)))
    assert "Godkänn alla" not in visible(html) and 'id="approve-all-form"' not in html
    response = client.post(
        editor(card), {"action": "approve_all", f"shown:{ref(first, 'headline')}": "x"}
    )
    assert response.status_code in (302, 403)  # Wagtail sends a refused user to the dashboard
    assert status(first, "headline") == Status.TRANSLATED


# --- 3. the next object -----------------------------------------------------------------------


@pytest.fixture
def untranslated():
    """A life event with two cards of one message each; only the event and the first card's
    title are in Somali."""
    event = builders.life_event("Bo i Sverige", {"so": {"title": "Ku noolaanshaha Iswiidhan"}})
    first = builders.joint_message(
        [event], headline="Skaffa id-kort.", body="Gå till Skatteverket."
    )
    second = builders.joint_message([event], headline="Ring oss.", body="Vi hjälper dig.")
    one = builders.dialogue_card(event, [first], "Första kortet", {"so": {"title": "Kaarka 1"}})
    two = builders.dialogue_card(event, [second], "Andra kortet", status=None)
    return one, first, two, second


def test_after_saving_the_next_item_is_the_next_object_on_the_work_list(
    client, somali, untranslated
):
    _one, first, two, second = untranslated
    client.force_login(somali["faadumo"])
    assert next_link(page(client.get(editor(first)))) == (editor(two), "Andra kortet")

    # "Save" stays on the page and offers the next object; "Save and next" goes there.
    texts = {ref(first, "headline"): "Hel kaar aqoonsi.", ref(first, "body"): "Tag Skatteverket."}
    response = save(client, first, texts, next="0")
    assert response.status_code == 302 and response["Location"] == editor(first)
    assert next_link(page(client.get(editor(first)))) == (editor(two), "Andra kortet")
    response = save(client, first, texts, next="1")
    assert response.status_code == 302 and response["Location"] == editor(two)
    assert status(first, "headline") == Status.TRANSLATED

    # The card's editor holds its message, so after the card there is nothing left.
    response = save(
        client,
        two,
        {
            ref(two, "title"): "Kaarka labaad",
            ref(second, "headline"): "Na soo wac.",
            ref(second, "body"): "Waan ku caawinaynaa.",
        },
        next="1",
    )
    assert response.status_code == 302 and response["Location"] == WORK
    assert "Allt klart." in visible(page(client.get(WORK)))


def test_at_the_end_of_the_list_with_work_left_the_work_list_says_what_is_left(
    client, somali, untranslated
):
    _one, first, two, _second = untranslated
    client.force_login(somali["faadumo"])
    response = save(client, two, {ref(two, "title"): "Kaarka labaad"}, next="1")
    assert response.status_code == 302 and response["Location"] == WORK
    html = visible(page(client.get(WORK)))
    assert "Det var det sista på arbetslistan." in html and "Allt klart." not in html
    assert first.headline_sv in html  # still to do


def test_a_reviewer_is_not_sent_to_her_own_text_next(client, somali, untranslated):
    _one, first, two, second = untranslated
    client.force_login(somali["ayaan"])
    save(client, two, {ref(two, "title"): "Kaarka labaad", ref(second, "headline"): "Na soo wac."})
    # After the first message: the second card, whose title waits for review, is hodan's work;
    # for ayaan, who wrote it, the next work is the second message's missing body.
    client.force_login(somali["hodan"])
    assert next_link(page(client.get(editor(first)))) == (editor(two), "Andra kortet")
    client.force_login(somali["ayaan"])
    assert next_link(page(client.get(editor(first)))) == (editor(second), "Ring oss.")


# --- 4. labels, not column names --------------------------------------------------------------


def test_translators_read_field_labels_not_column_names(client, somali):
    event = builders.life_event(
        "Barn i Sverige", intro_sv="Om barn och familj.", sort_order=5, status=None
    )
    message = builders.joint_message(
        [event],
        headline="Ring Försäkringskassan.",
        body="Vi svarar på frågor.",
        where_to_turn_sv="Ring 0771-524 524.",
        links=[MessageLink(label_sv="Om barnbidrag", url="https://www.forsakringskassan.se/")],
        status=None,
    )
    card = builders.dialogue_card(event, [message], "Barnbidraget", status=None)
    client.force_login(somali["faadumo"])

    html = visible(page(client.get(editor(card))))
    for label in ("Titel", "Rubrik", "Brödtext", "Vart du kan vända dig"):
        assert f"· {label}" in html, label
    assert "Länk https://www.forsakringskassan.se/ · Text" in html
    for column in ("headline", "body", "where_to_turn", "label", "title"):
        assert f"· {column}" not in html, column
    assert "Kort ingress" in visible(page(client.get(editor(event))))

    work = visible(page(client.get(WORK)))
    assert "Rubrik" in work and "Vart du kan vända dig" in work and "Kort ingress" in work
    assert not re.search(r"\b(headline|where_to_turn|intro)\b", work)

    # The notes in an exchange file name the field the same way.
    response = client.get("/admin/translations/so/export.xliff")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert "fält: Vart du kan vända dig" in data.decode()
    assert "fält: where_to_turn" not in data.decode()


# --- 5. the import dry run shows the texts ----------------------------------------------------


@pytest.fixture
def approved_message():
    event = builders.life_event("Arbeta", {"so": {"title": "Shaqo"}})
    message = builders.joint_message(
        [event],
        headline="Skriv in dig tidigt.",
        body="Gör det redan under föräldraledigheten.",
        translations={"so": {"headline": "Is diiwaangeli goor hore.", "body": "Samee hadda."}},
    )
    builders.dialogue_card(event, [message], "Tidigt", {"so": {"title": "Goor hore"}})
    return message


def filled(message) -> bytes:
    data = exchange.export_xliff("so", everything=True)
    return fill_xliff(data, {ref(message, "headline"): "Isdiiwaangeli sida ugu dhaqsaha badan."})


def test_the_admin_dry_run_shows_the_old_and_the_new_text_and_writes_nothing(
    client, somali, approved_message
):
    message = approved_message
    client.force_login(somali["faadumo"])
    upload = SimpleUploadedFile("so.xlf", filled(message))
    html = page(client.post("/admin/translations/so/import/", {"file": upload}))
    table = section(html, "import-changes")
    (row,) = re.findall(r"<tr><td>.*?</tr>", table, re.S)
    cells = [visible(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells == [
        "Skriv in dig tidigt.",
        "Rubrik",
        "Is diiwaangeli goor hore.",
        "Isdiiwaangeli sida ugu dhaqsaha badan.",
    ]
    assert "Nu" in visible(table) and "Från filen" in visible(table)
    assert ref(message, "headline") not in visible(html)  # no ids for people
    message.refresh_from_db()
    assert message.headline_so == "Is diiwaangeli goor hore."  # nothing written
    assert status(message, "headline") == Status.APPROVED
    assert not TranslationEvent.objects.filter(action="imported").exists()

    # Confirmed, the same list says what changed.
    confirm = {"run": re.search(r'name="run" value="(\d+)"', html).group(1), "confirm": "1"}
    done = visible(page(client.post("/admin/translations/so/import/", confirm)))
    assert "Före" in done and "Is diiwaangeli goor hore." in done
    message.refresh_from_db()
    assert message.headline_so == "Isdiiwaangeli sida ugu dhaqsaha badan."
    assert status(message, "headline") == Status.TRANSLATED


def test_the_command_dry_run_shows_the_old_and_the_new_text_and_writes_nothing(
    approved_message, tmp_path
):
    message = approved_message
    path = tmp_path / "so.xlf"
    path.write_bytes(filled(message))
    out = StringIO()
    call_command("import_translations", str(path), "--lang", "so", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    at = lines.index("  Skriv in dig tidigt. · Rubrik")
    assert lines[at + 1 : at + 3] == [
        "    - Is diiwaangeli goor hore.",
        "    + Isdiiwaangeli sida ugu dhaqsaha badan.",
    ]
    assert "1 applied" in lines[1] and ref(message, "headline") not in out.getvalue()
    message.refresh_from_db()
    assert message.headline_so == "Is diiwaangeli goor hore."
    assert status(message, "headline") == Status.APPROVED


# --- cost -------------------------------------------------------------------------------------


def test_work_list_and_editor_cost_a_few_queries_however_much_waits(
    admin_client, django_assert_max_num_queries
):
    # Amharic: nothing of the demo is translated, so every unit is on the list.
    card = DialogueCard.objects.get(slug="personnummer")
    with django_assert_max_num_queries(20):
        html = page(admin_client.get("/admin/translations/am/"))
    # (> 40: the demo messages whose "where to turn" is their central contact have none.)
    assert html.count('class="status-missing"') > 40
    # 42, and one each for the translation memory and the comments (translations.memory)
    with django_assert_max_num_queries(44):
        html = page(admin_client.get(f"/admin/translate/dialoguecard/{card.pk}/am/"))
    assert "Nästa på arbetslistan" in html
