import io
import zipfile

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]


def test_material_page_offers_only_complete_languages(client):
    body = client.get("/material/").content.decode()
    assert '<html lang="sv" dir="ltr">' in body
    assert 'value="ar"' in body and 'value="ti"' in body
    assert 'value="ps"' not in body  # not complete for any audience


def test_pack_download_is_a_zip_attachment(client):
    response = client.get("/material/servicekontor/pack.zip?lang=so&lang=uk&finish=office")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="jobba-i-sverige_servicekontor_so-uk.zip"' in response["Content-Disposition"]
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


@pytest.mark.parametrize(
    "query",
    ["lang=ps", "lang=xx", "", "lang=ar&finish=glossy", "lang=../../etc/passwd"],
)
def test_bad_pack_requests_get_a_clear_400(client, query):
    response = client.get(f"/material/servicekontor/pack.zip?{query}")
    assert response.status_code == 400
    assert 'class="missing"' in response.content.decode()


def test_unknown_audience_is_a_404(client):
    assert client.get("/material/finns-inte/pack.zip?lang=ar").status_code == 404
