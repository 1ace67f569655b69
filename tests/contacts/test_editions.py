"""One change reaches every card, QR page and pack: an approved change of a contact gives every
message showing it, and every card carrying those, new editions in every language they are
served in. A change still waiting for approval reaches none of them."""

import pytest

from contacts import approval
from contacts.models import ContactPhone
from dialogue.models import DialogueCard, JointMessage
from editions import record, signals
from editions.models import Edition
from editions.projection import message_text
from tests.admin_forms import form_data
from tests.contacts.conftest import approve_url, edit_url, fresh

pytestmark = pytest.mark.django_db

NEW = "0771-524 600"


def served(obj, lang):
    return Edition.objects.of(obj).served().get(language=lang)


@pytest.fixture
def barnbidrag():
    return JointMessage.objects.get(slug="barnbidrag")


@pytest.fixture
def made():
    """The editions announced to print (which rebuilds packs from them)."""
    seen = []

    def receiver(sender, editions, **kwargs):
        seen.extend(editions)

    signals.made.connect(receiver, dispatch_uid="test-contacts-made")
    yield seen
    signals.made.disconnect(dispatch_uid="test-contacts-made")


def test_an_approved_number_reaches_every_language_and_card(
    client, contact, people, barnbidrag, made
):
    card = DialogueCard.objects.public().filter(card_messages__message=barnbidrag).first()
    assert card is not None
    before = {lang: served(barnbidrag, lang) for lang in ("sv", "ar", "ti")}
    card_before = served(card, "ar")
    assert before["sv"].texts["where_to_turn"] == ""  # the demo's number is the contact's
    assert message_text(before["ar"].texts).contact.phones == ("0771-524 524",)

    client.force_login(people["redaktor"])
    data = form_data(client.get(edit_url(contact)).content.decode())
    data["phones-0-number"] = [NEW]
    assert client.post(edit_url(contact), data).status_code == 302
    # Waiting for approval: what is served has not moved.
    assert {lang: served(barnbidrag, lang) for lang in before} == before
    assert not made

    client.force_login(people["fk"])
    assert client.post(approve_url(contact)).status_code == 302

    for lang, old in before.items():
        now = served(barnbidrag, lang)
        assert now.pk != old.pk and now.version != old.version
        assert now.texts["contact"]["phones"] == [NEW]
        assert message_text(now.texts).contact.line_for("ar") == "0771-524 500"
        # Only the contact changed: the texts the translators wrote are as they were.
        assert now.texts["headline"] == old.texts["headline"]
    card_now = served(card, "ar")
    assert card_now.pk != card_before.pk
    shown = [m for m in card_now.texts["messages"] if m["slug"] == "barnbidrag"]
    assert shown[0]["contact"]["phones"] == [NEW]
    # Every other message showing the contact too, and print is told of them all.
    other = JointMessage.objects.get(slug="dela-foraldrapenningen")
    assert served(other, "sv").texts["contact"]["phones"] == [NEW]
    assert {e.pk for e in made} >= {served(barnbidrag, "sv").pk, card_now.pk}


def test_a_change_waiting_for_approval_never_reaches_an_edition(contact, people, barnbidrag):
    """Even when the message is recorded anew meanwhile (a publication, a translation approved),
    its editions hold the contact as last approved."""
    ContactPhone.objects.filter(contact=contact).update(number=NEW)
    approval.edited(fresh(contact), people["redaktor"])
    Edition.objects.of(barnbidrag).filter(language="ar").delete()  # recorded again below
    record.refresh_with_carriers(barnbidrag, ["ar"])
    assert served(barnbidrag, "ar").texts["contact"]["phones"] == ["0771-524 524"]
    assert served(barnbidrag, "sv").texts["contact"]["phones"] == ["0771-524 524"]


def test_a_message_without_a_contact_keeps_its_editions_as_they_were():
    """Editions made before contacts existed hold no "contact": their versions do not move."""
    message = JointMessage.objects.get(slug="sfi-gratis")
    assert message.contact_id is None
    edition = served(message, "sv")
    assert "contact" not in edition.texts
    assert record.refresh(message) == []
    assert message_text(edition.texts).contact is None
