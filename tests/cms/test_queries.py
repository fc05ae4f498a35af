"""Query budgets: rendering a page costs a fixed number of queries, whatever the data size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/datenschutz/", "/barrierefreiheit/", "/suche/?q=Stadt"])
def test_page_query_count_stays_within_budget_and_flat(client, demo_site, url):
    before = _queries(client, url)
    for index in range(30):
        ContentPageFactory(parent=demo_site.home, slug=f"seite-{index}", show_in_menus=True)
    after = _queries(client, url)
    assert before <= 12, f"{url}: {before} queries"
    assert after == before, f"{url}: {before} queries with few pages, {after} with 30 more"
