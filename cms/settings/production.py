"""Production: DEBUG off, HTTPS only, hashed and compressed static files served by whitenoise.

Required: SECRET_KEY (at least 50 random characters) and ALLOWED_HOSTS. `make run` serves the demo
with these settings over plain HTTP on 127.0.0.1 by setting LERNHAFEN_LOCAL_RUN=1, which turns the
HTTPS-only parts off and reads a generated key from var/; never set it on a public server.
"""

import secrets

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR, env, env_bool, env_int, env_list

DEBUG = False
LOCAL_RUN = env_bool("LERNHAFEN_LOCAL_RUN", False)

if LOCAL_RUN:
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(64))
        _key_file.chmod(0o600)
    SECRET_KEY = env("SECRET_KEY") or _key_file.read_text().strip()
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
else:
    SECRET_KEY = env("SECRET_KEY")
    if not SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY is missing or too short. Set SECRET_KEY to at least 50 random characters, "
            'e.g. python3 -c "import secrets; print(secrets.token_urlsafe(64))".'
        )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is empty. Set it to the site's host names, comma-separated, "
            "e.g. ALLOWED_HOSTS=lernhafen.example-stadt.de"
        )

# The local demo writes mails to var/mail/ instead of printing addresses and cancel links to
# the terminal (`make run` says so); EMAIL_URL still wins when it is set.
if LOCAL_RUN and not env("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

HTTPS = not LOCAL_RUN
LERNHAFEN_SERVE_MEDIA = env_bool("LERNHAFEN_SERVE_MEDIA", LOCAL_RUN)
# The app runs behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- events -----------------------------------------------------------------------------------
# Mails and reminders go through the database queue; run `manage.py db_worker` (README). The
# local demo (`make run`) keeps sending immediately, so it needs no worker.
if not LOCAL_RUN:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
