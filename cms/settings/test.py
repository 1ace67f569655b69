"""The test suite. Each override says why it differs from base."""

from .base import *  # noqa: F403
from .base import env

# Tests never need a real secret.
SECRET_KEY = "test-only-not-secret"  # noqa: S105
# Hashing with the default PBKDF2 makes every login in tests take ~0.3 s.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests must not see files or content from a developer's var/; scripts run by tests/isolated.py
# get a media folder of their own.
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", BASE_DIR / "var" / "test-media")  # noqa: F405
# The manifest-free storage lets tests render templates without running collectstatic.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A test host Django's test client uses.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The whole suite downloads far more than a visitor would; rate-limit tests set their own rates.
RATE_DOWNLOADS = RATE_PRINTS = RATE_LOGINS = "100000/m"
