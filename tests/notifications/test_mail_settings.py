"""Mail is configured from the environment (EMAIL_URL, EMAIL_FROM); production must send it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMTP = "django.core.mail.backends.smtp.EmailBackend"
NAMES = [
    "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL",
    "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_FILE_PATH", "DEFAULT_FROM_EMAIL",
]  # fmt: skip


def environment(module, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    clean.pop("DEBUG", None)
    return {**clean, "DJANGO_SETTINGS_MODULE": module, **env}


def mail_settings(env):
    code = (
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {NAMES!r}}}))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT, env=environment("cms.settings.dev", env), capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    return result, (json.loads(result.stdout) if result.returncode == 0 else None)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("console:", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        (
            "smtp://relay.example.se",
            {"EMAIL_BACKEND": SMTP, "EMAIL_HOST": "relay.example.se", "EMAIL_PORT": 25,
             "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False},
        ),
        (
            "smtp+tls://jobba%40example.se:p%40ss:word@mail.example.se",
            {"EMAIL_BACKEND": SMTP, "EMAIL_HOST": "mail.example.se", "EMAIL_PORT": 587,
             "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False,
             "EMAIL_HOST_USER": "jobba@example.se", "EMAIL_HOST_PASSWORD": "p@ss:word"},
        ),
        (
            "smtps://u:p@mail.example.se:2465",
            {"EMAIL_BACKEND": SMTP, "EMAIL_PORT": 2465, "EMAIL_USE_SSL": True,
             "EMAIL_USE_TLS": False},
        ),
        (
            "file:///var/spool/jobba-mail",
            {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
             "EMAIL_FILE_PATH": "/var/spool/jobba-mail"},
        ),
    ],
)  # fmt: skip
def test_email_url_chooses_the_service(url, expected):
    result, values = mail_settings({"EMAIL_URL": url} if url else {})
    assert result.returncode == 0, result.stderr
    assert {name: values[name] for name in expected} == expected
    assert values["DEFAULT_FROM_EMAIL"] == "Jobba i Sverige <noreply@localhost>"


def test_an_unknown_mail_service_stops_the_start_and_the_sender_comes_from_email_from():
    result, _ = mail_settings({"EMAIL_URL": "smtpp://mail.example.se"})
    assert result.returncode != 0 and "EMAIL_URL" in result.stderr
    result, values = mail_settings({"EMAIL_FROM": "Jobba i Sverige <jobba@example.se>"})
    assert values["DEFAULT_FROM_EMAIL"] == "Jobba i Sverige <jobba@example.se>"


def check_deploy(env):
    secrets = {
        "SECRET_KEY": "x" * 60 + "not-a-real-secret-but-long-and-varied-0123456789",
        "ALLOWED_HOSTS": "jobba.example.se",
        "SITE_URL": "https://jobba.example.se",  # check --deploy refuses the loopback default
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment("cms.settings.production", {**secrets, **env}),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("env", [{}, {"EMAIL_URL": "console:"}], ids=["unset", "console"])
def test_production_without_a_mail_service_fails_check_deploy(env):
    result = check_deploy(env)
    assert result.returncode != 0
    assert "notifications.E001" in result.stderr + result.stdout


def test_production_with_a_mail_service_passes_check_deploy():
    result = check_deploy({"EMAIL_URL": "smtp+tls://jobba:secret@mail.example.se:587"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
