"""The station and /material/ in a real browser ([J] 8): Enter in the language filter chooses the
one language left; the PDF opens beside the station, which stays ready for the next woman; a pack
without a language comes back with the message beside its languages; no axe violation in those
answers."""

import pytest

from tests.browser.conftest import log_in_at_the_station, screenshot
from tests.browser.test_axe import violations

pytestmark = pytest.mark.browser

VISIBLE_CHOICES = "label.language-choice:visible"


def chosen(page) -> list[str]:
    return page.eval_on_selector_all(
        "input[name=lang]:checked", "inputs => inputs.map(input => input.value)"
    )


def test_enter_in_the_filter_chooses_the_only_language_left(page, site):
    log_in_at_the_station(page, site)
    box = page.locator("#language-filter")
    box.fill("a")  # many languages match: Enter chooses none and sends nothing
    assert page.locator(VISIBLE_CHOICES).count() > 1
    box.press("Enter")
    assert chosen(page) == []
    assert page.url == f"{site.url}/print/"
    box.fill("tigr")
    assert page.locator(VISIBLE_CHOICES).count() == 1
    box.press("Enter")
    assert chosen(page) == ["ti"]
    assert page.evaluate("() => document.activeElement.value") == "ti"  # the focus went to it
    assert page.url == f"{site.url}/print/"  # chosen, not sent
    screenshot(page, "print-station-filter-enter")
    # Enter again, now on the chosen language, sends the form: the PDF opens beside.
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    pdf = opened.value
    pdf.wait_for_load_state()
    assert "lang=ti" in pdf.url and "/print/pdf/" in pdf.url
    assert page.url == f"{site.url}/print/"


def test_the_pdf_opens_in_a_new_tab_and_the_station_stays(page, site):
    log_in_at_the_station(page, site)
    button = page.locator("form.station-form button.print-button")
    assert "(öppnas i en ny flik)" in button.inner_text()
    page.click("label.language-choice:has(input[value=ar])")
    with (
        page.context.expect_page() as opened,
        page.context.expect_event(
            "response", lambda response: "/print/pdf/" in response.url
        ) as answered,
    ):
        button.click()
    pdf = opened.value
    assert pdf is not page
    response = answered.value
    assert response.frame.page == pdf  # the PDF came in the new tab
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline;")
    assert pdf.evaluate("() => window.opener") is None  # noopener
    # The station is still there, as it was, ready for the next woman.
    assert page.url == f"{site.url}/print/"
    assert chosen(page) == ["ar"]
    page.fill("#language-filter", "soom")
    assert page.locator(VISIBLE_CHOICES).count() == 1
    assert len(page.context.pages) == 2


def test_a_language_with_nothing_to_print_is_answered_in_the_station_s_own_tab(page, site):
    log_in_at_the_station(page, site)
    pashto = page.locator("label.language-choice:has(input[value=ps])")
    assert "inte klart för utskrift" in pashto.inner_text()
    pashto.click()
    button = page.locator("form.station-form button.print-button")
    assert "(öppnas i en ny flik)" not in button.inner_text()  # it will not: nothing to open
    with page.expect_navigation():
        button.click()
    assert len(page.context.pages) == 1
    answer = page.locator(".station-answer")
    assert "Inget är översatt till Pashto" in answer.inner_text()
    screenshot(page, "print-station-nothing-in-pashto")
    # Then a language that prints: the PDF opens beside, and the answer about Pashto goes.
    page.click("label.language-choice:has(input[value=ti])")
    assert "(öppnas i en ny flik)" in button.inner_text()
    with page.context.expect_page() as opened:
        button.click()
    opened.value.wait_for_load_state()
    assert "lang=ti" in opened.value.url
    assert answer.is_hidden()


def test_a_pack_without_a_language_comes_back_with_the_message_by_its_languages(page, site):
    page.goto(f"{site.url}/material/")
    section = page.locator("section.audience").filter(has=page.locator("#audience-servicekontor"))
    section.locator("input[name=finish][value=print-shop]").check()
    with page.expect_navigation():
        section.locator("button[type=submit]").click()  # no language ticked
    assert "/material/servicekontor/pack.zip" in page.url
    assert page.title().startswith("Fel:")
    error = page.locator("#error-servicekontor")
    assert error.inner_text() == "Välj minst ett språk till paketet."
    fieldset = page.locator("fieldset[aria-describedby=error-servicekontor]")
    assert fieldset.locator("#error-servicekontor").count() == 1
    # The focus is on her first language, inside the fieldset the message describes.
    focused = page.evaluate("() => document.activeElement.id")
    assert focused.startswith("lang-servicekontor-")
    assert page.locator(f"#{focused}").evaluate("el => !!el.closest('fieldset')")
    assert page.locator("#finish-servicekontor-print-shop").is_checked()
    screenshot(page, "material-no-language")
    assert violations(page) == []
    # Ticking a language now gets the pack.
    page.keyboard.press("Space")
    with page.expect_download() as download:
        section.locator("button[type=submit]").click()
    assert download.value.suggested_filename.endswith("_tryckeri.zip")


def test_the_station_s_answers_have_no_axe_violations(page, site):
    log_in_at_the_station(page, site)
    page.goto(f"{site.url}/print/pdf/?lang=ps&event=sfi&layout=cards")
    assert page.locator(".station-answer").is_visible()
    assert violations(page) == []
