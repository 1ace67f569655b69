"""The side-by-side editor: source beside target, diff of the Swedish, per-language rights."""

import re
from html import unescape
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError

from tests import builders
from translations import exchange
from translations import status as ts
from translations.models import GroupLanguages
from translations.status import Status, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    """A message translated into Arabic and Somali, both approved."""
    return builders.joint_message(
        headline="Du kan få barnbidrag.",
        body="Barnbidrag är pengar varje månad för barn under 16 år.",
        translations={
            "ar": {
                "headline": "يمكنكِ الحصول على إعانة الأطفال.",
                "body": "إعانة الأطفال مال كل شهر.",
            },
            "so": {"headline": "Waxaad heli kartaa lacagta carruurta.", "body": "Lacag bil kasta."},
        },
    )


@pytest.fixture
def somali_translator(django_user_model):
    group = Group.objects.create(name="Översättare somaliska")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="translate"),
    )
    GroupLanguages.objects.create(group=group, languages="so")
    user = django_user_model.objects.create_user("hodan", password="pw")
    user.groups.add(group)
    return user


def url(message, code):
    return f"/admin/translate/jointmessage/{message.pk}/{code}/"


def test_arabic_editor_reads_right_to_left_beside_the_swedish(admin_client, message):
    body = admin_client.get(url(message, "ar")).content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert message.headline_sv in body and message.headline_ar in body
    assert re.search(r'<textarea name="jointmessage/\d+/body"[^>]*dir="rtl"', body)


def words(html: str) -> list[str]:
    return unescape(re.sub(r"<[^>]+>", " ", html)).split()


def test_outdated_unit_shows_what_changed_in_the_swedish(admin_client, message):
    old = message.body_sv
    message.body_sv = old.replace("varje månad", "en gång i månaden")
    message.save()
    body = admin_client.get(url(message, "ar")).content.decode()
    (diff,) = re.findall(r"<p>(?:(?!</p>).)*?<del>.*?</p>", body, re.S)  # the one diff shown
    diff = diff[diff.index("<br>") + 4 :] if "<br>" in diff else diff  # after its heading
    # What went is marked deleted, what came inserted, word for word; the rest is as it was.
    deleted = words(" ".join(re.findall(r"<del>(.*?)</del>", diff, re.S)))
    inserted = words(" ".join(re.findall(r"<ins>(.*?)</ins>", diff, re.S)))
    assert (deleted, inserted) == (["varje", "månad"], ["en", "gång", "i", "månaden"])
    assert words(re.sub(r"<del>.*?</del>", "", diff, flags=re.S)) == message.body_sv.split()
    assert words(re.sub(r"<ins>.*?</ins>", "", diff, flags=re.S)) == old.split()


def test_saving_records_translated_and_approving_records_approved(
    admin_client, message, django_user_model
):
    ref = exchange.unit_id(Unit(message, "headline"))
    response = admin_client.post(url(message, "so"), {ref: "Waxaad heli kartaa lacag carruur."})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.headline_so == "Waxaad heli kartaa lacag carruur."
    assert ts.status_of(Unit(message, "headline"), "so") == Status.TRANSLATED
    # Four eyes: another administrator approves what this one wrote.
    admin_client.force_login(django_user_model.objects.create_superuser("admin2", password="pw"))
    admin_client.post(url(message, "so"), {ref: message.headline_so, f"approve:{ref}": "on"})
    assert ts.status_of(Unit(message, "headline"), "so") == Status.APPROVED


def test_unprintable_text_is_refused_and_nothing_is_saved(admin_client, message):
    head = exchange.unit_id(Unit(message, "headline"))
    body = exchange.unit_id(Unit(message, "body"))
    response = admin_client.post(url(message, "so"), {head: "Cusub", body: "Qoraal 🙂"})
    assert response.status_code == 400
    assert "U+1F642" in response.content.decode()
    message.refresh_from_db()
    assert message.headline_so != "Cusub"  # all or nothing


def test_a_somali_translator_cannot_change_arabic(client, somali_translator, message):
    client.force_login(somali_translator)
    assert client.get(url(message, "so")).status_code == 200
    ref = exchange.unit_id(Unit(message, "headline"))
    assert client.post(url(message, "ar"), {ref: "تغيير"}).status_code in (302, 403)
    message.refresh_from_db()
    assert message.headline_ar != "تغيير"
    response = client.get(f"/admin/translate/jointmessage/{message.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert url(message, "so") in page and url(message, "ar") not in page
    assert not re.search(rf"/admin/translate/jointmessage/{message.pk}/(?!so/)[a-z-]+/", page)


def test_a_somali_translator_cannot_import_arabic(somali_translator, message, tmp_path):
    message.body_ar = ""
    message.save()
    path = tmp_path / "ar.xlf"
    call_command("export_translations", "--lang", "ar", "--out", str(path), stdout=StringIO())
    with pytest.raises(CommandError, match="hodan"):
        call_command("import_translations", str(path), "--as", "hodan", stdout=StringIO())
