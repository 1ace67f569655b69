"""Contacts are approved like terms: the communication group writes them in the admin, only an
approver of the owning agency approves, never the one who changed the contact last."""

import pytest

from contacts import approval
from contacts.models import ContactPhone
from tests.admin_forms import form_data
from tests.contacts.conftest import LIST, approve_url, edit_url, fresh

pytestmark = pytest.mark.django_db


def change_number(client, contact, number="0771-524 525"):
    """The writer's edit, posted as the admin's form posts it."""
    data = form_data(client.get(edit_url(contact)).content.decode())
    data["phones-0-number"] = [number]
    response = client.post(edit_url(contact), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return fresh(contact)


def test_a_change_written_in_the_admin_waits_for_the_owning_agency(client, contact, people):
    client.force_login(people["redaktor"])
    changed = change_number(client, contact)
    assert changed.snapshot()["phones"] == ["0771-524 525"]
    assert changed.approved["phones"] == ["0771-524 524"]  # the approved state stays in service
    assert not changed.is_approved and changed.edited_by == people["redaktor"]
    listing = client.get(LIST).content.decode()
    assert "väntar på godkännande" in listing
    assert approve_url(contact) not in listing  # the writer has no Approve button

    client.force_login(people["af"])  # another agency's approver: no button, and refused
    assert approve_url(contact) not in client.get(LIST).content.decode()
    refused = client.post(approve_url(contact))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not fresh(contact).is_approved

    client.force_login(people["fk"])
    assert approve_url(contact) in client.get(LIST).content.decode()
    page = client.get(approve_url(contact)).content.decode()
    assert "0771-524 525" in page and "0771-524 524" in page  # to approve beside approved now
    response = client.post(approve_url(contact))
    assert response.status_code == 302 and response["Location"] == LIST
    approved = fresh(contact)
    assert approved.is_approved and approved.approved_by == people["fk"]
    assert approved.approved["phones"] == ["0771-524 525"]
    assert "väntar på godkännande" not in client.get(LIST).content.decode()


def test_the_one_who_changed_it_last_does_not_approve_it(client, contact, people):
    """Not even an approver of the owning agency who edited it herself: four eyes."""
    people["fk"].groups.add(people["redaktor"].groups.first())  # she also writes
    client.force_login(people["fk"])
    change_number(client, contact)
    assert not approval.may_approve(people["fk"], fresh(contact))
    assert client.post(approve_url(contact))["Location"] == "/admin/"
    assert not fresh(contact).is_approved
    assert approval.may_approve(people["fk2"], fresh(contact))


def test_a_superuser_approves_what_someone_else_wrote(contact, people, admin_user):
    ContactPhone.objects.filter(contact=contact).update(number="0771-524 526")
    approval.edited(fresh(contact), people["redaktor"])
    assert approval.may_approve(admin_user, fresh(contact))
    approval.approve(fresh(contact), admin_user)
    assert fresh(contact).approved["phones"] == ["0771-524 526"]


def test_approvers_hold_the_permission_and_writers_do_not(people):
    assert people["fk"].has_perm("contacts.approve_contact")
    assert people["af"].has_perm("contacts.approve_contact")  # but only for AF's contacts
    assert not people["redaktor"].has_perm("contacts.approve_contact")
    assert people["redaktor"].has_perm("contacts.change_contact")
    assert not people["fk"].has_perm("contacts.change_contact")


def test_status_names_the_three_states(contact, people):
    assert approval.status(contact) == "approved"
    ContactPhone.objects.filter(contact=contact).update(number="0771-524 527")
    assert approval.status(fresh(contact)) == "waiting"
    contact.approved = None
    assert approval.status(contact) == "never"
