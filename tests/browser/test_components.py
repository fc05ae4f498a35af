"""Components as a reader sees them on a wide screen."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_tip_box_is_one_box_as_wide_as_the_text_column(browser_page, live_server, demo_site):
    from wagtail.models import Collection

    from courses.demo_content import seed_courses_and_tutorials

    if Collection.get_first_root_node() is None:  # flushed by transactional tests; images need it
        Collection.add_root(name="Root")
    seed_courses_and_tutorials(demo_site)
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    # A lesson of the seeded course with the tip "Im Zweifel nicht teilen".
    browser_page.goto(live_server.url + "/kurse/fake-news-und-betrug-erkennen/quellen-pruefen/")
    tip = browser_page.get_by_role("complementary", name=re.compile(r"^Tipp: ")).first
    widths = tip.evaluate("""(box) => ({
        box: box.getBoundingClientRect().width,
        header: box.querySelector(".kern-alert__header").getBoundingClientRect().width,
        body: box.querySelector(".kern-alert__body").getBoundingClientRect().width,
        text: box.closest("main").querySelector(".rich-text").getBoundingClientRect().width,
    })""")
    assert widths["header"] == widths["body"]
    assert widths["box"] <= widths["text"] + 1  # no wider than the paragraphs around it
