"""System checks on what the site's settings point at: compiled catalogues and SITE_URL.

They live in cms, which owns the settings (LOCALE_PATHS, SITE_URL) and the public pages that
read the catalogues as much as print does; print is one reader of each, not their owner.

- `manage.py check`: every registry language's interface catalogue is compiled and no older
  than its source. A missing or stale .mo is silent otherwise: gettext falls back to Swedish
  (or English) and print caches what it drew.
- `manage.py check --deploy`: SITE_URL is a public https:// address. It is printed into QR
  codes that stay on walls and in handbags for years.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.translation import to_locale

import languages

COMPILE = "Run `make messages` (manage.py compilemessages --ignore=.venv)."


@checks.register(checks.Tags.translation)
def catalogues_compiled(app_configs, **kwargs):
    """Each enabled language has a catalogue in LOCALE_PATHS, compiled after its last edit."""
    errors = []
    folders = [Path(directory) for directory in settings.LOCALE_PATHS]
    for language in languages.enabled():
        locale = to_locale(language.code)
        name = f"{language.english_name} ({language.code})"
        found = [folder / locale / "LC_MESSAGES" for folder in folders]
        sources = [po for messages in found for po in sorted(messages.glob("*.po"))]
        if not sources and not any((messages / "django.mo").is_file() for messages in found):
            errors.append(
                checks.Error(
                    f"{name} has no interface catalogue: no {locale}/LC_MESSAGES/django.po "
                    "in LOCALE_PATHS, so its pages and printed cards speak Swedish.",
                    hint="Run `make catalogues`, translate, then `make messages`.",
                    id="cms.E001",
                )
            )
        for po in sources:
            mo = po.with_suffix(".mo")
            if not mo.is_file():
                errors.append(
                    checks.Error(
                        f"The catalogue of {name} is not compiled: {_shown(po)} has no "
                        f"{mo.name}, so its pages and printed cards fall back to Swedish.",
                        hint=COMPILE,
                        id="cms.E002",
                    )
                )
            elif mo.stat().st_mtime < po.stat().st_mtime:
                errors.append(
                    checks.Error(
                        f"The catalogue of {name} is out of date: {_shown(mo)} is older than "
                        f"{po.name}, so its latest translations are not shown or printed.",
                        hint=COMPILE,
                        id="cms.E003",
                    )
                )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_public(app_configs, **kwargs):
    """SITE_URL is what every printed QR code opens: reachable from a phone, over https."""
    url = urlsplit(settings.SITE_URL)
    host = (url.hostname or "").rstrip(".")
    errors = []
    if _loopback(host):
        errors.append(
            checks.Error(
                f"SITE_URL ({settings.SITE_URL}) is this machine's own address: printed QR "
                "codes would open nothing on anyone's phone, for as long as they are in use.",
                hint="Set SITE_URL to the public address, e.g. https://jobba.example.se.",
                id="cms.E004",
            )
        )
    if url.scheme != "https" or not host:
        errors.append(
            checks.Error(
                f"SITE_URL ({settings.SITE_URL}) is not an https:// address: every QR code "
                "printed with it would open the site over plain http, for years.",
                hint="Set SITE_URL to the public https:// address, e.g. https://jobba.example.se.",
                id="cms.E005",
            )
        )
    return errors


def _loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return address.is_loopback or address.is_unspecified or bool(mapped and mapped.is_loopback)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)
