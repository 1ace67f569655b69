"""Browser tests: Debian's chromium, driven by Playwright, against a real server.

The server runs in its own process on its own SQLite database with the demo content (and
computer-voice recordings in Swedish and Arabic, and the names of Swedish, Arabic and English),
so these tests see what a visitor sees and do not depend on the database the rest of the suite
runs on.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from ops.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"

pytestmark = pytest.mark.browser


# runserver prints this once its socket is bound, with the port the system gave it.
STARTED = re.compile(r"Starting development server at (http://127\.0\.0\.1:\d+)/")


def _manage(env, *args) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return result.stdout.decode()


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310
            return True
    except OSError:
        return False


def _start_server(env, logs: Path, attempts: int = 3) -> tuple[subprocess.Popen, str]:
    """runserver on port 0: the system picks a free port as the server binds it, so no other
    process can take it in between; the port is read from what the server prints. A server
    that dies or does not answer within a minute is stopped and started again."""
    for attempt in range(1, attempts + 1):
        log = logs / f"runserver-{attempt}.log"
        with log.open("wb") as out:
            server = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:0"],
                cwd=ROOT,
                env={**env, "PYTHONUNBUFFERED": "1"},  # the port line at once, not at exit
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while server.poll() is None and time.monotonic() < deadline:
            started = STARTED.search(log.read_text(errors="replace"))
            if started and _answers(f"{started.group(1)}/sv/"):
                return server, started.group(1)
            time.sleep(0.2)
        _stop(server)
    raise RuntimeError(f"The test server did not start:\n{log.read_text(errors='replace')[-3000:]}")


@dataclass(frozen=True)
class Site:
    url: str
    card: str  # the code of the demo card "personnummer" (folkbokföring), recorded in Arabic


def demo_database(root: Path) -> dict:
    """The environment of a demo site of its own under `root`: migrated, demo content loaded."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(root / "media"),
        "DEBUG": "1",  # demo users, static files from runserver
    }
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_demo", "--skip-audio")
    return env


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A running demo site."""
    root = tmp_path_factory.mktemp("site")
    env = demo_database(root)
    record = (
        "from ops.demo.audio import make_language_names, make_recordings; "
        "make_recordings(['sv', 'ar']); make_language_names(['sv', 'ar', 'en'])"
    )
    _manage(env, "shell", "-c", record)
    # The demo approves folkbokföring in every language; the station's tests need a language
    # with nothing to print: Pashto, as before a reviewer's first approval.
    never = (
        "from editions.models import Edition; from translations.models import TranslationState; "
        "Edition.objects.filter(language='ps').delete(); "
        "TranslationState.objects.filter(language='ps').delete()"
    )
    _manage(env, "shell", "-c", never)
    find = (
        "from dialogue.models import DialogueCard as C; "
        "print(C.objects.get(slug='personnummer').code)"
    )
    card = _manage(env, "shell", "-v0", "-c", find).split()[-1]
    server, base = _start_server(env, root)
    try:
        yield Site(base, card)
    finally:
        _stop(server)


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
