"""Residents see who helps at a session; contact details only if the Lotse chose to publish them."""

import pytest

from tests.factories.events_workspace import LotseProfileFactory

pytestmark = pytest.mark.django_db


def test_session_page_names_its_lotsen_and_publishes_contact_only_by_choice(client, session):
    public = LotseProfileFactory(
        display_name="Aylin K.",
        languages="Deutsch, Türkisch",
        phone="02363 1111",
        email="aylin@example.org",
        contact_public=True,
    )
    private = LotseProfileFactory(display_name="Hans P.", phone="02363 2222", contact_public=False)
    session.digitallotsen.add(public.user, private.user)

    html = client.get(session.get_url()).content.decode()

    assert "Es hilft Ihnen" in html
    assert "Aylin K." in html and "spricht Deutsch, Türkisch" in html
    assert "02363 1111" in html and "aylin@example.org" in html
    assert "Hans P." in html and "02363 2222" not in html


def test_session_without_lotsen_shows_no_empty_section(client, session):
    assert "Es hilft Ihnen" not in client.get(session.get_url()).content.decode()
