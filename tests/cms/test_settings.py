"""Settings come from the environment: run each case in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_of(module, env, *names):
    code = (
        "import json, django\n"
        "from django.conf import settings\n"
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, (json.loads(result.stdout) if result.returncode == 0 else None)


def test_defaults_are_sqlite_locmem_and_debug_off(tmp_path):
    result, values = settings_of(
        "cms.settings.dev", {"VAR_DIR": str(tmp_path)}, "DATABASES", "CACHES", "DEBUG"
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in values["DATABASES"] and str(tmp_path) in values["DATABASES"]
    assert "LocMemCache" in values["CACHES"]
    assert values["DEBUG"] == "False"


def test_environment_switches_on_postgres_redis_and_debug(tmp_path):
    env = {
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": "postgres://u:p@db.example:5432/jis",
        "REDIS_URL": "redis://cache.example:6379/1",
        "DEBUG": "1",
        "SITE_URL": "https://jobba.example.se/",
    }
    result, values = settings_of(
        "cms.settings.dev", env, "DATABASES", "CACHES", "DEBUG", "SITE_URL"
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in values["DATABASES"] and "db.example" in values["DATABASES"]
    assert "RedisCache" in values["CACHES"] and "cache.example" in values["CACHES"]
    assert values["DEBUG"] == "True"
    assert values["SITE_URL"] == "https://jobba.example.se"


def test_sqlite_gets_wal_and_immediate_transactions_and_postgres_none_of_it(tmp_path):
    _, sqlite = settings_of("cms.settings.dev", {"VAR_DIR": str(tmp_path)}, "DATABASES")
    assert "PRAGMA journal_mode=WAL;" in sqlite["DATABASES"]
    assert "PRAGMA synchronous=NORMAL;" in sqlite["DATABASES"]
    assert "'transaction_mode': 'IMMEDIATE'" in sqlite["DATABASES"]
    env = {"VAR_DIR": str(tmp_path), "DATABASE_URL": "postgres://u:p@db.example:5432/jis"}
    _, postgres = settings_of("cms.settings.dev", env, "DATABASES")
    assert "PRAGMA" not in postgres["DATABASES"]
    assert "transaction_mode" not in postgres["DATABASES"]


def test_s3_storage_when_bucket_is_set(tmp_path):
    env = {"VAR_DIR": str(tmp_path), "S3_BUCKET": "jis-media", "S3_ENDPOINT_URL": "http://s3.local"}
    result, values = settings_of("cms.settings.dev", env, "STORAGES")
    assert result.returncode == 0, result.stderr
    assert "S3Storage" in values["STORAGES"] and "jis-media" in values["STORAGES"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result, _ = settings_of(
        "cms.settings.production", {"VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "x"}, "DEBUG"
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_with_its_secrets_is_secure(tmp_path):
    env = {"VAR_DIR": str(tmp_path), "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "jobba.example.se"}
    result, values = settings_of(
        "cms.settings.production", env, "DEBUG", "SESSION_COOKIE_SECURE", "ALLOWED_HOSTS"
    )
    assert result.returncode == 0, result.stderr
    assert values == {
        "DEBUG": "False",
        "SESSION_COOKIE_SECURE": "True",
        "ALLOWED_HOSTS": "['jobba.example.se']",
    }
