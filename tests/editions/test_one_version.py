"""One version name ([E] 7): the edition's short version is what the card prints, what its QR
code's `v=` carries, what the pack's README and manifest list and what /material/ shows."""

import io
import json
import zipfile

import pytest

from print import content, packs, service
from tests import builders, pdf_tools

pytestmark = pytest.mark.django_db


def test_the_printed_card_its_qr_code_the_pack_and_the_material_page_say_one_version(client):
    card = builders.card_with_message(["ar"])
    audience = builders.audience([card], name="Versionspartner")
    version = content.card_content(card, "ar").version
    assert len(version) == 7

    pdf = service.piece_pdf(card.slug, "ar", "card")
    assert f"v{version}" in pdf_tools.text(pdf)
    assert pdf_tools.qr_codes(pdf) == [f"http://127.0.0.1:8000/q/{card.code}/ar/?v={version}"]

    archive = zipfile.ZipFile(io.BytesIO(packs.pack_zip(audience.slug, ["ar"])))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["editions"]["ar"][card.slug]["version"] == version
    assert f"v{version}" in archive.read("README.txt").decode()

    page = client.get("/material/").content.decode()
    assert f"<code>v{version}</code>" in page
