"""Fast, deterministic settings for pytest (see STYLE.md §1)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off by default: a test sees every change at once. tests/cms/test_page_cache.py switches it on.
LERNHAFEN_PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Tests that exercise the lockout switch django-axes on explicitly.
AXES_ENABLED = False
LERNHAFEN_SERVE_MEDIA = True
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lernhafen-test-media-"))
# Static files come from the finders in tests; an existing STATIC_ROOT keeps whitenoise quiet.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="lernhafen-test-static-"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
