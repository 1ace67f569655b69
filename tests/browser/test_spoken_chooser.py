"""[O] 3: a woman who cannot read finds her language by ear. On the chooser, the QR chooser and
the start page the poster's code leads to, a large button beside a language's name plays it;
the QR page puts a large play button first. Without JavaScript the browser's own controls
play the same recordings. No WCAG 2.1 A/AA violation on these pages, on a phone and a desktop.

The test site has the names of Swedish, Arabic and English recorded (tests/browser/conftest.py),
and no other language's.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot
from tests.browser.test_axe import WCAG_21_AA
from tests.browser.test_phone_and_rtl import SIDEWAYS, SMALL_TARGETS

pytestmark = pytest.mark.browser

PLAYING = """(audio) => !audio.paused && audio.currentTime > 0"""


def name_button(page, code):
    """The play button of a language's name, found as a screen reader finds it."""
    item = page.locator(".language-list li").filter(has=page.locator(f'a[hreflang="{code}"]'))
    return item.locator("button.play-name")


def test_the_choosers_play_button_plays_the_languages_name(page, site):
    page.goto(site.url + "/")
    button = name_button(page, "ar")
    assert button.is_visible()
    # Its accessible name says what it does and names the language in its own script.
    assert button.get_attribute("aria-pressed") == "false"
    assert "العربية" in button.inner_text()
    audio = button.locator("xpath=following-sibling::audio")
    assert audio.get_attribute("controls") is None  # the button replaces the browser's controls
    src = audio.get_attribute("src")
    with page.expect_response(lambda response: src in response.url) as answered:
        button.click()
    response = answered.value
    assert response.status in (200, 206)
    assert response.header_value("content-type") == "audio/mpeg"
    page.wait_for_function(PLAYING, arg=audio.element_handle(), timeout=10_000)
    assert button.get_attribute("aria-pressed") == "true"

    # Another name stops the first: one voice at a time.
    english = name_button(page, "en")
    english.click()
    page.wait_for_function(
        PLAYING, arg=english.locator("xpath=following-sibling::audio").element_handle()
    )
    assert audio.evaluate("(a) => a.paused")
    # Languages whose name nobody has recorded show the name alone.
    assert name_button(page, "so").count() == 0
    assert page.locator('.language-list a[hreflang="so"]').is_visible()
    screenshot(page, "spoken-chooser")


def test_the_play_button_works_by_keyboard(page, site):
    page.goto(site.url + "/")
    button = name_button(page, "sv")
    button.focus()
    page.keyboard.press("Enter")
    audio = button.locator("xpath=following-sibling::audio")
    page.wait_for_function(PLAYING, arg=audio.element_handle(), timeout=10_000)


def test_the_qr_chooser_and_the_posters_landing_page_play_the_name(page, site):
    page.goto(f"{site.url}/q/{site.card}/", wait_until="load")
    # Chromium asks for English, which the card has: the browser's language is followed.
    assert page.url.endswith(f"/q/{site.card}/en/")
    page.set_extra_http_headers({"Accept-Language": "de"})
    page.goto(f"{site.url}/q/{site.card}/")
    assert name_button(page, "ar").is_visible()
    page.goto(site.url + "/ar/")
    here = page.locator(".language-here button.play-name")
    here.click()
    page.wait_for_function(
        PLAYING, arg=here.locator("xpath=following-sibling::audio").element_handle()
    )


def test_the_qr_page_plays_from_a_large_button_first_on_the_page(phone, site):
    phone.goto(f"{site.url}/q/{site.card}/ar/")
    button = phone.locator("button.play-button")
    heading = phone.locator("h1")
    assert button.bounding_box()["y"] < heading.bounding_box()["y"]
    box = button.bounding_box()
    assert box["height"] >= 72 and box["width"] >= 0.75 * 360  # a thumb finds it
    button.click()
    audio = phone.locator(".play-first audio")
    phone.wait_for_function(PLAYING, arg=audio.element_handle(), timeout=10_000)
    assert button.get_attribute("aria-pressed") == "true"
    button.click()  # and pauses
    assert audio.evaluate("(a) => a.paused")
    screenshot(phone, "qr-play-first")


def test_without_javascript_the_browsers_controls_play_the_names(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site.url + "/")
        assert not name_button(page, "ar").is_visible()
        item = page.locator(".language-list li").filter(has=page.locator('a[hreflang="ar"]'))
        assert item.locator("audio[controls]").is_visible()
        page.goto(f"{site.url}/q/{site.card}/ar/")
        assert page.locator(".play-first audio[controls]").is_visible()
        assert page.evaluate(SIDEWAYS) <= 0
        screenshot(page, "spoken-chooser-no-js")
    finally:
        context.close()


PAGES = ["/", "/ar/", "/sv/", "/q/{card}/ar/", "/q/{card}/sv/", "/ar/folkbokforing/"]


@pytest.mark.parametrize("width", [360, 1280])
def test_no_violations_no_sideways_scrolling_large_targets(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "de"})  # the QR chooser stays a list
    problems = {}
    try:
        for path in [*PAGES, "/q/{card}/"]:
            url = site.url + path.format(card=site.card)
            page.goto(url)
            found = Axe().run(page, options=WCAG_21_AA).response["violations"]
            if found:
                problems[path] = [
                    f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found
                ]
            if page.evaluate(SIDEWAYS) > 0:
                problems[path + " sideways"] = page.evaluate(SIDEWAYS)
            small = page.evaluate(SMALL_TARGETS)
            if small:
                problems[path + " small"] = small
        if width == 360:
            page.goto(site.url + "/")
            screenshot(page, "spoken-chooser-phone")
    finally:
        context.close()
    assert problems == {}
