"""The roles, as Wagtail groups with the least permissions each job needs.

`sync_roles` runs after every migrate (cms.apps) and in load_demo; it works on a migration's
historical app registry as well as on the live one, so the roles are defined once, here.

- Editors (the communication group) write Swedish and submit; they cannot publish.
- Approvers, one group per agency, approve joint content in the joint approval workflow.
- Translators translate the languages their group is given; language reviewers also approve.
- Service-office staff only print, at /print/; they never see the admin.
- Follow-up reads the indicators, and nothing else in the admin (CONFINED_ROLES).
- Administrators manage users, groups, workflows and everything else; only they can give rights.

After every migrate the groups are synced again (cms.apps), so a new model's permissions
reach the administrators and a changed role reaches its group.
"""

from __future__ import annotations

from django.apps import apps as live_apps

from dialogue.models import TRANSLATABLE_MODELS

EDITORS = "Redaktörer"
TRANSLATORS = "Översättare"
REVIEWERS = "Språkgranskare"
SERVICE_OFFICE = "Servicekontor"
FOLLOW_UP = "Uppföljning"
ADMINISTRATORS = "Administratörer"
APPROVERS_PREFIX = "Godkännare "

WORKFLOW = "Gemensamt godkännande"
TASK = "Alla ägande myndigheter godkänner"

ADMIN = ("wagtailadmin", "access_admin")
CONTENT = tuple(model._meta.model_name for model in TRANSLATABLE_MODELS)


def _perms(actions, models, app_label="dialogue"):
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


ROLES: dict[str, list[tuple[str, str]]] = {
    EDITORS: [
        ADMIN,
        *_perms(("add", "change", "view", "lock", "unlock"), CONTENT),
        *_perms(("add", "change", "view"), ("audience",)),
        *_perms(
            ("add", "change", "view"),
            ("audiorecording", "languagenamerecording", "termrecording"),
            "audio",
        ),
        ("dialogue", "view_agency"),
        # The communication group keeps the termbase; the owning agency approves a term.
        *_perms(("add", "change", "view"), ("term",), "terms"),
        # Likewise the central contacts (phone numbers, hours) that messages refer to.
        *_perms(("add", "change", "view"), ("contact",), "contacts"),
    ],
    TRANSLATORS: [
        ADMIN,
        ("translations", "translate"),
        *_perms(("view",), CONTENT),
        ("terms", "view_term"),
    ],
    REVIEWERS: [
        ADMIN,
        ("translations", "translate"),
        ("translations", "approve_translation"),
        *_perms(("view",), CONTENT),
        ("terms", "view_term"),
        # Recordings are approved like text ([E]): reviewers find those waiting for them.
        ("audio", "view_audiorecording"),
        ("audio", "view_languagenamerecording"),
    ],
    SERVICE_OFFICE: [("print", "use_print_station")],
    FOLLOW_UP: [ADMIN, ("followup", "view_counter")],
}
# Every approver group holds approve_term and approve_contact; terms.approval and
# contacts.approval let only the owning agency's group use them.
APPROVER: list[tuple[str, str]] = [
    ADMIN,
    *_perms(("view",), CONTENT),
    ("terms", "view_term"),
    ("terms", "approve_term"),
    # They judge how a person says their agency's words (audio.models.TermRecording).
    ("audio", "view_termrecording"),
    ("contacts", "view_contact"),
    ("contacts", "approve_contact"),
]

# Roles whose whole admin is a few views (URL names). A user in no other group reaches only
# these, her dashboard and her account (cms.admin_reach): follow-up reads the report and
# nothing else, no chooser, site history or page API that every admin user could open.
CONFINED_ROLES: dict[str, tuple[str, ...]] = {FOLLOW_UP: ("indicators_report",)}


def approver_group_name(agency) -> str:
    return f"{APPROVERS_PREFIX}{agency.short_name}"


WAGTAIL_EXTRAS = ("lock", "unlock", "publish")  # made by Wagtail after migrating, per snippet


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is not None:
        return found
    action, _sep, model = codename.partition("_")
    if app_label != "dialogue" or action not in WAGTAIL_EXTRAS:
        raise LookupError(f"No permission {app_label}.{codename}")
    # During the first migrate Wagtail has not made these yet; it skips them when it does.
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    return Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {action} {model}"
    )


def _permissions(apps, wanted):
    return [_permission(apps, app_label, codename) for app_label, codename in wanted]


def _group(apps, name, wanted):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(apps, wanted))
    return group


def ensure_approver_group(agency, apps=live_apps):
    """The agency's approver group, created and linked when missing."""
    Agency = apps.get_model("dialogue", "Agency")
    group = _group(apps, approver_group_name(agency), APPROVER)
    Agency.objects.filter(pk=agency.pk).update(approvers=group)
    agency.approvers_id = group.pk
    return group


WAGTAIL_DEFAULTS = ("Editors", "Moderators")  # page roles from Wagtail's start; no pages here


def sync_roles(apps=live_apps) -> None:
    """Create or correct every role group, and the joint approval workflow."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULTS, user=None).delete()
    for name, wanted in ROLES.items():
        _group(apps, name, wanted)
    for model in CONTENT:  # so that administrators get them in the first migrate too
        _permissions(apps, [("dialogue", f"{action}_{model}") for action in WAGTAIL_EXTRAS])
    administrators = Group.objects.get_or_create(name=ADMINISTRATORS)[0]
    administrators.permissions.set(Permission.objects.all())
    for agency in apps.get_model("dialogue", "Agency").objects.all():
        ensure_approver_group(agency, apps)
    _sync_workflow(apps)


def _sync_workflow(apps) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    JointApprovalTask = apps.get_model("approval", "JointApprovalTask")

    task_type = ContentType.objects.get_or_create(app_label="approval", model="jointapprovaltask")
    task = JointApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = JointApprovalTask.objects.create(name=TASK, content_type=task_type[0], active=True)
    # Wagtail's default page workflow would only confuse: this site has no pages.
    Workflow.objects.filter(name="Moderators approval").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Moderators approval").delete()
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    for model in CONTENT:
        content_type = ContentType.objects.get_or_create(app_label="dialogue", model=model)[0]
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def language_group(name: str, codes: list[str], reviewer: bool = False, apps=live_apps):
    """A translator (or language reviewer) group for some languages."""
    GroupLanguages = apps.get_model("translations", "GroupLanguages")
    group = _group(apps, name, ROLES[REVIEWERS if reviewer else TRANSLATORS])
    GroupLanguages.objects.update_or_create(group=group, defaults={"languages": ",".join(codes)})
    return group
