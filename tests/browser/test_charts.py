import pytest

from tests.browser.conftest import check_accessibility

pytestmark = pytest.mark.django_db(transaction=True)


def test_chart_component_is_accessible(browser_page, live_server, home, settings):
    settings.ROOT_URLCONF = "tests.cms.chart_urls"
    check_accessibility(browser_page, live_server.url + "/bericht/", name="chart")
