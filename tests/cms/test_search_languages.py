"""Search per language: each language finds its own pages, with its own stemming on PostgreSQL."""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.models import Locale

from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db


def _translate(page, language: str, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def _titles(client, url: str, query: str) -> str:
    return client.get(url, {"q": query}).content.decode()


def test_each_language_searches_its_own_pages(client, home):
    german = ContentPageFactory(parent=home, slug="wlan", title="Kostenloses Stadt-WLAN")
    _translate(home, "tr", title="Ana sayfa", slug="ana-sayfa")
    _translate(german, "tr", title="Ücretsiz şehir WLAN'ı", slug="sehir-wlan")

    turkish = _titles(client, "/tr/suche/", "WLAN")
    assert "Ücretsiz şehir WLAN" in turkish
    assert "Kostenloses Stadt-WLAN" not in turkish
    german_results = _titles(client, "/suche/", "WLAN")
    assert "Kostenloses Stadt-WLAN" in german_results
    assert "Ücretsiz" not in german_results


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="stemming per language needs PostgreSQL")
def test_postgres_stems_each_language_with_its_own_rules(client, home):
    german = ContentPageFactory(parent=home, slug="passwort", title="Sichere Passwörter")
    _translate(home, "en", title="Home", slug="home-en")
    _translate(german, "en", title="Creating safe passwords", slug="safe-passwords")
    _translate(home, "tr", title="Ana sayfa", slug="ana-sayfa")
    _translate(german, "tr", title="Güvenli şifreler oluşturmak", slug="guvenli-sifreler")
    # English stemming: "password" finds "passwords"; Turkish: "şifre" finds "şifreler".
    assert "Creating safe passwords" in _titles(client, "/en/suche/", "password")
    assert "Güvenli şifreler" in _titles(client, "/tr/suche/", "şifre")
