"""A contact's numbers are printed whole, so only digits, spaces, hyphens and a leading + may
enter them; a wrong number is refused in the admin with a plain Swedish message."""

import pytest
from django.core.exceptions import ValidationError

from contacts.models import ContactPhone, OpeningHours, ServiceLine
from tests.admin_forms import form_data
from tests.contacts.conftest import edit_url, fresh

pytestmark = pytest.mark.django_db

GOOD = ["0771-524 524", "+46 771 524 524", "020-50 50 50", "112"]
BAD = ["0771-524 524 ank. 3", "(0771) 524 524", "0771--524", "46+771", "0771-524 524 ", "0771/524",
       "+46 771 524 524 00 00"]  # fmt: skip


@pytest.mark.parametrize("number", GOOD)
def test_numbers_as_people_write_them_pass(contact, number):
    ContactPhone(contact=contact, number=number).full_clean()
    ServiceLine(contact=contact, language="ar", number=number).full_clean()


@pytest.mark.parametrize("number", BAD)
def test_anything_else_in_a_number_is_refused(contact, number):
    with pytest.raises(ValidationError) as refused:
        ContactPhone(contact=contact, number=number).full_clean()
    assert "number" in refused.value.message_dict


def test_opening_hours_run_forward(contact):
    with pytest.raises(ValidationError) as refused:
        OpeningHours(
            contact=contact, first_day=4, last_day=0, opens="16:00", closes="08:00"
        ).full_clean()
    assert set(refused.value.message_dict) == {"last_day", "closes"}


def test_a_wrong_number_in_the_admin_is_named_in_swedish_and_nothing_changes(
    client, contact, people
):
    client.force_login(people["redaktor"])
    data = form_data(client.get(edit_url(contact)).content.decode())
    data["phones-0-number"] = ["0771-524 524 (växel)"]
    response = client.post(edit_url(contact), data)
    assert response.status_code == 200  # the form again, with the error
    page = response.content.decode()
    assert "Skriv numret med siffror, mellanslag och bindestreck" in page
    assert fresh(contact).snapshot() == contact.approved  # nothing saved


def test_the_snapshot_is_what_editions_hold(contact):
    assert contact.approved == {
        "name": "Försäkringskassan",
        "phones": ["0771-524 524"],
        "lines": [
            {"language": "ar", "number": "0771-524 500"},
            {"language": "so", "number": "0771-524 501"},
        ],
        "hours": [{"first_day": 0, "last_day": 4, "opens": "08:00", "closes": "16:00"}],
        "url": "https://www.forsakringskassan.se",
    }
    assert contact.is_approved
