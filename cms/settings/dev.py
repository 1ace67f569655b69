"""Local use: `make run`. DEBUG still comes from the environment (make run sets DEBUG=1)."""

from .base import *  # noqa: F403
from .base import env

# Only for a developer's machine; production.py has no default and fails loudly.
SECRET_KEY = env.str("SECRET_KEY", "dev-only-not-secret-jobba-i-sverige")
# Mail is printed to the console (base.py) unless EMAIL_URL names a test server, e.g. Mailpit's
# smtp://127.0.0.1:1025, so a developer never mails real people by accident.
