"""[X] 1, in a real browser against a site with a queue (TASKS_BACKEND=database): an upload
answers at once and its row says "Granskas…" while the inspection waits for a worker; once
django-tasks' own worker (`db_worker`) has run it, the row says it waits for approval."""

import pytest

from tests.audio.test_inspection_task import tone
from tests.browser.conftest import _manage, _start_server, _stop, demo_database, screenshot

pytestmark = pytest.mark.browser
LISTING = "/admin/snippets/audio/languagenamerecording/"


@pytest.fixture(scope="module")
def queued_site(tmp_path_factory):
    """A demo site of its own whose background work waits for a worker."""
    root = tmp_path_factory.mktemp("queued-site")
    env = demo_database(root)
    env["TASKS_BACKEND"] = "database"
    server, base = _start_server(env, root)
    try:
        yield base, env
    finally:
        _stop(server)


def test_an_upload_is_being_inspected_until_a_worker_has_run(browser, queued_site):
    base, env = queued_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "jobba-redaktor-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}{LISTING}add/")
    page.select_option("#id_language", "so")  # Somali: no computer voice in the demo
    page.fill("#id_recorded_by", "Sara Lind")
    page.set_input_files(
        "#id_file",
        {"name": "magac.wav", "mimeType": "audio/wav", "buffer": tone(seconds=0.8)},
    )
    page.get_by_role("button", name="Spara").first.click()
    page.wait_for_url(f"{base}{LISTING}")
    row = page.locator("tbody tr").filter(has_text="Soomaali")
    assert row.filter(has_text="Granskas…").count() == 1
    screenshot(page, "recording-being-inspected")

    _manage(env, "db_worker", "--batch", "--no-startup-delay")  # runs what is queued, then ends
    page.reload()
    row = page.locator("tbody tr").filter(has_text="Soomaali")
    assert row.filter(has_text="Granskas…").count() == 0
    assert row.filter(has_text="Väntar på godkännande").count() == 1
    context.close()
