"""A database made by the code before the apps were split ([S]) migrates forward and works.

The old code itself (from git history) migrates a database, loads the demo, starts a joint
approval with one agency's approval, adds a recording, a counter and a group of its own; then
today's code migrates the same database. Every row is still there, rights and the workflow
follow their models, the public pages, the print station and print answer, and the QR pages
read every card in every language as before (language editions made from what was approved).
"""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
BEFORE_APPS = "c8ae33fccf1a5df72b6286311b6c19cde050f8ae"  # the last commit with one app
MOVED = {  # old label: new label
    "dialogue.TranslationState": "translations.TranslationState",
    "dialogue.GroupLanguages": "translations.GroupLanguages",
    "dialogue.JointApprovalTask": "approval.JointApprovalTask",
    "dialogue.JointApprovalTaskState": "approval.JointApprovalTaskState",
    "dialogue.AgencyApproval": "approval.AgencyApproval",
    "dialogue.AudioRecording": "audio.AudioRecording",
    "dialogue.Counter": "followup.Counter",
    "dialogue.Office": "print.Office",
    "dialogue.StaffProfile": "print.StaffProfile",
}

# Models made after the split.
NEW_SINCE = {
    "translations.TranslationEvent",
    "audio.LanguageNameRecording",
    "print.BuildFailure",
    "print.PrintedEdition",
    "audio.TermRecording",
    "translations.UnitComment",
    "translations.ImportRun",
    "contacts.Contact",
    "contacts.ContactPhone",
    "contacts.ServiceLine",
    "contacts.OpeningHours",
}

OLD_SCRIPT = """
import json, django
django.setup()
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from dialogue.models import AudioRecording, Counter, DialogueCard, JointMessage

# A joint approval in progress (owned by AF, FK and MV), approved by AF only.
message = JointMessage.objects.get(slug="myndigheternas-ansvar")
message.headline_sv = message.headline_sv + " Nu."
message.save_revision(user=User.objects.get(username="redaktor"))
message.get_workflow().start(message, User.objects.get(username="redaktor"))
message.refresh_from_db()
state = message.current_workflow_task_state.specific
state.task.specific.on_action(state, User.objects.get(username="godkannare-af"), "approve")
card = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
AudioRecording.objects.create(card=card, language="ar", file="audio/x/ar-0.wav", format="wav",
    mime_type="audio/wav", duration=1.0, size=44, recorded_by="test", source_fingerprint="x")
Counter.objects.create(granularity="day", period_start=timezone.now().date(),
    event="qr_opened", card=card.code, language="ar", channel="qr", count=7)
group = Group.objects.create(name="Kontor Malmö")
group.permissions.add(Permission.objects.get(codename="use_print_station"))
from django.test import Client
# What the public reads on each card's QR page in a few languages: the heading, and whether the
# card is there in that language (only then has the page its "Listen" section).
client = Client()
def read(card, lang):
    body = client.get(f"/q/{card.code}/{lang}/").content.decode()
    return body.split("<h1", 1)[1].split("</h1>", 1)[0] + str('class="listen"' in body)
print(json.dumps({f"{c.code}/{lang}": read(c, lang)
                  for c in DialogueCard.objects.filter(live=True, retired_at=None)
                  for lang in ("ar", "ti", "so", "ps", "uk")}))
print(json.dumps({m._meta.label: m._base_manager.count() for m in apps.get_models()
                  if m._meta.app_label == "dialogue"}))
"""

NEW_SCRIPT = """
import json, django
django.setup()
from io import StringIO
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from wagtail.models import Task
from dialogue.models import DialogueCard, JointMessage

found = {"rows": {m._meta.label: m._base_manager.count() for m in apps.get_models()
                  if m._meta.app_label in ("dialogue", "translations", "approval", "audio",
                                           "followup", "print", "contacts")}}
found["own group prints"] = "print.use_print_station" in {
    f"{p.content_type.app_label}.{p.codename}"
    for p in Group.objects.get(name="Kontor Malmö").permissions.all()}
found["reviewer approves"] = User.objects.get(username="granskare-ti").has_perm(
    "translations.approve_translation")
found["editor uploads recordings"] = User.objects.get(username="redaktor").has_perm(
    "audio.add_audiorecording")
found["task types"] = sorted(type(t.specific).__module__ for t in Task.objects.all())
message = JointMessage.objects.get(slug="myndigheternas-ansvar")
state = message.current_workflow_task_state.specific
found["state type"] = type(state).__module__
found["still pending"] = sorted(a.short_name for a in state.pending())
card = DialogueCard.objects.get(slug="foraldraledig-och-pa-vag")
client = Client()
found["pages"] = {url: client.get(url).status_code for url in
                  ("/ar/", f"/q/{card.code}/ar/", "/material/", "/sv/foraldraledighet/")}
def read(card, lang):
    body = client.get(f"/q/{card.code}/{lang}/").content.decode()
    return body.split("<h1", 1)[1].split("</h1>", 1)[0] + str('class="listen"' in body)
found["read"] = {f"{c.code}/{lang}": read(c, lang)
                 for c in DialogueCard.objects.filter(live=True, retired_at=None)
                 for lang in ("ar", "ti", "so", "ps", "uk")}
client.force_login(User.objects.get(username="servicekontor"))
found["pages"]["/print/"] = client.get("/print/").status_code
out = StringIO()
call_command("render_card", card.code, "--lang", "ar", "--out", "card.pdf", stdout=out)
found["render_card"] = out.getvalue().strip()
print(json.dumps(found))
"""


