"""A translator imports an exchange file in a real browser: from her work list she opens the
import page, uploads the XLIFF file her CAT tool gave back, and sees the report of the check
(what would change, old text beside new) before anything is written."""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

NEW = "ምዝገባ ህዝቢ · ሓድሽ"


def _log_in_as_translator(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "oversattare-ti")
    page.fill("#id_password", "jobba-oversattare-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def _returned_file(page, site) -> tuple[bytes, str]:
    """The Tigrinya file as her CAT tool gives it back: a life event's title translated anew."""
    exported = page.request.get(f"{site.url}/admin/translations/ti/export.xliff?all=1")
    assert exported.ok
    xml = exported.body().decode()
    unit = re.search(
        r'<trans-unit id="(lifeevent/\d+/title)".*?<target[^>]*>(.*?)</target>', xml, re.S
    )
    assert unit, "no life event title in the export"
    start, end = unit.span(2)
    return (xml[:start] + NEW + xml[end:]).encode(), unit.group(2)


def test_a_translator_uploads_a_file_and_sees_what_would_change(page, site):
    _log_in_as_translator(page, site)
    data, before = _returned_file(page, site)
    page.goto(f"{site.url}/admin/translations/ti/")
    page.get_by_role("link", name="Importera en fil").click()
    page.wait_for_url("**/admin/translations/ti/import/")

    upload = {"name": "ti.xlf", "mimeType": "application/x-xliff+xml", "buffer": data}
    page.set_input_files("#id_file", files=[upload])
    # The whole language is a large file: a task checks it, at once with the immediate backend.
    with page.expect_navigation(timeout=180_000):
        page.get_by_role("button", name="Kontrollera filen").click()

    screenshot(page, "translation-import-report")
    status = page.locator("#import-report").inner_text()
    assert "Filen är giltig. Inget har skrivits ännu." in status
    assert "1 text skulle ändras." in status
    row = page.locator("#import-changes tbody tr")
    assert row.count() == 1
    assert row.locator(".old-text").inner_text().strip() == before
    assert row.locator(".new-text").inner_text().strip() == NEW
    assert row.locator(".new-text div").get_attribute("lang") == "ti"
    assert page.get_by_role("button", name="Importera nu").is_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 0  # checked in the request
    screenshot(page, "translation-import-report")
