"""Backup and restore: the whole database and the media files in one archive.

The database goes through Django's own serialization (`dumpdata --natural-foreign --all`, JSON),
not pg_dump: one archive restores on SQLite and on PostgreSQL alike, so a production backup
loads into a test instance and a move between the two needs nothing more. Rows keep their
primary keys (revisions, workflow states, log entries and translation states point at content
through generic relations, by id); content types and permissions, whose ids `migrate` decides,
are named by natural key. Files go through the storage API, so S3 works like local media.

An archive is a tar.gz holding
  data.json        the database, as `dumpdata` writes it (times to the microsecond)
  media/<path>     every file in the default storage except the print cache (rebuilt on demand)
  manifest.json    format, applied migrations, rows per model, and path, size and SHA-256 of
                   data.json and of every file
  manifest.sha256  the manifest's own checksum

A restore reads and verifies the whole archive before it touches anything, refuses an instance
that holds more than `migrate` made, and loads every row in one transaction.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, router, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "jobba-i-sverige-backup"
VERSION = 1
DATA = "data.json"
MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.sha256"
MANIFEST_KEYS = {"format", "version", "software", "migrations", "rows", "data", "files"}
MEDIA = "media/"
SERIALIZATION = "backup-json"  # JSON with microseconds (dialogue.backup_json)
CHUNK = 1024 * 1024

# Top-level media folders that are not content.
SKIPPED_MEDIA = {
    "print-cache": "rendered PDFs and packs, rebuilt on demand",
    ".locks": "print build locks of the running instance",
}

# Models left out of a backup, and why.
NOT_BACKED_UP = {
    "contenttypes.contenttype": "made by migrate; rows name them by natural key",
    "auth.permission": "made by migrate; groups and users name them by natural key",
    "sessions.session": "logins do not outlive a restore",
    "wagtailcore.referenceindex": "derived from the content; rebuilt by a restore",
    "wagtailsearch.indexentry": "derived, and its columns differ per database; rebuilt",
    "wagtailsearch.sqliteftsindexentry": "SQLite's half of the same search index",
    "wagtailadmin.editingsession": "who has an editor open at this moment",
    "django_tasks_db.dbtaskresult": "queued background work: restored, it would run twice",
}

# What `migrate` puts into a new instance: Wagtail's root page, site, collection, locale and
# default permissions, our roles and approval workflow. A restore replaces these rows with the
# backup's (their ids may differ); a row of any other model means the instance is in use.
MADE_BY_MIGRATE = {
    "auth.group",
    "wagtailcore.locale",
    "wagtailcore.site",
    "wagtailcore.page",
    "wagtailcore.collection",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.workflow",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "approval.jointapprovaltask",
}


class BackupError(Exception):
    """A backup that cannot be written or an archive that cannot be restored; says why."""


@dataclass
class Summary:
    rows: dict[str, int]
    files: int
    bytes: int
    # Permissions left out because this database has no such model, per model.
    dropped_permissions: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass
class Archive:
    """A verified archive, unpacked into a work folder."""

    manifest: dict
    data: Path
    files: dict[str, Path]  # storage name: unpacked copy


def backed_up_models() -> list:
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in NOT_BACKED_UP
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)  # no proxy, unmanaged, swapped
    ]


def media_files(storage=None) -> list[str]:
    """Every file name in the storage, through listdir (S3 too), without the skipped folders."""
    storage = storage or default_storage
    found: list[str] = []

    def walk(folder: str) -> None:
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:  # local media folder not made yet
            return
        found.extend(f"{folder}{name}" for name in sorted(files))
        for name in sorted(folders):
            if folder or name not in SKIPPED_MEDIA:
                walk(f"{folder}{name}/")

    walk("")
    return found


def applied_migrations(app_labels) -> dict[str, list[str]]:
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        label: sorted(name for app, name in applied if app == label) for label in sorted(app_labels)
    }


def count_rows() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in backed_up_models()}


# Writing


def write(out: Path) -> Summary:
    """Write the archive to `out` whole or not at all (written aside, then renamed)."""
    if out.exists():
        raise BackupError(f"{out} exists already; a backup never overwrites one.")
    if not out.parent.is_dir():
        raise BackupError(f"There is no folder {out.parent}.")
    partial = out.with_name(f".{out.name}.partial-{uuid.uuid4().hex}")
    try:
        with tempfile.TemporaryDirectory() as work:
            data = Path(work) / DATA
            rows, migrations = _dump(data)
            with (
                _private(partial) as raw,
                # The gzip header names the archive, not the temporary name it is written under.
                gzip.GzipFile(out.name.removesuffix(".gz"), "wb", fileobj=raw) as compressed,
                tarfile.open(fileobj=compressed, mode="w") as tar,
                data.open("rb") as stream,
            ):
                data_entry = _add(tar, DATA, stream, data.stat().st_size)
                files = [_add_media(tar, name) for name in media_files()]
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "created": timezone.now().isoformat(),
                    "database": connection.vendor,
                    "software": {"django": django.__version__, "wagtail": wagtail.__version__},
                    "migrations": migrations,
                    "rows": rows,
                    "data": data_entry,
                    "files": files,
                    "left_out": {f"{name}/": why for name, why in SKIPPED_MEDIA.items()},
                }
                listing = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
                _add(tar, MANIFEST, io.BytesIO(listing), len(listing))
                digest = hashlib.sha256(listing).hexdigest().encode()
                _add(tar, MANIFEST_SUM, io.BytesIO(digest), len(digest))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return Summary(rows, len(files), sum(entry["size"] for entry in files))


def _private(path: Path):
    """A new file only its owner can read: the archive holds password hashes. Made so from the
    start (not chmod-ed after), so no moment exists when another account could open it."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _dump(path: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    models = backed_up_models()
    outermost = not connection.in_atomic_block
    # One transaction: counts and rows come from the same moment. On PostgreSQL that needs a
    # snapshot for the whole transaction (read committed takes one per statement); inside an
    # outer transaction (tests) the isolation level is already fixed.
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        rows = count_rows()
        migrations = applied_migrations({model._meta.app_label for model in models})
        # dumpdata writes text to the stream it is given; an explicit UTF-8 file does not
        # depend on the locale of the shell that runs the backup.
        serializers.register_serializer(SERIALIZATION, "ops.backup_json")
        with path.open("w", encoding="utf-8") as stream:
            call_command(
                "dumpdata",
                *(model._meta.label for model in models),
                format=SERIALIZATION,
                use_natural_foreign_keys=True,
                use_base_manager=True,  # every row, whatever a default manager filters
                stdout=stream,
                verbosity=0,
            )
    return rows, migrations


