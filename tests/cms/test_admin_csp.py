"""The admin renders no inline script, so it works under script-src 'self' (issue 16 item 1).

Wagtail 8 writes inline <script> for InlinePanel, choosers and date widgets; ours renders
markers that cms/static/lernhafen/js/admin-boot.js starts. The browser journeys prove they work;
this fast check finds any admin page that slips an inline script back in.
"""

from __future__ import annotations

import re

import pytest
import wagtail_factories

from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    DigitalServiceFactory,
    LessonPageFactory,
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)

# <script> without src that is not a JSON data block (json_script, telepath data).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


@pytest.fixture
def admin_urls(home):
    tutorials = TutorialIndexPageFactory(parent=home)
    tutorial = TutorialPageFactory(parent=tutorials)
    TutorialStepFactory(page=tutorial, screenshot=wagtail_factories.ImageFactory())
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue)
    lesson = LessonPageFactory(parent=course)
    service = DigitalServiceFactory()
    return [
        f"/admin/pages/{tutorial.pk}/edit/",
        f"/admin/pages/add/courses/tutorialpage/{tutorials.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        f"/admin/pages/{lesson.pk}/edit/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/settings/cms/sitesettings/{home.get_site().pk}/",
        f"/admin/snippets/courses/digitalservice/edit/{service.pk}/",
        "/admin/workflows/add/",
    ]


def test_admin_forms_render_no_inline_script(admin_client, admin_urls):
    for url in admin_urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), f"{url}: {INLINE_SCRIPT.findall(html)[:3]}"


def test_choosers_and_panels_boot_from_markers(admin_client, admin_urls):
    html = admin_client.get(admin_urls[0]).content.decode()
    assert 'data-lernhafen-boot="InlinePanel"' in html  # the steps
    assert 'data-lernhafen-boot="ImageChooser"' in html  # a step's screenshot
    assert 'data-lernhafen-boot="SnippetChooser"' in html  # the digital service
    assert 'data-lernhafen-boot="PageChooser"' in html  # the Leichte Sprache page
