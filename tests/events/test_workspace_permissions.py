"""Roles of the workspace: a Lotse sees only their districts, by queryset and by typed-in URL."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.models import EDITORS_GROUP
from events.models import Registration, Session
from events.workspace import permissions
from tests.factories.events_workspace import UserFactory, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


def test_migration_creates_both_groups_with_their_permissions():
    lotsen = {p.codename for p in Group.objects.get(name="Digitallotsen").permissions.all()}
    office = {p.codename for p in Group.objects.get(name="Koordination").permissions.all()}
    assert lotsen == {"access_admin", "use_workspace"}
    assert {
        "access_admin",
        "use_workspace",
        "coordinate_sessions",
        "change_session",
        "view_registration",
        "add_lotseprofile",
        "change_workspacesettings",
    } <= office
    # Lotsen get no model permissions: the calendar's snippet views stay closed to them.
    assert not lotsen & {"change_session", "view_registration", "view_session"}


def test_querysets_hold_only_the_lotse_s_own_districts(world):
    lotse = world.lotse_hagem.user
    assert list(permissions.sessions_for(lotse)) == [world.session_hagem]
    assert list(permissions.districts_for(lotse)) == [world.hagem]
    assert list(permissions.venues_for(lotse)) == [world.venue_hagem]
    Registration.objects.create(session=world.session_ahsen, status="confirmed", name="Erika")
    assert not permissions.registrations_for(lotse).exists()
    office = world.coordinator
    assert set(permissions.sessions_for(office)) == {world.session_hagem, world.session_ahsen}


def test_a_user_without_a_role_sees_nothing(world):
    nobody = UserFactory()
    assert not permissions.sessions_for(nobody).exists()
    assert not permissions.districts_for(nobody).exists()


SESSION_PAGES = [
    "session",
    "session_edit",
    "session_duplicate",
    "print",
    "csv",
    "message",
    "cancel",
]
SESSION_POSTS = ["session_register", "attendance", "cancel", "session_edit"]


@pytest.mark.parametrize("name", SESSION_PAGES)
def test_another_district_s_session_answers_404_by_typed_url(client, world, name):
    client.force_login(world.lotse_hagem.user)
    own = client.get(reverse(f"events_workspace:{name}", args=[world.session_hagem.pk]))
    other = client.get(reverse(f"events_workspace:{name}", args=[world.session_ahsen.pk]))
    assert own.status_code == 200
    assert other.status_code == 404


@pytest.mark.parametrize("name", SESSION_POSTS)
def test_another_district_s_session_cannot_be_changed(client, world, name):
    client.force_login(world.lotse_hagem.user)
    url = reverse(f"events_workspace:{name}", args=[world.session_ahsen.pk])
    response = client.post(url, {"name": "Heinz Kowalski", "phone": "02363 555 100", "seats": "1"})
    assert response.status_code == 404
    session = Session.objects.get(pk=world.session_ahsen.pk)
    assert session.status == Session.SCHEDULED
    assert not session.registrations.exists()


def test_registrations_of_another_district_cannot_be_moved(client, world):
    registration = Registration.objects.create(
        session=world.session_ahsen,
        status=Registration.CONFIRMED,
        name="Erika Brandt",
        phone="02363 1",
    )
    client.force_login(world.lotse_hagem.user)
    # Neither under the other session's URL nor smuggled in under the Lotse's own session.
    for session in (world.session_ahsen, world.session_hagem):
        url = reverse("events_workspace:registration_action", args=[session.pk, registration.pk])
        assert client.post(url, {"aktion": "abmelden"}).status_code == 404
    registration.refresh_from_db()
    assert registration.status == Registration.CONFIRMED


def test_the_calendar_s_snippet_views_are_closed_to_lotsen(client, world):
    client.force_login(world.lotse_hagem.user)
    for url in (
        reverse("wagtailsnippets_events_session:edit", args=[world.session_ahsen.pk]),
        reverse("wagtailsnippets_events_session:list"),
        reverse("wagtailsnippets_events_registration:list"),
        reverse("wagtailsnippets_events_lotseprofile:list"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Dorfgemeinschaftshaus" not in response.content.decode()


def test_the_list_shows_only_own_sessions_and_koordination_sees_all(client, world):
    client.force_login(world.lotse_hagem.user)
    page = client.get(reverse("events_workspace:sessions")).content.decode()
    assert "Bürgerhaus Hagem" in page
    assert "Dorfgemeinschaftshaus Ahsen" not in page
    client.force_login(world.coordinator)
    page = client.get(reverse("events_workspace:sessions")).content.decode()
    assert "Bürgerhaus Hagem" in page and "Dorfgemeinschaftshaus Ahsen" in page
    response = client.get(reverse("events_workspace:session", args=[world.session_ahsen.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["reports", "reviews"])
def test_reports_and_approvals_are_for_koordination_only(client, world, name):
    client.force_login(world.lotse_hagem.user)
    assert client.get(reverse(f"events_workspace:{name}")).status_code == 403
    client.force_login(world.coordinator)
    assert client.get(reverse(f"events_workspace:{name}")).status_code == 200


def test_staff_without_a_role_get_403_and_visitors_the_login(client, world):
    editor = UserFactory(groups=[EDITORS_GROUP])
    client.force_login(editor)
    assert client.get(reverse("events_workspace:sessions")).status_code == 403
    client.logout()
    response = client.get(reverse("events_workspace:session", args=[world.session_hagem.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
