"""Packs under concurrency and faults: built once, never served half-written."""

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

from django.core.files.storage import default_storage
from print import packs

COUNT = os.environ["BUILD_COUNT_FILE"]
original = packs._build
def counted(*args, **kwargs):
    with open(COUNT, "a") as marks:
        marks.write("x")
    return original(*args, **kwargs)
packs._build = counted

def fresh():
    connections.close_all()  # never share a connection across a fork

def same_pack(queue):
    fresh()
    queue.put(packs.pack_zip("servicekontor", ["ar"], "office"))

def killed_while_storing():
    fresh()
    os.replace = lambda *args: os._exit(9)  # dies after writing aside, before the rename
    packs.pack_zip("servicekontor", ["so"], "office")

ctx = mp.get_context("fork")
queue = ctx.Queue()
workers = [ctx.Process(target=same_pack, args=(queue,)) for _ in range(2)]
for worker in workers:
    worker.start()
results = [queue.get(timeout=240) for _ in workers]
for worker in workers:
    worker.join()
print("builds", len(open(COUNT).read()))
print("identical", results[0] == results[1])
print("complete", all(zipfile.ZipFile(io.BytesIO(r)).testzip() is None for r in results))

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
again = packs.pack_zip("servicekontor", ["so"], "office")
print("rebuilt-complete", zipfile.ZipFile(io.BytesIO(again)).testzip() is None)
"""


def test_two_requests_build_once_and_a_killed_worker_leaves_nothing_half_written(tmp_path):
    env = {"BUILD_COUNT_FILE": str(tmp_path / "builds"), "TEST_MEDIA_ROOT": str(tmp_path / "media")}
    result = run(SCRIPT, tmp_path, env=env)
    report = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert result.returncode == 0, result.stderr[-3000:]
    assert report == {
        "builds": "1",
        "identical": "True",
        "complete": "True",
        "exit": "9",
        "partials": "1",
        "served-files-whole": "True",
        "rebuilt-complete": "True",
    }
