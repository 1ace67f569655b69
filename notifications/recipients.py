"""Who is told: the approvers of the agencies still to approve, the editor who submitted, and
the translators and reviewers of each language. Only active people with an address."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from translations.models import GroupLanguages


def _reachable(users):
    return users.filter(is_active=True).exclude(email="")


def approvers_of(agencies) -> dict:
    """Each approver with the agencies she approves for; one mail even if she has several."""
    found: dict = {}
    for agency in sorted(agencies, key=lambda a: a.name):
        if agency.approvers_id is None:
            continue
        for user in _reachable(agency.approvers.user_set.all()):
            found.setdefault(user, []).append(agency)
    return found


def submitter_of(workflow_state):
    """The editor who submitted the content (Wagtail's requested_by), if she can be reached."""
    user = workflow_state.requested_by
    if user is None or not user.is_active or not user.email:
        return None
    return user


@dataclass
class Reader:
    """A translator or reviewer and the languages her groups are given."""

    user: object
    translates: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)


def digest_readers() -> list[Reader]:
    """Those who may translate (translations.translate) or approve translations
    (translations.approve_translation) in the languages of their groups."""
    users = _reachable(get_user_model().objects.filter(groups__translation_languages__isnull=False))
    readers = []
    for user in users.distinct().order_by("pk"):
        codes: set[str] = set()
        for item in GroupLanguages.objects.filter(group__user=user):
            codes |= item.codes()
        codes.discard("sv")
        reader = Reader(user)
        if user.has_perm("translations.translate"):
            reader.translates = sorted(codes)
        if user.has_perm("translations.approve_translation"):
            reader.reviews = sorted(codes)
        if reader.translates or reader.reviews:
            readers.append(reader)
    return readers
