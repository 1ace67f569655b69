"""How far a background print has come, on the page that waits for it, and a lost task.

Tasks wait on a queue here (django-tasks' DummyBackend, or the database backend with its real
`db_worker`), so that a request meets a build that is queued or running. The progress a page
shows is recorded by the build itself as it goes: each test asks for the page from inside a
real build, at a known point of it."""

from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import sync_playwright

from cms import roles
from dialogue.models import Audience
from followup.models import Counter, Event
from print import jobs, packs, service, station, tasks
from print.documents import card as card_documents
from print.documents import leaflet as leaflet_documents
from print.models import Office, StaffProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LANG = "ar"

# The staff side and the partner page speak Swedish (after `make catalogues` compiles them).
PREPARING = "Utskriften förbereds"
WAITING = "Utskriften väntar på sin tur."
CARDS_READY = "{done} av {total} kort klara"
LANGUAGES_READY = "{done} av {total} språk klara"
EVENTS_READY = "{done} av {total} livshändelser klara"
FAILED = "Utskriften kunde inte göras"


@pytest.fixture
def queued(settings):
    """Tasks wait on a queue (DummyBackend) until the test runs them as a worker would."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend.results


def work(results):
    """Run what is queued, as a worker does; what each task did."""
    done = [result.task.call(*result.args, **result.kwargs) for result in results]
    results.clear()
    return done


@pytest.fixture
def office():
    return Office.objects.create(name="Servicekontoret Järva")


@pytest.fixture
def desk(client, django_user_model, office):
    user = django_user_model.objects.create_user("clerk-progress", password="pw")
    user.groups.add(Group.objects.get(name=roles.SERVICE_OFFICE))
    StaffProfile.objects.create(user=user, office=office)
    client.force_login(user)
    return client


def every_card():
    """All life events as cards in her language: more than a sheet, so built in the background."""
    events = [event.slug for event in station.life_events()]
    plan = station.order(LANG, events, "cards")
    assert len(plan.cards) > station.AT_ONCE and plan.complete
    return {"lang": LANG, "event": events, "layout": "cards"}, plan


def asked_during_the_build(monkeypatch, module, name, when, ask):
    """Wrap `module.name` so that on its `when`-th call, inside the running build, `ask()` is
    answered (a request from the page that waits); returns what it answered."""
    answers, calls = [], []
    original = getattr(module, name)

    def wrapped(*args, **kwargs):
        calls.append(1)
        if len(calls) == when:
            answers.append(ask())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)
    return answers


def test_a_larger_print_at_the_station_shows_how_far_its_build_has_come_then_the_pdf(
    desk, queued, monkeypatch, office
):
    query, plan = every_card()
    first = desk.get("/print/pdf/", query)
    assert first.status_code == 202  # at once: never waiting on the build
    body = first.content.decode()
    assert PREPARING in body and WAITING in body  # queued, not started: no progress yet
    assert '<meta http-equiv="refresh" content="5">' in body and "<script" not in body
    assert first["Retry-After"] == "5" and "no-store" in first["Cache-Control"]
    assert "paus=1" in body  # the reloading can be stopped (WCAG 2.2.1)
    assert desk.get("/print/pdf/", query).status_code == 202  # reloading enqueues nothing more
    assert [r.task.name for r in queued] == ["build_station_print"]
    assert queued[0].kwargs["pieces"] == [card.slug for card in plan.cards]
    assert queued[0].kwargs["priority"] == tasks.REQUEST_PRIORITY
    assert not Counter.objects.filter(event=Event.CARD_PRINTED).exists()  # nothing given yet

    # The worker builds it; the page reloads while the third card is being laid out.
    total = len(plan.cards)
    during = asked_during_the_build(
        monkeypatch, card_documents.CardDesign, "faces", 3, lambda: desk.get("/print/pdf/", query)
    )
    assert work(queued) == ["built"]
    [midway] = during
    assert midway.status_code == 202
    page = midway.content.decode()
    assert CARDS_READY.format(done=2, total=total) in page
    assert f'<progress value="2" max="{total}"' in page
    assert 'role="status"' in page and '<html lang="sv" dir="ltr">' in page

    served = desk.get("/print/pdf/", query)
    assert served.status_code == 200 and served.content.startswith(b"%PDF")
    assert served.content == service.cards_pdf(plan.cards, LANG, "card-4up", served=plan.served)
    counted = Counter.objects.filter(event=Event.CARD_PRINTED, language=LANG)
    assert sorted(row.card for row in counted) == sorted(card.code for card in plan.cards)
    assert {row.channel for row in counted} == {office.name}
    assert all(row.count == 1 for row in counted)  # counted once, when she got it
    assert queued == []


def test_a_leaflet_of_many_life_events_counts_them_as_it_is_built(desk, queued, monkeypatch):
    events = [event.slug for event in station.life_events()]
    plan = station.order(LANG, events, "leaflet")
    assert len(plan.printable_events) > station.AT_ONCE
    query = {"lang": LANG, "event": events, "layout": "leaflet", "partial": "1"}
    assert desk.get("/print/pdf/", query).status_code == 202
    total = len(plan.printable_events)
    reload = partial(desk.get, "/print/pdf/", query)
    during = asked_during_the_build(monkeypatch, leaflet_documents._EventPages, "draw", 2, reload)
    assert work(queued) == ["built"]
    assert EVENTS_READY.format(done=1, total=total) in during[0].content.decode()
    served = desk.get("/print/pdf/", query)
    assert served.status_code == 200
    assert served.content == service.leaflet_pdf(plan.printable_events, LANG)
    assert Counter.objects.filter(event=Event.LEAFLET_PRINTED, language=LANG).count() == total


def test_a_larger_print_whose_build_failed_is_told_at_the_station(desk, queued, monkeypatch):
    query, plan = every_card()
    assert desk.get("/print/pdf/", query).status_code == 202

    def broken(self):
        raise OSError("No space left on device")

    monkeypatch.setattr(card_documents.CardSheetRenderer, "render", broken)
    job = station.job(plan)
    for attempt in range(1, tasks.MAX_ATTEMPTS + 1):
        with pytest.raises(OSError):
            tasks.run(job, attempt, tasks.REQUEST_PRIORITY)
    response = desk.get("/print/pdf/", query)
    assert response.status_code == 503  # not built again at once; told to come back
    assert FAILED in response.content.decode()
    assert "http-equiv" not in response.content.decode()
    assert int(response["Retry-After"]) > 60 and "no-store" in response["Cache-Control"]
    assert not Counter.objects.filter(event=Event.CARD_PRINTED).exists()


def test_a_small_print_is_drawn_at_once_even_with_a_worker(desk, queued):
    query = {"lang": LANG, "event": ["sfi"], "layout": "cards"}
    assert len(station.order(LANG, ["sfi"], "cards").cards) <= station.AT_ONCE
    response = desk.get("/print/pdf/", query)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert queued == []


def pack_url(audience, codes):
    query = "&".join(f"lang={code}" for code in codes)
    return f"/material/{audience.slug}/pack.zip?{query}&finish=office"


def test_a_packs_being_prepared_page_shows_the_languages_built_so_far(client, queued, monkeypatch):
    audience = Audience.objects.get(slug="servicekontor")
    codes = [language.code for language in packs.printable_languages(audience)][:3]
    assert len(codes) == 3
    url = pack_url(audience, codes)
    assert client.get(url).status_code == 202
    # While the third language's leaflet is drawn, two languages are done.
    during = asked_during_the_build(monkeypatch, service, "leaflet_pdf", 3, lambda: client.get(url))
    assert work(queued) == ["built"]
    [midway] = during
    assert midway.status_code == 202
    page = midway.content.decode()
    assert LANGUAGES_READY.format(done=2, total=3) in page
    assert '<progress value="2" max="3"' in page
    served = client.get(url)
    assert served.status_code == 200 and served["Content-Type"] == "application/zip"


@pytest.fixture
def database_queue(settings, monkeypatch):
    """The database backend with its real worker (`db_worker --batch`), inside the test's
    transaction: the worker's check for stale connections would close the test's own."""
    settings.TASKS = DATABASE
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


PACK = "/material/servicekontor/pack.zip?lang=so&finish=office"


@pytest.mark.usefixtures("database_queue")
def test_a_task_lost_with_its_worker_after_the_claim_is_enqueued_again(client):
    assert client.get(PACK).status_code == 202
    lost = DBTaskResult.objects.get()
    lost.claim("killed-worker")  # claimed as db_worker does; then the worker was killed
    assert lost.status == "RUNNING"

    # A moment after the claim the task may yet take the lease: nothing more is enqueued.
    assert client.get(PACK).status_code == 202
    assert DBTaskResult.objects.count() == 1

    # Still no lease, long after the claim: that task is lost, and the reload enqueues again.
    claimed = timezone.now() - timedelta(seconds=tasks.CLAIM_SECONDS + 1)
    DBTaskResult.objects.filter(pk=lost.pk).update(started_at=claimed)
    assert client.get(PACK).status_code == 202
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert client.get(PACK).status_code == 202  # and once only
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    worker()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    assert client.get(PACK).status_code == 200


@pytest.mark.usefixtures("database_queue")
def test_a_task_gone_from_the_queue_is_enqueued_again(client):
    assert client.get(PACK).status_code == 202
    DBTaskResult.objects.all().delete()  # pruned, or a queue emptied by hand
    assert client.get(PACK).status_code == 202
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    worker()
    assert client.get(PACK).status_code == 200


def test_a_job_describes_a_station_print_for_administrators():
    job = jobs.station("ar", "card-4up", ["a", "b", "c", "d", "e"])
    assert job.describe() == "Utskrift: 5 kort på arabiska"
    leaflet = jobs.station("so", "leaflet", ["sfi", "folkbokforing"])
    assert leaflet.describe() == "Utskrift: broschyr på somaliska (2 livshändelser)"


@pytest.mark.browser
def test_the_station_progress_page_in_a_browser(desk, queued, monkeypatch):
    """The page as staff see it midway (the real page, from inside a real build), in Chromium;
    its screenshot goes beside the browser tests' (var/screenshots)."""
    query, plan = every_card()
    assert desk.get("/print/pdf/", query).status_code == 202
    during = asked_during_the_build(
        monkeypatch, card_documents.CardDesign, "faces", 4, lambda: desk.get("/print/pdf/", query)
    )
    work(queued)
    page_html = during[0].content.decode()
    css = Path(finders.find("cms/site.css")).read_text(encoding="utf-8")

    def serve(route):
        if route.request.url.endswith("site.css"):
            route.fulfill(status=200, content_type="text/css", body=css)
        elif "/print/pdf/" in route.request.url:
            route.fulfill(status=202, content_type="text/html; charset=utf-8", body=page_html)
        else:
            route.fulfill(status=404, body="")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1024, "height": 640})
            page.route("**/*", serve)
            page.goto("http://station.test/print/pdf/?lang=ar")
            bar = page.locator("progress")
            assert bar.get_attribute("value") == "3"
            assert bar.get_attribute("max") == str(len(plan.cards))
            assert page.get_by_role("status").is_visible()
            assert page.locator("meta[http-equiv=refresh]").get_attribute("content") == "5"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "station-print-progress.png"), full_page=True)
        finally:
            browser.close()
