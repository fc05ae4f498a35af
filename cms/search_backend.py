"""Wagtail's database search, with PostgreSQL's text search configuration per language.

On PostgreSQL a page is indexed with the stemming of its own locale (a Turkish page with
"turkish", an Arabic one with "arabic") and a search uses the configuration of the language the
visitor searches in; the search view (cms/views.py) only looks at pages of that language.
PostgreSQL has no Ukrainian configuration: Ukrainian is indexed without stemming ("simple").
On SQLite (FTS5) and elsewhere this is Wagtail's own database backend unchanged.

settings: WAGTAILSEARCH_BACKENDS["default"] = {"BACKEND": "cms.search_backend",
"SEARCH_CONFIG": <default>, "LOCALE_SEARCH_CONFIGS": {language code: configuration}}.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres import postgres


class LocalePostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_locale(getattr(obj, "locale_id", None))].append(obj)
        default = self.backend.config
        try:
            for config, group in groups.items():
                # The indexer reads the backend's configuration when it is made, per batch.
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = default


class LocaleQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(get_language())


class LocalePostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LocalePostgresIndex
    query_compiler_class = LocaleQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.locale_configs = dict(params.get("LOCALE_SEARCH_CONFIGS", {}))
        self._codes_by_locale: dict[int, str] = {}

    def config_for_language(self, code: str | None) -> str:
        return self.locale_configs.get(code or "", self.config)

    def config_for_locale(self, locale_id: int | None) -> str:
        if locale_id is None:
            return self.config
        if locale_id not in self._codes_by_locale:
            self._codes_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self._codes_by_locale.get(locale_id))


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
