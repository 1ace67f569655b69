"""Backup and restore: the database and the media in one archive, restored into an empty instance
on SQLite or PostgreSQL; damaged archives and instances in use are refused and left as they were.

The backup runs here, on the demo content inside the test transaction; each restore runs in a
subprocess against a fresh migrated database and media folder of its own, so neither the rolled
back test transaction nor the session's demo content is disturbed. Each instance is a copy of the
test run's migrated template of its kind (tests/isolated.py).
"""

import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
import wave
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import router
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model

from audio.models import AudioRecording
from cms import roles
from dialogue.models import Agency, DialogueCard
from followup import indicators
from followup.models import Counter, Event
from ops import backup
from print.models import Office, StaffProfile
from tests import isolated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_media")]

ROOT = Path(__file__).resolve().parents[2]
CARD = "foraldraledig-och-pa-vag"  # its messages are owned by FK and AF
DRAFT_TITLE = "Föräldraledig och på väg till jobb"
POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
# Rebuilt by a restore from what it loads, never copied: compared by what it finds, not rows.
NOT_COMPARED = {"wagtailsearch.IndexEntry", "wagtailsearch.SQLiteFTSIndexEntry"}
MIGRATE_MADE_PER_KIND = ("contenttypes.ContentType", "auth.Permission")


# What an instance holds, read the same way here and in the restored instance.


