"""Every role (and anonymous) against every admin area, public URL and action, as [W] says."""

import pytest
from django.contrib.auth.models import Group, Permission

from cms import roles
from dialogue.models import DialogueCard, JointMessage
from print.models import Office, StaffProfile

pytestmark = pytest.mark.django_db

ROLES = {
    "editor": roles.EDITORS,
    "approver": roles.APPROVERS_PREFIX + "AF",
    "translator": "Översättare tigrinska",
    "reviewer": "Språkgranskare tigrinska",
    "service_office": roles.SERVICE_OFFICE,
    "follow_up": roles.FOLLOW_UP,
    "administrator": roles.ADMINISTRATORS,
}
EVERYONE = {"anonymous", *ROLES}
ADMIN_USERS = {"editor", "approver", "translator", "reviewer", "follow_up", "administrator"}
READERS = {"editor", "approver", "translator", "reviewer", "administrator"}
NOT_FOLLOW_UP = ADMIN_USERS - {"follow_up"}  # follow-up reads its report and nothing else


def card():
    return DialogueCard.objects.get(slug="personnummer")


def message():
    return JointMessage.objects.get(slug="barnbidrag")


# (URL, roles allowed to open it); everyone else is sent to a login or refused.
MATRIX = [
    ("/admin/", ADMIN_USERS),
    ("/admin/snippets/dialogue/dialoguecard/", READERS),
    ("/admin/snippets/dialogue/jointmessage/", READERS),
    ("/admin/snippets/dialogue/dialoguecard/add/", {"editor", "administrator"}),
    ("/admin/snippets/dialogue/jointmessage/edit/{message}/", {"editor", "administrator"}),
    ("/admin/snippets/dialogue/audience/add/", {"editor", "administrator"}),
    ("/admin/snippets/dialogue/agency/add/", {"administrator"}),
    ("/admin/snippets/print/office/", {"administrator"}),
    # The communication group writes the central contacts; approvers read and approve them.
    ("/admin/snippets/contacts/contact/", {"editor", "approver", "administrator"}),
    ("/admin/snippets/contacts/contact/add/", {"editor", "administrator"}),
    ("/admin/snippets/choose/contacts/contact/", {"editor", "approver", "administrator"}),
    ("/admin/snippets/print/staffprofile/", {"administrator"}),
    ("/admin/snippets/translations/grouplanguages/", {"administrator"}),
    ("/admin/users/", {"administrator"}),
    ("/admin/groups/", {"administrator"}),
    ("/admin/workflows/list/", {"administrator"}),
    ("/admin/follow-up/", {"follow_up", "administrator"}),
    # Reviewers approve recordings like text ([E]): they find those waiting for them.
    ("/admin/recordings/to-make/", {"editor", "reviewer", "administrator"}),
    ("/admin/snippets/audio/audiorecording/", {"editor", "reviewer", "administrator"}),
    ("/admin/snippets/audio/languagenamerecording/", {"editor", "reviewer", "administrator"}),
    ("/admin/snippets/audio/languagenamerecording/add/", {"editor", "administrator"}),
    # The owning agency's approvers judge how its words are said ([G] 2).
    ("/admin/snippets/audio/termrecording/", {"editor", "approver", "administrator"}),
    ("/admin/snippets/audio/termrecording/add/", {"editor", "administrator"}),
    ("/admin/translations/", NOT_FOLLOW_UP),
    ("/admin/translate/jointmessage/{message}/ti/", {"translator", "reviewer", "administrator"}),
    ("/admin/translate/jointmessage/{message}/ar/", {"administrator"}),
    ("/admin/translations/ti/export.xliff", {"translator", "reviewer", "administrator"}),
    ("/admin/translations/failed-imports/", {"administrator"}),
    ("/admin/print/card/{card}/", READERS),
    ("/admin/print/failed-builds/", {"administrator"}),
    ("/admin/account/", ADMIN_USERS),
    # Wagtail's choosers list a model only to those with a permission on it (cms.admin_reach).
    ("/admin/snippets/choose/dialogue/dialoguecard/", READERS),
    ("/admin/snippets/choose/dialogue/dialoguecard/results/?q=a", READERS),
    ("/admin/snippets/choose/dialogue/jointmessage/chosen/{message}/", READERS),
    ("/admin/snippets/choose/dialogue/lifeevent/", READERS),
    ("/admin/snippets/choose/dialogue/agency/", {"editor", "administrator"}),
    ("/admin/snippets/choose/dialogue/audience/", {"editor", "administrator"}),
    ("/admin/snippets/choose/audio/audiorecording/", {"editor", "reviewer", "administrator"}),
    ("/admin/snippets/choose/print/office/", {"administrator"}),
    ("/admin/snippets/choose/print/staffprofile/results/?q=user", {"administrator"}),
    ("/admin/snippets/choose/translations/grouplanguages/", {"administrator"}),
    # No role holds a collection permission on documents or images: nobody chooses them.
    ("/admin/documents/chooser/", set()),
    ("/admin/images/chooser/", set()),
    # What Wagtail opens to every admin user, closed to the follow-up role.
    ("/admin/choose-page/", NOT_FOLLOW_UP),
    ("/admin/workflows/task_chooser/", NOT_FOLLOW_UP),
    ("/admin/reports/site-history/", NOT_FOLLOW_UP),
    ("/admin/api/main/pages/", NOT_FOLLOW_UP),
    ("/admin/tag-autocomplete/?term=a", NOT_FOLLOW_UP),
    ("/print/", {"service_office"}),  # an administrator without an office is told why
    ("/material/", EVERYONE),
    ("/sv/", EVERYONE),
    ("/ar/folkbokforing/", EVERYONE),
    ("/q/{code}/ti/", EVERYONE),
]


