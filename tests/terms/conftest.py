"""The demo's termbase (ops/demo/terms.py, loaded with the demo): approved terms with their
Arabic and Tigrinya, personnummer, sfi and Arbetsförmedlingen kept in Swedish."""

import pytest

from cms import roles
from dialogue.models import Agency
from terms.models import Term


@pytest.fixture
def term():
    """folkbokföring, owned by Skatteverket: ar التسجيل في السجل السكاني, ti ምዝገባ ህዝቢ."""
    return Term.objects.prefetch_related("translations").get(term="folkbokföring")


@pytest.fixture
def people(django_user_model):
    """A writer of the communication group, an approver of Skatteverket (the term's owner) and
    one of Försäkringskassan."""
    from django.contrib.auth.models import Group

    found = {}
    for name, group in (
        ("redaktor", Group.objects.get(name=roles.EDITORS)),
        ("skv", roles.ensure_approver_group(Agency.objects.get(short_name="SKV"))),
        ("fk", roles.ensure_approver_group(Agency.objects.get(short_name="FK"))),
    ):
        found[name] = django_user_model.objects.create_user(f"t-{name}", password="pw")
        found[name].groups.add(group)
    return found
