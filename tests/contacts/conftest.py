"""The demo's central contacts (ops/demo/contacts.py, loaded with the demo): Försäkringskassan
0771-524 524 with an Arabic service line, shown by the messages barnbidrag and
dela-foraldrapenningen (whose own "where to turn" is empty)."""

import pytest
from django.contrib.auth.models import Group

from cms import roles
from contacts.models import Contact

LIST = "/admin/snippets/contacts/contact/"


def edit_url(contact):
    return f"{LIST}edit/{contact.pk}/"


def approve_url(contact):
    return f"/admin/contacts/{contact.pk}/approve/"


def fresh(contact):
    return Contact.objects.prefetch_related("phones", "service_lines", "opening_hours").get(
        pk=contact.pk
    )


@pytest.fixture
def contact():
    return fresh(Contact.objects.get(name="Försäkringskassan"))


@pytest.fixture
def people(django_user_model):
    """A writer of the communication group, two approvers of Försäkringskassan (the contact's
    agency) and one of Arbetsförmedlingen, each with an address."""

    def person(name, group):
        user = django_user_model.objects.create_user(
            name, email=f"{name}@example.se", password="pw", first_name=name
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "redaktor": person("t-redaktor", roles.EDITORS),
        "fk": person("t-fk", roles.APPROVERS_PREFIX + "FK"),
        "fk2": person("t-fk2", roles.APPROVERS_PREFIX + "FK"),
        "af": person("t-af", roles.APPROVERS_PREFIX + "AF"),
    }
