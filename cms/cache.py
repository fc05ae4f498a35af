"""Whole-page cache for anonymous visitors, shared by every app server.

Django's cache framework holds the pages (the ``pages`` alias in settings.CACHES: Redis when
REDIS_URL is set, otherwise a file cache under var/ that all workers of one machine share).
What is cached and what is not:

* Only GET/HEAD requests of visitors who carry no cookie that could personalise the page: the
  display-settings cookie picks one of a few variants (it is part of the key), the CSRF cookie
  changes nothing on a page without a form; any other cookie (session, messages, Lernpass, …)
  means "render for this visitor" and the cache is neither read nor written.
* Only complete 200 responses without Set-Cookie, without ``Cache-Control: private/no-cache/
  no-store`` and without a Vary header we do not key on. A page that renders a CSRF token always
  sets the CSRF cookie (Django's get_token marks it), so a form page is never stored and no token
  reaches another visitor.
* Paths in settings.LERNHAFEN_PAGE_CACHE_SKIP (confirmation and cancel links carry personal data).

Invalidation: one *generation* token in the shared cache is part of every key. Whatever changes
what a page shows – publishing or unpublishing a page or snippet (Wagtail's ``published``/
``page_published`` signals), saving a page, snippet, site setting, image, document or redirect, a
booking or cancellation (``events.Registration`` is a snippet), a session edit – replaces the
token once the transaction commits, so the keys of all servers go stale at the same moment.
Old entries are never read again and expire after LERNHAFEN_PAGE_CACHE_SECONDS, which also
bounds how long a page shows a session that has just started ("upcoming" is time-dependent).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from functools import cache as memoize

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, set_response_etag
from django.utils.translation import get_language_from_path
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, published, unpublished

from cms.display import DisplayPreferences

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
# Response headers a cached page may vary on: the key already covers them (the cookie through
# the display preference, the language through the URL's language prefix; our LocaleMiddleware
# no longer sends "Vary: Accept-Language", the prefix alone decides).
KEYED_VARY = {"cookie", "accept-language", "accept-encoding"}
UNCACHEABLE_CONTROL = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[CACHE_ALIAS]


def current_generation() -> str:
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add() keeps a token another server set meanwhile; only then read it back.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY) or ""
    return generation


def invalidate_pages() -> None:
    """Make every cached page stale on every server: a fresh, never-used generation token."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_pages_on_commit() -> None:
    # After the commit: a request that reads the new token also reads the committed data.
    transaction.on_commit(invalidate_pages)


@memoize
def _skip_patterns() -> list[re.Pattern[str]]:
    return [re.compile(pattern) for pattern in settings.LERNHAFEN_PAGE_CACHE_SKIP]


def _cookies_allow_cache(request: HttpRequest) -> bool:
    neutral = {settings.LERNHAFEN_DISPLAY_COOKIE, settings.CSRF_COOKIE_NAME}
    return all(name in neutral for name in request.COOKIES)


def _request_is_cacheable(request: HttpRequest) -> bool:
    return (
        settings.LERNHAFEN_PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and "HTTP_AUTHORIZATION" not in request.META
        and _cookies_allow_cache(request)
        and not any(pattern.search(request.path) for pattern in _skip_patterns())
    )


def _response_is_cacheable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control"):
        directives = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response["Cache-Control"])
        }
        if directives & UNCACHEABLE_CONTROL:
            return False
    if response.has_header("Vary"):
        vary = {part.strip().lower() for part in cc_delim_re.split(response["Vary"])}
        if not vary <= KEYED_VARY:
            return False
    return True


def page_cache_key(request: HttpRequest, generation: str) -> str:
    """The key of one variant of one page: generation, display preference, language, URL."""
    display = DisplayPreferences.from_request(request).to_cookie()
    # The language is the URL's prefix, German without one (cms/urls.py), never the browser's
    # Accept-Language: that would split one German page into an entry per browser language.
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    url = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation}:{display}:{language}:{url}"


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors (see the module docstring).

    Sits after SecurityMiddleware and ConditionalGetMiddleware (their headers and 304s apply to
    every response, cached or not) and before the Permissions-Policy, CSP, session, CSRF and auth
    middleware: a page is stored with their headers, and a hit skips them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _request_is_cacheable(request):
            return self.get_response(request)
        cache = page_cache()
        key = page_cache_key(request, current_generation())
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if request.method == "GET" and _response_is_cacheable(response):
            # ConditionalGetMiddleware (outside) answers If-None-Match with 304 from this ETag.
            set_response_etag(response)
            cache.set(key, response, settings.LERNHAFEN_PAGE_CACHE_SECONDS)
        return response


# --- What invalidates ---------------------------------------------------------------------------


@memoize
def _listed_models() -> frozenset[str]:
    return frozenset(label.lower() for label in settings.LERNHAFEN_PAGE_CACHE_MODELS)


def changes_pages(model: type) -> bool:
    """Whether saving or deleting an instance of this model can change what a page shows."""
    # Imported here: the snippet registry fills while apps load their wagtail_hooks.
    from wagtail.snippets.models import get_snippet_models

    return (
        issubclass(model, Page | BaseSiteSetting | BaseGenericSetting)
        or model._meta.label_lower in _listed_models()
        or model in get_snippet_models()
    )


def _on_model_change(sender, **kwargs) -> None:
    if kwargs.get("raw") or not settings.LERNHAFEN_PAGE_CACHE_SECONDS:
        return
    if changes_pages(sender):
        invalidate_pages_on_commit()


def _on_publish(sender, **kwargs) -> None:
    if settings.LERNHAFEN_PAGE_CACHE_SECONDS:
        invalidate_pages_on_commit()


def connect_signals() -> None:
    """Called from CmsConfig.ready(): management commands and the admin invalidate too."""
    post_save.connect(_on_model_change, dispatch_uid="cms.cache.post_save")
    post_delete.connect(_on_model_change, dispatch_uid="cms.cache.post_delete")
    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(_on_publish, dispatch_uid=f"cms.cache.{id(signal)}")
