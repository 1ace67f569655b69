"""Settings shared by every environment, read from the environment with embedded defaults.

The defaults run anywhere (SQLite, local media, local-memory cache). Production
services are switched on by environment variables; README.md lists them all.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from environs import Env

import languages

env = Env()

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent
VAR_DIR = Path(env.path("VAR_DIR", BASE_DIR / "var"))

DEBUG = env.bool("DEBUG", False)
# Security settings with no default live in dev.py / production.py.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

# The public base URL printed into QR codes: it must outlive any deployment detail.
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = "Jobba i Sverige"

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it patches and before admin.
    "modeltranslation",
    # The project's apps, from the bottom layer up (README: Architecture).
    "languages",
    "typeset",
    "dialogue",
    "contacts",
    "terms",
    "translations",
    "editions",
    "approval",
    "notifications",
    "audio",
    "followup",
    "print",
    "publicapi",
    "cms",
    "ops",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # /sitemap.xml (cms.sitemaps)
    "csp",
    # django-ninja (publicapi): its docs page then loads Swagger UI from our static files, with
    # no inline script, so it runs under the Content-Security-Policy below.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, which answers static files itself: they get the header too.
    "cms.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A cached QR page, answered before the rest (which does nothing for it) with the same headers.
    "cms.qr_fast_path.QrFastPathMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.AdminReachMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL: postgres://user:pass@host:5432/name in production; SQLite under var/ by default.
# SQLite needs its folder; creating it here keeps a fresh clone runnable with no set-up step.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every QR opening writes a counter. WAL lets readers go on while one request writes, and
    # synchronous=NORMAL spares a commit its disk flush (a power cut may lose the last
    # commits, never the database). IMMEDIATE takes the write lock at BEGIN, so concurrent
    # writers wait their turn instead of failing with "database is locked".
    SQLITE_SYNCHRONOUS = env.str("SQLITE_SYNCHRONOUS", "NORMAL")  # FULL: flush every commit
    DATABASES["default"]["OPTIONS"] = {
        "init_command": f"PRAGMA journal_mode=WAL;PRAGMA synchronous={SQLITE_SYNCHRONOUS};",
        "transaction_mode": "IMMEDIATE",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, answering a miss while Redis is away (cms/redis_cache.py).
            "BACKEND": "cms.redis_cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", "jis"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Storage: local media by default, S3-compatible storage when S3_BUCKET is set.
MEDIA_ROOT = Path(env.path("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = env.str("MEDIA_URL", "/media/")
STATIC_ROOT = Path(env.path("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request without it
S3_BUCKET = env.str("S3_BUCKET", "")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", None),
            "region_name": env.str("S3_REGION", None),
            "access_key": env.str("S3_ACCESS_KEY_ID", None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", None),
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", None),
            "default_acl": None,
            "querystring_auth": env.bool("S3_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            # Whatever reaches the media domain downloads, never renders (no HTML or SVG
            # from an upload runs in a browser); audio and PDFs are served through our views.
            "object_parameters": {"ContentDisposition": "attachment"},
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Background work: django-tasks (print.tasks: packs and posters). Immediate by default: a task
# runs at once in the process that asks (`make run` is one process); TASKS_BACKEND=database
# queues them for workers (`manage.py db_worker`) against the same database. The queue's table
# is there either way, so that switching needs no other change.
INSTALLED_APPS.append("django_tasks_db")
if env.str("TASKS_BACKEND", "immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: all from the one registry in languages/__init__.py.
LANGUAGE_CODE = languages.SOURCE_LANGUAGE
LANGUAGES = languages.django_languages()
LANGUAGES_BIDI = languages.django_bidi_codes()
# Our catalogues first; then Swedish for Wagtail's own strings, kept apart so that makemessages,
# which only knows our sources, never drops them (locales-wagtail/sv).
LOCALE_PATHS = [BASE_DIR / "locales", BASE_DIR / "locales-wagtail"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

MODELTRANSLATION_DEFAULT_LANGUAGE = languages.SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = languages.codes()
MODELTRANSLATION_REQUIRED_LANGUAGES = (languages.SOURCE_LANGUAGE,)
# No fallback: a missing translation must show as missing, never as silent Swedish.
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
MODELTRANSLATION_AUTO_POPULATE = False

# The staff side speaks Swedish, whatever the browser asks for: Swedish is the only admin
# language (no choice on the account page); Wagtail's strings its own Swedish lacks are in
# locales/sv. Public pages speak the visitor's language.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
# No avatars from Gravatar: it would send a hash of each staff e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False  # languages are fields (modeltranslation), not page trees
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Joint approval (approval.models): the last owning agency's approval publishes.
WAGTAIL_FINISH_WORKFLOW_ACTION = "approval.workflow_actions.publish_jointly_approved"
WAGTAILDOCS_EXTENSIONS = ["pdf", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail logs every edit and django-tasks every task at INFO: too loud for a console.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Mail (notifications/): tells approvers and editors whose turn it is, translators their digest.
# EMAIL_URL names the service; unset, mail is printed, so a machine nobody set up sends nothing
# (production's `check --deploy` refuses that). smtp://user:pass@host:25, smtp+tls:// (STARTTLS,
# port 587), smtps:// (TLS from the start, port 465), console:, file:///dir (one file per mail).
EMAIL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
EMAIL_URL = env.str("EMAIL_URL", "")
_mail = urlsplit(EMAIL_URL or "console:")
if _mail.scheme not in EMAIL_SCHEMES:
    raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {_mail.scheme!r}, use {EMAIL_SCHEMES}")
EMAIL_BACKEND = EMAIL_SCHEMES[_mail.scheme]
if _mail.scheme == "file":
    EMAIL_FILE_PATH = unquote(_mail.path)
elif _mail.scheme.startswith("smtp"):
    EMAIL_USE_TLS = _mail.scheme == "smtp+tls"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
# A mail server that does not answer must not hold up an approval or the digest run for long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.str("EMAIL_FROM", "Jobba i Sverige <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Print: where the Noto fonts are (Debian's fonts-noto-core by default).
PRINT_FONT_DIRS = env.list(
    "PRINT_FONT_DIRS",
    ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto"],
)
# The fonts without their screen hinting, made once (print/font_files.py); local disk.
PRINT_FONT_CACHE_DIR = env.path("PRINT_FONT_CACHE_DIR", VAR_DIR / "cache" / "fonts")

# Audio uploads: what a recording may be.
AUDIO_MAX_BYTES = env.int("AUDIO_MAX_BYTES", 25 * 1024 * 1024)
AUDIO_MAX_SECONDS = env.int("AUDIO_MAX_SECONDS", 10 * 60)

# Follow-up: daily counters older than this are rolled up into monthly rows.
INDICATOR_DAILY_RETENTION_DAYS = env.int("INDICATOR_DAILY_RETENTION_DAYS", 400)

# The public site and print use approved translations only; while a language is being rolled
# out, this lets them use translations nobody has reviewed yet.
TRANSLATIONS_SHOW_UNREVIEWED = env.bool("TRANSLATIONS_SHOW_UNREVIEWED", False)

# The public language chooser lists a language once this per cent of the cards in use have an
# edition in service in it; the others are listed apart as "on its way" (cms.reading).
PUBLIC_LANGUAGE_SHARE = env.int("PUBLIC_LANGUAGE_SHARE", 50)
if not 0 <= PUBLIC_LANGUAGE_SHARE <= 100:
    raise ImproperlyConfigured("PUBLIC_LANGUAGE_SHARE is a per cent: 0 to 100")

# Where the accessibility statement tells people to report a barrier (shown when set).
ACCESSIBILITY_CONTACT_EMAIL = env.str("ACCESSIBILITY_CONTACT_EMAIL", "")

# Content-Security-Policy (django-csp) on every public page: our own scripts, styles, media and
# audio only, nothing inline. Wagtail's admin needs inline scripts and styles, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Rate limits (django-ratelimit, counted in the cache: Redis in production) per client address.
# Building packs and PDFs costs CPU; logins are guessed at.
RATELIMIT_VIEW = "cms.views.rate_limited"
# The client address (cms.limits.client_address): the connection's own, or behind proxies the
# entry the TRUSTED_PROXIES-th proxy from us wrote into their header. Only the proxies' own
# entries are believed; a client can write anything into the left of the list.
RATELIMIT_IP_META_KEY = "cms.limits.client_address"
TRUSTED_PROXY_HEADER = env.str("RATELIMIT_IP_META_KEY", "HTTP_X_FORWARDED_FOR")
# A site that named a header before TRUSTED_PROXIES existed has one proxy in front.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", 1 if env.str("RATELIMIT_IP_META_KEY", "") else 0)
RATE_DOWNLOADS = env.str("RATE_DOWNLOADS", "60/m")
RATE_PRINTS = env.str("RATE_PRINTS", "60/m")
RATE_LOGINS = env.str("RATE_LOGINS", "10/m")

# Wagtail's "Forgotten password?" mails a reset link: offered only where mail goes out through a
# mail server, never where it would be printed to a console or written to a file.
WAGTAIL_PASSWORD_RESET_ENABLED = env.str("EMAIL_URL", "").partition(":")[0].startswith("smtp")
