"""The cluster's administrator in Debian's chromium (Playwright): what she does in the admin is
done through an app server's real pages and forms, not beside them."""

from __future__ import annotations

from contextlib import contextmanager

from ops.chromium import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def signed_in(base_url: str, username: str, password: str):
    """A browser page signed in to the admin at `base_url`."""
    from playwright.sync_api import sync_playwright  # a dev dependency, as the cluster is

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base_url + "/admin/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", password)
            page.click("button[type=submit]")
            page.wait_for_url(base_url + "/admin/")
            yield page
        finally:
            browser.close()


def publish_card_title(page, base_url: str, card_pk: int, title: str) -> str:
    """Change a card's Swedish title in its edit form and publish it from the footer's menu;
    returns the admin's message after the publish."""
    page.goto(f"{base_url}/admin/snippets/dialogue/dialoguecard/edit/{card_pk}/")
    page.fill("#id_title_sv", title)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"{base_url}/admin/snippets/dialogue/dialoguecard/")
    return " ".join(page.locator(".messages").inner_text().split())