def snapshot() -> dict:
    """Rows per table (many-to-many tables too) and every media file with its SHA-256."""
    rows = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if router.allow_migrate_model("default", model) and model._meta.label not in NOT_COMPARED
    }
    media = Path(settings.MEDIA_ROOT)
    files = {
        path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    return {"rows": rows, "files": files}


def records() -> list[str]:
    """Every backed-up row, as Django serializes it with natural keys."""
    out = io.StringIO()
    labels = [model._meta.label for model in backup.backed_up_models()]
    call_command(
        "dumpdata", *labels, use_natural_foreign_keys=True, use_base_manager=True, stdout=out
    )
    return sorted(json.dumps(record, sort_keys=True) for record in json.loads(out.getvalue()))


def facts() -> dict:
    """What the restored instance must do with the rows: Wagtail's and ours, and serve them."""
    card = DialogueCard.objects.get(slug=CARD)
    state = card.current_workflow_task_state.specific
    editor = get_user_model().objects.get(username="backup-editor")
    recording = card.recordings.get(language="ar")
    found = {
        "task state": type(state).__name__,
        "still to approve": sorted(agency.short_name for agency in state.pending()),
        "approved by": sorted(a.agency.short_name for a in state.approvals.all()),
        "live title": card.title_sv,
        "draft title": card.get_latest_revision_as_object().title_sv,
        "revisions": card.revisions.count(),
        "password": editor.check_password("pw"),
        "groups": sorted(editor.groups.values_list("name", flat=True)),
        "may translate": editor.has_perm("translations.translate"),
        "office": StaffProfile.objects.get(user__username="backup-staff").office.name,
        "counted": sorted(map(list, Counter.objects.values_list("event", "language", "count"))),
    }
    client = Client()
    audio = client.get(recording.url)
    found["qr page"] = client.get(f"/q/{card.code}/sv/").status_code
    found["audio"] = hashlib.sha256(b"".join(audio.streaming_content)).hexdigest()
    return found


# Fresh instances in subprocesses.

PRELUDE = """
import io, json, sys
import django
django.setup()
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.ops.test_backup import facts, records, snapshot

def restore(*args):
    out = io.StringIO()
    try:
        call_command("restore", *args, stdout=out)
    except CommandError as error:
        return {"error": str(error)}
    return {"output": out.getvalue()}

def report(**values):
    print(json.dumps(values))
"""


@dataclass
class Instance:
    url: str
    media: Path

    def run(self, script: str, *args: str) -> dict:
        env = {
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "TEST_MEDIA_ROOT": str(self.media),
        }
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", PRELUDE + script, *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def instance(tmp_path):
    """A fresh, empty instance: a copy of the migrated template and an empty media folder."""
    made: list[isolated.Database] = []

    def make(kind: str = isolated.kind()) -> Instance:
        folder = tmp_path / f"instance-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        made.append(isolated.database(folder, kind))
        return Instance(made[-1].url, folder / "media")

    yield make
    for database in made:
        database.drop()


# The content that is backed up: the demo content, and what use adds to it.


def wav_bytes(seconds=1.0, rate=8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


@dataclass
class Source:
    archive: Path
    state: dict  # what the restored instance must hold
    records: list[str]
    facts: dict
    cached: str  # a print-cache file, which is left out


@pytest.fixture
def source(tmp_path, django_user_model) -> Source:
    users = django_user_model.objects

    def person(name, *groups):
        user = users.create_user(name, password="pw")
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    editor = person("backup-editor", roles.EDITORS)
    editor.user_permissions.add(Permission.objects.get(codename="translate"))
    approver = person("backup-af", roles.APPROVERS_PREFIX + "AF")
    staff = person("backup-staff", roles.SERVICE_OFFICE)
    office = Office.objects.create(name="Servicekontoret Backup", agency=Agency.objects.first())
    StaffProfile.objects.create(user=staff, office=office)
    users.create_superuser("backup-admin", password="pw")
    # A group deleted and made again: its id is no longer the one `migrate` gives it, so the
    # restore must replace what migrate made, not add to it.
    follow_up = Group.objects.get(name=roles.FOLLOW_UP)
    permissions = list(follow_up.permissions.all())
    follow_up.delete()
    Group.objects.create(name=roles.FOLLOW_UP).permissions.set(permissions)
    person("backup-follow-up", roles.FOLLOW_UP)

    # A draft in joint approval, approved by one of its two owners: revisions, a workflow
    # state, a task state of our own subclass, an agency approval, log entries.
    card = DialogueCard.objects.get(slug=CARD)
    card.title_sv = DRAFT_TITLE
    card.save_revision(user=editor)
    card.get_workflow().start(card, editor)
    card = DialogueCard.objects.get(slug=CARD)
    state = card.current_workflow_task_state.specific
    state.task.specific.on_action(state, approver, "approve", comment="Bra.")

    recording = AudioRecording(card=card, language="ar", recorded_by="test", synthetic=False)
    recording.file = ContentFile(wav_bytes(), name="ar.wav")
    recording.full_clean()
    recording.approved_at = timezone.now()  # heard by the public, so its URL answers
    recording.save()
    get_document_model().objects.create(
        title="Guide", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf")
    )
    indicators.add(Event.QR_OPENED, card=card.code, language="ar", channel="qr")
    indicators.add(Event.QR_OPENED, card=card.code, language="ar", channel="qr")
    indicators.add(Event.PACK_DOWNLOADED, 5, date(2026, 1, 5), language="so", channel="x")
    cached = default_storage.save("print-cache/0/card/test.pdf", ContentFile(b"%PDF-1.4"))

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--out", str(archive), stdout=io.StringIO())
    state = snapshot()
    assert cached in state["files"]
    state["files"] = {k: v for k, v in state["files"].items() if not k.startswith("print-cache/")}
    return Source(archive, state, records(), facts(), cached)


def assert_restored(source: Source, found: dict, same_kind: bool = True) -> None:
    assert "error" not in found, found.get("error")
    rows = dict(source.state["rows"])
    if not same_kind:  # made by each migrate; SQLite has one model more (full-text search)
        for label in MIGRATE_MADE_PER_KIND:
            rows[label] = found["state"]["rows"][label]
    assert found["state"]["rows"] == rows
    assert found["state"]["files"] == source.state["files"]
    assert found["records"] == source.records
    assert found["facts"] == source.facts


RESTORE_AND_REPORT = """
result = restore(sys.argv[1])
report(**result, state=snapshot(), records=records(), facts=facts())
"""


def test_a_restore_brings_back_every_row_and_file(source, instance):
    found = instance().run(RESTORE_AND_REPORT, str(source.archive))
    assert_restored(source, found)
    # The content that matters is there, and nothing of the print cache.
    assert source.state["rows"]["wagtailcore.WorkflowState"] == 1
    assert source.state["rows"]["approval.AgencyApproval"] == 1
    assert source.state["rows"]["translations.TranslationState"] > 100
    assert source.state["rows"]["followup.Counter"] == 2
    assert any(name.startswith("audio/") for name in found["state"]["files"])
    assert any(name.startswith("documents/") for name in found["state"]["files"])
    assert source.cached not in found["state"]["files"]
    assert source.facts["task state"] == "JointApprovalTaskState"
    assert source.facts["still to approve"] == ["FK"]
    assert source.facts["draft title"] == DRAFT_TITLE != source.facts["live title"]
    assert source.facts["qr page"] == 200
    rows = sum(source.state["rows"][m._meta.label] for m in backup.backed_up_models())
    assert f"Restored {rows} rows and {len(source.state['files'])} media files" in found["output"]


RESTORE_REPORT_AND_BACK_UP = """
from django.contrib.auth.models import Group, Permission
from cms import roles

result = restore(sys.argv[1])
state, rows = snapshot(), records()
# As the next migrate does on SQLite: administrators get every permission, also those of
# SQLite's own full-text model, which a PostgreSQL database does not have.
administrators = Group.objects.get(name=roles.ADMINISTRATORS)
administrators.permissions.add(*Permission.objects.filter(content_type__model="sqliteftsindexentry"))
call_command("backup", "--out", sys.argv[2], stdout=io.StringIO())
report(**result, state=state, records=rows, facts=facts())
"""


@pytest.mark.skipif(not POSTGRES, reason="moves between PostgreSQL (the suite's) and SQLite")
def test_an_archive_moves_between_postgresql_and_sqlite(source, instance, tmp_path):
    again = tmp_path / "from-sqlite.tar.gz"
    found = instance("sqlite").run(RESTORE_REPORT_AND_BACK_UP, str(source.archive), str(again))
    assert_restored(source, found, same_kind=False)
    found = instance("postgresql").run(RESTORE_AND_REPORT, str(again))
    assert_restored(source, found)
    assert "permissions on wagtailsearch.sqliteftsindexentry" in found["output"]


def test_the_archive_lists_every_file_with_its_checksum(source):
    with tarfile.open(source.archive, "r:gz") as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    media = Path(settings.MEDIA_ROOT)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert {name: entry["sha256"] for name, entry in listed.items()} == source.state["files"]
    assert all(entry["size"] == (media / name).stat().st_size for name, entry in listed.items())
    assert sorted(names) == sorted(
        ["data.json", "manifest.json", "manifest.sha256", *(f"media/{n}" for n in listed)]
    )
    assert manifest["rows"]["followup.Counter"] == 2
    assert "print-cache/" in manifest["left_out"]


def test_a_backup_never_overwrites_a_file(source, tmp_path):
    before = source.archive.read_bytes()
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", "--out", str(source.archive), stdout=io.StringIO())
    assert source.archive.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".gz")) == ["backup.tar.gz"]


