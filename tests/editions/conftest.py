"""Fixtures for the editions' tests: the Arabic scenario of [E] and the people who work it."""

import pytest
from django.contrib.auth.models import Group

from cms import roles
from dialogue.models import Agency
from tests import builders

OLD_SV = "Du har rätt till tolk."
ADDED = " Tolken är gratis och har tystnadsplikt."
OLD_AR = "يحق لكِ الحصول على مترجم."
NEW_AR = "يحق لكِ الحصول على مترجم. المترجم مجاني وملزم بالسرية."


@pytest.fixture
def people(django_user_model):
    """The editor, FK's approver, and an Arabic translator and reviewer."""
    reviewers = roles.language_group("Språkgranskare arabiska (test)", ["ar"], reviewer=True)
    translators = roles.language_group("Översättare arabiska (test)", ["ar"])

    def person(name, group):
        user = django_user_model.objects.create_user(name, password="pw")
        user.groups.add(group)
        return user

    return {
        "editor": person("ed", Group.objects.get(name=roles.EDITORS)),
        "fk": person("fk", Group.objects.get(name=roles.APPROVERS_PREFIX + "FK")),
        "translator": person("amal", translators),
        "reviewer": person("rania", reviewers),
    }


@pytest.fixture
def scene():
    """An interpreter message on two cards and an sfi card, all live and approved in Arabic,
    owned by FK, in a pack; and a new message, live in Swedish only, to add to the sfi card."""
    fk = Agency.objects.get(short_name="FK")
    event = builders.life_event("Tolk och sfi", {"ar": {"title": "المترجم ودروس اللغة"}})
    interpreter = builders.joint_message(
        [event],
        [fk],
        headline="Tolk",
        body=OLD_SV,
        translations={"ar": {"headline": "مترجم", "body": OLD_AR}},
    )
    sfi = builders.joint_message(
        [event],
        [fk],
        headline="Sfi",
        body="Sfi är gratis.",
        translations={"ar": {"headline": "دروس اللغة", "body": "دروس اللغة مجانية."}},
    )
    new = builders.joint_message([event], [fk], headline="Anmälan", body="Anmäl dig i kommunen.")
    meeting = builders.dialogue_card(
        event, [interpreter], "Möte med tolk", {"ar": {"title": "لقاء مع مترجم"}}
    )
    health = builders.dialogue_card(
        event, [interpreter], "Tolk i vården", {"ar": {"title": "مترجم في الرعاية"}}
    )
    sfi_card = builders.dialogue_card(event, [sfi], "Sfi", {"ar": {"title": "دروس اللغة"}})
    audience = builders.audience([meeting, health, sfi_card])
    return {
        "event": event,
        "interpreter": interpreter,
        "sfi": sfi,
        "new": new,
        "meeting": meeting,
        "health": health,
        "sfi_card": sfi_card,
        "audience": audience,
    }
