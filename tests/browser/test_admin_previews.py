"""The card editor's side-panel preview, as an editor sees it: the page in Arabic and the print
preview, framed by the admin with their own styles (the public policy must not reach them)."""

from urllib.parse import unquote

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def _open_card_editor(page, site):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "jobba-redaktor-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    page.goto(f"{site.url}/admin/snippets/dialogue/dialoguecard/?q=personnummer")
    page.click("table tbody tr:first-child td a")
    page.wait_for_load_state("networkidle")
    page.click("button[data-side-panel-toggle='preview']")
    # The panel's controller is ready once it shows the default (Swedish) preview.
    _preview_frame(page, "sv", "section.card h2", choose=False)


def _preview_frame(page, mode: str, showing: str, choose: bool = True):
    """The preview iframe once it shows `mode` with `showing` in it. Wagtail replaces the frame
    when the mode changes and may refresh it once more, so look again until one holds."""
    if choose:
        page.select_option("select[name=preview_mode]", mode)
    wanted = f"mode={mode}&"
    for _attempt in range(100):
        for frame in page.frames:
            if wanted not in unquote(frame.url):
                continue
            try:
                frame.locator(showing).first.wait_for(timeout=300)
            except PlaywrightError:
                continue
            page.wait_for_timeout(500)  # let a refresh that is under way replace it
            if not frame.is_detached():
                return frame
        page.wait_for_timeout(200)
    raise AssertionError(f"No preview frame for {mode}: {[f.url for f in page.frames]}")


def test_the_side_panel_shows_the_card_in_arabic_right_to_left(page, site):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    _open_card_editor(page, site)
    frame = _preview_frame(page, "ar", "section.card h2")
    html = frame.locator("html")
    html.wait_for()
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    heading = frame.locator("section.card h2").first
    assert heading.is_visible()
    assert heading.inner_text().strip()
    # The site's stylesheet applies: the page is not the browser's default black on white.
    assert heading.evaluate("e => getComputedStyle(e).color") != "rgb(0, 0, 0)"
    assert blocked == []
    screenshot(page, "admin-preview-ar")


def test_the_print_preview_shows_its_preflight_with_its_styles(page, site):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    _open_card_editor(page, site)
    frame = _preview_frame(page, "print:ar", ".preflight li.ok")
    ready = frame.locator(".preflight li.ok")
    ready.wait_for()
    assert ready.is_visible()
    # Its inline styles apply (green for "ready"), and the PDF is embedded beside it.
    assert ready.evaluate("e => getComputedStyle(e).color") == "rgb(27, 110, 59)"
    pdf = frame.locator("section.card object[type='application/pdf']")
    assert pdf.get_attribute("data").startswith("data:application/pdf;base64,JVBERi")
    assert blocked == []
    screenshot(page, "admin-preview-print-ar")
