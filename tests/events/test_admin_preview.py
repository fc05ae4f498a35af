"""Editors preview a workshop before it is saved for the first time (issue 16)."""

import pytest

from tests.factories.events import EventIndexPageFactory

pytestmark = pytest.mark.django_db


def test_preview_of_a_new_workshop_shows_it_without_sessions(admin_client, home):
    calendar = EventIndexPageFactory(parent=home)
    url = f"/admin/pages/add/events/workshoppage/{calendar.pk}/preview/"
    form = {
        "title": "Termine online buchen",
        "slug": "termine-online-buchen",
        "summary": "Wir zeigen Ihnen, wie Sie Termine im Bürgerbüro online buchen.",
        "description": "null",  # an empty rich text editor
        "audience": "alle",
        "language": "Deutsch",
        "what_to_bring": "",
    }
    assert admin_client.post(url, form).json()["is_valid"] is True

    response = admin_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Termine online buchen" in html
    assert "Wir zeigen Ihnen, wie Sie Termine im Bürgerbüro online buchen." in html
