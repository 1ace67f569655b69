"""Deploy-grade settings: check --deploy, CSP, rate limits, downloads, a database that is down."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60 + "not-a-real-secret-but-long-and-varied-0123456789",
        "ALLOWED_HOSTS": "jobba.example.se",
        "EMAIL_URL": "smtp+tls://jobba:secret@mail.example.se:587",  # required: notifications
        "SITE_URL": "https://jobba.example.se",  # required: cms.checks (printed QR codes)
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secrets():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("path", ["/", "/ar/", "/ar/folkbokforing/", "/material/", "/print/login/"])
def test_public_pages_carry_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_admin_keeps_its_own_inline_scripts(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200  # the dashboard itself, not a way to the login
    assert "Content-Security-Policy" not in response


@pytest.fixture
def strict(settings):
    cache.clear()  # rate-limit counts live in the cache
    settings.RATE_DOWNLOADS = settings.RATE_LOGINS = settings.RATE_PRINTS = "2/m"
    yield
    cache.clear()


def test_downloads_are_rate_limited_with_a_clear_answer(client, strict, empty_media):
    for _ in range(2):
        assert client.get("/material/poster.pdf").status_code == 200
    refused = client.get("/material/poster.pdf")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert 'role="alert"' in refused.content.decode()
    other = client.get("/material/poster.pdf", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # counted per address


@pytest.mark.parametrize("login", ["/admin/login/", "/print/login/"])
def test_logins_are_rate_limited(client, strict, login):
    wrong = {"username": "admin", "password": "guess"}
    assert [client.post(login, wrong).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(login).status_code == 200  # reading the form is not limited


def test_downloads_are_attachments_and_not_sniffed(client, empty_media):
    poster = client.get("/material/poster.pdf")
    assert poster["Content-Disposition"].startswith("attachment;")
    assert poster["Content-Type"] == "application/pdf"
    assert poster["X-Content-Type-Options"] == "nosniff"


DATABASE_DOWN = """
import django, os, re
django.setup()
from django.test import Client
for path in ("/ar/", "/sv/folkbokforing/", "/q/ABC123/ar/"):
    response = Client().get(path)
    body = response.content.decode()
    lang = re.search(r'<html lang="([^"]*)"', body)
    print(path, response.status_code, response.get("Retry-After"), "Traceback" in body,
          lang.group(1) if lang else "-")
"""


def test_with_the_database_down_public_pages_answer_503_without_a_traceback():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",  # nothing listens on port 9
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DATABASE_DOWN],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = result.stdout.split("\n")
    assert result.returncode == 0, result.stderr[-2000:]
    found = {path: rest for path, *rest in (line.split() for line in lines if line)}
    assert found == {
        "/ar/": ["503", "60", "False", "ar"],  # the page in the language of its address
        "/sv/folkbokforing/": ["503", "60", "False", "sv"],
        "/q/ABC123/ar/": ["503", "60", "False", found["/q/ABC123/ar/"][-1]],
    }
    assert found["/q/ABC123/ar/"][-1] in {"ar", "sv"}  # her language, or the Swedish source
