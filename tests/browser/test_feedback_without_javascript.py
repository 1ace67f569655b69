"""The comprehension question under a card works as a plain form on a phone with JavaScript off,
and what she answered reaches the follow-up report (as a count, never as a person)."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()


def test_an_answer_sent_without_javascript_is_thanked_in_her_language(
    phone_without_javascript, site
):
    page = phone_without_javascript
    page.goto(f"{site.url}/q/{site.card}/ar/")
    # The page's own scripts did not run: its service worker was never registered.
    assert page.context.service_workers == []

    page.click("form.feedback button[value=unclear]")

    assert page.url == f"{site.url}/q/{site.card}/ar/feedback/"
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    thanks = page.locator(".feedback-thanks")
    assert thanks.get_attribute("data-answer") == "unclear"
    heading = page.locator("h1").inner_text()
    assert heading.strip() and "Thank you" not in heading  # her language, not English
    screenshot(page, "feedback-thanks-ar-no-js")

    page.click("a.standalone")
    assert page.url == f"{site.url}/q/{site.card}/ar/"


def test_the_unclear_answer_shows_in_the_follow_up_report(browser, phone_without_javascript, site):
    phone_without_javascript.goto(f"{site.url}/q/{site.card}/ti/")
    phone_without_javascript.click("form.feedback button[value=unclear]")
    assert phone_without_javascript.locator(".feedback-thanks").count() == 1

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = context.new_page()
    staff.goto(f"{site.url}/admin/login/")
    staff.fill("#id_username", "uppfoljning")
    staff.fill("#id_password", "jobba-uppfoljning-demo")
    staff.click("button[type=submit]")
    staff.goto(f"{site.url}/admin/follow-up/")
    unclear = staff.locator(f"a[href='/q/{site.card}/ti/']")
    assert unclear.count() >= 1, "the card in Tigrinya is not among the cards most often unclear"
    context.close()