class _Hashing:
    """Reads through to `source`, hashing and counting what passes."""

    def __init__(self, source):
        self.source, self.sha256, self.size = source, hashlib.sha256(), 0

    def read(self, size=-1):
        chunk = self.source.read(size)
        self.sha256.update(chunk)
        self.size += len(chunk)
        return chunk


def _add(tar: tarfile.TarFile, name: str, stream, size: int) -> dict:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(timezone.now().timestamp()), 0o644
    hashing = _Hashing(stream)
    tar.addfile(info, hashing)  # reads exactly `size` bytes, or fails if the file is shorter
    return {"size": hashing.size, "sha256": hashing.sha256.hexdigest()}


def _add_media(tar: tarfile.TarFile, name: str) -> dict:
    try:
        with default_storage.open(name, "rb") as stream:
            entry = _add(tar, MEDIA + name, stream, default_storage.size(name))
    except OSError as error:
        raise BackupError(f"Could not read the media file {name}: {error}") from error
    return {"path": name, **entry}


# Reading and restoring


def read(path: Path, work: Path) -> Archive:
    """Unpack `path` into `work` and check it against its manifest, or raise BackupError."""
    found: dict[str, tuple[Path, int, str]] = {}
    unexpected: list[str] = []
    try:
        with tarfile.open(path, "r:gz") as tar:
            for number, member in enumerate(tar):
                if not member.isfile() or member.name in found:
                    unexpected.append(member.name)
                    continue
                # Numbered copies: names from the archive never become paths on this machine
                # (the data keeps its name: loaddata goes by the extension).
                copy = work / (DATA if member.name == DATA else str(number))
                found[member.name] = (copy, *_copy(tar.extractfile(member), copy))
            # Read on to the end of the gzip stream, whose length and CRC gzip checks there:
            # a cut or damaged tail is refused too, not only damage inside the entries.
            while tar.fileobj.read(CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(f"{path} is damaged or truncated ({error}).") from error
    if unexpected:
        raise BackupError(f"{path} holds unexpected entries: {', '.join(unexpected[:10])}")
    manifest = _manifest(path, found)
    expected = {DATA: manifest["data"]} | {MEDIA + f["path"]: f for f in manifest["files"]}
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    damaged = sorted(
        name
        for name in set(expected) & set(found)
        if found[name][1:] != (expected[name]["size"], expected[name]["sha256"])
    )
    problems = [
        f"{label}: {', '.join(names[:10])}{' …' if len(names) > 10 else ''}"
        for label, names in (("missing", missing), ("not listed", extra), ("damaged", damaged))
        if names
    ]
    if problems:
        raise BackupError(f"{path} does not match its manifest. " + "; ".join(problems))
    return Archive(
        manifest=manifest,
        data=found[DATA][0],
        files={f["path"]: found[MEDIA + f["path"]][0] for f in manifest["files"]},
    )


def _copy(source, target: Path) -> tuple[int, str]:
    sha256, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            sha256.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return size, sha256.hexdigest()


def _manifest(path: Path, found: dict) -> dict:
    if MANIFEST not in found or MANIFEST_SUM not in found:
        raise BackupError(f"{path} has no manifest: it was not made by `manage.py backup`.")
    copy, _size, digest = found.pop(MANIFEST)
    if found.pop(MANIFEST_SUM)[0].read_text("ascii", errors="replace").strip() != digest:
        raise BackupError(f"{path} is damaged: its manifest does not match its checksum.")
    try:
        manifest = json.loads(copy.read_text("utf-8"))
    except ValueError as error:
        raise BackupError(f"{path} has an unreadable manifest ({error}).") from error
    if not isinstance(manifest, dict):
        raise BackupError(f"{path} has an unreadable manifest.")
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(
            f"{path} is not a backup this version can restore "
            f"(format {manifest.get('format')!r}, version {manifest.get('version')!r})."
        )
    if not set(manifest) >= MANIFEST_KEYS:
        raise BackupError(f"{path} has an incomplete manifest.")
    for entry in manifest["files"]:
        if not _safe(entry["path"]):
            raise BackupError(f"{path} names a media file outside the media: {entry['path']!r}")
    return manifest


def _safe(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name)
        and not PurePosixPath(name).is_absolute()
        and all(part not in ("", ".", "..") for part in parts)
        and parts[0] not in SKIPPED_MEDIA
    )


