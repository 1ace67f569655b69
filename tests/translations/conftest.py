"""Fixtures for the translation tests: translators and reviewers of a language."""

import pytest

from cms import roles


@pytest.fixture
def somali(django_user_model):
    """Two language reviewers and a translator for Somali (the demo's Somali is all approved,
    so the Somali work list holds only what a test makes)."""
    reviewers = roles.language_group("Språkgranskare somaliska", ["so"], reviewer=True)
    translators = roles.language_group("Översättare somaliska", ["so"])
    people = {}
    for name, group in (("ayaan", reviewers), ("hodan", reviewers), ("faadumo", translators)):
        people[name] = django_user_model.objects.create_user(name, password="pw")
        people[name].groups.add(group)
    return people
