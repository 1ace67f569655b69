"""Swedish names for the permission rows, which Django, Wagtail and the roles write in English.

A permission's name is data, not a catalogue string: Django stores "Can add dialogue card" in
auth_permission when it creates the row and never looks at it again, and Wagtail's group page
shows that stored name (as the checkbox's label, and as a custom permission with the model's name
cut off). The staff side is Swedish throughout, so after every migrate (cms.apps), once Django,
Wagtail's snippets and the roles have made their rows, each name is set to its Swedish:

- a permission a model declares in Meta.permissions: its declared name in Swedish, from the
  catalogues (ours, Wagtail's), or from CUSTOM for the few that no catalogue holds;
- an action on a model ("add_dialoguecard", a snippet's "lock_jointmessage"): the action's verb
  and the model's Swedish verbose_name, lower case as Django writes it: "Kan lägga till
  dialogkort".

Only names that differ are written, so a second migrate writes nothing. Codenames are never
touched: permissions are looked up by codename, content type and natural key, never by name.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import router
from django.utils import translation

# The verbs of Django's default permissions and of those Wagtail adds to a snippet.
ACTIONS = {
    "add": "Kan lägga till",
    "change": "Kan ändra",
    "delete": "Kan radera",
    "view": "Kan visa",
    "lock": "Kan låsa",
    "unlock": "Kan låsa upp",
    "publish": "Kan publicera",
}
# Permissions declared with an English name that no catalogue translates.
CUSTOM = {
    ("wagtaildocs", "choose_document"): "Kan välja dokument",
    ("wagtailimages", "choose_image"): "Kan välja bild",
    ("terms", "approve_term"): "Kan godkänna termer för sin myndighet",
    ("contacts", "approve_contact"): "Kan godkänna kontakter för sin myndighet",
}
# Models whose verbose_name no catalogue gives in Swedish (Wagtail's internals, taggit, and
# those without a verbose_name of their own). Staff never see them on the group page, but a
# permission name should not be half English.
NOUNS = {
    "contacts.contact": "kontakt",
    "contacts.contactphone": "telefonnummer",
    "contacts.openinghours": "öppettider",
    "contacts.serviceline": "servicenummer på ett språk",
    "django_tasks_database.dbtaskresult": "bakgrundsjobb",
    "notifications.digestsent": "skickad sammanfattning",
    "taggit.tag": "tagg",
    "terms.term": "term",
    "terms.termtranslation": "term på ett språk",
    "taggit.taggeditem": "taggat objekt",
    "wagtailadmin.editingsession": "redigeringssession",
    "wagtailadmin.formstate": "formulärtillstånd",
    "wagtailcore.apitoken": "API-token",
    "wagtailcore.groupsitepermission": "gruppens sajträttighet",
    "wagtailcore.locale": "språkversion",
    "wagtailcore.pagesubscription": "sidprenumeration",
    "wagtailcore.referenceindex": "referensindex",
    "wagtailcore.uploadedfile": "uppladdad fil",
    "wagtailcore.workflowcontenttype": "innehållstyp i arbetsflöde",
    "wagtailimages.rendition": "bildversion",
    "wagtailsearch.indexentry": "indexpost",
    "wagtailsearch.sqliteftsindexentry": "indexpost för SQLite",
}
MAX_LENGTH = Permission._meta.get_field("name").max_length


def noun(model) -> str:
    """The model's Swedish name as a permission names it: lower case, as Django's own."""
    name = NOUNS.get(model._meta.label_lower) or str(model._meta.verbose_name)
    return name if name[:2].isupper() else name[:1].lower() + name[1:]  # "API-token" stays


def swedish_name(permission: Permission) -> str:
    """The Swedish name of a permission; its stored name if nothing here knows better."""
    model = permission.content_type.model_class()
    if model is None:  # a content type whose model is gone
        return permission.name
    declared = dict(model._meta.permissions)
    action, _sep, model_name = permission.codename.partition("_")
    with translation.override("sv"):
        if (model._meta.app_label, permission.codename) in CUSTOM:
            name = CUSTOM[model._meta.app_label, permission.codename]
        elif permission.codename in declared:  # lazy or plain, in Swedish from a catalogue
            name = translation.gettext(str(declared[permission.codename]))
        elif action in ACTIONS and model_name == model._meta.model_name:
            name = f"{ACTIONS[action]} {noun(model)}"
        else:
            name = translation.gettext(permission.name)
    return name[:MAX_LENGTH]


def make_swedish(using: str = "default") -> int:
    """Give every permission its Swedish name; returns how many names were changed."""
    if not router.allow_migrate_model(using, Permission):
        return 0
    changed = []
    for permission in Permission.objects.using(using).select_related("content_type"):
        name = swedish_name(permission)
        if name != permission.name:
            permission.name = name
            changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"], batch_size=500)
    return len(changed)
