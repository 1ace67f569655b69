"""[G] 1 in a real browser: the demo's Tigrinya translator opens a message in the side-by-side
editor; the termbase's approved terms stand marked in the Swedish, each naming its approved
Tigrinya (or that it stays in Swedish), and are listed beside the text."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MESSAGE = "Varje myndighet ansvarar för sin del."  # names folkbokföring, föräldrapenning, sfi


def test_the_terms_of_a_text_are_marked_with_their_tigrinya(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "oversattare-ti")
    page.fill("#id_password", "jobba-oversattare-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    page.goto(f"{site.url}/admin/snippets/dialogue/jointmessage/")
    row = page.locator("tr", has_text=MESSAGE).first
    row.locator("button.w-dropdown__toggle").click()
    page.locator("a[href*='/admin/translate/jointmessage/']").first.click()
    page.locator("a[href$='/ti/']").first.click()
    page.wait_for_url("**/ti/")

    mark = page.locator(".source mark.term[data-term='folkbokföring']").first
    assert mark.is_visible()
    assert mark.inner_text() == "folkbokföring"
    assert mark.get_attribute("title") == "folkbokföring → ምዝገባ ህዝቢ"
    # Marked so that it shows: not the page's plain background.
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(227, 236, 255)"
    kept = page.locator(".source mark.term[data-term='sfi']").first
    assert kept.is_visible() and "→" not in kept.get_attribute("title")

    listed = page.locator(".source .unit-terms", has_text="folkbokföring").first
    assert listed.is_visible()
    assert listed.locator("span[lang='ti']", has_text="ምዝገባ ህዝቢ").is_visible()
    assert listed.locator("span[lang='ti']", has_text="ገንዘብ ወለዲ").is_visible()

    mark.hover()
    mark.scroll_into_view_if_needed()
    screenshot(page, "translation-editor-term-highlight")
