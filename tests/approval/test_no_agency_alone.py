"""No single agency gets around the joint approval: removing an owner needs that owner's
approval, and nobody changes the text while the agencies review it."""

import pytest

from dialogue.models import Agency, JointMessage
from tests import builders
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/dialogue/jointmessage"


def edit_url(message):
    return f"{BASE}/edit/{message.pk}/"


def edit_form(client, message) -> dict[str, list[str]]:
    response = client.get(edit_url(message))
    assert response.status_code == 200
    return form_data(response.content.decode())


def act(client, message, name):
    state = message.current_workflow_task_state
    response = client.post(f"{BASE}/workflow/action/{message.pk}/{name}/{state.pk}/")
    assert response.status_code == 302
    message.refresh_from_db()


def short_names(agencies) -> set[str]:
    return {agency.short_name for agency in agencies}


def pending(message) -> set[str]:
    return short_names(message.current_workflow_task_state.specific.pending())


def draft_headline(message) -> str:
    return JointMessage.objects.get(pk=message.pk).get_latest_revision_as_object().headline_sv


@pytest.fixture
def owned_by_three():
    """A live message owned by AF, FK and MV."""
    agencies = [Agency.objects.get(short_name=name) for name in ("AF", "FK", "MV")]
    return builders.joint_message(
        [builders.life_event()], agencies, headline="Tre myndigheter står bakom detta."
    )


def submit(client, editor, message, headline, agencies=None):
    """The editor changes the headline (and the owners) and submits, as in the admin."""
    client.force_login(editor)
    data = edit_form(client, message)
    data["headline_sv"] = [headline]
    if agencies is not None:
        data["agencies"] = [str(agency.pk) for agency in agencies]
    data["action-submit"] = ["1"]
    assert client.post(edit_url(message), data).status_code == 302
    message.refresh_from_db()
    assert message.workflow_in_progress


def test_removing_a_co_owner_cannot_publish_without_that_owner(client, people, owned_by_three):  # noqa: F811
    message = owned_by_three
    af = Agency.objects.get(short_name="AF")
    submit(client, people["editor"], message, "Bara AF står bakom detta.", agencies=[af])
    draft = message.get_latest_revision_as_object()
    assert short_names(draft.agencies.all()) == {"AF"}  # FK and MV unticked in the draft

    client.force_login(people["af"])
    act(client, message, "approve")
    assert message.workflow_in_progress  # not published on AF's word alone
    assert message.headline_sv == "Tre myndigheter står bakom detta."
    assert short_names(message.agencies.all()) == {"AF", "FK", "MV"}
    assert pending(message) == {"FK", "MV"}

    client.force_login(people["fk"])
    act(client, message, "approve")
    assert message.workflow_in_progress and pending(message) == {"MV"}

    client.force_login(people["mv"])
    act(client, message, "approve")
    assert not message.workflow_in_progress
    assert message.headline_sv == "Bara AF står bakom detta."
    assert short_names(message.agencies.all()) == {"AF"}


def test_an_owner_added_in_the_draft_must_approve_too(client, people):  # noqa: F811
    fk, mv = Agency.objects.get(short_name="FK"), Agency.objects.get(short_name="MV")
    message = builders.joint_message([builders.life_event()], [fk], headline="FK:s budskap.")
    submit(client, people["editor"], message, "FK:s och MV:s budskap.", agencies=[fk, mv])
    assert pending(message) == {"FK", "MV"}
    client.force_login(people["fk"])
    act(client, message, "approve")
    assert message.workflow_in_progress and pending(message) == {"MV"}


