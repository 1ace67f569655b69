"""Production: security settings have no default and fail loudly when missing."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY")  # no default: environs raises if unset
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")  # no default
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [SITE_URL])  # noqa: F405
# EMAIL_URL (base.py) has a printing default so that the site starts; agencies wait for their
# mail, so `check --deploy` reports an error while it is unset or console: (notifications.checks).

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