def occupied() -> list[str]:
    """What this instance holds beyond what `migrate` makes; empty when a restore may go in."""
    held = [
        f"{label} ({count} rows)"
        for label, count in count_rows().items()
        if count and label.lower() not in MADE_BY_MIGRATE
    ]
    files = media_files()
    if files:
        held.append(f"media ({len(files)} files)")
    return held


def restore(archive: Archive, dry_run: bool = False) -> Summary:
    """Load a verified archive into this empty instance: all rows and files, or nothing."""
    _same_migrations(archive.manifest)
    held = occupied()
    if held:
        shown = ", ".join(held[:8]) + (", …" if len(held) > 8 else "")
        raise BackupError(
            f"This instance is not empty: {shown}. A restore goes only into a freshly migrated "
            "database with empty media."
        )
    dropped = _without_unknown_permissions(archive.data)
    written: list[str] = []
    try:
        with transaction.atomic():
            _clear()
            try:
                call_command("loaddata", str(archive.data), verbosity=0, stdout=io.StringIO())
            except Exception as error:  # loaddata names the row; the transaction rolls back
                raise BackupError(f"The archive's database could not be loaded: {error}") from error
            rows = count_rows()
            if rows != archive.manifest["rows"]:
                differ = sorted(
                    label
                    for label in set(rows) | set(archive.manifest["rows"])
                    if rows.get(label, 0) != archive.manifest["rows"].get(label, 0)
                )
                raise BackupError(f"Loaded rows differ from the manifest: {', '.join(differ)}")
            # Derived tables, left out of the archive: rebuilt from what was loaded.
            call_command("rebuild_references_index", verbosity=0, stdout=io.StringIO())
            call_command("update_index", verbosity=0, stdout=io.StringIO())
            # Deferred foreign keys are checked now, before any file is written, not at commit.
            connection.check_constraints()
            if dry_run:
                # No row stays. On PostgreSQL loaddata has moved id sequences on, which no
                # rollback undoes (sequences are not transactional); harmless.
                transaction.set_rollback(True)
            else:
                for name, copy in archive.files.items():
                    written.append(_put(name, copy))
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    sizes = sum(entry["size"] for entry in archive.manifest["files"])
    return Summary(rows, len(archive.files), sizes, dropped)


