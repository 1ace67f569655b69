"""Comments on a unit in a language: a translator's question about the Swedish mails the
editors, a reviewer's remark mails the translators; either side marks it resolved."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from cms import roles
from tests import builders
from translations.models import UnitComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    return builders.joint_message(
        headline="Du kan få barnbidrag.",
        body="Barnbidrag är pengar varje månad.",
        translations={"so": {"headline": "Waxaad heli kartaa lacagta carruurta."}},
    )


@pytest.fixture
def people(somali, django_user_model):
    for name, user in somali.items():
        user.email = f"{name}@example.se"
        user.save()
    editor = django_user_model.objects.create_user("eva", password="pw", email="eva@example.se")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    return {**somali, "eva": editor}


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """Mail goes after the commit: run what the request left for it."""

    def posting(client, path, form):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, form)

    return posting


def url(message):
    return f"/admin/translate/jointmessage/{message.pk}/so/"


def login(client, user):
    client.force_login(user)
    return client


def test_a_translators_question_is_shown_under_its_unit_and_mails_the_editors(
    client, people, message, post
):
    translator = login(client, people["faadumo"])
    page = translator.get(url(message)).content.decode()
    assert 'name="kind" value="question"' in page  # a translator only asks
    unit = f"jointmessage/{message.pk}/body"
    response = post(
        translator,
        url(message),
        {"action": "comment", "unit": unit, "text": "Betyder ”pengar” här kontanter?"},
    )
    assert response.status_code == 302
    comment = UnitComment.objects.get()
    assert (comment.field, comment.language, comment.kind) == ("body", "so", "question")
    assert [m.to for m in mail.outbox] == [["eva@example.se"]]
    assert "Betyder ”pengar” här kontanter?" in mail.outbox[0].body
    # They cannot open the editor: the mail links to the question's answer page.
    assert f"/admin/translations/open-questions/{comment.pk}/answer/" in mail.outbox[0].body
    assert "Fråga om svenskan" in mail.outbox[0].subject
    page = translator.get(url(message)).content.decode()
    assert "Betyder ”pengar” här kontanter?" in page and 'class="unit-comment"' in page


def test_a_reviewers_remark_mails_the_translator_and_is_resolved(client, people, message, post):
    reviewer = login(client, people["ayaan"])
    unit = f"jointmessage/{message.pk}/headline"
    post(
        reviewer,
        url(message),
        {"action": "comment", "unit": unit, "kind": "remark", "text": "Skriv ”carruurtaada”."},
    )
    assert [m.to for m in mail.outbox] == [["faadumo@example.se"]]
    assert "Granskarens anmärkning" in mail.outbox[0].subject
    comment = UnitComment.objects.get(kind="remark")
    translator = login(client, people["faadumo"])
    page = translator.get(url(message)).content.decode()
    assert f'name="comment" value="{comment.pk}"' in page
    post(translator, url(message), {"action": "resolve", "comment": comment.pk})
    comment.refresh_from_db()
    assert comment.resolved and comment.resolved_by == people["faadumo"]
    page = translator.get(url(message)).content.decode()
    assert 'class="unit-comment resolved"' in page
    assert f'name="comment" value="{comment.pk}"' not in page


def test_a_translator_may_not_post_a_remark_nor_comment_on_another_language(
    client, people, message, post
):
    translator = login(client, people["faadumo"])
    unit = f"jointmessage/{message.pk}/headline"
    form = {"action": "comment", "unit": unit, "kind": "remark", "text": "Nej."}
    assert post(translator, url(message), form).url == "/admin/"  # Wagtail's "no permission"
    form["kind"] = "question"
    arabic = f"/admin/translate/jointmessage/{message.pk}/ar/"
    assert post(translator, arabic, form).url == "/admin/"
    assert not UnitComment.objects.exists() and not mail.outbox


def test_an_empty_comment_is_not_sent(client, people, message, post):
    translator = login(client, people["faadumo"])
    unit = f"jointmessage/{message.pk}/headline"
    post(translator, url(message), {"action": "comment", "unit": unit, "text": "  "})
    assert not UnitComment.objects.exists() and not mail.outbox
