"""Print in the admin: the print page with preflight, downloads, the print preview, and the
glyph check when text is saved."""

import base64
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from dialogue.models import DialogueCard
from print import preflight
from tests import builders
from typeset import fonts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CARD = "foraldraledig-och-pa-vag"


def test_print_page_shows_preflight_per_language_and_downloads(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    body = admin_client.get(f"/admin/print/card/{card.pk}/").content.decode()
    assert "Klar att skriva ut" in body  # the admin speaks Swedish
    assert "inte fullständigt översatt och godkänt" in body  # Pashto and others are incomplete
    assert f"/admin/print/card/{card.pk}/ar/card/office.pdf" in body
    assert f"/admin/print/card/{card.pk}/ps/card/office.pdf" not in body


def test_admin_download_is_a_pdf_attachment(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    response = admin_client.get(f"/admin/print/card/{card.pk}/ti/card-4up/office.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")


def test_admin_download_of_an_unprintable_language_explains_why(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    response = admin_client.get(f"/admin/print/card/{card.pk}/ps/card/office.pdf", follow=True)
    assert "inte fullständigt översatt" in response.content.decode()


def test_print_pages_need_permission(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="pw")
    client.force_login(user)
    card = DialogueCard.objects.get(slug=CARD)
    assert client.get(f"/admin/print/card/{card.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/print/card/{card.pk}/ar/card/office.pdf").status_code in (302, 403)


def test_listing_offers_print(admin_client):
    body = admin_client.get("/admin/snippets/dialogue/dialoguecard/").content.decode()
    assert re.search(r"/admin/print/card/\d+/", body)


def test_print_preview_shows_the_edited_card_beside_its_preflight(rf, admin_user):
    card = DialogueCard.objects.get(slug=CARD)
    labels = {mode: str(label) for mode, label in card.preview_modes}
    assert "print:ar" in labels and "print:ps" not in labels  # Pashto cannot be printed
    assert "العربية" in labels["print:ar"]  # the print preview, named in the language's script
    card.title_ar = "عنوان المسودة"
    request = rf.get("/")
    request.user = admin_user
    body = card.serve_preview(request, "print:ar").content.decode()
    encoded = re.search(r"data:application/pdf;base64,([A-Za-z0-9+/=]+)", body).group(1)
    assert base64.b64decode(encoded).startswith(b"%PDF")


def test_preflight_names_the_problems():
    card = DialogueCard.objects.get(slug=CARD)
    assert preflight.card(card, "ar") == []
    problems = preflight.card(card, "ps")
    assert problems[0].level == "error"
    assert "inte fullständigt översatt och godkänt" in problems[0].message
    message = card.key_messages()[0]
    builders.translate(message, "so", body=("Qoraal aad u dheer. " * 40).strip())
    card = DialogueCard.objects.get(slug=CARD)
    assert any("får inte plats på ett kort" in p.message for p in preflight.card(card, "so"))


def test_text_without_glyphs_is_refused_when_saved_naming_the_characters():
    message = builders.joint_message(translations=builders.samples(["headline", "body"], ["ti"]))
    message.full_clean()  # as built: nothing to refuse
    message.body_ti = "ሓገዝ 🙂"
    with pytest.raises(ValidationError) as error:
        message.full_clean()
    assert "🙂 (U+1F642)" in str(error.value)
    message.headline_sv = "Barnbidrag ☃"
    with pytest.raises(ValidationError) as error:
        message.full_clean()
    assert "headline_sv" in error.value.message_dict


def test_admin_form_refuses_unprintable_swedish_and_saves_nothing(admin_client):
    card = DialogueCard.objects.get(slug=CARD)
    url = f"/admin/snippets/dialogue/dialoguecard/edit/{card.pk}/"
    page = admin_client.get(url).content.decode()
    data = {
        name: value
        for name, value in re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', page)
        if not name.startswith("csrf")
    }
    data.update(
        {
            "title_sv": "Kort 🙂",
            "prompts": card.prompts,
            "life_event": card.life_event_id,
            "pictogram": card.pictogram,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert "U+1F642" in response.content.decode()
    card.refresh_from_db()
    assert "🙂" not in card.title_sv
    assert card.latest_revision.content["title_sv"] != "Kort 🙂"


def test_missing_fonts_fail_the_start_up_check(settings, tmp_path):
    settings.PRINT_FONT_DIRS = [str(tmp_path)]
    fonts.face.cache_clear()
    try:
        with pytest.raises(SystemCheckError, match="NotoSansEthiopic"):
            call_command("check")
    finally:
        settings.PRINT_FONT_DIRS = ["/usr/share/fonts/truetype/noto"]
        fonts.face.cache_clear()
