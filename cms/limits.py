"""Rate limits on what costs CPU or invites guessing (django-ratelimit; rates from settings)."""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def _rate(name: str):
    # Read at request time, so settings from the environment and in tests apply.
    return lambda group, request: getattr(settings, name)


downloads = ratelimit(key="ip", rate=_rate("RATE_DOWNLOADS"), block=True)
prints = ratelimit(key="user_or_ip", rate=_rate("RATE_PRINTS"), block=True)
logins = ratelimit(key="ip", rate=_rate("RATE_LOGINS"), method="POST", block=True)