def test_an_instance_with_content_is_refused_and_unchanged(source):
    before = snapshot()
    with pytest.raises(CommandError, match="This instance is not empty") as refused:
        call_command("restore", str(source.archive), stdout=io.StringIO())
    assert "dialogue.Agency (5 rows)" in str(refused.value)
    assert snapshot() == before


REFUSE = """
before = snapshot()
result = restore(*sys.argv[1:])
report(**result, before=before, after=snapshot())
"""


def test_an_instance_with_media_files_is_refused_and_unchanged(source, instance):
    target = instance()
    (target.media / "audio").mkdir(parents=True)
    (target.media / "audio" / "someone-elses.wav").write_bytes(wav_bytes())
    found = target.run(REFUSE, str(source.archive))
    assert "This instance is not empty: media (1 files)." in found["error"]
    assert found["after"] == found["before"]


def test_a_dry_run_loads_everything_and_writes_nothing(source, instance):
    found = instance().run(REFUSE, str(source.archive), "--dry-run")
    assert "error" not in found, found.get("error")
    assert found["after"] == found["before"]
    assert found["after"]["files"] == {}
    rows = sum(source.state["rows"][m._meta.label] for m in backup.backed_up_models())
    assert (
        f"Would restore {rows} rows and {len(source.state['files'])} media files"
        in (found["output"])
    )
    assert (
        f"translations.TranslationState: {source.state['rows']['translations.TranslationState']}"
        in (found["output"])
    )


