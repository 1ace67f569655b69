"""Large exchange files are checked and imported by a background task (translations.tasks),
through the admin's upload form: the page says "Importen körs…" and reloads itself until the
report is there; a failed import writes nothing and says why.

The demo's files are small, so the tests lower INLINE_UNITS to send every file to the task."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks import default_task_backend

from cms import roles
from tests.translations.test_exchange import fill_xliff, ids_in
from translations import exchange, tasks
from translations.models import ImportRun, TranslationEvent

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/translations/am/import/"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SFI = "ሲፊ"


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("selam", password="pw")
    user.groups.add(roles.language_group("Översättare amhariska", ["am"]))
    client.force_login(user)
    return user


@pytest.fixture
def large(monkeypatch):
    """Every file counts as large: it goes to the task, not into the request."""
    monkeypatch.setattr(tasks, "INLINE_UNITS", 0)


@pytest.fixture
def queued(settings):
    """Tasks wait on a queue (DummyBackend) until the test runs them as a worker would."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend.results


def work(results) -> list[str]:
    """Run what is queued now, as a worker does; what each task did. A retry a task enqueues
    waits for the next call."""
    pending = list(results)
    results.clear()
    return [result.task.call(*result.args, **result.kwargs) for result in pending]


def amharic_file(texts: int = 1) -> tuple[bytes, list[str]]:
    """The Amharic work list with the first `texts` units translated."""
    data = exchange.export_xliff("am")
    refs = ids_in(data)[:texts]
    assert len(refs) == texts
    return fill_xliff(data, dict(zip(refs, ["ሲፊ", "ሰላም", "እንኳን"], strict=False))), refs


def upload(client, data: bytes):
    return client.post(UPLOAD, {"file": SimpleUploadedFile("am.xlf", data)})


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return unescape(response.content.decode())


def written(refs: list[str]) -> list[str]:
    """The Amharic texts of these units as stored."""
    texts = []
    for ref in refs:
        unit = exchange._resolve(ref)
        texts.append(unit.obj.text(unit.field, "am"))
    return texts


def confirm_form(page: str) -> dict:
    run = re.search(r'name="run" value="(\d+)"', page).group(1)
    return {"run": run, "confirm": "1"}


def refresh_target(page: str) -> str:
    found = re.search(r'<meta http-equiv="refresh" content="(\d+);url=([^"]+)">', page)
    assert found, "the page does not reload itself"
    return found.group(2)


def test_with_the_immediate_backend_a_large_file_shows_its_report_at_once(
    client, translator, large
):
    data, refs = amharic_file()
    checked = html(upload(client, data))
    assert "Filen är giltig. Inget har skrivits ännu." in checked
    assert "http-equiv" not in checked  # done: nothing to reload
    assert written(refs) == [""]

    done = html(client.post(UPLOAD, confirm_form(checked)))
    assert "Importerade 1 text" in done
    assert written(refs) == [SFI]
    runs = ImportRun.objects.order_by("pk")
    assert [(r.dry_run, r.status, r.user) for r in runs] == [
        (True, "done", translator),
        (False, "done", translator),
    ]
    assert runs[1].report["applied"] == 1 and runs[1].report["changes"][0]["new"] == SFI


def test_on_a_queue_the_page_says_the_import_runs_and_reloads_until_the_report(
    client, translator, large, queued
):
    data, refs = amharic_file()
    waiting = html(upload(client, data))
    assert "Importen körs…" in waiting and "Filen kontrolleras" in waiting
    again = refresh_target(waiting)  # the run's own page, asked for with GET
    assert re.fullmatch(r"/admin/translations/am/import/\d+/", again)
    assert 'name="confirm"' not in waiting
    assert len(queued) == 1

    still = html(client.get(again))  # reloaded before a worker took it
    assert "Importen körs…" in still and refresh_target(still) == again

    assert work(queued) == ["checked"]
    checked = html(client.get(again))
    assert "Filen är giltig. Inget har skrivits ännu." in checked
    assert "Importen körs…" not in checked and "http-equiv" not in checked
    assert written(refs) == [""]

    importing = html(client.post(UPLOAD, confirm_form(checked)))
    assert "Importen körs…" in importing and "Filen importeras" in importing
    assert written(refs) == [""]  # not before the worker
    assert work(queued) == ["imported"]
    done = html(client.get(refresh_target(importing)))
    assert "Importerade 1 text" in done and SFI in done
    assert written(refs) == [SFI]


def test_a_run_enqueued_twice_is_imported_once(client, translator, large, queued):
    data, refs = amharic_file()
    checked = html(upload(client, data))
    work(queued)
    checked = html(client.get(refresh_target(checked)))
    html(client.post(UPLOAD, confirm_form(checked)))
    run = ImportRun.objects.get(dry_run=False)
    tasks.enqueue(run.pk)  # as a second worker or a reloaded page might
    assert sorted(work(queued)) == ["imported", "taken"]
    assert written(refs) == [SFI]
    assert TranslationEvent.objects.filter(action="imported", language="am").count() == 1


