"""Run a script against a fresh, migrated database of the same kind as the test database.

Concurrency needs real commits seen by several connections, which the rolled-back test
transaction cannot give; a separate database keeps the other tests' demo content intact.

`migrate` runs once per test run and kind, into a template: a SQLite file, or a PostgreSQL
database. Each script gets a copy of it (SQLite's backup API, or `CREATE DATABASE ... TEMPLATE`),
and whatever is made here is dropped when the test run ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SQLITE, POSTGRESQL = "sqlite", "postgresql"
MIGRATE_TIMEOUT = 300  # seconds; a migrate takes about ten
SCRIPT_TIMEOUT = 300

_templates: dict[str, str] = {}  # kind: the template's file (SQLite) or database name
_scratch: list[Path] = []  # the folder that holds the SQLite template
_databases: set[str] = set()  # PostgreSQL copies not dropped yet
_cleanup_registered: list[bool] = []


def kind() -> str:
    """The kind of database the test run uses."""
    engine = settings.DATABASES["default"]["ENGINE"]
    return POSTGRESQL if engine.endswith("postgresql") else SQLITE


def server() -> str:
    """The test database's PostgreSQL server, as a URL without a database name."""
    db = settings.DATABASES["default"]
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db.get("PASSWORD") else f"{db['USER']}@"
    return f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def _admin(sql: str) -> None:
    with psycopg.connect(f"{server()}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def environment(url: str, **extra: str) -> dict[str, str]:
    """This process's environment with the given database and the test settings."""
    inherited = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    test = {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    return {**inherited, **test, **extra}


def _migrate(url: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env=environment(url), check=True, capture_output=True, timeout=MIGRATE_TIMEOUT,
    )  # fmt: skip


def _clean_up() -> None:
    for name in [*_databases, *([_templates[POSTGRESQL]] if POSTGRESQL in _templates else [])]:
        with suppress(psycopg.Error):  # the server went away first: nothing left to drop
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _databases.clear()
    _templates.clear()
    for folder in _scratch:
        shutil.rmtree(folder, ignore_errors=True)
    _scratch.clear()


def template(of: str | None = None) -> str:
    """The migrated template of that kind, made on first use: a file path or a database name."""
    of = of or kind()
    if of in _templates:
        return _templates[of]
    if not _cleanup_registered:
        atexit.register(_clean_up)
        _cleanup_registered.append(True)
    if of == SQLITE:
        if not _scratch:
            _scratch.append(Path(tempfile.mkdtemp(prefix="jobba-template-")))
        path = _scratch[0] / "template.sqlite3"
        path.unlink(missing_ok=True)  # what a failed migrate left
        _migrate(f"sqlite:///{path}")
        _templates[of] = str(path)
    else:
        name = f"jobba_template_{uuid.uuid4().hex[:10]}"
        _admin(f'CREATE DATABASE "{name}"')
        try:
            _migrate(f"{server()}/{name}")
        except BaseException:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            raise
        _templates[of] = name
    return _templates[of]


@dataclass(frozen=True)
class Database:
    url: str
    name: str | None = None  # a PostgreSQL database, dropped by drop()

    def drop(self) -> None:
        if self.name:
            _admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            _databases.discard(self.name)


def database(folder: Path, of: str | None = None) -> Database:
    """A fresh copy of the migrated template; a SQLite copy is a file in `folder`."""
    of = of or kind()
    source = template(of)
    if of == SQLITE:
        path = folder / f"isolated-{uuid.uuid4().hex[:6]}.sqlite3"
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(path)) as copy:
            src.backup(copy)  # consistent even with the template in WAL mode
        return Database(f"sqlite:///{path}")
    name = f"jobba_iso_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    _databases.add(name)
    return Database(f"{server()}/{name}", name)


def run(
    script: str, tmp_path: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run `script` with python -c in a fresh migrated database and a media folder of its own;
    `env` adds to (or overrides) the environment."""
    db = database(tmp_path)
    try:
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=environment(db.url, **{"TEST_MEDIA_ROOT": str(tmp_path / "media"), **(env or {})}),
            capture_output=True,
            text=True,
            timeout=SCRIPT_TIMEOUT,
        )
    finally:
        db.drop()
