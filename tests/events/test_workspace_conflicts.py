"""Scheduling: conflicts are explained and block saving; series and copies; approval."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Registration, Session, SessionReview, WorkspaceSettings
from events.workspace import services
from events.workspace.conflicts import find_conflicts
from tests.factories.events import SessionFactory, VenueFactory
from tests.factories.events_workspace import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


def _slot(session, shift_minutes=0, minutes=90):
    start = session.start + timedelta(minutes=shift_minutes)
    return [(start, start + timedelta(minutes=minutes))]


def test_same_venue_and_room_at_the_same_time_is_a_conflict(world):
    session = world.session_hagem
    conflicts = find_conflicts(
        _slot(session, 30), venue=world.venue_hagem, room=world.rooms["hagem"], lotsen=[]
    )
    assert len(conflicts) == 1
    assert conflicts[0].field == "start"
    assert "Seminarraum" in conflicts[0].message and "Bürgerhaus Hagem" in conflicts[0].message
    assert "Das Bürgerkonto einrichten" in conflicts[0].message


def test_other_room_back_to_back_or_cancelled_sessions_do_not_conflict(world):
    session = world.session_hagem
    venue = world.venue_hagem
    assert not find_conflicts(
        _slot(session, 30), venue=venue, room=world.rooms["hagem-kueche"], lotsen=[]
    )
    assert not find_conflicts(_slot(session, 90), venue=venue, room=world.rooms["hagem"], lotsen=[])
    Session.objects.filter(pk=session.pk).update(status=Session.CANCELLED)
    assert not find_conflicts(_slot(session), venue=venue, room=world.rooms["hagem"], lotsen=[])


def test_a_session_without_room_takes_the_whole_venue(world):
    conflicts = find_conflicts(
        _slot(world.session_hagem), venue=world.venue_hagem, room=None, lotsen=[]
    )
    assert len(conflicts) == 1


def test_the_same_lotse_twice_at_the_same_time_is_a_conflict(world):
    other_venue = VenueFactory(name="Stadtteiltreff Hagem-Süd", district=world.hagem)
    conflicts = find_conflicts(
        _slot(world.session_hagem, 45),
        venue=other_venue,
        room=None,
        lotsen=[world.lotse_hagem.user],
    )
    assert [c.field for c in conflicts] == ["digitallotsen"]
    assert "Murat Yılmaz betreut zur selben Zeit" in conflicts[0].message


def test_a_lotse_outside_the_venue_s_district_is_a_conflict(world):
    later = _slot(world.session_hagem, 24 * 60)
    conflicts = find_conflicts(
        later, venue=world.venue_hagem, room=None, lotsen=[world.lotse_ahsen.user]
    )
    assert [c.field for c in conflicts] == ["digitallotsen"]
    assert "nicht für den Stadtteil Hagem eingeteilt" in conflicts[0].message


def test_capacity_below_confirmed_seats_is_a_conflict(world):
    session = world.session_hagem
    for number in range(3):
        Registration.objects.create(
            session=session, status=Registration.CONFIRMED, name=f"Person {number}", phone="02363 1"
        )
    conflicts = find_conflicts(
        _slot(session),
        venue=session.venue,
        room=session.venue_room,
        lotsen=[],
        capacity=2,
        session=session,
    )
    assert [c.field for c in conflicts] == ["capacity"]
    assert "schon 3 Plätze fest vergeben" in conflicts[0].message


def test_conflict_checks_take_a_fixed_number_of_queries(world):
    lotse = world.lotse_hagem.user
    starts = [world.session_hagem.start + timedelta(days=7 * n) for n in range(1, 30)]
    for start in starts[:10]:
        SessionFactory(
            workshop=world.workshop,
            venue=world.venue_hagem,
            start=start,
            room="Küche",
            venue_room=world.rooms["hagem-kueche"],
        ).digitallotsen.add(lotse)
    slots = [(s, s + timedelta(minutes=90)) for s in starts]

    def count(n):
        with CaptureQueriesContext(connection) as captured:
            find_conflicts(
                slots[:n], venue=world.venue_hagem, room=world.rooms["hagem"], lotsen=[lotse]
            )
        return len(captured)

    assert count(2) == count(29) <= 5


def test_saving_with_a_conflict_writes_nothing_and_explains_it_next_to_the_field(client, world):
    client.force_login(world.lotse_hagem.user)
    local = timezone.localtime(world.session_hagem.start)
    before = Session.objects.count()
    response = client.post(
        reverse("events_workspace:session_create"),
        {
            "workshop": world.workshop.pk,
            "day": local.date().isoformat(),
            "start_time": local.strftime("%H:%M"),
            "end_time": (local + timedelta(hours=1)).strftime("%H:%M"),
            "venue": world.venue_hagem.pk,
            "room": world.rooms["hagem"].pk,
            "capacity": 8,
            "group_limit": 1,
            "digitallotsen": [world.lotse_hagem.user.pk],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "findet zur selben Zeit schon" in page
    assert "betreut zur selben Zeit" in page
    # what was chosen stays
    assert f'<option value="{world.rooms["hagem"].pk}" selected>Seminarraum</option>' in page
    assert Session.objects.count() == before


def test_a_lotse_cannot_choose_a_venue_of_another_district(client, world):
    client.force_login(world.lotse_hagem.user)
    response = client.post(
        reverse("events_workspace:session_create"),
        {
            "workshop": world.workshop.pk,
            "day": "2031-03-04",
            "start_time": "10:00",
            "end_time": "11:30",
            "venue": world.venue_ahsen.pk,
            "capacity": 8,
            "group_limit": 1,
        },
    )
    assert response.status_code == 200
    assert not Session.objects.filter(venue=world.venue_ahsen, start__year=2031).exists()


def test_a_lotse_s_series_waits_for_approval_and_stays_out_of_the_calendar(client, world):
    client.force_login(world.lotse_hagem.user)
    response = client.post(
        reverse("events_workspace:series_create"),
        {
            "workshop": world.workshop.pk,
            "first_day": "2031-03-04",
            "start_time": "10:00",
            "end_time": "11:30",
            "repeat": "WEEKLY;INTERVAL=1",
            "count": 4,
            "skip": "11.03.2031",
            "venue": world.venue_hagem.pk,
            "room": world.rooms["hagem"].pk,
            "capacity": 8,
            "group_limit": 1,
            "digitallotsen": [world.lotse_hagem.user.pk],
        },
    )
    assert response.status_code == 302
    created = Session.objects.filter(start__year=2031).order_by("start")
    # Four Tuesdays from 4 March without 11 March; 10:00 Berlin stays 10:00 across the DST
    # change on 30 March 2031.
    assert [timezone.localtime(s.start).strftime("%d.%m. %H:%M") for s in created] == [
        "04.03. 10:00",
        "18.03. 10:00",
        "25.03. 10:00",
        "01.04. 10:00",
    ]
    assert all(list(s.digitallotsen.all()) == [world.lotse_hagem.user] for s in created)
    assert all(s.review.state == SessionReview.PENDING for s in created)
    assert not Session.objects.public().filter(start__year=2031).exists()

    client.force_login(world.coordinator)
    client.post(
        reverse("events_workspace:review_decide", args=[created[0].pk]),
        {"entscheidung": "freigeben"},
    )
    client.post(
        reverse("events_workspace:review_decide", args=[created[1].pk]),
        {"entscheidung": "ablehnen", "comment": "Der Saal ist an dem Tag vermietet."},
    )
    assert list(Session.objects.public().filter(start__year=2031)) == [created[0]]
    assert SessionReview.objects.get(session=created[1]).comment.startswith("Der Saal")


def test_without_the_approval_setting_lotse_sessions_are_published_directly(client, world):
    settings_row = WorkspaceSettings.for_site(world.calendar.get_site())
    settings_row.lotse_sessions_need_approval = False
    settings_row.save()
    client.force_login(world.lotse_hagem.user)
    client.post(
        reverse("events_workspace:session_create"),
        {
            "workshop": world.workshop.pk,
            "day": "2031-05-06",
            "start_time": "10:00",
            "end_time": "11:30",
            "venue": world.venue_hagem.pk,
            "capacity": 8,
            "group_limit": 1,
            "digitallotsen": [world.lotse_hagem.user.pk],
        },
    )
    session = Session.objects.get(start__year=2031)
    assert not SessionReview.objects.filter(session=session).exists()
    assert Session.objects.public().filter(pk=session.pk).exists()


def test_koordination_sessions_need_no_approval(world):
    options = services.PlanOptions(workshop=world.workshop, venue=world.venue_ahsen)
    start = timezone.make_aware(datetime(2031, 6, 3, 10))
    [session] = services.create_sessions(
        [(start, start + timedelta(hours=1))], options, user=world.coordinator, need_approval=True
    )
    assert not SessionReview.objects.filter(session=session).exists()


def test_duplicating_a_session_keeps_time_place_seats_and_lotsen(client, world):
    client.force_login(world.lotse_hagem.user)
    source = world.session_hagem
    response = client.post(
        reverse("events_workspace:session_duplicate", args=[source.pk]),
        {"dates": "04.03.2031\n1.4.2031"},
    )
    assert response.status_code == 302
    copies = Session.objects.filter(start__year=2031).order_by("start")
    source_time = timezone.localtime(source.start).time()
    assert [timezone.localtime(c.start).time() for c in copies] == [source_time] * 2
    assert all(c.end - c.start == source.end - source.start for c in copies)
    assert all(c.venue == source.venue and c.capacity == source.capacity for c in copies)
    assert all(list(c.digitallotsen.all()) == [world.lotse_hagem.user] for c in copies)


def test_duplicating_a_session_onto_a_taken_date_writes_nothing(client, world):
    client.force_login(world.lotse_hagem.user)
    source = world.session_hagem
    taken = timezone.localtime(source.start).strftime("%d.%m.%Y")
    response = client.post(
        reverse("events_workspace:session_duplicate", args=[source.pk]),
        {"dates": f"04.03.2031\n{taken}"},
    )
    assert response.status_code == 200
    assert "findet zur selben Zeit schon" in response.content.decode()
    assert not Session.objects.filter(start__year=2031).exists()


def test_duplicating_a_series_repeats_it_from_a_new_first_date(world):
    from events.models import SessionSeries
    from events.services import generate_sessions

    series = SessionSeries.objects.create(
        workshop=world.workshop,
        venue=world.venue_hagem,
        room="Seminarraum",
        venue_room=world.rooms["hagem"],
        first_start=timezone.make_aware(datetime(2030, 1, 7, 10)),
        rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20300128T235959Z",
        duration_minutes=90,
    )
    generate_sessions(series)
    copy, sessions = services.duplicate_series(
        series,
        timezone.make_aware(datetime(2031, 3, 3, 10)),
        user=world.coordinator,
        need_approval=True,
    )
    assert [timezone.localtime(s.start).strftime("%d.%m.%Y %H:%M") for s in sessions] == [
        "03.03.2031 10:00",
        "10.03.2031 10:00",
        "17.03.2031 10:00",
        "24.03.2031 10:00",
    ]
    assert copy.pk != series.pk


def test_editing_below_confirmed_seats_is_refused_with_an_explanation(client, world):
    session = world.session_hagem
    for number in range(2):
        Registration.objects.create(
            session=session, status=Registration.CONFIRMED, name=f"Person {number}", phone="02363 1"
        )
    client.force_login(world.lotse_hagem.user)
    local = timezone.localtime(session.start)
    response = client.post(
        reverse("events_workspace:session_edit", args=[session.pk]),
        {
            "workshop": world.workshop.pk,
            "day": local.date().isoformat(),
            "start_time": local.strftime("%H:%M"),
            "end_time": timezone.localtime(session.end).strftime("%H:%M"),
            "venue": world.venue_hagem.pk,
            "room": session.venue_room_id,
            "capacity": 1,
            "group_limit": 1,
            "digitallotsen": [world.lotse_hagem.user.pk],
        },
    )
    assert response.status_code == 200
    assert "schon 2 Plätze fest vergeben" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 3


def test_invalid_input_is_explained_in_german_and_kept(client, world):
    client.force_login(world.lotse_hagem.user)
    response = client.post(
        reverse("events_workspace:session_create"),
        {
            "workshop": world.workshop.pk,
            "day": "2031-03-04",
            "start_time": "12:00",
            "end_time": "10:00",
            "venue": world.venue_hagem.pk,
            "room": world.rooms["hagem-kueche"].pk,
            "capacity": 2,
            "group_limit": 5,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Das Ende muss nach dem Beginn liegen." in page
    assert "nicht mehr Plätze gebucht" in page
    assert f'<option value="{world.rooms["hagem-kueche"].pk}" selected>Küche</option>' in page
    with pytest.raises(ValidationError):
        services.raise_conflicts(
            find_conflicts(
                _slot(world.session_hagem), venue=world.venue_hagem, room=None, lotsen=[]
            )
        )