def test_a_refused_file_writes_nothing_and_its_page_says_why(client, translator, large, queued):
    data, refs = amharic_file(2)
    data = data.replace(refs[1].encode(), b"lifeevent/999999/title")  # unknown in this database
    waiting = html(upload(client, data))
    assert work(queued) == ["refused"]
    page = html(client.get(refresh_target(waiting)))
    assert "Inget importerades." in page and "lifeevent/999999/title" in page
    assert 'name="confirm"' not in page and "http-equiv" not in page
    assert written(refs[:1]) == [""]
    assert ImportRun.objects.get().status == "failed"


def test_failed_imports_are_listed_for_administrators_with_their_error(
    client, translator, django_user_model, large, queued
):
    data, refs = amharic_file()
    html(upload(client, data.replace(refs[0].encode(), b"lifeevent/999999/title")))
    work(queued)
    assert client.get("/admin/translations/failed-imports/").status_code in (302, 403)
    administrator = django_user_model.objects.create_user("admin-anna", password="pw")
    administrator.groups.add(Group.objects.get(name=roles.ADMINISTRATORS))
    client.force_login(administrator)
    listed = html(client.get("/admin/translations/failed-imports/"))
    row = listed[listed.index('id="failed-imports"') :]
    assert "selam" in row and "am.xlf" in row and "lifeevent/999999/title" in row
    run = ImportRun.objects.get()
    assert "lifeevent/999999/title" in html(client.get(f"{UPLOAD}{run.pk}/"))


def test_an_import_failing_while_it_writes_leaves_no_text_written_and_shows_the_error(
    client, translator, large, queued, monkeypatch
):
    data, refs = amharic_file(3)
    checked = html(upload(client, data))
    work(queued)
    checked = html(client.get(refresh_target(checked)))
    assert "3 texter skulle ändras." in checked

    original, calls = exchange.write_translation, []

    def fails_at_the_third(unit, language, target):
        calls.append(target)
        if len(calls) % 3 == 0:
            raise RuntimeError("the disk is full")
        return original(unit, language, target)

    monkeypatch.setattr(exchange, "write_translation", fails_at_the_third)
    importing = html(client.post(UPLOAD, confirm_form(checked)))
    for _attempt in range(tasks.MAX_ATTEMPTS):  # retried with backoff, then failed
        with pytest.raises(RuntimeError):
            work(queued)
    assert not queued
    assert len(calls) == 3 * tasks.MAX_ATTEMPTS  # two written each time, then rolled back
    page = html(client.get(refresh_target(importing)))
    assert "Inget importerades." in page and "RuntimeError: the disk is full" in page
    assert "inget skrevs" in page
    assert written(refs) == ["", "", ""]
    assert not TranslationEvent.objects.filter(action="imported").exists()
    run = ImportRun.objects.get(dry_run=False)
    assert (run.status, run.attempts) == ("failed", tasks.MAX_ATTEMPTS)


def test_a_run_whose_worker_was_stopped_is_shown_as_failed(client, translator, large, queued):
    data, _refs = amharic_file()
    waiting = html(upload(client, data))
    run = ImportRun.objects.get()
    run.status, run.started_at = "running", timezone.now() - tasks.LOST_AFTER * 2
    run.save()
    page = html(client.get(refresh_target(waiting)))
    assert "Importen avbröts innan den var klar" in page and "http-equiv" not in page
    assert work(queued) == ["taken"]  # a late worker writes nothing


def only(data: bytes, refs: list[str]) -> bytes:
    """The XLIFF file with only these units."""
    unit = re.compile(r'\s*<trans-unit id="([^"]+)".*?</trans-unit>', re.S)
    return unit.sub(lambda m: m.group(0) if m.group(1) in refs else "", data.decode()).encode()


def test_the_size_of_the_file_chooses_the_request_or_a_worker(client, translator, queued):
    data, refs = amharic_file()
    few = only(data, refs)
    assert tasks.estimated_units(few, "xliff") == 1
    checked = html(upload(client, few))  # nothing runs the queue: the request did it
    assert not queued and "Filen är giltig. Inget har skrivits ännu." in checked
    html(client.post(UPLOAD, confirm_form(checked)))
    assert written(refs) == [SFI]

    # The whole Amharic work list is more than a request should take on.
    assert tasks.estimated_units(data, "xliff") > tasks.INLINE_UNITS
    assert "Importen körs…" in html(upload(client, data)) and len(queued) == 1


def test_units_are_counted_in_both_formats_without_parsing():
    xliff = exchange.export_xliff("am")
    po = exchange.export_po("am")
    units = len(ids_in(xliff))
    assert tasks.estimated_units(xliff, "xliff") == units
    assert tasks.estimated_units(po, "po") == units + 1  # and the header


def test_a_run_is_shown_only_to_who_sent_it(client, translator, django_user_model, large):
    data, _refs = amharic_file()
    upload(client, data)
    run = ImportRun.objects.get()
    colleague = django_user_model.objects.create_user("almaz", password="pw")
    colleague.groups.add(roles.language_group("Översättare amhariska", ["am"]))
    client.force_login(colleague)
    assert client.get(f"{UPLOAD}{run.pk}/").status_code == 404
    refused = html(client.post(UPLOAD, {"run": run.pk, "confirm": "1"}))
    assert "Inget importerades." in refused  # her colleague's check is not hers to confirm
    assert ImportRun.objects.count() == 1
