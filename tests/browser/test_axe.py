"""Zero WCAG 2.1 A/AA violations (axe-core) on every public page, in four scripts."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import log_in_at_the_station

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LANGUAGES = ("sv", "ar", "ti", "so")
PAGES = [
    *[(f"/{code}/", code) for code in LANGUAGES],
    *[(f"/{code}/folkbokforing/", code) for code in LANGUAGES],
    *[("/q/{card}/" + f"{code}/", code) for code in LANGUAGES],
    ("/", "sv"),
    ("/q/{card}/", "en"),  # follows the browser language (Chromium says en-US)
    ("/material/", "sv"),
    ("/sv/tillganglighet/", "sv"),
    ("/en/tillganglighet/", "en"),
    ("/print/login/", "sv"),
]


def violations(page) -> list[str]:
    found = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
    ]


@pytest.mark.parametrize("path,lang", PAGES, ids=[f"{p}:{lang}" for p, lang in PAGES])
def test_public_page_has_no_violations(page, site, path, lang):
    page.goto(site.url + path.format(card=site.card))
    assert page.locator("html").get_attribute("lang") == lang
    assert violations(page) == []


def test_print_station_has_no_violations(page, site):
    log_in_at_the_station(page, site)
    assert violations(page) == []
    page.fill("#language-filter", "ara")  # the filtered state too
    assert violations(page) == []
