import re

import pytest

from dialogue.models import DialogueCard

pytestmark = pytest.mark.django_db


def test_admin_speaks_swedish_by_default_with_one_menu(admin_client):
    body = admin_client.get("/admin/").content.decode()
    assert '<html lang="sv"' in body
    assert "Jobba i Sverige" in body
    assert "Dialogkort" in body
    assert '"name": "explorer"' not in body  # the unused page tree is hidden
    assert '"name": "jobba-i-sverige"' in body


def test_admin_speaks_swedish_even_to_a_profile_that_asks_for_english(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    body = admin_client.get("/admin/snippets/dialogue/dialoguecard/").content.decode()
    assert "Dialogkort" in body
    assert "Dialogue cards" not in body


def test_card_edit_form_shows_the_swedish_source_not_every_language(admin_client):
    card = DialogueCard.objects.get(slug="personnummer")
    response = admin_client.get(f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="title_sv"' in body
    assert not re.search(r'name="title_(ar|ti|en|fa)"', body)
    assert card.code in body  # the permanent QR code is shown, read-only
    assert 'name="code"' not in body


@pytest.mark.parametrize(
    "model", ["dialoguecard", "jointmessage", "lifeevent", "audience", "agency"]
)
def test_every_listing_opens(admin_client, model):
    assert admin_client.get(f"/admin/snippets/dialogue/{model}/").status_code == 200


def test_card_listing_shows_translation_coverage(admin_client):
    body = admin_client.get("/admin/snippets/dialogue/dialoguecard/").content.decode()
    assert re.search(r"\b\d+ / 20\b", body)


def test_preview_renders_the_card_in_the_chosen_language(rf, admin_user):
    card = DialogueCard.objects.get(slug="personnummer")
    request = rf.get("/admin/preview/")
    request.user = admin_user
    body = card.serve_preview(request, "ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert card.title_ar in body
    assert card.key_messages()[0].headline_ar in body
    assert "Samtalsfrågor" in body  # the staff side stays Swedish


def test_preview_modes_are_the_enabled_languages():
    card = DialogueCard.objects.get(slug="personnummer")
    assert [mode for mode, _label in card.preview_modes][:3] == ["sv", "sv-ls", "en"]
