"""The daily digest for translators and reviewers: `manage.py send_digests`, as cron runs it."""

import re
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F

from cms import roles
from notifications.models import DigestSent
from tests import builders
from translations.status import Status

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def next_day():
    """As if the digests so far went yesterday: one digest a day, so today's may go."""
    DigestSent.objects.exclude(sent_at=None).update(sent_at=F("sent_at") - timedelta(days=1))


def links(message) -> list[str]:
    return [urlsplit(link).path for link in re.findall(r"https?://\S+", message.body)]


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user(
        "sahra", email="sahra@example.se", password="pw", first_name="Sahra"
    )
    user.groups.add(roles.language_group("Översättare somaliska", ["so"]))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user(
        "hodan", email="hodan@example.se", password="pw", first_name="Hodan"
    )
    user.groups.add(roles.language_group("Språkgranskare somaliska", ["so"], reviewer=True))
    return user


def new_card(event_title, headline, card_title):
    """A card, its life event and its message, in Swedish only: missing in every language."""
    event = builders.life_event(event_title, status=None)
    message = builders.joint_message([event], headline=headline)
    return builders.dialogue_card(event, [message], card_title)


def test_a_translator_hears_of_new_work_once_and_again_only_when_more_comes(
    client, translator, django_user_model
):
    quiet = django_user_model.objects.create_user("utan-adress", password="pw")
    quiet.groups.add(roles.language_group("Översättare somaliska", ["so"]))
    new_card("Att flytta inom Sverige", "Anmäl flytten till Skatteverket.", "Ny adress")

    out = run("--dry-run")
    assert "sahra@example.se" in out and "so att översätta" in out
    assert mail.outbox == [] and not DigestSent.objects.exists()

    run()
    (message,) = mail.outbox  # nobody without an address, nobody without languages
    assert message.to == ["sahra@example.se"]
    assert message.subject == "Nytt att översätta: Somaliska"
    assert "Hej Sahra!" in message.body and "Somaliska, att översätta:" in message.body
    assert "”Ny adress”, titel (saknas)" in message.body
    assert "”Anmäl flytten till Skatteverket.”, rubrik (saknas)" in message.body
    work_list = "/admin/translations/so/"
    assert work_list in links(message)
    client.force_login(translator)
    assert client.get(work_list).status_code == 200

    mail.outbox.clear()
    run()
    assert mail.outbox == []  # nothing new: no mail

    new_card("Att byta jobb", "Berätta för Arbetsförmedlingen.", "Nytt jobb")
    run()
    assert mail.outbox == []  # she had today's digest: the new card waits for tomorrow's
    next_day()
    run()
    (message,) = mail.outbox
    # The life event, the card, the message's headline and body; not yesterday's card.
    assert "att översätta: 4 nya (totalt " in message.body
    assert "”Nytt jobb”, titel (saknas)" in message.body
    assert "Ny adress" not in message.body

    mail.outbox.clear()
    run()
    assert mail.outbox == []


def test_a_reviewer_hears_of_translations_waiting_for_review(client, reviewer):
    run()  # what waited before this test
    mail.outbox.clear()
    next_day()

    event = builders.life_event("Barn och förskola", {"so": {"title": "Carruurta"}})
    card = builders.dialogue_card(
        event,
        [builders.joint_message([event], translations={"so": {"headline": "X", "body": "Y"}})],
        "Förskola från ett års ålder",
        {"so": {"title": "Xanaanada carruurta"}},
        status=Status.TRANSLATED,  # translated, nobody has reviewed it
    )
    run()
    (message,) = mail.outbox
    assert message.to == ["hodan@example.se"]
    assert "granska" in message.subject and "Somaliska" in message.subject
    assert "Somaliska, att granska: 1 ny översättning väntar på granskning" in message.body
    assert "”Förskola från ett års ålder”, titel" in message.body
    editor = f"/admin/translate/dialoguecard/{card.pk}/so/"
    assert editor in links(message)
    client.force_login(reviewer)
    assert client.get(editor).status_code == 200

    mail.outbox.clear()
    run()
    assert mail.outbox == []
