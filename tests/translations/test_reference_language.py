"""A second reference language beside the Swedish: Persian for a Dari translator by default,
any other language through the chooser, and only approved texts."""

import pytest

from cms import roles
from tests import builders
from translations import status as ts

pytestmark = pytest.mark.django_db

PERSIAN = "می‌توانید کمک هزینه فرزند بگیرید."
ARABIC = "يمكنكِ الحصول على إعانة الأطفال."


@pytest.fixture
def message():
    return builders.joint_message(
        headline="Du kan få barnbidrag.",
        body="Barnbidrag är pengar varje månad.",
        translations={"fa": {"headline": PERSIAN}, "ar": {"headline": ARABIC}},
    )


@pytest.fixture
def dari_translator(client, django_user_model):
    user = django_user_model.objects.create_user("zarghona", password="pw")
    user.groups.add(roles.language_group("Översättare dari", ["fa-af"]))
    client.force_login(user)
    return client


def url(message, code, query=""):
    return f"/admin/translate/jointmessage/{message.pk}/{code}/{query}"


def test_a_dari_translator_reads_the_approved_persian_beside_the_swedish(dari_translator, message):
    page = dari_translator.get(url(message, "fa-af")).content.decode()
    assert f'<div lang="fa" dir="rtl">{PERSIAN}</div>' in page
    assert '<option value="fa" selected>' in page
    assert ARABIC not in page


def test_the_chooser_shows_another_language_or_none(dari_translator, message):
    page = dari_translator.get(url(message, "fa-af", "?ref=ar")).content.decode()
    assert f'<div lang="ar" dir="rtl">{ARABIC}</div>' in page and PERSIAN not in page
    page = dari_translator.get(url(message, "fa-af", "?ref=")).content.decode()
    assert PERSIAN not in page and ARABIC not in page and 'class="reference-text"' not in page
    page = dari_translator.get(url(message, "fa-af", "?ref=sv")).content.decode()
    assert PERSIAN in page  # the source is no reference: back to the default


def test_an_unreviewed_reference_text_is_not_shown(dari_translator, message):
    ts.record(message, "headline", "fa")  # made again, not yet approved
    page = dari_translator.get(url(message, "fa-af")).content.decode()
    assert PERSIAN not in page
    assert "Ingen godkänd text på det här språket." in page


def test_saving_keeps_the_chosen_reference(dari_translator, message):
    field = f"jointmessage/{message.pk}/headline"
    form = {field: "متن دری", "next": "0"}
    response = dari_translator.post(url(message, "fa-af", "?ref=ar"), form)
    assert response.status_code == 302 and response.url.endswith("?ref=ar")


def test_a_somali_editor_has_no_reference_by_default(admin_client, message):
    page = admin_client.get(url(message, "so")).content.decode()
    assert 'class="reference-text"' not in page and 'id="ref-select"' in page
