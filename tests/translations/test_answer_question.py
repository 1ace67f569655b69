"""[G] A translator's question about the Swedish is answered by those who own the Swedish: the
communication group, which cannot open the translation editor, follows the link in its mail to
the question's answer page, reads the Swedish, the translation and the thread, answers, and
marks the question resolved; the translator gets the answer by mail and in the editor."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail

from cms import roles
from tests import builders
from translations import comments
from translations.models import UnitComment
from translations.status import Unit

pytestmark = pytest.mark.django_db

QUESTION = "Betyder ”pengar” här kontanter eller pengar på kontot?"
ANSWER = "Pengar på kontot: Försäkringskassan betalar in dem varje månad."
REPORT = "/admin/translations/open-questions/"


@pytest.fixture
def message():
    return builders.joint_message(
        headline="Du kan få barnbidrag.",
        body="Barnbidrag är pengar varje månad.",
        translations={"ti": {"body": "ባርንቢድራግ ኣብ ነፍሲ ወከፍ ወርሒ ገንዘብ እዩ።"}},
    )


@pytest.fixture
def people(django_user_model):
    def person(name, group):
        user = django_user_model.objects.create_user(
            name, password="pw", email=f"{name}@example.se", first_name=name.title()
        )
        user.groups.add(group)
        return user

    return {
        "redaktor": person("redaktor", Group.objects.get(name=roles.EDITORS)),
        "selam": person("selam", roles.language_group("Översättare tigrinska", ["ti"])),
        "samira": person("samira", roles.language_group("Översättare arabiska", ["ar"])),
    }


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each request committed, so the mail it leaves goes (as in production, after commit)."""

    def run(client, path, form):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, form)

    return run


def editor(message):
    return f"/admin/translate/jointmessage/{message.pk}/ti/"


def ask(client, people, message, committed):
    """Selam asks in the side-by-side editor, as a translator does."""
    client.force_login(people["selam"])
    unit = f"jointmessage/{message.pk}/body"
    response = committed(
        client, editor(message), {"action": "comment", "unit": unit, "text": QUESTION}
    )
    assert response.status_code == 302
    return UnitComment.objects.get(text=QUESTION)


