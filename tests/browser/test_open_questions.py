"""[G] Open questions in a real browser: the demo's Tigrinya translator asks about the Swedish
of a message in the side-by-side editor, finds her question under Reports → Open questions,
and its link brings her back to the editor at that unit. The communication group's editor, who
cannot open the editor, follows the report's link to the question's answer page, answers and
marks it resolved; the translator reads the answer in the editor."""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MESSAGE = "Skriv in dig på Arbetsförmedlingen tidigt"
QUESTION = "Menar ni Arbetsförmedlingens kontor eller webbplats här?"
ANSWER = "Webbplatsen: man skriver in sig på arbetsformedlingen.se."


def _log_in(page, site, username, password):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def test_a_question_is_listed_opens_the_editor_and_the_communication_group_answers_it(
    page, site, browser
):
    _log_in(page, site, "oversattare-ti", "jobba-oversattare-demo")

    # Ask in the editor, as she opens it from the message list, under the first unit.
    page.goto(f"{site.url}/admin/snippets/dialogue/jointmessage/")
    row = page.locator("tr", has_text=MESSAGE).first
    row.locator("button.w-dropdown__toggle").click()  # the row's "more" menu
    page.locator("a[href*='/admin/translate/jointmessage/']").first.click()
    page.locator("a[href$='/ti/']").first.click()
    page.wait_for_url("**/ti/")
    editor_path = page.url.split(site.url, 1)[1]
    box = page.locator("details.unit-comments").first
    box.locator("summary").click()
    box.locator("textarea").fill(QUESTION)
    box.get_by_role("button", name="Fråga om svenskan").click()
    page.wait_for_load_state("networkidle")

    page.goto(f"{site.url}/admin/translations/open-questions/")
    row = page.locator("tbody tr", has_text=QUESTION)
    assert row.count() == 1
    assert "Tigrinja" in row.inner_text()
    screenshot(page, "open-questions-report")

    row.locator("a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split(site.url, 1)[1].startswith(editor_path + "#unit-jointmessage-")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1 and target.is_visible()
    assert QUESTION in page.content()

    # The communication group's editor answers on the page the report links her to.
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(editor, site, "redaktor", "jobba-redaktor-demo")
    editor.goto(f"{site.url}/admin/translations/open-questions/")
    editor.locator("tbody tr", has_text=QUESTION).locator("a").first.click()
    editor.wait_for_url(re.compile(r".*/admin/translations/open-questions/\d+/answer/$"))
    assert editor.locator("#answer-source").inner_text().strip()  # the Swedish beside it
    assert QUESTION in editor.locator("#answer-thread").inner_text()
    assert editor.get_by_label("Markera frågan som löst").is_checked()
    editor.get_by_label("Svar").fill(ANSWER)
    screenshot(editor, "open-questions-answer")
    editor.get_by_role("button", name="Skicka svaret").click()
    editor.wait_for_url(f"{site.url}/admin/translations/open-questions/")
    sent = editor.locator(".messages").inner_text()
    assert "Svaret är skickat och frågan markerad som löst." in sent
    assert editor.locator("tbody tr", has_text=QUESTION).count() == 0
    editor.context.close()

    page.goto(f"{site.url}{editor_path}")
    assert ANSWER in page.content()
