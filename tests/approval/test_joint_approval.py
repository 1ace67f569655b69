"""Joint approval: no agency publishes alone; every owning agency approves before it goes live."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from cms import roles
from dialogue.models import DialogueCard, JointMessage
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

CARD = "foraldraledig-och-pa-vag"  # its messages are owned by FK and AF


def edit_url(card):
    return f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/"


def post_edit(client, card, action, title):
    data = form_data(client.get(edit_url(card)).content.decode())
    data["title_sv"] = [title]
    data[action] = ["1"]
    return client.post(edit_url(card), data)


def act(client, card, name, comment=""):
    state = card.current_workflow_task_state
    url = f"/admin/snippets/dialogue/dialoguecard/workflow/action/{card.pk}/{name}/{state.pk}/"
    return client.post(url, {"comment": comment} if comment else {})


def public_titles(client):
    response = client.get("/sv/foraldraledighet/")
    assert response.status_code == 200
    return response.content.decode()


def edit_page(client, card) -> str:
    response = client.get(edit_url(card))
    assert response.status_code == 200
    return response.content.decode()


def test_the_card_is_owned_by_the_agencies_of_its_messages():
    card = DialogueCard.objects.get(slug=CARD)
    assert {agency.short_name for agency in card.owning_agencies()} == {"FK", "AF"}


def test_an_editor_cannot_publish_alone_and_both_owners_must_approve(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    old, new = card.title_sv, "Föräldraledig och på väg till jobb"

    client.force_login(people["editor"])
    page = edit_page(client, card)
    assert 'name="action-submit"' in page and 'name="action-publish"' not in page
    post_edit(client, card, "action-publish", new)  # tried anyway: saved as a draft only
    card.refresh_from_db()
    assert card.title_sv == old and not card.workflow_in_progress

    post_edit(client, card, "action-submit", new)
    card.refresh_from_db()
    assert card.workflow_in_progress and card.title_sv == old
    assert new not in public_titles(client) and old in public_titles(client)
    # While the agencies review, the editor cannot change what they approve.
    assert 'name="action-submit"' not in edit_page(client, card)

    client.force_login(people["mv"])  # MV owns none of its messages
    assert act(client, card, "approve").status_code in (302, 403)
    card.refresh_from_db()
    assert card.current_workflow_task_state.specific.approvals.count() == 0

    client.force_login(people["af"])
    assert 'data-workflow-action-name="approve"' in edit_page(client, card)
    act(client, card, "approve", comment="Ok för AF")
    card.refresh_from_db()
    assert card.title_sv == old and card.workflow_in_progress  # FK has not approved yet
    assert old in public_titles(client)

    client.force_login(people["fk"])
    act(client, card, "approve")
    card.refresh_from_db()
    assert card.title_sv == new and not card.workflow_in_progress
    assert new in public_titles(client)


def test_request_changes_sends_it_back_and_nothing_goes_live(client, people):
    message = JointMessage.objects.get(slug="barnbidrag")  # owned by FK alone
    old = message.headline_sv
    message.headline_sv = "Barnbidrag för varje barn."
    revision = message.save_revision(user=people["editor"])
    message.get_workflow().start(message, people["editor"])
    message.refresh_from_db()
    state = message.current_workflow_task_state.specific
    assert {a.short_name for a in state.pending()} == {"FK"}
    state.task.specific.on_action(state, people["fk"], "reject", comment="Skriv om")
    message.refresh_from_db()
    assert message.headline_sv == old
    assert message.current_workflow_state.status == "needs_changes"
    assert revision.pk == message.latest_revision_id


def test_a_change_after_one_approval_needs_that_approval_again(people):
    card = DialogueCard.objects.get(slug=CARD)
    card.title_sv = "Ett första förslag"
    card.save_revision(user=people["editor"])
    card.get_workflow().start(card, people["editor"])
    state = card.current_workflow_task_state.specific
    task = state.task.specific
    task.on_action(state, people["af"], "approve")
    assert {a.short_name for a in state.pending()} == {"FK"}
    card.title_sv = "Ett andra förslag"  # FK's approver fixes a word while reviewing
    card.save_revision(user=people["fk"])
    assert {a.short_name for a in state.pending()} == {"FK", "AF"}


def test_each_approver_sees_only_what_waits_for_her(people):
    card = DialogueCard.objects.get(slug=CARD)
    card.title_sv = "Väntar på godkännande"
    card.save_revision(user=people["editor"])
    card.get_workflow().start(card, people["editor"])
    task = card.current_workflow_task_state.task.specific
    assert task.get_task_states_user_can_moderate(people["af"]).count() == 1
    assert task.get_task_states_user_can_moderate(people["mv"]).count() == 0
    assert task.get_task_states_user_can_moderate(people["editor"]).count() == 0
    assert TaskState.objects.reviewable_by(people["fk"]).count() == 1


def test_history_compare_and_comments_are_there_for_approvers(client, people):
    card = DialogueCard.objects.get(slug=CARD)
    card.title_sv = "En titel att jämföra"
    card.save_revision(user=people["editor"])
    card.get_workflow().start(card, people["editor"])
    client.force_login(people["fk"])
    base = "/admin/snippets/dialogue/dialoguecard"
    history = client.get(f"{base}/history/{card.pk}/")
    assert history.status_code == 200
    compare = client.get(f"{base}/history/{card.pk}/revisions/compare/live...latest/")
    page = compare.content.decode()
    assert compare.status_code == 200 and "En titel att jämföra" in page
    act(client, card, "reject", comment="Kortare, tack")
    state = card.current_workflow_state
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert state.task_states.get().comment == "Kortare, tack"


def test_scheduled_publishing_waits_for_its_time_after_approval(people):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    message = JointMessage.objects.get(slug="barnbidrag")  # owned by FK alone
    old = message.headline_sv
    message.headline_sv = "Barnbidraget höjs i januari."
    message.go_live_at = timezone.now() + timedelta(days=30)
    message.save_revision(user=people["editor"])
    message.get_workflow().start(message, people["editor"])
    state = message.current_workflow_task_state.specific
    state.task.specific.on_action(state, people["fk"], "approve")
    message.refresh_from_db()
    assert message.headline_sv == old  # approved, scheduled, not yet live
    revision = message.latest_revision
    assert revision.approved_go_live_at is not None
    past = timezone.now() - timedelta(minutes=1)  # the day has come
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    message.refresh_from_db()
    assert message.headline_sv == "Barnbidraget höjs i januari."


def test_a_locked_card_cannot_be_saved_by_another_editor(client, people, django_user_model):
    card = DialogueCard.objects.get(slug=CARD)
    card.locked, card.locked_by = True, people["editor"]
    card.save(update_fields=["locked", "locked_by"])
    other = django_user_model.objects.create_user("ed2", password="pw")
    other.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(other)
    data = form_data(client.get(edit_url(card)).content.decode())
    data["title_sv"] = ["Ändrad av någon annan"]
    client.post(edit_url(card), data)
    card.refresh_from_db()
    assert card.latest_revision.as_object().title_sv != "Ändrad av någon annan"


def test_dashboards_greet_each_role_with_its_work(client, people, django_user_model):
    message = JointMessage.objects.get(slug="sfi-gratis")
    message.headline_sv = "Ett utkast som ingen har skickat in"
    message.save_revision(user=people["editor"])
    card = DialogueCard.objects.get(slug=CARD)
    card.title_sv = "Ett förslag hos myndigheterna"
    card.save_revision(user=people["editor"])
    card.get_workflow().start(card, people["editor"])

    client.force_login(people["editor"])
    home = client.get("/admin/").content.decode()
    assert "Ett utkast som ingen har skickat in" in home
    assert "Ett förslag hos myndigheterna" in home and "AF, FK" in home

    client.force_login(people["fk"])
    assert "Ett förslag hos myndigheterna" in client.get("/admin/").content.decode()

    translator = django_user_model.objects.create_user("tr", password="pw")
    translator.groups.add(roles.language_group("Översättare pashto", ["ps"]))
    client.force_login(translator)
    home = client.get("/admin/").content.decode()
    assert "/admin/translations/ps/" in home and 'lang="ps"' in home
