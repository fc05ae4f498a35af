"""Rooms per venue, series preview, sessions that have begun, and attendance still open."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import reports_menu

from events import services as calendar
from events.models import Attendance, Registration, Room, Session, SessionSeries
from events.workspace import services
from tests.factories.events import SessionFactory, VenueFactory
from tests.factories.events_workspace import make_world, session_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


def _past(session, hours=3):
    start = timezone.now() - timedelta(hours=hours)
    Session.objects.filter(pk=session.pk).update(start=start, end=start + timedelta(hours=1))
    return Session.objects.get(pk=session.pk)


def test_the_migration_merges_spelling_variants_into_one_room_per_venue(world):
    migration = importlib.import_module("events.migrations.0008_rooms_per_venue")
    Session.objects.update(venue_room=None)
    Room.objects.all().delete()
    venue = world.venue_hagem
    other = VenueFactory(name="Stadtbibliothek Datteln", district=world.hagem)
    for name in ("Seminarraum", "Seminar-Raum", " seminarraum", "Küche"):
        SessionFactory(workshop=world.workshop, venue=venue, room=name, venue_room=None)
    SessionFactory(workshop=world.workshop, venue=other, room="Seminar Raum", venue_room=None)

    migration.rooms_from_free_text(apps, None)

    assert sorted(Room.objects.filter(venue=venue).values_list("name", flat=True)) == [
        "Küche",
        "Seminarraum",
    ]
    assert list(Room.objects.filter(venue=other).values_list("name", flat=True)) == ["Seminar Raum"]
    seminar = Room.objects.get(venue=venue, name="Seminarraum")
    assert set(
        Session.objects.filter(venue=venue, venue_room=seminar).values_list("room", flat=True)
    ) == {"Seminarraum"}
    assert Session.objects.filter(venue=venue, venue_room=seminar).count() == 4  # 3 + world's


def test_a_room_cannot_be_added_twice_in_another_spelling(world):
    room = Room(venue=world.venue_hagem, name="Seminar-Raum")
    with pytest.raises(ValidationError) as error:
        room.full_clean()
    assert "Diesen Raum gibt es an diesem Ort schon: „Seminarraum“." in str(error.value)


def test_the_room_check_cannot_be_dodged_by_spelling(world):
    # An old session typed "Seminar-Raum" before rooms were chosen from a list.
    old = world.session_hagem
    Session.objects.filter(pk=old.pk).update(venue_room=None, room="Seminar-Raum")
    options = services.PlanOptions(
        workshop=world.workshop, venue=world.venue_hagem, room=world.rooms["hagem"]
    )
    with pytest.raises(ValidationError) as error:
        services.create_sessions(
            [(old.start, old.end)], options, user=world.coordinator, need_approval=False
        )
    assert "findet zur selben Zeit schon" in str(error.value)


def test_a_room_of_another_venue_is_refused_next_to_the_field(client, world):
    client.force_login(world.coordinator)
    data = session_form_data(
        world.session_hagem,
        start=world.session_hagem.start + timedelta(days=1),
        end=world.session_hagem.end + timedelta(days=1),
        room=world.rooms["ahsen"].pk,
    )
    before = Session.objects.count()
    page = client.post(reverse("events_workspace:session_create"), data).content.decode()
    assert "gehört zu Dorfgemeinschaftshaus Ahsen, nicht zu Bürgerhaus Hagem" in page
    assert Session.objects.count() == before


def test_koordination_keeps_rooms_in_the_real_admin_and_lotsen_cannot(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("wagtailsnippets_events_room:add"),
        {"venue": world.venue_hagem.pk, "name": "Großer Saal", "capacity": "60"},
    )
    assert response.status_code == 302
    assert Room.objects.filter(venue=world.venue_hagem, name="Großer Saal").exists()
    response = client.post(
        reverse("wagtailsnippets_events_room:add"),
        {"venue": world.venue_hagem.pk, "name": "grosser saal"},
    )
    assert Room.objects.filter(venue=world.venue_hagem).count() == 3
    client.force_login(world.lotse_hagem.user)
    assert client.get(reverse("wagtailsnippets_events_room:list")).status_code in (302, 403)


def test_a_series_preview_lists_dates_and_conflicts_and_saves_nothing(client, world):
    client.force_login(world.lotse_hagem.user)
    local = timezone.localtime(world.session_hagem.start)
    before = Session.objects.count(), SessionSeries.objects.count()
    response = client.post(
        reverse("events_workspace:series_create"),
        {
            "workshop": world.workshop.pk,
            "first_day": (local.date() - timedelta(days=7)).isoformat(),
            "start_time": "10:30",
            "end_time": "11:30",
            "repeat": "WEEKLY;INTERVAL=1",
            "count": 3,
            "venue": world.venue_hagem.pk,
            "room": world.rooms["hagem"].pk,
            "capacity": 8,
            "group_limit": 1,
            "vorschau": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vorschau: 3 Termine, 1 mit Konflikt" in page
    assert f"{local:%d.%m.%Y}, 10:30–11:30 Uhr" in page
    assert "findet zur selben Zeit schon" in page
    assert (Session.objects.count(), SessionSeries.objects.count()) == before


def test_a_session_that_has_begun_offers_only_attendance(client, world):
    erika = calendar.register(world.session_hagem, name="Erika Brandt", phone="02363 1")
    calendar.register(world.session_hagem, name="Heinz Kowalski", phone="02363 2")
    calendar.register(world.session_hagem, name="Gisela Schulte", phone="02363 3")
    waiting = calendar.register(world.session_hagem, name="Jürgen Nowak", phone="02363 4")
    session = _past(world.session_hagem)
    client.force_login(world.lotse_hagem.user)
    page = client.get(reverse("events_workspace:session", args=[session.pk])).content.decode()
    assert "Anwesenheit erfassen" in page and "Anwesenheit speichern" in page
    # No "Auf die Warteliste", "Abmelden", "Festen Platz geben" (all post an "aktion"),
    # and no "Absagen".
    assert 'name="aktion"' not in page and "Auf die Warteliste" not in page
    assert reverse("events_workspace:cancel", args=[session.pk]) not in page
    # The service layer refuses as well, whatever a form posts.
    for call in (services.move_to_waitlist, services.unregister):
        with pytest.raises(ValidationError, match="schon begonnen"):
            call(erika)
    with pytest.raises(ValidationError, match="schon begonnen"):
        services.confirm_from_waitlist(waiting)
    with pytest.raises(ValidationError, match="schon begonnen"):
        services.cancel_session(session)
    client.post(reverse("events_workspace:cancel", args=[session.pk]))
    assert Session.objects.get(pk=session.pk).status == Session.SCHEDULED
    assert Registration.objects.get(pk=erika.pk).status == Registration.CONFIRMED


def test_attendance_still_open_lists_past_sessions_of_the_lotse_s_districts(
    client, world, django_assert_max_num_queries
):
    for session in (world.session_hagem, world.session_ahsen):
        calendar.register(session, name="Erika Brandt", phone="02363 1")
    hagem = _past(world.session_hagem)
    _past(world.session_ahsen)
    client.force_login(world.lotse_hagem.user)
    url = reverse("events_workspace:attendance_open")
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert "Bürgerhaus Hagem" in page and "1 von 1 Anmeldungen" in page
    assert "Dorfgemeinschaftshaus Ahsen" not in page
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Anwesenheit noch offen: 1 vergangener Termin" in dashboard
    for number in range(5):  # more sessions, same number of queries
        extra = SessionFactory(
            workshop=world.workshop,
            venue=world.venue_hagem,
            start=hagem.start - timedelta(days=7 * (number + 1)),
        )
        Registration.objects.create(session=extra, status=Registration.CONFIRMED, name="X")
    with django_assert_max_num_queries(12):
        client.get(url)
    Attendance.objects.bulk_create(
        Attendance(registration=r, status=Attendance.ATTENDED)
        for r in Registration.objects.filter(session__venue=world.venue_hagem)
    )
    page = client.get(url).content.decode()
    assert "ist die Anwesenheit eingetragen" in page


def test_the_city_reports_are_in_the_admin_s_reports_menu_for_koordination(rf, world):
    def reports_menu_for(user):
        request = rf.get("/admin/")
        request.user = user
        return [item.label for item in reports_menu.menu_items_for_request(request)]

    assert "Berichte für die Stadt" in reports_menu_for(world.coordinator)
    assert "Berichte für die Stadt" not in reports_menu_for(world.lotse_hagem.user)