def _without_unknown_permissions(data: Path) -> dict[str, int]:
    """Drop from groups and users the permissions of models this database does not have.

    SQLite has one model more than PostgreSQL (Wagtail's full-text table), and administrators
    hold every permission, so a backup of a SQLite instance names permissions a PostgreSQL one
    cannot have; loaddata would stop at them. Nothing else is changed.
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    known = set(ContentType.objects.values_list("app_label", "model"))
    fields = {
        model._meta.label_lower: [
            f.name for f in model._meta.many_to_many if f.related_model is Permission
        ]
        for model in backed_up_models()
    }
    records = json.loads(data.read_text("utf-8"))
    dropped: dict[str, int] = {}
    for record in records:
        for name in fields.get(record["model"], ()):
            kept = []
            for key in record["fields"].get(name, []):  # [codename, app_label, model]
                if tuple(key[1:]) in known:
                    kept.append(key)
                else:
                    dropped[".".join(key[1:])] = dropped.get(".".join(key[1:]), 0) + 1
            record["fields"][name] = kept
    if dropped:
        data.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    return dropped


# The migration that moved models from dialogue into their own apps ([S]).
APPS_SPLIT = ("dialogue", "0009_models_moved_to_their_apps")


def _same_migrations(manifest: dict) -> None:
    app, split = APPS_SPLIT
    if split not in manifest["migrations"].get(app, [split]):
        raise BackupError(
            "The backup was made before the models moved from dialogue into their own apps "
            f"(migration {app} {split}), and names them by their old places. Restore it with "
            "the code version that made it, then update the code and migrate: the migration "
            "moves every row with its model."
        )
    ours = applied_migrations(set(manifest["migrations"]))
    differ = sorted(app for app, names in manifest["migrations"].items() if ours[app] != names)
    if differ:
        raise BackupError(
            f"The backup was made with other migrations than this instance has "
            f"({', '.join(differ)}). Restore with the code version that made the backup "
            f"(it ran Django {manifest['software']['django']}, "
            f"Wagtail {manifest['software']['wagtail']}), then migrate."
        )


def _clear() -> None:
    """Empty every backed-up table, so the rows `migrate` made give way to the backup's."""
    tables: list[str] = []
    for model in backed_up_models():
        tables.append(model._meta.db_table)
        tables.extend(
            m2m.remote_field.through._meta.db_table
            for m2m in model._meta.local_many_to_many
            if m2m.remote_field.through._meta.auto_created
        )
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608


def _put(name: str, copy: Path) -> str:
    with copy.open("rb") as stream:
        saved = default_storage.save(name, File(stream, name=PurePosixPath(name).name))
    if saved != name:
        default_storage.delete(saved)
        raise BackupError(f"The storage stored {name} as {saved}; nothing was restored.")
    return saved


def row_lines(summary: Summary) -> Iterator[str]:
    for label, count in sorted(summary.rows.items()):
        if count:
            yield f"  {label}: {count}"
