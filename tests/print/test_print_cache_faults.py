"""Packs under concurrency and faults: built once, never served half-written, and a killed
builder's lease lapses (within seconds with Redis) so that the pack is built again."""

import pytest

from tests.isolated import run

pytestmark = pytest.mark.django_db

SCRIPT = """
import io, multiprocessing as mp, os, zipfile
import django
django.setup()
from django.core.management import call_command
from django.db import connections
call_command("load_demo", "--skip-audio", stdout=open(os.devnull, "w"))
connections.close_all()

import time
from django.core.files.storage import default_storage
from print import builds, cache, jobs, packs, tasks

COUNT = os.environ["BUILD_COUNT_FILE"]
original = packs._build
def counted(*args, **kwargs):
    with open(COUNT, "a") as marks:
        marks.write("x")
    return original(*args, **kwargs)
packs._build = counted

def fresh():
    connections.close_all()  # never share a connection across a fork

ARABIC = jobs.pack("servicekontor", ["ar"], "office")
SOMALI = jobs.pack("servicekontor", ["so"], "office")

def same_pack(queue):  # two workers given the same build (two requests, two app servers)
    fresh()
    queue.put(tasks.run(ARABIC))

def killed_while_storing():
    fresh()
    os.replace = lambda *args: os._exit(9)  # dies after writing aside, before the rename
    tasks.run(SOMALI)

ctx = mp.get_context("fork")
queue = ctx.Queue()
workers = [ctx.Process(target=same_pack, args=(queue,)) for _ in range(2)]
for worker in workers:
    worker.start()
outcomes = sorted(queue.get(timeout=240) for _ in workers)
for worker in workers:
    worker.join()
print("builds", len(open(COUNT).read()))
print("one-built", outcomes in (["built", "busy"], ["built", "stored"]))
stored_pack = cache.read(ARABIC.plan().name)
print("complete", zipfile.ZipFile(io.BytesIO(stored_pack)).testzip() is None)

victim = ctx.Process(target=killed_while_storing)
victim.start()
victim.join()
print("exit", victim.exitcode)

def stored(folder="print-cache"):
    dirs, files = default_storage.listdir(folder)
    found = [f"{folder}/{name}" for name in files]
    for sub in dirs:
        found += stored(f"{folder}/{sub}")
    return found
names = stored()
print("partials", sum(".partial-" in name for name in names))
def whole(name):
    data = default_storage.open(name, "rb").read()
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    return zipfile.ZipFile(io.BytesIO(data)).testzip() is None
print("served-files-whole", all(whole(n) for n in names if ".partial-" not in n))
fresh()
# A partner's "being prepared" page reloading: prepared while the dead builder's lease lasts
# (with Redis: seconds), then built and served.
again = None
for _reload in range(60):
    again = builds.ask(SOMALI).data
    if again is not None:
        break
    time.sleep(1)
whole_again = again is not None and zipfile.ZipFile(io.BytesIO(again)).testzip() is None
print("rebuilt-complete", whole_again)
"""


def test_two_requests_build_once_and_a_killed_worker_leaves_nothing_half_written(tmp_path):
    env = {"BUILD_COUNT_FILE": str(tmp_path / "builds"), "TEST_MEDIA_ROOT": str(tmp_path / "media")}
    result = run(SCRIPT, tmp_path, env=env)
    report = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert result.returncode == 0, result.stderr[-3000:]
    assert report == {
        "builds": "1",
        "one-built": "True",
        "complete": "True",
        "exit": "9",
        "partials": "1",
        "served-files-whole": "True",
        "rebuilt-complete": "True",
    }
