"""Terms are approved like content: the communication group writes them in the admin, only an
approver of the owning agency approves, never the one who changed the term last."""

import pytest

from terms.models import Term
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/terms/term/"


def approve_url(term):
    return f"/admin/terms/{term.pk}/approve/"


def test_the_owning_agencys_approver_approves_and_others_may_not(client, term, people):
    from terms.models import TermTranslation

    TermTranslation.objects.filter(term=term, language="ar").update(explanation="نص جديد.")
    for name in ("fk", "redaktor"):
        client.force_login(people[name])
        refused = client.post(approve_url(term))  # Wagtail: "no permission", to the dashboard
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not Term.objects.prefetch_related("translations").get(pk=term.pk).is_approved

    client.force_login(people["skv"])
    assert client.get(approve_url(term)).status_code == 200
    response = client.post(approve_url(term))
    assert response.status_code == 302 and response["Location"] == LIST
    approved = Term.objects.prefetch_related("translations").get(pk=term.pk)
    assert approved.is_approved and approved.approved_by == people["skv"]


def test_a_term_written_in_the_admin_waits_for_its_agency(client, term, people):
    """The writer edits through the snippet form; the change unapproves the term, the approver
    finds the Approve button in the list, and the writer herself has none."""
    client.force_login(people["redaktor"])
    edit = f"{LIST}edit/{term.pk}/"
    data = form_data(client.get(edit).content.decode())
    data["definition"] = ["Var någon bor, enligt Skatteverket."]
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = Term.objects.prefetch_related("translations").get(pk=term.pk)
    assert changed.definition == "Var någon bor, enligt Skatteverket."
    assert not changed.is_approved and changed.edited_by == people["redaktor"]
    assert approve_url(term) not in client.get(LIST).content.decode()

    client.force_login(people["skv"])
    assert approve_url(term) in client.get(LIST).content.decode()
    client.post(approve_url(term))
    assert Term.objects.prefetch_related("translations").get(pk=term.pk).is_approved


def test_the_one_who_changed_it_last_does_not_approve_it(client, term, people, admin_user):
    term.definition = "Ändrad."
    term.save()
    term.edited_by = admin_user
    term.save()
    client.force_login(admin_user)
    assert client.post(approve_url(term))["Location"] == "/admin/"
    assert not Term.objects.prefetch_related("translations").get(pk=term.pk).is_approved


def test_approvers_hold_the_permission_and_writers_do_not(people):
    assert people["skv"].has_perm("terms.approve_term")
    assert people["fk"].has_perm("terms.approve_term")  # but only for FK's terms
    assert not people["redaktor"].has_perm("terms.approve_term")
    assert people["redaktor"].has_perm("terms.change_term")
