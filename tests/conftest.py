"""Shared fixtures: a site with a home page, users, and the published demo site.

Browser fixtures live in tests/browser/conftest.py.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from cms import i18n
from cms.models import HomePage
from tests.factories.cms import HomePageFactory


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Rate limits and Wagtail's caches live in the cache; each test starts from zero.
    cache.clear()
    i18n.forget_cached_locales()
    yield
    cache.clear()
    i18n.forget_cached_locales()


def _tree_root() -> Page:
    # Transactional tests flush the data migrations made: the locales and the tree root.
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    if root is None:  # transactional tests start from an empty database
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


@pytest.fixture
def home(db) -> HomePage:
    """A published HomePage that is the root of the default site."""
    home = HomePageFactory(parent=_tree_root())
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Lernhafen"
    )
    return home


@pytest.fixture
def demo_site(db):
    """The general pages of the demo site, exactly as `seed_demo` builds them."""
    from cms.demo_content import ensure_home, seed_general_pages

    _tree_root()
    demo = ensure_home(lambda message: None)
    seed_general_pages(demo)
    return demo


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@datteln.example", password="ein-sicheres-passwort"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
