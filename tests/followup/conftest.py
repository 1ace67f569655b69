"""Fixtures for the follow-up tests: the follow-up role as a person."""

import pytest
from django.contrib.auth.models import Group

from cms import roles


@pytest.fixture
def follow_up(client, django_user_model):
    """The client, logged in as someone with the follow-up role only."""
    user = django_user_model.objects.create_user("uppfoljare", password="pw")
    user.groups.add(Group.objects.get(name=roles.FOLLOW_UP))
    client.force_login(user)
    return client
