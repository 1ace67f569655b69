"""Run a script against a fresh, migrated database of the same kind as the test database.

Concurrency needs real commits seen by several connections, which the rolled-back test
transaction cannot give; a separate database keeps the other tests' demo content intact.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def _env(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return {**env, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}


def run(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    db = settings.DATABASES["default"]
    postgres = db["ENGINE"].endswith("postgresql")
    if postgres:
        name = f"jobba_iso_{uuid.uuid4().hex[:10]}"
        auth = f"{db['USER']}:{db['PASSWORD']}@" if db.get("PASSWORD") else f"{db['USER']}@"
        server = f"postgres://{auth}{db['HOST']}:{db['PORT'] or 5432}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'isolated.sqlite3'}"
    try:
        env = _env(url)
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        if postgres:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