def _database(tmp_path: Path):
    db = settings.DATABASES["default"]
    if not db["ENGINE"].endswith("postgresql"):
        return f"sqlite:///{tmp_path / 'upgrade.sqlite3'}", None
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db.get("PASSWORD") else f"{db['USER']}@"
    server = f"postgres://{auth}{db['HOST']}:{db['PORT'] or 5432}"
    name = f"jobba_upgrade_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}", (server, name)


def _run(args, code: Path, env: dict, cwd: Path | None = None) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=cwd or code, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _old_tree(tmp_path: Path) -> Path:
    known = subprocess.run(  # noqa: S603
        ["git", "cat-file", "-e", f"{BEFORE_APPS}^{{commit}}"],  # noqa: S607
        cwd=ROOT, capture_output=True, timeout=30,
    )  # fmt: skip
    # The old code is part of this repository's history: a clone without it cannot show that an
    # old database migrates forward, so that is a failure, not a skip.
    assert known.returncode == 0, f"commit {BEFORE_APPS} (before the split) is not in this clone"
    archive = tmp_path / "old.tar"
    subprocess.run(  # noqa: S603
        ["git", "archive", "--output", str(archive), BEFORE_APPS],  # noqa: S607
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    old = tmp_path / "old"
    with tarfile.open(archive) as tar:
        tar.extractall(old, filter="data")
    return old


@pytest.mark.django_db
def test_a_database_from_before_the_split_migrates_forward_and_works(tmp_path):
    old = _old_tree(tmp_path)
    url, created = _database(tmp_path)
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env = {
        **environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DEBUG": "1",  # load_demo makes the demo users only then
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
        "PRINT_FONT_CACHE_DIR": str(tmp_path / "fonts"),
    }
    try:
        _run(["manage.py", "migrate", "--noinput", "-v0"], old, env)
        _run(["manage.py", "load_demo", "--skip-audio"], old, env)
        printed = _run(["-c", OLD_SCRIPT], old, env).splitlines()
        read_before, before = json.loads(printed[-2]), json.loads(printed[-1])
        _run(["manage.py", "migrate", "--noinput", "-v0"], ROOT, env)
        work = tmp_path / "work"
        work.mkdir()
        env_new = {**env, "PYTHONPATH": str(ROOT)}
        after = json.loads(_run(["-c", NEW_SCRIPT], ROOT, env_new, work).splitlines()[-1])
    finally:
        if created:
            server, name = created
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # Models made after the split have no rows in the old database; the migration adds them empty.
    assert {label: after["rows"].pop(label) for label in NEW_SINCE} == dict.fromkeys(NEW_SINCE, 0)
    assert {MOVED.get(label, label): n for label, n in before.items()} == after["rows"]
    assert after["rows"]["approval.AgencyApproval"] == 1
    assert after["own group prints"] and after["reviewer approves"]
    assert after["editor uploads recordings"]
    assert "approval.models" in after["task types"]
    assert after["state type"] == "approval.models"
    assert after["still pending"] == ["FK", "MV"]  # AF's approval survived the move
    assert after["pages"] == dict.fromkeys(after["pages"], 200)
    assert after["render_card"].startswith("Wrote card.pdf (")
    # Editions were made from what was approved: the public reads every card as before ([E] 8).
    assert after["read"] == read_before
    assert sum(value.endswith("True") for value in read_before.values()) > 10
    assert (work / "card.pdf").read_bytes().startswith(b"%PDF-")
