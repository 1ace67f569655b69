"""Browser tests: Debian's chromium, driven by Playwright, against a real server.

The server runs in its own process on its own SQLite database with the demo content (and
computer-voice recordings in Swedish and Arabic), so these tests see what a visitor sees and do
not depend on the database the rest of the suite runs on.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium reaches out to Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "var" / "screenshots"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return result.stdout.decode()


@dataclass(frozen=True)
class Site:
    url: str
    card: str  # the code of the demo card "personnummer" (folkbokföring), recorded in Arabic


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A running demo site."""
    root = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(root / "media"),
        "DEBUG": "1",  # demo users, static files from runserver
    }
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_demo", "--skip-audio")
    record = "from ops.demo.audio import make_recordings; make_recordings(['sv', 'ar'])"
    _manage(env, "shell", "-c", record)
    find = (
        "from dialogue.models import DialogueCard as C; "
        "print(C.objects.get(slug='personnummer').code)"
    )
    card = _manage(env, "shell", "-v0", "-c", find).split()[-1]
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(f"{base}/sv/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("The test server did not start")
        yield Site(base, card)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    yield context.new_page()
    context.close()


def log_in_at_the_station(page, site):
    page.goto(f"{site.url}/print/login/")
    page.fill("#id_username", "servicekontor")
    page.fill("#id_password", "jobba-servicekontor-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/print/")


def screenshot(page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
