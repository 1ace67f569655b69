"""Quality warnings in the side-by-side editor: a wrong number is saved, named under its unit
every time the page opens (for the reviewer too), and "Save and next" stays to show it."""

import pytest

from dialogue.models import JointMessage
from tests import builders
from tests.admin_forms import form_data
from tests.translations.test_review_work import editor, page, ref, status, visible
from translations import quality
from translations.status import Status

pytestmark = pytest.mark.django_db

SOMALI = "Wac Arbetsförmedlingen 0771-416 416 haddii aad su'aalo qabtid."
WRONG = "Wac Arbetsförmedlingen 0771-461 416 haddii aad su'aalo qabtid."


@pytest.fixture
def message():
    """A message whose body gives a phone number, not yet in Somali."""
    return builders.joint_message(
        headline="Ring oss.",
        body="Ring Arbetsförmedlingen på 0771-416 416 om du har frågor.",
        translations={},
    )


def save(client, obj, texts, **extra):
    data = form_data(page(client.get(editor(obj))), "translation-form")
    data.update({key: [value] for key, value in {**texts, **extra}.items()})
    return client.post(editor(obj), data)


def warnings_on(html: str) -> list[str]:
    parts = html.split('class="quality-warning"')[1:]
    return [part.split(">", 1)[1].split("</p>")[0] for part in parts]


def test_a_wrong_phone_number_is_saved_and_named_under_its_unit(client, somali, message):
    client.force_login(somali["faadumo"])
    body = ref(message, "body")
    response = save(client, message, {ref(message, "headline"): "Na soo wac.", body: WRONG},
                    next="1")  # fmt: skip
    # Saved, not refused; and "Save and next" stays so that she reads the warning.
    assert response.status_code == 302 and response["Location"] == editor(message)
    assert JointMessage.objects.get(pk=message.pk).body_so == WRONG
    assert status(message, "body") == Status.TRANSLATED
    html = page(client.get(editor(message)))
    assert 'data-kind="phone"' in html
    shown = " ".join(warnings_on(html))
    assert "0771-416 416" in shown and "0771-461 416" in shown
    assert html.count('class="quality-warning"') == 2  # lacking and extra, on the body only


def test_the_same_number_in_another_layout_goes_on_to_the_next_object(client, somali, message):
    client.force_login(somali["faadumo"])
    response = save(client, message, {ref(message, "headline"): "Na soo wac.",
                                      ref(message, "body"): SOMALI}, next="1")  # fmt: skip
    assert response.status_code == 302 and response["Location"] != editor(message)
    assert 'class="quality-warning"' not in page(client.get(editor(message)))


def test_the_reviewer_sees_the_warning_beside_the_box_and_may_still_approve(
    client, somali, message
):
    client.force_login(somali["faadumo"])
    save(client, message, {ref(message, "headline"): "Na soo wac.", ref(message, "body"): WRONG})
    client.force_login(somali["ayaan"])
    html = page(client.get(editor(message)))
    row = html[html.index(f'name="{ref(message, "body")}"') :]
    row = row[: row.index('name="approve:')]
    assert 'data-kind="phone"' in row  # between her text and the box she ticks
    body = ref(message, "body")
    response = save(client, message, {f"approve:{body}": "on"})
    assert response.status_code == 302
    assert status(message, "body") == Status.APPROVED


def test_what_apps_above_check_on_the_saved_object_is_told_after_saving(
    client, somali, message, monkeypatch
):
    monkeypatch.setattr(quality, "_object_checks", [])
    quality.register_object_check(
        lambda obj, lang: [quality.QualityWarning("fit", f"Too long in {lang}: {obj.body_so}")]
    )
    client.force_login(somali["faadumo"])
    response = save(client, message, {ref(message, "body"): SOMALI}, next="1")
    assert response["Location"] == editor(message)  # stays to show it
    assert f"Too long in so: {SOMALI}" in visible(page(client.get(editor(message))))


def test_easy_read_swedish_is_measured_by_lix_and_sentence_length(admin_client):
    hard = (
        "Försäkringskassan administrerar föräldrapenningen, som kompenserar inkomstbortfallet "
        "under föräldraledigheten för förvärvsarbetande vårdnadshavare med folkbokföring och "
        "personnummer i Sverige. "
    ) * 2  # 38 words: enough for LIX to say something
    message = builders.joint_message(
        headline="Föräldrapenning.",
        body="Du kan få pengar.",
        translations={"sv-ls": {"headline": "Pengar.", "body": hard.strip()}},
    )
    html = page(admin_client.get(f"/admin/translate/jointmessage/{message.pk}/sv-ls/"))
    assert 'data-kind="sentence_length"' in html
    assert 'data-kind="lix"' in html
