"""Local development with runserver: DEBUG on, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
# Template and code edits show at once; the page cache is exercised by `make run` and the tests.
LERNHAFEN_PAGE_CACHE_SECONDS = 0
