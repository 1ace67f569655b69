"""Who is told: the approvers of the agencies still to approve, the editor who submitted, and
the translators and reviewers of each language. Only active people with an address."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from translations import comments
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


def editors_of(content_type) -> list:
    """Who may change the Swedish of this kind of content (the communication group's editors):
    they answer a translator's question."""
    users = get_user_model().objects.filter(
        groups__permissions__content_type=content_type,
        groups__permissions__codename=f"change_{content_type.model}",
    )
    return list(_reachable(users).distinct().order_by("pk"))


def askers_of(answer) -> list:
    """Who asked about the Swedish of the answered unit in its language (comments.askers)."""
    return [user for user in comments.askers(answer) if user.is_active and user.email]


def translators_of(lang: str) -> list:
    """Who translates the language without reviewing it: a reviewer's remark is for them; when
    every one of them also reviews, all who work on the language."""
    readers = [reader for reader in digest_readers() if lang in reader.translates]
    writers = [reader.user for reader in readers if lang not in reader.reviews]
    return writers or [reader.user for reader in readers]
