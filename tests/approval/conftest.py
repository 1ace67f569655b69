"""Fixtures for the joint approval's tests: the roles as people."""

import pytest
from django.contrib.auth.models import Group

from cms import roles


@pytest.fixture
def people(django_user_model):
    def person(name, group):
        user = django_user_model.objects.create_user(name, password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": person("ed", roles.EDITORS),
        "af": person("af", roles.APPROVERS_PREFIX + "AF"),
        "fk": person("fk", roles.APPROVERS_PREFIX + "FK"),
        "mv": person("mv", roles.APPROVERS_PREFIX + "MV"),
    }
