"""Admin roles as Wagtail groups. [W] extends this into the full least-privilege set."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from dialogue.models import Agency, Audience, DialogueCard, JointMessage, LifeEvent

EDITORS = "Redaktörer"

# The communication group writes Swedish content and submits it; publishing is for approvers.
EDITOR_PERMISSIONS = {
    JointMessage: ("add", "change", "view", "lock"),
    DialogueCard: ("add", "change", "view", "lock"),
    LifeEvent: ("add", "change", "view", "lock"),
    Audience: ("view",),
    Agency: ("view",),
}


def ensure_editor_group() -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS)
    wanted = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    for model, actions in EDITOR_PERMISSIONS.items():
        content_type = ContentType.objects.get_for_model(model)
        model_name = model._meta.model_name
        for action in actions:
            wanted.append(
                Permission.objects.get(content_type=content_type, codename=f"{action}_{model_name}")
            )
    group.permissions.add(*wanted)
    return group
