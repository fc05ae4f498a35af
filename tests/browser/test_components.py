"""Components as a reader sees them on a wide screen."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_tip_box_is_one_box_as_wide_as_the_text_column(browser_page, live_server, demo_site):
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.goto(live_server.url + "/senioren/")
    tip = browser_page.get_by_role("complementary", name=re.compile(r"^Tipp: ")).first
    widths = tip.evaluate("""(box) => ({
        box: box.getBoundingClientRect().width,
        header: box.querySelector(".kern-alert__header").getBoundingClientRect().width,
        body: box.querySelector(".kern-alert__body").getBoundingClientRect().width,
        text: box.closest("main").querySelector(".rich-text").getBoundingClientRect().width,
    })""")
    assert widths["header"] == widths["body"]
    assert widths["box"] <= widths["text"] + 1  # no wider than the paragraphs around it