def test_an_approver_cannot_change_the_text_in_review(client, people, owned_by_three):  # noqa: F811
    message = owned_by_three
    submit(client, people["editor"], message, "Så här skrev redaktören.")
    submitted = message.latest_revision_id

    client.force_login(people["fk"])
    page = client.get(edit_url(message)).content.decode()
    assert 'data-workflow-action-name="approve"' in page  # she opens it to act
    assert "Myndigheterna granskar innehållet: ingen kan ändra det" in page
    data = edit_form(client, message)
    data["headline_sv"] = ["Så här skulle godkännaren vilja ha det."]
    data["agencies"] = [str(Agency.objects.get(short_name="FK").pk)]
    client.post(edit_url(message), data)  # a plain save
    message.refresh_from_db()
    assert message.latest_revision_id == submitted
    assert draft_headline(message) == "Så här skrev redaktören."
    assert pending(message) == {"AF", "FK", "MV"}

    # Her approval from the editor counts, and the text she typed beside it is dropped.
    data["action-workflow-action"] = ["true"]
    data["workflow-action-name"] = ["approve"]
    assert client.post(edit_url(message), data).status_code == 302
    message.refresh_from_db()
    assert message.latest_revision_id == submitted
    assert draft_headline(message) == "Så här skrev redaktören."
    assert pending(message) == {"AF", "MV"}
    assert short_names(message.get_latest_revision_as_object().agencies.all()) == {
        "AF",
        "FK",
        "MV",
    }


def test_the_editor_cannot_change_the_text_in_review_even_with_a_lock_of_her_own(client, people):  # noqa: F811
    fk = Agency.objects.get(short_name="FK")
    message = builders.joint_message([builders.life_event()], [fk], headline="Före granskning.")
    client.force_login(people["editor"])
    assert client.post(f"{BASE}/lock/{message.pk}/").status_code == 302
    message.refresh_from_db()
    assert message.locked and message.locked_by == people["editor"]
    submit(client, people["editor"], message, "Inskickad text.")
    submitted = message.latest_revision_id

    data = edit_form(client, message)
    data["headline_sv"] = ["Ändrad under granskningen."]
    client.post(edit_url(message), data)
    message.refresh_from_db()
    assert message.latest_revision_id == submitted
    assert draft_headline(message) == "Inskickad text."


def test_requesting_changes_from_the_editor_sends_it_back_untouched(client, people):  # noqa: F811
    fk = Agency.objects.get(short_name="FK")
    message = builders.joint_message([builders.life_event()], [fk], headline="Första försöket.")
    submit(client, people["editor"], message, "Andra försöket.")
    submitted = message.latest_revision_id
    client.force_login(people["fk"])
    data = edit_form(client, message)
    data["headline_sv"] = ["Godkännarens egen text."]
    data["action-workflow-action"] = ["true"]
    data["workflow-action-name"] = ["reject"]
    data["workflow-action-extra-data"] = ['{"comment": "Kortare, tack"}']
    client.post(edit_url(message), data)
    message.refresh_from_db()
    state = message.current_workflow_state
    assert state.status == "needs_changes"
    assert state.task_states.get().comment == "Kortare, tack"
    assert message.latest_revision_id == submitted
    assert message.headline_sv == "Första försöket."


def test_a_change_saved_during_review_needs_every_approval_again(client, people, admin_user):  # noqa: F811
    """Only an administrator can still take a lock and save during review; her change
    needs again the approval the agencies gave the text before it."""
    af, fk = Agency.objects.get(short_name="AF"), Agency.objects.get(short_name="FK")
    message = builders.joint_message([builders.life_event()], [af, fk], headline="Ett förslag.")
    submit(client, people["editor"], message, "Ett andra förslag.")
    client.force_login(people["af"])
    act(client, message, "approve")
    assert pending(message) == {"FK"}

    client.force_login(admin_user)
    assert client.post(f"{BASE}/lock/{message.pk}/").status_code == 302
    data = edit_form(client, message)
    data["headline_sv"] = ["Ett tredje förslag."]
    assert client.post(edit_url(message), data).status_code == 302
    assert draft_headline(message) == "Ett tredje förslag."
    assert pending(message) == {"AF", "FK"}

    client.force_login(people["fk"])
    act(client, message, "approve")
    assert message.workflow_in_progress and pending(message) == {"AF"}
