"""A contact waiting for approval tells its agency's approvers, in Swedish, with a link to the
approval; the one who changed it and other agencies' approvers get nothing."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.admin_forms import form_data
from tests.contacts.conftest import approve_url, edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


def post_edit(client, contact, number):
    data = form_data(client.get(edit_url(contact)).content.decode())
    data["phones-0-number"] = [number]
    return client.post(edit_url(contact), data)


def test_the_owning_agencys_approvers_are_told(client, contact, people, committed):
    client.force_login(people["redaktor"])
    mail.outbox.clear()
    assert committed(post_edit, client, contact, "0771-524 600").status_code == 302

    mails = {m.to[0]: m for m in mail.outbox}
    assert set(mails) == {"t-fk@example.se", "t-fk2@example.se"}  # not AF's, not the writer
    message = mails["t-fk@example.se"]
    assert message.subject == "Att godkänna för Försäkringskassan: kontakten ”Försäkringskassan”"
    assert "t-redaktor har ändrat kontakten" in message.body
    assert "Tills dess används det som godkändes senast." in message.body
    link = next(word for word in message.body.split() if word.startswith("http"))
    assert urlsplit(link).path == approve_url(contact)
    client.force_login(people["fk"])
    assert client.get(urlsplit(link).path).status_code == 200


def test_saving_without_a_change_tells_nobody(client, contact, people, committed):
    client.force_login(people["redaktor"])
    mail.outbox.clear()
    assert committed(post_edit, client, contact, "0771-524 524").status_code == 302
    assert mail.outbox == []
