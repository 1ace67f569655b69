"""Offline for fieldworkers ([O] 1), in Chromium: save a topic, lose the network, open one of
its cards never opened before and hear it; the fallback page for what was not saved; axe on
the new pages at phone and desktop widths."""

import io
import urllib.request
import zipfile

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, screenshot
from tests.browser.test_axe import violations

pytestmark = pytest.mark.browser

# Headless Chromium plays audio only after a gesture unless told otherwise.
AUTOPLAY = "--autoplay-policy=no-user-gesture-required"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TOPIC = "/ar/folkbokforing/"


@pytest.fixture(scope="module")
def audible(browser):
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, AUTOPLAY]
    )
    yield chromium
    chromium.close()


@pytest.fixture
def phone_context(audible):
    context = audible.new_context(**PHONE)
    yield context
    context.close()


def save_topic(page, site, path=TOPIC):
    page.goto(site.url + path)
    page.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    section = page.locator("[data-offline-topic]")
    section.wait_for(state="visible")
    # The size is shown before anything is saved.
    assert any(ch.isdigit() for ch in section.locator("p").first.text_content())
    page.click("[data-offline-save]")
    page.wait_for_function(
        "() => document.querySelector('[data-offline-topic]').dataset.saved !== undefined",
        timeout=30_000,
    )
    return section


def test_a_saved_topic_plays_a_card_never_opened_before_offline(phone_context, site):
    page = phone_context.new_page()
    opened = []
    page.on("response", lambda response: opened.append(response))
    save_topic(page, site)
    status = page.locator("[data-offline-status]").text_content()
    assert status and "{date}" not in status  # "saved on <date>", in words
    # The card's QR page was never opened in this browser: only the worker fetched it.
    assert not any(f"/q/{site.card}/" in r.url and r.frame == page.main_frame for r in opened)

    phone_context.set_offline(True)
    opened.clear()
    # As a printed code opens it: with the version it was printed with.
    response = page.goto(f"{site.url}/q/{site.card}/ar/?v=0000000")
    assert response.from_service_worker
    assert response.headers.get("x-stored-at")
    assert page.locator("html").get_attribute("lang") == "ar"
    notice = page.locator("[data-offline-notice]")
    assert notice.is_visible()
    assert "{date}" not in notice.text_content()
    assert notice.locator("time").get_attribute("datetime")

    page.evaluate("() => document.querySelector('audio').play()")
    page.wait_for_function(
        "() => { const a = document.querySelector('audio'); "
        "return a.readyState >= 2 && a.currentTime > 0 && !a.paused; }",
        timeout=20_000,
    )
    heard = [r for r in opened if "/audio/" in r.url]
    assert heard and all(r.from_service_worker for r in heard)
    screenshot(page, "offline-card-ar-phone")


def test_an_unsaved_page_offline_answers_in_her_language_with_what_is_saved(phone_context, site):
    page = phone_context.new_page()
    save_topic(page, site)
    phone_context.set_offline(True)
    response = page.goto(f"{site.url}/ar/sfi/")
    assert response.from_service_worker and response.status == 503
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    saved = page.locator("[data-saved-topics] a")
    assert saved.count() == 1
    assert saved.get_attribute("href") == TOPIC
    assert saved.get_attribute("lang") == "ar"
    assert page.locator("[data-nothing-saved]").is_hidden()
    screenshot(page, "offline-fallback-ar-phone")
    # The saved topic opens from there, marked as the offline copy.
    saved.click()
    page.wait_for_url(f"{site.url}{TOPIC}")
    assert page.locator("[data-offline-notice]").is_visible()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_new_pages_have_no_axe_violations(audible, site, size, tmp_path):
    context = audible.new_context(**size)
    page = context.new_page()
    try:
        # The life-event page with its save section shown, before and after saving.
        page.goto(site.url + TOPIC)
        page.locator("[data-offline-topic]").wait_for(state="visible")
        assert violations(page) == []
        save_topic(page, site)
        assert violations(page) == []
        # The fallback page as the site serves it, and as the worker fills it offline.
        page.goto(f"{site.url}/ar/offline.html")
        assert violations(page) == []
        context.set_offline(True)
        page.goto(f"{site.url}/ar/sfi/")
        assert violations(page) == []
        page.goto(f"{site.url}/q/{site.card}/ar/")  # with the offline notice shown
        assert page.locator("[data-offline-notice]").is_visible()
        assert violations(page) == []
        context.set_offline(False)
        # A kit that cannot be made (nothing approved in Pashto), and the partner page.
        page.goto(f"{site.url}/material/kit/folkbokforing/ps.zip")
        assert page.locator("html").get_attribute("lang") == "ps"
        assert violations(page) == []
        page.goto(f"{site.url}/material/")
        assert page.locator("#kits-title").is_visible()
        assert violations(page) == []
        # The kit's own index.html, opened from the files as a phone would.
        with urllib.request.urlopen(f"{site.url}/material/kit/folkbokforing/ar.zip") as answer:  # noqa: S310
            zipfile.ZipFile(io.BytesIO(answer.read())).extractall(tmp_path)
        page.goto((tmp_path / "index.html").as_uri())
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert violations(page) == []
    finally:
        context.close()
