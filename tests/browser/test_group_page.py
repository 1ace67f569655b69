"""The group edit page and the forms naming a group or a slug, as an administrator reads them in
a real browser: Swedish permission names and labels, no English left by Django or Wagtail.

The demo site, Chromium and the page come from this folder's conftest.
"""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

# What Django and Wagtail would say in English here.
ENGLISH = re.compile(
    r"\b(Can (add|change|delete|view|lock|unlock|publish|access|choose)|Group|Slug"
    r"|Delete pages|Publish any|Unlock any)\b"
)


def _log_in_as_administrator(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "administrator")
    page.fill("#id_password", "jobba-administrator-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")


def _read(page) -> str:
    """The text of the page's main part, screen-reader labels included."""
    page.wait_for_load_state("networkidle")
    return page.inner_text("main")


def test_group_edit_page_names_every_permission_in_swedish(page, site):
    _log_in_as_administrator(page, site)
    page.goto(f"{site.url}/admin/groups/")
    page.get_by_role("link", name="Redaktörer", exact=True).first.click()
    page.wait_for_url(re.compile(r"/admin/groups/edit/\d+/$"))
    text = _read(page)
    screenshot(page, "admin-group-edit")
    assert "Objekträttigheter" in text
    assert "Kan lägga till dialogkort" in text and "Kan ändra gemensamt budskap" in text
    custom = page.locator("#object-permissions-content").get_by_text("Kan låsa upp", exact=True)
    assert custom.count() >= 3  # the card's, the message's and the life event's own column
    assert ENGLISH.findall(text) == []


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/admin/snippets/translations/grouplanguages/add/", "Grupp"),
        ("/admin/snippets/dialogue/dialoguecard/add/", "Adressnamn"),
    ],
)
def test_group_and_slug_are_labelled_in_swedish(page, site, path, label):
    _log_in_as_administrator(page, site)
    page.goto(f"{site.url}{path}")
    text = _read(page)
    screenshot(page, f"admin-label-{label.lower()}")
    assert page.locator("label", has_text=label).count() >= 1
    assert ENGLISH.findall(text) == []
