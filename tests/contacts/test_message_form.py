"""The editor gives a message its agency's contact in the message's admin form; like any change
of content it reaches the public only once published, and then in every language at once."""

import pytest

from contacts.models import Contact
from dialogue.models import JointMessage
from editions.models import Edition
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def served(obj, lang):
    return Edition.objects.of(obj).served().get(language=lang)


def test_the_editor_chooses_the_contact_and_publication_brings_it_to_every_language(client, people):
    message = JointMessage.objects.get(slug="sfi-gratis")  # AF's, its own text, no contact
    af = Contact.objects.get(name="Arbetsförmedlingen")
    before = served(message, "ar")
    url = f"/admin/snippets/dialogue/jointmessage/edit/{message.pk}/"

    client.force_login(people["redaktor"])
    page = client.get(url).content.decode()
    assert 'name="contact"' in page  # the chooser, under "where to turn"
    data = form_data(page)
    data["contact"] = [str(af.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    message.refresh_from_db()
    draft = message.get_latest_revision_as_object()
    assert draft.contact_id == af.pk and message.contact_id is None  # a draft, not live
    assert served(message, "ar") == before

    message.get_latest_revision().publish()  # as the joint approval's last approval does
    for lang in ("sv", "ar"):
        assert served(message, lang).texts["contact"]["phones"] == ["0771-416 416"]
    assert served(message, "ar").texts["where_to_turn"] == before.texts["where_to_turn"]
