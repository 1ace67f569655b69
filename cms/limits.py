"""Rate limits on what costs CPU or invites guessing (django-ratelimit; rates from settings)."""

import ipaddress

from django.conf import settings
from django_ratelimit.decorators import ratelimit

# Counted when no address can be read at all (an empty REMOTE_ADDR on a Unix socket): such
# requests share one count rather than fail.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 (an address to count under, never one to bind)


def _rate(name: str):
    # Read at request time, so settings from the environment and in tests apply.
    return lambda group, request: getattr(settings, name)


def _address(value: str) -> str | None:
    """The IP address in one header entry ("203.0.113.7", "[2001:db8::1]:443"), or None."""
    value = value.strip().strip('"')
    if value.startswith("["):  # [IPv6]:port
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # IPv4:port
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request) -> str:
    """The visitor's address, as the trusted proxies in front of us saw it (RATELIMIT_IP_META_KEY).

    Each proxy appends the address it received the request from to the header, so with n
    trusted proxies the n-th entry from the right is the one the first of them wrote; entries
    further left came from the client and may be made up. Without proxies, a header too short
    for their number, or an entry that is not an address: the connection's own address.
    """
    connection = _address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN_ADDRESS
    proxies = settings.TRUSTED_PROXIES
    if proxies < 1:
        return connection
    header = request.META.get(settings.TRUSTED_PROXY_HEADER, "")
    entries = header.split(",") if header else []
    if len(entries) < proxies:
        return connection
    return _address(entries[-proxies]) or connection


downloads = ratelimit(key="ip", rate=_rate("RATE_DOWNLOADS"), block=True)
prints = ratelimit(key="user_or_ip", rate=_rate("RATE_PRINTS"), block=True)
logins = ratelimit(key="ip", rate=_rate("RATE_LOGINS"), method="POST", block=True)