# Damaged archives: each is refused with a reason, and the empty instance stays as it was.


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar}


def _pack(members: dict[str, bytes], out: Path, fix_manifest: bool) -> Path:
    if fix_manifest:  # a consistent archive whose content is wrong, not a damaged one
        manifest = json.loads(members["manifest.json"])
        data = members["data.json"]
        manifest["data"] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        members["manifest.json"] = json.dumps(manifest).encode()
        members["manifest.sha256"] = hashlib.sha256(members["manifest.json"]).hexdigest().encode()
    with gzip.open(out, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return out


def truncated(archive: Path, out: Path) -> Path:
    data = archive.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    return out


def bit_flipped(archive: Path, out: Path) -> Path:
    """One bit flipped from the middle on. Some bits change nothing (the padding after a stored
    deflate block's header): the first one that changes what the archive holds is taken."""
    data = archive.read_bytes()
    original = gzip.decompress(data)
    for position in range(len(data) // 2, len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        try:
            if gzip.decompress(bytes(damaged)) == original:
                continue
        except (OSError, EOFError, zlib.error):
            pass  # gzip itself refuses it: damage all the same
        out.write_bytes(bytes(damaged))
        return out
    raise AssertionError("no bit of the archive's second half changes what it holds")


def file_replaced(archive: Path, out: Path) -> Path:
    members = _members(archive)
    name = next(name for name in members if name.startswith("media/audio/"))
    members[name] = wav_bytes(seconds=2)
    return _pack(members, out, fix_manifest=False)


def rows_that_do_not_load(archive: Path, out: Path) -> Path:
    members = _members(archive)
    rows = json.loads(members["data.json"])
    # The last row points at a card that is not there: loading fails after most rows went in.
    rows[-1] = {
        "model": "dialogue.issuedcode",
        "pk": 999,
        "fields": {"code": "ZZZZZZ", "card": 999, "issued_at": "2026-01-01T00:00:00Z"},
    }
    members["data.json"] = json.dumps(rows).encode()
    return _pack(members, out, fix_manifest=True)


def other_migrations(archive: Path, out: Path) -> Path:
    members = _members(archive)
    manifest = json.loads(members["manifest.json"])
    manifest["migrations"]["dialogue"].append("9999_from_the_future")
    members["manifest.json"] = json.dumps(manifest).encode()
    return _pack(members, out, fix_manifest=True)


def from_before_the_apps(archive: Path, out: Path) -> Path:
    """A backup as the code before [S] wrote it: one app, nine models under dialogue."""
    members = _members(archive)
    manifest = json.loads(members["manifest.json"])
    for app in ("translations", "approval", "audio", "followup", "print"):
        manifest["migrations"].pop(app, None)
    manifest["migrations"]["dialogue"].remove("0009_models_moved_to_their_apps")
    manifest["rows"] = {
        f"dialogue.{label.split('.')[1]}" if label.split(".")[0] in ("translations", "audio")
        else label: count
        for label, count in manifest["rows"].items()
    }  # fmt: skip
    members["manifest.json"] = json.dumps(manifest).encode()
    return _pack(members, out, fix_manifest=True)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (truncated, "is damaged or truncated"),
        (bit_flipped, "is damaged"),
        (file_replaced, "does not match its manifest. damaged: media/audio/"),
        (rows_that_do_not_load, "The archive's database could not be loaded"),
        (other_migrations, "made with other migrations than this instance has (dialogue)"),
        (from_before_the_apps, "made before the models moved from dialogue into their own apps"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_damaged_archive_is_refused_and_the_instance_stays_as_it_was(
    source, instance, tmp_path, damage, reason
):
    damaged = damage(source.archive, tmp_path / "damaged.tar.gz")
    found = instance().run(REFUSE, str(damaged))
    assert found["error"].startswith("Nothing was restored.")
    assert reason in found["error"]
    assert found["after"] == found["before"]
    assert found["after"]["rows"]["auth.User"] == 0
    assert found["after"]["files"] == {}