def link_in(body: str) -> str:
    """The admin path of the link in a mail."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    found = re.search(re.escape(base) + r"(/admin/\S+)", body)
    assert found, body
    return found.group(1)


def test_the_editor_follows_the_mail_answers_and_the_translator_is_told(
    client, people, message, committed
):
    question = ask(client, people, message, committed)
    (to_editor,) = [m for m in mail.outbox if m.to == ["redaktor@example.se"]]
    answer_page = link_in(to_editor.body)
    assert answer_page == f"/admin/translations/open-questions/{question.pk}/answer/"
    mail.outbox.clear()

    client.force_login(people["redaktor"])
    assert client.get(editor(message)).status_code == 302  # the editor is not hers to open
    page = client.get(answer_page).content.decode()
    assert "Besvara en fråga om svenskan" in page
    assert "Barnbidrag är pengar varje månad." in page  # the Swedish
    assert "ባርንቢድራግ ኣብ ነፍሲ ወከፍ ወርሒ ገንዘብ እዩ።" in page  # the translation
    assert 'lang="ti"' in page
    assert "pengar på kontot?" in page  # the thread, with her question
    assert re.search(r'<label[^>]*for="id_text"[^>]*>\s*Svar<', page)
    assert "Markera frågan som löst" in page
    assert re.search(r'<input[^>]*name="resolve"[^>]*checked', page)  # ticked unless untick

    response = committed(client, answer_page, {"text": ANSWER, "resolve": "on"})
    assert response.status_code == 302 and response.url == REPORT
    question.refresh_from_db()
    assert question.resolved and question.resolved_by == people["redaktor"]
    answer = UnitComment.objects.get(kind=UnitComment.Kind.ANSWER)
    assert (answer.object_id, answer.field, answer.language) == (message.pk, "body", "ti")
    assert answer.author == people["redaktor"] and answer.text == ANSWER
    report = client.get(REPORT).content.decode()
    assert "Svaret är skickat och frågan markerad som löst." in report
    assert "pengar på kontot?" not in report  # no longer open, and the answer waits for no one

    assert [m.to for m in mail.outbox] == [["selam@example.se"]]
    told = mail.outbox[0]
    assert "Svar på din fråga om svenskan" in told.subject
    assert ANSWER in told.body
    assert link_in(told.body) == f"{editor(message)}#unit-jointmessage-{message.pk}-body"

    client.force_login(people["selam"])
    page = client.get(editor(message)).content.decode()
    assert ANSWER in page and 'data-kind="answer"' in page
    assert f'name="comment" value="{answer.pk}"' not in page  # nothing for her to resolve
    assert "Svar om svenskan" in page


def test_the_question_may_stay_open_with_the_answer(client, people, message, committed):
    question = ask(client, people, message, committed)
    client.force_login(people["redaktor"])
    path = f"/admin/translations/open-questions/{question.pk}/answer/"
    response = committed(client, path, {"text": "Vi ändrar svenskan nästa vecka."})  # unticked
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.resolved
    assert UnitComment.objects.filter(kind=UnitComment.Kind.ANSWER).count() == 1
    report = client.get(REPORT).content.decode()
    assert "Svaret är skickat." in report and "pengar på kontot?" in report
    assert f'href="{path}"' in report  # the report's row links here, not to the editor


def test_an_empty_answer_is_refused_in_swedish_and_writes_nothing(
    client, people, message, committed
):
    question = ask(client, people, message, committed)
    mail.outbox.clear()
    client.force_login(people["redaktor"])
    path = f"/admin/translations/open-questions/{question.pk}/answer/"
    response = committed(client, path, {"text": "   ", "resolve": "on"})
    assert response.status_code == 400
    assert "Skriv svaret först." in response.content.decode()
    question.refresh_from_db()
    assert not question.resolved
    assert list(UnitComment.objects.all()) == [question] and not mail.outbox


def test_translators_do_not_answer_and_another_languages_question_is_not_theirs(
    client, people, message, committed
):
    question = ask(client, people, message, committed)
    mail.outbox.clear()
    path = f"/admin/translations/open-questions/{question.pk}/answer/"
    for name in ("samira", "selam"):  # Arabic's translator; the Tigrinya one who asked
        client.force_login(people[name])
        assert client.get(path).status_code in (302, 403, 404)  # Wagtail's "no permission"
        response = committed(client, path, {"text": "Mitt svar", "resolve": "on"})
        assert response.status_code in (302, 403, 404) and response.get("Location") != REPORT
    # Nor does the editor take an answer: answers come from the answer page only.
    unit = f"jointmessage/{message.pk}/body"
    form = {"action": "comment", "unit": unit, "kind": "answer", "text": "Mitt svar"}
    assert committed(client, editor(message), form).status_code in (302, 403)
    question.refresh_from_db()
    assert not question.resolved
    assert list(UnitComment.objects.all()) == [question] and not mail.outbox


def test_a_reviewers_remark_has_no_answer_page(client, people, message):
    remark = comments.post(Unit(message, "headline"), "ti", people["selam"], "Anmärkning", "remark")
    client.force_login(people["redaktor"])
    path = f"/admin/translations/open-questions/{remark.pk}/answer/"
    assert client.get(path).status_code in (302, 403)
    assert client.get("/admin/translations/open-questions/999999/answer/").status_code == 404


def test_the_answer_is_for_whoever_asked_what_was_still_open(
    client, people, message, committed, django_user_model
):
    earlier = django_user_model.objects.create_user("yonas", email="yonas@example.se")
    earlier.groups.add(Group.objects.get(name="Översättare tigrinska"))
    settled = comments.post(Unit(message, "body"), "ti", earlier, "En gammal fråga", "question")
    comments.resolve(settled, people["redaktor"])
    question = ask(client, people, message, committed)
    mail.outbox.clear()
    client.force_login(people["redaktor"])
    path = f"/admin/translations/open-questions/{question.pk}/answer/"
    page = client.get(path).content.decode()
    assert "En gammal fråga" in page  # the whole thread is shown
    committed(client, path, {"text": ANSWER, "resolve": "on"})
    assert [m.to for m in mail.outbox] == [["selam@example.se"]]
