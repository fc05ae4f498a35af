"""Settings shared by every environment.

The environment is read here and only here; dev, test and production adjust the result.
Operator-facing variables (all optional unless production.py says otherwise):

    DATABASE_URL      sqlite:///var/db.sqlite3 (default) or postgres://user@host:5432/name
    REDIS_URL         redis://127.0.0.1:6379/0 – shared cache (rate limits, pages); unset: rate
                      limits per process, pages in a file cache under var/cache/
    LERNHAFEN_PAGE_CACHE_SECONDS  300 (default) – how long an anonymous page is kept; 0 = off
    SECRET_KEY        required in production
    ALLOWED_HOSTS     comma-separated host names
    EMAIL_URL         console:// (default), locmem://, file:///dir, smtp://user:pw@host:587/?tls=True,
                      smtps://user:pw@host:465 (parse_email_url below)
    DEFAULT_FROM_EMAIL, SERVER_EMAIL
    MEDIA_ROOT        where uploads are stored (default var/media)
    STATIC_ROOT       where collectstatic writes (default var/static)
    RATELIMIT_ENABLE  1 (default) or 0 – switch rate limits off, only for load tests
    BASE_URL          absolute URL of the public site, used in mails and the admin
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
NODE_MODULES = BASE_DIR / "node_modules"


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0 (or true/false), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


# --- Core -------------------------------------------------------------------------------------

SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
BASE_URL = (env("BASE_URL", "http://127.0.0.1:8000") or "").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "cms",
    "courses",
    "learning",
    "events",
    # Translation of pages and snippets: sync from the German source, PO export and import.
    # wagtail_localize.locales replaces wagtail.locales (the admin's language list).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag + 304 Not Modified for unchanged pages: cheap revalidation for browsers and proxies.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for anonymous visitors (cms/cache.py), stored with the headers the middleware
    # below adds (CSP, Permissions-Policy: the same for every public page); a hit skips all of
    # it, session, CSRF and auth included.
    "cms.cache.AnonymousPageCacheMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.middleware.LernhafenCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL prefix alone (cms.middleware.PathLocaleMiddleware).
    "cms.middleware.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into the lockout response.
    "axes.middleware.AxesMiddleware",
]

# Widgets render through TEMPLATES, so templates/ can override Wagtail's widget templates
# (templates/wagtailadmin/widgets/: no inline scripts under our CSP); public forms render as
# KERN markup with hint and error linked to the field (cms/form_rendering.py).
FORM_RENDERER = "cms.form_rendering.KernFormRenderer"

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.display_preferences",
                "cms.context_processors.language",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
try:
    _default_db = dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Django knows: {exc}") from None

if _default_db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock when a
    # transaction starts, so two bookings never both read "one seat left" and then both write.
    _default_db["CONN_MAX_AGE"] = 0
    _default_db["CONN_HEALTH_CHECKS"] = False
    _default_db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    _default_db["TEST"] = {"NAME": None}
DATABASES = {"default": _default_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = _default_db["ENGINE"] == "django.db.backends.postgresql"

# --- Cache ------------------------------------------------------------------------------------

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lernhafen",
            "TIMEOUT": 300,
        },
        # Whole anonymous pages (cms/cache.py), shared by every app server.
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lernhafen-pages",
            "TIMEOUT": 300,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lernhafen",
        },
        # A file cache, not locmem: all workers of one machine see the same pages and the same
        # invalidation (cms/cache.py). Several machines need REDIS_URL.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Anonymous pages are served from the "pages" cache for this many seconds at most, unless
# something they show changes first (cms/cache.py); 0 switches the page cache off.
LERNHAFEN_PAGE_CACHE_SECONDS = env_int("LERNHAFEN_PAGE_CACHE_SECONDS", 300)
# Paths never cached (regular expressions): links that carry a personal token, the health check.
LERNHAFEN_PAGE_CACHE_SKIP = [
    r"/anmeldung/[^/]+/$",
    r"/abmelden/[^/]+/$",
    r"^/lernen/",
    r"^/healthz/$",
]
# Models whose changes invalidate cached pages, besides pages, snippets and site settings.
LERNHAFEN_PAGE_CACHE_MODELS = [
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "events.Session",
    "events.SessionSeries",
    "events.Registration",
    "events.District",
    "events.Venue",
]

# --- Mail -------------------------------------------------------------------------------------

EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
}


def parse_email_url(url: str) -> dict:
    """Mail settings from EMAIL_URL. Supported: console://, locmem://, file:///absolute/dir,
    smtp://user:password@host:587/?tls=True (STARTTLS) and smtps://user:password@host:465
    (TLS from the start); user and password percent-encoded."""
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {parts.scheme!r} is not supported; use one of "
            "console://, locmem://, file:///path, smtp://… or smtps://…"
        )
    result: dict = {"EMAIL_BACKEND": EMAIL_BACKENDS[parts.scheme]}
    if parts.scheme == "file":
        path = unquote(parts.path)
        if parts.netloc or not path.startswith("/") or path == "/":
            raise ImproperlyConfigured("EMAIL_URL=file:///absolute/directory needs a directory.")
        result["EMAIL_FILE_PATH"] = path
    elif parts.scheme in {"smtp", "smtps"}:
        query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
        use_ssl = parts.scheme == "smtps" or query.get("ssl") in {"1", "true", "yes"}
        use_tls = not use_ssl and query.get("tls") in {"1", "true", "yes"}
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {url!r}") from None
        result.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=port or (465 if use_ssl else 587 if use_tls else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=use_tls,
            EMAIL_USE_SSL=use_ssl,
        )
    return result


EMAIL_URL = env("EMAIL_URL", "console://")
_email = parse_email_url(EMAIL_URL)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lernhafen <lernhafen@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Auth and brute-force protection ----------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Five wrong passwords for one user from one address lock that pair out for 15 minutes. The
# address is the client's (cms.ratelimits.client_ip), not a proxy's that everyone shares.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "cms/login_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "cms.ratelimits.client_ip"

LOGIN_URL = "wagtailadmin_login"

# Staff sessions last one working day and end when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 9 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Client addresses behind proxies (django-ipware) ------------------------------------------

# X-Forwarded-For is trusted only when one of these says which proxies stand in front of the
# app: the number of proxies (1 for a single nginx) or their addresses, outermost first. Unset,
# the connecting address counts and the header is ignored.
LERNHAFEN_TRUSTED_PROXY_COUNT = env_int("LERNHAFEN_TRUSTED_PROXY_COUNT", 0)
LERNHAFEN_TRUSTED_PROXIES = env_list("LERNHAFEN_TRUSTED_PROXIES")
if LERNHAFEN_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("LERNHAFEN_TRUSTED_PROXY_COUNT must be 0 or more.")

# --- Rate limits (django-ratelimit, see cms/ratelimits.py) ------------------------------------

RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "cms.ratelimits.client_ip"
# Counts per client address, "<count>/<s|m|h|d>". A school's pupils share one address, so the
# limits leave room for a class of 30.
LERNHAFEN_PUBLIC_FORM_RATE = env("LERNHAFEN_PUBLIC_FORM_RATE", "10/h")
# Password reset mails: per address and per account.
LERNHAFEN_PASSWORD_RESET_RATE = env("LERNHAFEN_PASSWORD_RESET_RATE", "5/h")
if not REDIS_URL:
    # Without Redis each process counts on its own; that still stops a flood from one client.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Security headers -------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy: only our own origin; no inline scripts anywhere. Inline styles are
# allowed for the Wagtail admin only (its widgets set style attributes), see cms/middleware.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "de"
# German is the source. Leichte Sprache is a variant of German that editors translate into like any
# other language: "de-x-ls" is a BCP 47 private-use tag (pages say lang="de"); Django and gettext
# fall back from it to German for interface strings and formats. Each language is named in itself.
LEICHTE_SPRACHE = "de-x-ls"
LANGUAGES = [
    ("de", "Deutsch"),
    (LEICHTE_SPRACHE, "Leichte Sprache"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks German (and English for editors who prefer it); staff pages stay German.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Our own German wording for Wagtail strings its catalogue leaves English (locale/de/…/django.po).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
# Dates as 30.11.2026 and 30.11.2026 14:30 (cms/formats/de/formats.py), in the admin's lists and
# its date fields alike; Django still accepts ISO input (2026-11-30) in every date field.
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# --- Static and media -------------------------------------------------------------------------

STATIC_URL = "/static/"
LERNHAFEN_BUILD_DIR = Path(env("LERNHAFEN_BUILD_DIR", str(VAR_DIR / "build")))
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
# npm packages are served by Django under their own prefix: never from a CDN.
STATICFILES_DIRS = [
    ("vendor/kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
    ("vendor/h5p-standalone", NODE_MODULES / "h5p-standalone" / "dist"),
    # Subset fonts and purged KERN CSS from `manage.py build_assets` (make assets), never
    # committed; templates fall back to KERN's full files while it is missing.
    ("build", LERNHAFEN_BUILD_DIR),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
# Let Django serve uploads itself (demo and tests); in production the web server in front does.
LERNHAFEN_SERVE_MEDIA = env_bool("LERNHAFEN_SERVE_MEDIA", False)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Lernhafen"
# No avatars from gravatar.com: the admin must not send editors' e-mail hashes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call home to releases.wagtail.org from the admin dashboard.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = True
# wagtail-localize: no machine translation service is configured, so none is ever called.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Wagtail's database search; on PostgreSQL each language with its own stemming
# (cms/search_backend.py; PostgreSQL has no Ukrainian configuration). Other databases ignore it.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "cms.search_backend",
        "SEARCH_CONFIG": "german",
        "LOCALE_SEARCH_CONFIGS": {
            "de": "german",
            LEICHTE_SPRACHE: "german",
            "en": "english",
            "tr": "turkish",
            "ar": "arabic",
            "uk": "simple",
        },
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# --- Background tasks (django-tasks, Wagtail's own dependency) --------------------------------

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Lernhafen's own knobs.
LERNHAFEN_DISPLAY_COOKIE = "lernhafen_darstellung"
# Form submissions (e.g. accessibility feedback) are deleted after this many days.
LERNHAFEN_FORM_SUBMISSION_RETENTION_DAYS = env_int("LERNHAFEN_FORM_SUBMISSION_RETENTION_DAYS", 180)

# Exercise blocks the learning app offers to lessons and tutorials: [(name, "dotted.Block"), …].
# courses reads this list (courses never imports learning; see courses/blocks.py).
LERNHAFEN_EXERCISE_BLOCKS: list[tuple[str, str]] = [
    ("single_choice", "learning.blocks.SingleChoiceBlock"),
    ("multiple_choice", "learning.blocks.MultipleChoiceBlock"),
    ("true_false", "learning.blocks.TrueFalseBlock"),
    ("order_steps", "learning.blocks.OrderStepsBlock"),
    ("spot_the_fake", "learning.blocks.SpotTheFakeBlock"),
    ("h5p", "learning.blocks.H5PBlock"),
    ("lesson_done", "learning.blocks.LessonDoneBlock"),
]

# --- events -----------------------------------------------------------------------------------

# The database task backend (production, see production.py) keeps its queue in these tables.
INSTALLED_APPS += ["django_tasks_db"]
# Personal data of a registration is erased this many days after its session (anonymous counts
# stay); reminders go out this many days before a session.
LERNHAFEN_EVENTS_RETENTION_DAYS = env_int("LERNHAFEN_EVENTS_RETENTION_DAYS", 30)
LERNHAFEN_EVENTS_REMINDER_DAYS = env_int("LERNHAFEN_EVENTS_REMINDER_DAYS", 2)
# Active registrations one e-mail address or phone number may hold for the same session.
LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT = env_int(
    "LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT", 2
)
# Registrations one address may send through the form or the API; "<count>/<s|m|h|d>". A
# school registering its pupils from one address needs room for a class.
LERNHAFEN_EVENTS_REGISTRATION_RATE = env("LERNHAFEN_EVENTS_REGISTRATION_RATE", "60/h")

# --- courses ---
# A tutorial whose "Zuletzt geprüft am" lies further back than this appears in the admin report
# "Anleitungen prüfen".
LERNHAFEN_TUTORIAL_REVIEW_MONTHS = env_int("LERNHAFEN_TUTORIAL_REVIEW_MONTHS", 12)
# Lessons embed video and audio with WebVTT captions from the document library.
WAGTAILDOCS_EXTENSIONS = [*WAGTAILDOCS_EXTENSIONS, "mp4", "webm", "mp3", "ogg", "vtt"]

# --- learning ---------------------------------------------------------------------------------

# A Lernpass nobody used for this many days is deleted with all its progress (purge_personal_data).
LERNHAFEN_LERNPASS_EXPIRY_DAYS = env_int("LERNHAFEN_LERNPASS_EXPIRY_DAYS", 365)
# Answers, xAPI statements and Lernpass look-ups one address may send; "<count>/<s|m|h|d>".
# A class of 30 behind one school address answers a few hundred exercises an hour.
LERNHAFEN_LEARNING_RATE = env("LERNHAFEN_LEARNING_RATE", "1500/h")
LERNHAFEN_LERNPASS_RESTORE_RATE = env("LERNHAFEN_LERNPASS_RESTORE_RATE", "60/h")
# Joins per class code and address: the whole class joins with one code from one router.
LERNHAFEN_CLASS_JOIN_RATE = env("LERNHAFEN_CLASS_JOIN_RATE", "60/h")
# Limits for uploaded .h5p packages (bytes; ratio = uncompressed / compressed size per file).
LERNHAFEN_H5P_MAX_UPLOAD_SIZE = env_int("LERNHAFEN_H5P_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
LERNHAFEN_H5P_MAX_FILE_SIZE = env_int("LERNHAFEN_H5P_MAX_FILE_SIZE", 20 * 1024 * 1024)
LERNHAFEN_H5P_MAX_TOTAL_SIZE = env_int("LERNHAFEN_H5P_MAX_TOTAL_SIZE", 100 * 1024 * 1024)
LERNHAFEN_H5P_MAX_FILES = env_int("LERNHAFEN_H5P_MAX_FILES", 2000)
LERNHAFEN_H5P_MAX_COMPRESSION_RATIO = env_int("LERNHAFEN_H5P_MAX_COMPRESSION_RATIO", 100)
LERNHAFEN_H5P_MAX_JSON_SIZE = env_int("LERNHAFEN_H5P_MAX_JSON_SIZE", 10 * 1024 * 1024)
# Real H5P Hub example packages (kept outside the repository) for the tests and seed_demo.
LERNHAFEN_H5P_SAMPLES = Path(
    env("LERNHAFEN_H5P_SAMPLES", str(BASE_DIR.parent / "shared" / "h5p-samples"))
)
