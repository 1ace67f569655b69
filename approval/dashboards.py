"""What each role finds on the admin dashboard: the editor her drafts and what waits for the
agencies, the translator her languages' work. (Approvers get Wagtail's own "Awaiting your
review" panel, which asks the joint approval task; with nothing to review, ours says so.)"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

import languages
from approval.models import agencies_approved_by
from dialogue.models import DialogueCard, JointMessage, LifeEvent
from translations import status as translation_status
from translations.models import GroupLanguages
from translations.status import Status

EDITED = (JointMessage, DialogueCard, LifeEvent)


def _edit_url(obj) -> str:
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])


@dataclass(frozen=True)
class ChangesRequested:
    by: str
    comment: str


def changes_requested(workflow_state) -> ChangesRequested | None:
    """The reviewer's request for changes, while the content waits for the editor to resubmit."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    rejected = workflow_state.current_task_state  # Wagtail keeps the rejected one current
    if rejected is None:
        return None
    who = rejected.finished_by
    name = (who.get_full_name() or who.get_username()) if who else "–"
    return ChangesRequested(name, rejected.comment)


@dataclass(frozen=True)
class Item:
    title: str
    kind: str
    url: str
    waiting_for: tuple[str, ...] = ()
    changes: ChangesRequested | None = None


def drafts_of(user) -> list[Item]:
    """Unpublished changes whose latest revision is hers and that are not yet submitted."""
    # Workflow states keep object ids as text; compared in Python so PostgreSQL need not cast.
    in_review = set(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values_list(
            "base_content_type_id", "object_id"
        )
    )
    sent_back = {
        (state.base_content_type_id, state.object_id): state
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES
        ).select_related("current_task_state__finished_by")
    }
    found = []
    for model in EDITED:
        type_id = ContentType.objects.get_for_model(model).pk
        objects = model.objects.filter(
            has_unpublished_changes=True, latest_revision__user=user
        ).select_related("latest_revision")
        for obj in objects:
            if (type_id, str(obj.pk)) in in_review:
                continue
            draft = obj.latest_revision.as_object()
            changes = changes_requested(sent_back.get((type_id, str(obj.pk))))
            found.append(
                Item(str(draft), model._meta.verbose_name, _edit_url(obj), changes=changes)
            )
    return found


def in_approval() -> list[Item]:
    """Everything the agencies are reviewing, with the agencies still to approve."""
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).select_related(
        "current_task_state"
    )
    found = []
    for state in states:
        obj = state.content_object
        if not isinstance(obj, EDITED):
            continue
        draft = obj.get_latest_revision_as_object()  # the title under review, not the live one
        task_state = state.current_task_state.specific if state.current_task_state else None
        pending = getattr(task_state, "pending", lambda: set())()
        found.append(
            Item(
                str(draft),
                obj._meta.verbose_name,
                _edit_url(obj),
                tuple(sorted(agency.short_name for agency in pending)),
            )
        )
    return found


def idle_approver_agencies(user) -> list:
    """The agencies she approves for, when nothing waits for her review; else none.

    Asks what Wagtail's "Awaiting your review" panel lists, so one of the two panels shows."""
    if user.is_superuser:
        return []
    agencies = sorted(agencies_approved_by(user), key=lambda agency: agency.name)
    if not agencies or TaskState.objects.reviewable_by(user).exists():
        return []
    return agencies


@dataclass(frozen=True)
class LanguageWork:
    language: languages.Language
    missing: int
    outdated: int
    unreviewed: int
    url: str

    @property
    def unreviewed_url(self) -> str:
        """The work list's section of translations waiting for a reviewer."""
        return f"{self.url}#unreviewed"


def translator_languages(user) -> list[languages.Language]:
    if not user.has_perm("translations.translate"):
        return []
    if user.is_superuser:
        return []  # administrators use Reports → Translations for every language
    codes = set()
    for item in GroupLanguages.objects.filter(group__user=user):
        codes |= item.codes()
    return [language for language in languages.targets() if language.code in codes]


def translation_work(user) -> list[LanguageWork]:
    """Her languages' work, each unit counted once, as the work list lists it."""
    chosen = translator_languages(user)
    if not chosen:
        return []
    counts = translation_status.tally([language.code for language in chosen])
    return [
        LanguageWork(
            language,
            missing=counts[language.code][Status.MISSING],
            outdated=counts[language.code][Status.OUTDATED],
            unreviewed=counts[language.code][Status.TRANSLATED],
            url=reverse("translation_work", args=[language.code]),
        )
        for language in chosen
    ]
