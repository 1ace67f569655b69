"""Mail that tells people their turn has come in the joint approval, through the real admin."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from cms import roles
from dialogue.models import DialogueCard, JointMessage
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

CARD = "foraldraledig-och-pa-vag"  # its messages are owned by FK and AF
BASE = "/admin/snippets/dialogue/dialoguecard"


@pytest.fixture
def people(django_user_model):
    def person(name, group, email=True):
        user = django_user_model.objects.create_user(
            name, email=f"{name}@example.se" if email else "", password="pw", first_name=name
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": person("redaktor", roles.EDITORS),
        "af": person("anna-af", roles.APPROVERS_PREFIX + "AF"),
        "af-no-address": person("utan-adress", roles.APPROVERS_PREFIX + "AF", email=False),
        "fk": person("fatima-fk", roles.APPROVERS_PREFIX + "FK"),
        "mv": person("maria-mv", roles.APPROVERS_PREFIX + "MV"),
    }


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each step as its own committed request: mail goes only after the commit."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


def submit(client, card, title):
    url = f"{BASE}/edit/{card.pk}/"
    data = form_data(client.get(url).content.decode())
    data["title_sv"] = [title]
    data["action-submit"] = ["1"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def act(client, card, name, comment=""):
    card.refresh_from_db()
    state = card.current_workflow_task_state
    url = f"{BASE}/workflow/action/{card.pk}/{name}/{state.pk}/"
    return client.post(url, {"comment": comment} if comment else {})


def to(message) -> str:
    (address,) = message.to
    return address


def link_in(message) -> str:
    links = re.findall(r"https?://\S+", message.body)
    assert links, message.body
    assert all(link.startswith(settings.WAGTAILADMIN_BASE_URL) for link in links)
    return links[0]


def test_submitting_mails_each_pending_agencys_approvers_in_swedish_with_a_link(
    client, people, committed, django_user_model
):
    django_user_model.objects.create_superuser("admin2", "admin2@example.se", "pw")
    card = DialogueCard.objects.get(slug=CARD)
    client.force_login(people["editor"])
    committed(submit, client, card, "Föräldraledig och på väg till jobb")

    mails = {to(m): m for m in mail.outbox}
    # AF's and FK's approvers with an address; not MV (owns none of its messages), not the
    # approver without an address, not the editor, and not Wagtail's own mail to superusers.
    assert set(mails) == {"anna-af@example.se", "fatima-fk@example.se"}
    for address, agency in (("anna-af@example.se", "AF"), ("fatima-fk@example.se", "FK")):
        message = mails[address]
        assert message.subject == f"Att godkänna för {agency}: ”Föräldraledig och på väg till jobb”"
        assert "Nu är det er tur" in message.body and "godkänna" in message.body
        assert "redaktor har skickat" in message.body and "Gemensamt godkännande" in message.body
        assert "(dialogkort)" in message.body  # the kind, in Swedish
        assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Den väntar också på Försäkringskassan" in mails["anna-af@example.se"].body

    link = link_in(mails["anna-af@example.se"])
    assert urlsplit(link).path == f"{BASE}/edit/{card.pk}/"
    client.force_login(people["af"])
    page = client.get(urlsplit(link).path)
    assert page.status_code == 200
    assert "Föräldraledig och på väg till jobb" in page.content.decode()


def test_the_editor_hears_of_each_approval_and_the_publication(client, people, committed):
    card = DialogueCard.objects.get(slug=CARD)
    client.force_login(people["editor"])
    committed(submit, client, card, "Ett nytt förslag")
    mail.outbox.clear()

    client.force_login(people["af"])
    committed(act, client, card, "approve", comment="Bra, kort och tydligt")
    card.refresh_from_db()
    assert card.workflow_in_progress
    (message,) = mail.outbox
    assert to(message) == "redaktor@example.se"
    assert message.subject == "AF har godkänt ”Ett nytt förslag”"
    assert "Arbetsförmedlingen har godkänt" in message.body
    assert "Bra, kort och tydligt" in message.body
    assert "Nu väntar texten på Försäkringskassan" in message.body
    client.force_login(people["editor"])
    assert client.get(urlsplit(link_in(message)).path).status_code == 200
    mail.outbox.clear()

    client.force_login(people["fk"])
    committed(act, client, card, "approve")
    card.refresh_from_db()
    assert not card.workflow_in_progress and card.title_sv == "Ett nytt förslag"
    # The last approval publishes: one mail says both, none goes to the approvers.
    (message,) = mail.outbox
    assert to(message) == "redaktor@example.se"
    assert message.subject == "Publicerat: ”Ett nytt förslag”"
    assert "Arbetsförmedlingen och Försäkringskassan har godkänt" in message.body
    assert "publicerad nu" in message.body


def test_changes_requested_reach_the_editor_with_the_comment_and_resubmission_mails_again(
    client, people, committed
):
    card = DialogueCard.objects.get(slug=CARD)
    client.force_login(people["editor"])
    committed(submit, client, card, "Ett första förslag")
    client.force_login(people["af"])
    committed(act, client, card, "approve")
    mail.outbox.clear()

    client.force_login(people["fk"])
    committed(act, client, card, "reject", comment="Skriv föräldrapenning, inte föräldralön.")
    (message,) = mail.outbox
    assert to(message) == "redaktor@example.se"
    assert message.subject == "Ändringar begärda: ”Ett första förslag”"
    assert "fatima-fk (Försäkringskassan) har begärt ändringar" in message.body
    assert "Skriv föräldrapenning, inte föräldralön." in message.body
    mail.outbox.clear()

    # The comment waits for her on the dashboard and in the edit form too.
    client.force_login(people["editor"])
    home = client.get("/admin/").content.decode()
    assert "Ändringar begärda av fatima-fk" in home
    assert "Skriv föräldrapenning, inte föräldralön." in home
    edit = client.get(f"{BASE}/edit/{card.pk}/").content.decode()
    assert "Ändringar begärda av fatima-fk: Skriv föräldrapenning, inte föräldralön." in edit

    committed(submit, client, card, "Ett andra förslag")
    # A resubmission starts the task again: every owner approves the new text, AF too.
    mails = {to(m): m for m in mail.outbox}
    assert set(mails) == {"anna-af@example.se", "fatima-fk@example.se"}
    assert mails["fatima-fk@example.se"].subject == "Godkänn igen för FK: ”Ett andra förslag”"
    assert "har gjort ändringar och skickat" in mails["fatima-fk@example.se"].body


def test_a_mail_sent_late_asks_only_the_agencies_still_to_approve(
    client, people, django_capture_on_commit_callbacks
):
    """With a queue (TASKS_BACKEND=database) the mail goes after AF may already have approved."""
    card = DialogueCard.objects.get(slug=CARD)
    client.force_login(people["editor"])
    with django_capture_on_commit_callbacks() as queued:
        submit(client, card, "Ett förslag i kön")
    assert queued and not mail.outbox  # nothing before the commit
    client.force_login(people["af"])
    with django_capture_on_commit_callbacks(execute=True):
        act(client, card, "approve")
    mail.outbox.clear()
    for callback in queued:
        callback()
    assert [to(m) for m in mail.outbox] == ["fatima-fk@example.se"]


def test_a_rolled_back_submission_mails_nobody(client, people, django_capture_on_commit_callbacks):
    card = DialogueCard.objects.get(slug=CARD)
    client.force_login(people["editor"])
    with django_capture_on_commit_callbacks() as queued:
        submit(client, card, "Ett förslag som inte blev av")
    assert queued  # the mail waits for a commit that, in this test, never comes
    assert mail.outbox == []


def test_a_scheduled_publication_says_when_it_goes_live(client, people, committed):
    message = JointMessage.objects.get(slug="barnbidrag")  # owned by FK alone
    message.headline_sv = "Barnbidraget höjs i januari."
    message.go_live_at = timezone.now() + timedelta(days=30)
    message.save_revision(user=people["editor"])
    committed(message.get_workflow().start, message, people["editor"])
    assert [to(m) for m in mail.outbox] == ["fatima-fk@example.se"]
    mail.outbox.clear()

    client.force_login(people["fk"])
    state = message.current_workflow_task_state
    url = f"/admin/snippets/dialogue/jointmessage/workflow/action/{message.pk}/approve/{state.pk}/"
    committed(client.post, url)
    (sent,) = mail.outbox
    assert sent.subject.startswith("Godkänt, publiceras ")
    assert "Texten publiceras " in sent.body and "publicerad nu" not in sent.body