@pytest.fixture
def people(django_user_model):
    office = Office.objects.create(name="Servicekontoret Matris")
    roles.language_group(ROLES["translator"], ["ti"])
    roles.language_group(ROLES["reviewer"], ["ti"], reviewer=True)
    found = {}
    for role, group in ROLES.items():
        user = django_user_model.objects.create_user(f"user-{role}", password="pw")
        user.groups.add(Group.objects.get(name=group))
        found[role] = user
    StaffProfile.objects.create(user=found["service_office"], office=office)
    return found


def opened(client, url) -> bool:
    response = client.get(url)
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403), (url, response.status_code)
    return False


@pytest.mark.parametrize("url,allowed", MATRIX, ids=[url for url, _ in MATRIX])
def test_every_role_against_every_url(client, people, url, allowed):
    url = url.format(message=message().pk, card=card().pk, code=card().code)
    result = {}
    for role in sorted(EVERYONE):
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        result[role] = opened(client, url)
    assert {role for role, ok in result.items() if ok} == allowed


ACTIONS = {
    "dialogue.publish_dialoguecard": {"administrator"},
    "dialogue.publish_jointmessage": {"administrator"},
    "dialogue.change_dialoguecard": {"editor", "administrator"},
    "dialogue.delete_jointmessage": {"administrator"},
    "translations.translate": {"translator", "reviewer", "administrator"},
    "contacts.approve_contact": {"approver", "administrator"},
    "translations.approve_translation": {"reviewer", "administrator"},
    "followup.view_counter": {"follow_up", "administrator"},
    "print.use_print_station": {"service_office", "administrator"},
    "auth.change_group": {"administrator"},
    "auth.change_user": {"administrator"},
    "wagtailcore.change_workflow": {"administrator"},
}


@pytest.mark.parametrize("permission,allowed", ACTIONS.items(), ids=list(ACTIONS))
def test_every_role_against_every_action(people, permission, allowed):
    assert {role for role, user in people.items() if user.has_perm(permission)} == allowed


@pytest.mark.parametrize("role", sorted(set(ROLES) - {"administrator"}))
def test_no_role_can_give_itself_more_rights(client, people, role):
    user = people[role]
    group = user.groups.get()
    before = set(group.permissions.values_list("pk", flat=True))
    client.force_login(user)
    everything = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]
    response = client.post(
        f"/admin/groups/edit/{group.pk}/", {"name": group.name, "permissions": everything}
    )
    assert response.status_code in (302, 403)
    assert set(group.permissions.values_list("pk", flat=True)) == before
    response = client.post(
        f"/admin/users/edit/{user.pk}/",
        {
            "username": user.username,
            "is_superuser": "on",
            "groups": [g.pk for g in Group.objects.all()],
        },
    )
    user.refresh_from_db()
    assert not user.is_superuser and user.groups.count() == 1
    assert client.get("/admin/groups/").status_code != 200


def test_the_last_owner_approval_needs_no_publish_permission_of_its_own(people):
    # Approvers publish only through the joint approval (approval.workflow_actions).
    approver = people["approver"]
    assert not approver.has_perm("dialogue.publish_jointmessage")
    assert roles.ROLES[roles.EDITORS] and ("dialogue", "publish_jointmessage") not in roles.APPROVER
