"""[G] 4 in a real browser: the demo's Tigrinya translator opens a message in the side-by-side
editor, types its "where to turn" with a wrong phone number and saves; the text is saved and
the editor names the number that differs from the Swedish, in Swedish, under that text."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MESSAGE = "Din egen inkomst ger dig din egen pension"  # its own text names a number
WRONG = "ስልኪ Pensionsmyndigheten: 0771-767 776።"  # the Swedish says 0771-776 776


def _log_in_as_translator(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "oversattare-ti")
    page.fill("#id_password", "jobba-oversattare-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def _open_in_the_editor(page, site):
    """From the message list, as she finds it: the message's Translate button, then Tigrinya."""
    page.goto(f"{site.url}/admin/snippets/dialogue/jointmessage/")
    row = page.locator("tr", has_text=MESSAGE).first
    row.locator("button.w-dropdown__toggle").click()  # the row's "more" menu
    page.locator("a[href*='/admin/translate/jointmessage/']").first.click()
    page.locator("a[href$='/ti/']").first.click()
    page.wait_for_url("**/ti/")


def test_a_wrong_phone_number_is_saved_and_named_in_swedish(page, site):
    _log_in_as_translator(page, site)
    _open_in_the_editor(page, site)
    where = page.locator("textarea[name$='/where_to_turn']")
    assert "0771-776 776" in page.locator(".source", has_text="0771-776 776").first.inner_text()
    assert page.locator(".quality-warning").count() == 0  # the demo's Tigrinya is right

    where.fill(WRONG)
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_load_state("networkidle")

    assert page.locator("textarea[name$='/where_to_turn']").input_value() == WRONG  # saved
    warnings = page.locator(".quality-warning[data-kind='phone']")
    assert warnings.count() == 2
    lacking, extra = warnings.nth(0).inner_text(), warnings.nth(1).inner_text()
    assert lacking == "Telefonnummer i svenskan som översättningen saknar: 0771-776 776"
    assert extra == "Telefonnummer i översättningen som inte finns i svenskan: 0771-767 776"
    # Beside the text she typed, before the next unit's label.
    beside = page.locator("textarea[name$='/where_to_turn'] ~ .quality-warning")
    assert beside.count() == 2
    warnings.last.scroll_into_view_if_needed()
    screenshot(page, "translation-editor-number-warning")
