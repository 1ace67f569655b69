"""[G] 3 in a real browser: the editor changes Migrationsverket's opening hours in the admin;
the contact waits for approval and the editor has no way to approve it; Migrationsverket's
approver finds it in the list, reads the change beside what is approved now and approves it."""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

LIST = "/admin/snippets/contacts/contact/"
NAME = "Migrationsverket"


def _log_in(page, site, username, password):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def _row(page):
    return page.locator("tbody tr", has_text=NAME).first


def test_an_approver_of_the_agency_approves_a_changed_contact(browser, site):
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(editor, site, "redaktor", "jobba-redaktor-demo")
    editor.goto(f"{site.url}{LIST}")
    _row(editor).get_by_role("link", name=NAME).click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/$"))
    closes = editor.locator("#id_opening_hours-0-closes")
    closes.fill("15:30")
    editor.get_by_role("button", name="Spara", exact=True).first.click()
    editor.wait_for_url(f"{site.url}{LIST}")
    assert "väntar på godkännande" in _row(editor).inner_text()
    _row(editor).locator("button.w-dropdown__toggle").click()
    assert editor.locator("a[href*='/admin/contacts/']").count() == 0  # not hers to approve
    editor.context.close()

    approver = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(approver, site, "godkannare-mv", "jobba-godkannare-demo")
    approver.goto(f"{site.url}{LIST}")
    _row(approver).locator("button.w-dropdown__toggle").click()
    approver.get_by_role("link", name="Godkänn").click()
    approver.wait_for_url(re.compile(r".*/admin/contacts/\d+/approve/.*"))
    hours = approver.locator("tr", has_text="15:30").inner_text()
    assert "15:30" in hours and "15:00" in hours  # to approve, beside approved now
    screenshot(approver, "admin-contact-approve")
    approver.get_by_role("button", name="Godkänn").click()
    approver.wait_for_url(f"{site.url}{LIST}")
    assert "Kontakten är godkänd." in approver.locator(".messages").inner_text()
    assert "godkänd" in _row(approver).inner_text()
    assert "väntar" not in _row(approver).inner_text()
    approver.context.close()
