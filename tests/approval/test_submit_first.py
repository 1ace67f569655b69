"""The editor's main button on a changed card is "submit for joint approval", not "save draft"."""

import re

import pytest
from django.contrib.auth.models import Group

from cms import roles
from dialogue.models import DialogueCard

pytestmark = pytest.mark.django_db


def _primary_action(body: str) -> str:
    """The name of the first action button in the footer's action menu: Wagtail's main button."""
    footer = body[body.index("footer__container") :]
    first = re.search(r"<button[^>]*>", footer).group(0)
    found = re.search(r'name="([\w-]+)"', first)
    return found.group(1) if found else "(save draft)"


def test_submit_is_the_main_action_for_an_editor(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    card = DialogueCard.objects.get(slug="personnummer")
    body = client.get(f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/").content.decode()
    assert _primary_action(body) == "action-submit"
    assert "Spara utkast" in body[body.index("footer__container") :]  # still there, in the menu
