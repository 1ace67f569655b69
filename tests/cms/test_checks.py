"""cms.checks ([PP] 2): `check` refuses uncompiled catalogues, `check --deploy` a SITE_URL
that printed QR codes could not open for years."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils.translation import to_locale

import languages

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = 1_700_000_000  # when each test catalogue's .po was last edited
MAIL = {
    "EMAIL_URL": "smtp+tls://jobba:secret@mail.example.se:587",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def check(*args):
    out, err = StringIO(), StringIO()
    call_command("check", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def catalogues(settings, tmp_path):
    """LOCALE_PATHS with an (empty) catalogue for every registry language, compiled after its
    last edit."""
    for language in languages.enabled():
        messages = tmp_path / to_locale(language.code) / "LC_MESSAGES"
        messages.mkdir(parents=True)
        with (messages / "django.po").open("wb") as out:
            write_po(out, Catalog())
        with (messages / "django.mo").open("wb") as out:
            write_mo(out, Catalog())
        os.utime(messages / "django.po", (WRITTEN, WRITTEN))
        os.utime(messages / "django.mo", (WRITTEN + 60, WRITTEN + 60))
    settings.LOCALE_PATHS = [tmp_path]
    return tmp_path


def test_the_projects_own_settings_and_catalogues_pass_check():
    """What `make test` and `make run` start from (compiled catalogues, SITE_URL on this
    machine) passes the check without --deploy."""
    assert "cms.E" not in check()


def test_compiled_catalogues_pass(catalogues):
    assert "cms.E" not in check()


def test_a_catalogue_that_is_not_compiled_fails_check(catalogues):
    (catalogues / "ar" / "LC_MESSAGES" / "django.mo").unlink()
    with pytest.raises(SystemCheckError, match=r"cms\.E002") as failed:
        check()
    assert "Arabic (ar)" in str(failed.value) and "compilemessages" in str(failed.value)


def test_a_catalogue_compiled_before_its_last_edit_fails_check(catalogues):
    mo = catalogues / "fa_AF" / "LC_MESSAGES" / "django.mo"
    os.utime(mo, (WRITTEN - 60, WRITTEN - 60))
    with pytest.raises(SystemCheckError, match=r"cms\.E003") as failed:
        check()
    assert "Dari (fa-af)" in str(failed.value) and "make messages" in str(failed.value)


def test_a_language_without_a_catalogue_fails_check(catalogues):
    for found in (catalogues / "ti" / "LC_MESSAGES").iterdir():
        found.unlink()
    with pytest.raises(SystemCheckError, match=r"cms\.E001") as failed:
        check()
    assert "Tigrinya (ti)" in str(failed.value) and "make catalogues" in str(failed.value)


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://127.0.0.1:8000", {"cms.E004", "cms.E005"}),  # the default
        ("https://127.0.1.1", {"cms.E004"}),
        ("https://localhost:8443", {"cms.E004"}),
        ("https://[::1]", {"cms.E004"}),
        ("https://0.0.0.0", {"cms.E004"}),
        ("http://jobba.example.se", {"cms.E005"}),
        ("jobba.example.se", {"cms.E005"}),
    ],
)
def test_check_deploy_refuses_a_site_url_printed_codes_cannot_open(settings, url, refused):
    settings.SITE_URL = url
    settings.EMAIL_URL, settings.EMAIL_BACKEND = MAIL["EMAIL_URL"], MAIL["EMAIL_BACKEND"]
    with pytest.raises(SystemCheckError) as failed:
        check("--deploy")
    found = {f"cms.E00{n}" for n in (4, 5) if f"cms.E00{n}" in str(failed.value)}
    assert found == refused
    assert url in str(failed.value)


def test_check_deploy_accepts_a_public_https_site_url(settings):
    settings.SITE_URL = "https://jobba.example.se"
    settings.EMAIL_URL, settings.EMAIL_BACKEND = MAIL["EMAIL_URL"], MAIL["EMAIL_BACKEND"]
    assert "cms.E" not in check("--deploy")


def manage(module, *args, **env):
    inherited = {"SITE_URL", "DEBUG", "DATABASE_URL", "REDIS_URL"}
    clean = {
        k: v for k, v in os.environ.items() if k not in inherited and not k.startswith("EMAIL_")
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_default_site_url_and_make_run_still_starts(tmp_path):
    production = {
        "VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 60 + "not-a-real-secret-but-long-and-varied-0123456789",
        "ALLOWED_HOSTS": "jobba.example.se",
        "EMAIL_URL": MAIL["EMAIL_URL"],
    }
    refused = manage("cms.settings.production", "check", "--deploy", **production)
    assert refused.returncode != 0
    assert "cms.E004" in refused.stderr and "SITE_URL" in refused.stderr
    public = {**production, "SITE_URL": "https://jobba.example.se"}
    accepted = manage("cms.settings.production", "check", "--deploy", **public)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "cms.E" not in accepted.stdout + accepted.stderr
    # `make run`: DEBUG=1, the dev settings, SITE_URL on this machine; no --deploy.
    local = manage("cms.settings.dev", "check", VAR_DIR=str(tmp_path), DEBUG="1")
    assert local.returncode == 0, local.stdout + local.stderr
