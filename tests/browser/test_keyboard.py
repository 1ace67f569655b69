"""Keyboard only, with a visible focus: the language chooser, the audio player, the pack download
and the print station flow to its PDF."""

import pytest

from tests.browser.conftest import log_in_at_the_station, screenshot

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName, href: el.getAttribute('href') || '', name: el.getAttribute('name') || '',
          value: el.value || '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          shadow: style.boxShadow};
}"""


def tab_to(page, matches, limit=80):
    """Press Tab until the focused element matches; every stop must show where the focus is."""
    for _step in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        if focused["tag"] != "BODY":
            visible = (focused["outline"] != "none" and focused["width"] > 0) or (
                focused["shadow"] != "none"
            )
            assert visible, f"no visible focus on {focused}"
        if matches(focused):
            return focused
    raise AssertionError("never reached the element with the keyboard")


def test_language_chooser_by_keyboard(page, site):
    page.goto(site.url + "/")
    tab_to(page, lambda f: f["href"] == "/ar/")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_audio_player_by_keyboard(page, site):
    page.goto(f"{site.url}/q/{site.card}/ar/")
    # The large play button first on the page ([O] 3) plays the card's recording.
    tab_to(page, lambda f: f["tag"] == "BUTTON")
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.querySelector('audio').paused", timeout=10_000)
    screenshot(page, "qr-audio-ar-playing")


def test_pack_download_by_keyboard(page, site):
    page.goto(site.url + "/material/")
    tab_to(page, lambda f: f["name"] == "lang" and f["value"] == "ar")
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["tag"] == "BUTTON")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith("_ar_kontorsskrivare.zip")


def test_print_station_to_its_pdf_by_keyboard(page, site):
    log_in_at_the_station(page, site)
    tab_to(page, lambda f: f["name"] == "lang")
    page.keyboard.press("ArrowDown")  # radio buttons: arrows move the choice
    chosen = page.evaluate("() => document.activeElement.value")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["name"] == "")
    # The PDF opens in a tab of its own, beside the station.
    with page.context.expect_event("response", lambda r: "/print/pdf/" in r.url) as response:
        page.keyboard.press("Enter")
    assert response.value.headers["content-type"] == "application/pdf"
    assert f"lang={chosen}" in response.value.url


def test_print_station_preset_is_two_clicks_to_the_pdf(page, site):
    log_in_at_the_station(page, site)
    screenshot(page, "print-station")
    page.click("label.language-choice:has(input[value=ti])")  # 1
    # The PDF opens in a tab of its own, beside the station.
    with page.context.expect_event("response", lambda r: "/print/pdf/" in r.url) as response:
        page.click("form.station-form button.print-button")  # 2
    assert response.value.headers["content-type"] == "application/pdf"
    assert response.value.url.count("event=") == 4  # the preset: four life events
