"""Packs and posters off the request path: background tasks, the build lease, "being prepared".

Tasks run on a queue here (django-tasks' DummyBackend, or the database backend with the real
`db_worker`), not at once as with the default immediate backend, so that a request meets a build
that is queued or running."""

import io
import subprocess
import sys
import time
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from cms import roles
from dialogue.models import Audience, JointMessage, LifeEvent
from print import jobs, locks, packs, prebuild, tasks
from print.models import BuildFailure
from print.pages import FINISHES
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]

PACK = "/material/servicekontor/pack.zip?lang=so&finish=office"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class SharedMemoryCache(LocMemCache):
    """A local-memory cache that print.locks takes for a shared one (as Redis): its leases are
    cache keys with a timeout, renewed by a heartbeat."""


@pytest.fixture
def queued(settings):
    """Tasks wait on a queue (DummyBackend) until the test runs them as a worker would."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend.results


@pytest.fixture
def builds(monkeypatch):
    """How many packs were built (each build is counted, then made as usual)."""
    made = []
    original = packs._build
    monkeypatch.setattr(packs, "_build", lambda *a, **k: made.append(1) or original(*a, **k))
    return made


def work(results):
    """Run what is queued, as a worker does; what each task did."""
    done = [result.task.call(*result.args, **result.kwargs) for result in results]
    results.clear()
    return done


def pack_name():
    return jobs.pack("servicekontor", ["so"], "office").plan().name


def test_requests_for_a_pack_not_built_yet_enqueue_one_build_and_then_get_the_file(
    client, queued, builds
):
    first = client.get(PACK)
    again = client.get(PACK)  # the page reloading itself: nothing more is enqueued
    assert first.status_code == again.status_code == 202
    assert len(queued) == 1
    assert queued[0].args == [] and queued[0].kwargs["codes"] == ["so"]
    assert queued[0].kwargs["priority"] == tasks.REQUEST_PRIORITY  # before the prebuilds

    # Asked twice more while queued (two workers would take both): one build.
    queued.append(queued[0])
    assert work(queued) == ["built", "stored"]
    assert builds == [1]

    served = client.get(PACK)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/zip"
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(served.content)).namelist()
    assert queued == []


def test_a_request_while_the_pack_is_being_built_answers_at_once_with_the_prepared_page(
    client, queued, builds
):
    lease = locks.acquire(pack_name())  # a worker building it right now
    try:
        response = client.get(PACK)
        # The worker finds the lease and leaves the build to its holder.
        assert tasks.run(jobs.pack("servicekontor", ["so"], "office")) == "busy"
    finally:
        lease.release()
    assert response.status_code == 202
    assert queued == [] and builds == []  # the holder stores it; nothing more to do
    body = response.content.decode()
    assert '<html lang="sv" dir="ltr">' in body
    assert '<meta http-equiv="refresh" content="5">' in body
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]  # never kept by a browser or proxy
    assert 'role="status"' in body and "<script" not in body
    assert 'href="/material/"' in body
    # The reloading can be stopped (WCAG 2.2.1), and the file fetched by hand.
    assert "paus=1" in body
    paused = client.get(PACK + "&paus=1")
    assert paused.status_code == 202
    assert 'http-equiv="refresh"' not in paused.content.decode()


def test_a_poster_not_built_yet_is_prepared_in_the_background_too(client, queued):
    response = client.get("/material/poster.pdf?size=A3")
    assert response.status_code == 202
    assert [r.kwargs["size"] for r in queued] == ["A3"]
    assert work(queued) == ["built"]
    served = client.get("/material/poster.pdf?size=A3")
    assert served.status_code == 200 and served.content.startswith(b"%PDF")


def test_what_cannot_be_made_is_refused_at_once_and_nothing_is_enqueued(client, queued):
    response = client.get("/material/servicekontor/pack.zip?lang=ps")
    assert response.status_code == 400
    assert queued == []


@pytest.fixture
def shared_cache(settings, monkeypatch):
    """Leases in a shared cache (Redis when the run has one), with a lease of one second so
    that a lapse happens within the test."""
    if not locks._shared_cache():
        backend = f"{SharedMemoryCache.__module__}.{SharedMemoryCache.__qualname__}"
        settings.CACHES = {"default": {"BACKEND": backend}}
    monkeypatch.setattr(locks, "LEASE_SECONDS", 1)
    monkeypatch.setattr(locks, "RENEW_SECONDS", 0.2)
    assert locks._shared_cache()
    cache.clear()
    yield
    cache.clear()


@pytest.mark.usefixtures("shared_cache")
def test_a_lease_left_by_a_killed_builder_lapses_and_the_next_build_proceeds(
    client, queued, builds
):
    name = pack_name()
    # A worker killed mid-build: its lease is in the cache, and nothing renews it.
    cache.set(locks._cache_key(name), "killed-worker", locks.LEASE_SECONDS)
    assert locks.held(name)
    assert client.get(PACK).status_code == 202
    assert queued == []  # it looks like a build under way
    assert tasks.run(jobs.pack("servicekontor", ["so"], "office")) == "busy"

    time.sleep(locks.LEASE_SECONDS + 0.5)
    assert not locks.held(name)
    assert client.get(PACK).status_code == 202  # the page reloading: now it is enqueued
    assert work(queued) == ["built"]
    assert builds == [1]
    assert client.get(PACK).status_code == 200


@pytest.mark.usefixtures("shared_cache")
def test_a_live_builders_lease_is_renewed_while_it_works_and_released_after():
    lease = locks.acquire("print-cache/some-file.zip")
    assert locks.acquire("print-cache/some-file.zip") is None
    time.sleep(locks.LEASE_SECONDS * 2)  # two lease lengths: only the heartbeat keeps it
    assert locks.held("print-cache/some-file.zip")
    lease.release()
    assert not locks.held("print-cache/some-file.zip")


def test_a_killed_builders_file_lock_goes_with_its_process(client, queued, settings):
    """Without a shared cache (one machine) the lease is a file lock the kernel releases."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    path = locks._file_path(pack_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert locks.held(pack_name())
        assert client.get(PACK).status_code == 202
        assert queued == []
    finally:
        holder.kill()
        holder.wait()
    assert not locks.held(pack_name())
    assert client.get(PACK).status_code == 202
    assert len(queued) == 1


HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "a")
fcntl.flock(handle, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(600)
"""


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


def waiting():
    return DBTaskResult.objects.filter(status="READY")


def time_passes():
    """The backoff is over: what waits may run now."""
    waiting().update(run_after=timezone.now())


@pytest.fixture
def administrator(django_user_model):
    user = django_user_model.objects.create_user("admin-build", password="pw")
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATORS))
    return user


@pytest.mark.usefixtures("database_queue")
def test_a_failing_build_is_retried_with_backoff_and_then_listed_for_administrators(
    client, monkeypatch, administrator, django_user_model
):
    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(packs, "_build", broken)
    assert client.get(PACK).status_code == 202
    assert waiting().count() == 1

    delays = []
    for _attempt in range(tasks.MAX_ATTEMPTS - 1):
        worker()
        retry = waiting().get()  # the failed attempt is kept, the next one waits
        delays.append(retry.run_after - timezone.now())
        assert retry.args_kwargs["kwargs"]["attempt"] == _attempt + 2
        assert client.get(PACK).status_code == 202  # still being prepared; no extra task
        assert waiting().count() == 1
        time_passes()
    assert delays[0] > timedelta(seconds=5)
    assert delays[1] > delays[0] + timedelta(seconds=30)  # backing off
    worker()
    assert waiting().count() == 0
    assert DBTaskResult.objects.filter(status="FAILED").count() == tasks.MAX_ATTEMPTS

    failure = BuildFailure.objects.get()
    assert failure.attempts == tasks.MAX_ATTEMPTS
    response = client.get(PACK)
    assert response.status_code == 503  # not built again at once; told to come back
    assert int(response["Retry-After"]) > 60
    assert "no-store" in response["Cache-Control"]
    assert waiting().count() == 0

    client.force_login(administrator)
    report = client.get("/admin/print/failed-builds/")
    assert report.status_code == 200
    body = report.content.decode()
    assert "OSError: No space left on device" in body
    assert "Paket för servicekontor (somaliska; kontorsskrivare)" in body
    assert "/admin/print/failed-builds/" in client.get("/admin/").content.decode()  # Reports

    editor = django_user_model.objects.create_user("editor-build", password="pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    refused = client.get("/admin/print/failed-builds/")  # Wagtail sends her to the dashboard
    assert refused.status_code == 302 and "No space left" not in refused.content.decode()


@pytest.mark.usefixtures("database_queue")
def test_a_build_that_succeeds_later_clears_its_failure(client, monkeypatch):
    job = jobs.pack("servicekontor", ["so"], "office")
    BuildFailure.objects.create(
        key=job.key,
        name="print-cache/old.zip",
        kind=job.kind,
        arguments=job.arguments,
        attempts=3,
        error="OSError: earlier",
        failed_at=timezone.now() - timedelta(hours=1),
    )
    assert client.get(PACK).status_code == 202  # an old failure does not block a new try
    worker()
    assert not BuildFailure.objects.exists()
    assert client.get(PACK).status_code == 200


def test_an_approved_translation_prebuilds_every_audience_and_poster_in_its_language(
    queued, django_capture_on_commit_callbacks
):
    message = JointMessage.objects.live().get(slug="barnbidrag")
    with django_capture_on_commit_callbacks(execute=True):
        builders.translate(message, "ar", headline="رسالة جديدة عن إعانة الأطفال")
    packs_queued = sorted(
        (r.kwargs["audience_slug"], tuple(r.kwargs["codes"]), r.kwargs["finish"])
        for r in queued
        if r.task.name == "build_pack"
    )
    audiences = [a for a in Audience.objects.all() if "ar" in codes_of(a)]
    assert audiences
    expected = sorted((a.slug, ("ar",), finish) for a in audiences for finish in FINISHES)
    assert packs_queued == expected  # one per audience × language × finish, each once
    posters = sorted(
        (r.kwargs["event_slug"] or "", r.kwargs["size"])
        for r in queued
        if r.task.name == "build_poster"
    )
    events = ["", *LifeEvent.objects.live().values_list("slug", flat=True)]
    assert posters == sorted((event, size) for event in events for size in ("A3", "A4"))
    prints = [r for r in queued if r.task.module_path.startswith("print.")]  # not Wagtail's own
    assert all(r.kwargs["priority"] == tasks.PREBUILD_PRIORITY for r in prints)


def codes_of(audience):
    return [language.code for language in packs.printable_languages(audience)]


def test_nothing_is_prebuilt_when_tasks_run_in_the_caller(
    monkeypatch, django_capture_on_commit_callbacks
):
    """The immediate backend (make run): a publication never waits for packs; they are built
    when first asked for."""
    asked = []
    monkeypatch.setattr(prebuild, "prebuild", asked.append)
    message = JointMessage.objects.live().get(slug="barnbidrag")
    with django_capture_on_commit_callbacks(execute=True):
        builders.translate(message, "ar", headline="رسالة جديدة عن إعانة الأطفال")
    assert not tasks.in_background()
    assert asked == []


def test_with_tasks_run_in_the_request_a_failing_build_is_tried_thrice_then_refused(
    client, monkeypatch
):
    """The immediate backend (make run): retries run at once, then the partner is told."""
    tried = []

    def broken(*args, **kwargs):
        tried.append(1)
        raise OSError("No space left on device")

    monkeypatch.setattr(packs, "_build", broken)
    response = client.get(PACK)
    assert response.status_code == 503
    assert len(tried) == tasks.MAX_ATTEMPTS
    assert BuildFailure.objects.get().attempts == tasks.MAX_ATTEMPTS
    assert client.get(PACK).status_code == 503 and len(tried) == tasks.MAX_ATTEMPTS
