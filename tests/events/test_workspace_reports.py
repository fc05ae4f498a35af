"""City reports: figures against a known fixture, charts with data tables, CSV, no personal data."""

import re
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Attendance, Registration, Session
from events.workspace.reports import city_report
from tests.factories.events import SessionFactory, WorkshopPageFactory
from tests.factories.events_workspace import make_world

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _at(*args):
    return timezone.make_aware(datetime(*args))


def _book(session, status, seats=1, attendance=None, name="Erika Brandt"):
    registration = Registration.objects.create(
        session=session, status=status, seats=seats, name=name, phone="02363 555 100"
    )
    if attendance:
        Attendance.objects.create(registration=registration, status=attendance)
    return registration


@pytest.fixture
def figures(home):
    """Hagem: two held sessions (one on 1 April 00:30 Berlin, 31 March in UTC); Ahsen: a class.

    A cancelled session and an upcoming one must not count.
    """
    world = make_world(home)
    classes = WorkshopPageFactory(
        parent=world.calendar, title="Klassen-Workshop", slug="klassen-workshop", audience="schulen"
    )
    march = SessionFactory(
        workshop=world.workshop, venue=world.venue_hagem, capacity=8, start=_at(2025, 3, 10, 10)
    )
    _book(march, Registration.CONFIRMED, attendance=Attendance.ATTENDED, name="Erika Brandt")
    _book(march, Registration.CONFIRMED, attendance=Attendance.ATTENDED, name="Heinz Kowalski")
    _book(march, Registration.CONFIRMED, attendance=Attendance.NO_SHOW, name="Gisela Schulte")
    _book(march, Registration.WAITLISTED, name="Jürgen Nowak")
    _book(march, Registration.CANCELLED, name="Renate Hoffmann")
    night = SessionFactory(
        workshop=world.workshop, venue=world.venue_hagem, capacity=8, start=_at(2025, 4, 1, 0, 30)
    )
    assert night.start.astimezone(UTC).month == 3  # still March in UTC
    _book(night, Registration.CONFIRMED, attendance=Attendance.ATTENDED, name="Wolfgang Becker")
    _book(night, Registration.CONFIRMED, attendance=Attendance.ATTENDED, name="Ursula Wagner")
    school = SessionFactory(
        workshop=classes,
        venue=world.venue_ahsen,
        capacity=30,
        group_limit=30,
        start=_at(2025, 4, 7, 8),
    )
    _book(
        school,
        Registration.CONFIRMED,
        seats=25,
        attendance=Attendance.ATTENDED,
        name="Manfred Schröder",
    )
    cancelled = SessionFactory(
        workshop=world.workshop,
        venue=world.venue_hagem,
        start=_at(2025, 5, 5, 10),
        status=Session.CANCELLED,
    )
    _book(cancelled, Registration.CONFIRMED, name="Helga Krüger")
    _book(world.session_hagem, Registration.CONFIRMED, name="Dieter Lange")
    return world


def _table(report):
    return {row.label: row.values for row in [*report.rows, report.total]}


HAGEM = ["2", "16", "6", "5", "31,3 %", "4", "1", "20,0 %", "1"]
AHSEN = ["1", "30", "1", "25", "83,3 %", "25", "0", "0,0 %", "0"]
TOTAL = ["3", "46", "7", "30", "65,2 %", "29", "1", "3,3 %", "1"]


def test_figures_per_district(figures):
    assert _table(city_report("stadtteil", *YEAR)) == {
        "Ahsen": AHSEN,
        "Hagem": HAGEM,
        "Gesamt": TOTAL,
    }


def test_figures_per_month_use_berlin_time(figures):
    assert _table(city_report("monat", *YEAR)) == {
        "März 2025": ["1", "8", "4", "3", "37,5 %", "2", "1", "33,3 %", "1"],
        "April 2025": ["2", "38", "3", "27", "71,1 %", "27", "0", "0,0 %", "0"],
        "Gesamt": TOTAL,
    }


def test_figures_per_audience_and_workshop(figures):
    assert _table(city_report("zielgruppe", *YEAR)) == {
        "Schulklassen und Lehrkräfte": AHSEN,
        "Senior*innen": HAGEM,
        "Gesamt": TOTAL,
    }
    assert _table(city_report("workshop", *YEAR)) == {
        "Das Bürgerkonto einrichten": HAGEM,
        "Klassen-Workshop": AHSEN,
        "Gesamt": TOTAL,
    }


def test_the_period_limits_the_sessions(figures):
    assert _table(city_report("stadtteil", date(2025, 4, 2), date(2025, 12, 31))) == {
        "Ahsen": AHSEN,
        "Gesamt": AHSEN,
    }


def test_a_report_takes_two_queries_whatever_the_amount_of_data(figures):
    def count():
        with CaptureQueriesContext(connection) as captured:
            city_report("monat", *YEAR)
        return len(captured)

    before = count()
    for day in range(1, 20):
        session = SessionFactory(
            workshop=figures.workshop, venue=figures.venue_hagem, start=_at(2025, 6, day, 10)
        )
        _book(session, Registration.CONFIRMED, attendance=Attendance.ATTENDED)
    assert count() == before == 2


def test_the_report_page_shows_charts_with_data_tables_and_no_personal_data(client, figures):
    client.force_login(figures.coordinator)
    response = client.get(
        reverse("events_workspace:reports"), {"von": "2025-01-01", "bis": "2025-12-31"}
    )
    page = re.sub(r">\s+<", "><", response.content.decode())
    assert response.status_code == 200
    # One chart per measure (issue 13, item 11), every district side by side in each.
    assert page.count('role="img"') == 4
    assert "<title id=" in page and "<desc id=" in page
    assert ">Hagem: 5 Personen</text>" in page and ">Ahsen: 25 Personen</text>" in page
    # Fill and no-show rates are charted, rounded as in the table.
    assert ">Hagem: 31,3 %</text>" in page and ">Hagem: 20,0 %</text>" in page
    # The chart's data table carries the same figures as the bars.
    assert (
        '<th class="kern-table__cell" scope="row">Hagem</th><td class="kern-table__cell '
        'kern-table__cell--numeric">5 Personen</td>'
    ) in page
    for value in HAGEM:
        assert f"<td>{value}</td>" in page
    for name in ("Erika Brandt", "Manfred Schröder", "02363 555 100"):
        assert name not in page


def test_the_csv_has_the_same_figures_and_no_personal_data(client, figures):
    client.force_login(figures.coordinator)
    response = client.get(
        reverse("events_workspace:report_csv", args=["stadtteil"]),
        {"von": "2025-01-01", "bis": "2025-12-31"},
    )
    text = response.content.decode("utf-8")
    assert response["Content-Disposition"] == (
        'attachment; filename="bericht-stadtteil-2025-01-01-2025-12-31.csv"'
    )
    assert text.splitlines() == [
        "\ufeffStadtteil;Termine stattgefunden;Plätze angeboten;Anmeldungen;Plätze belegt;"
        "Auslastung;Teilgenommen;Nicht erschienen;Nicht-erschienen-Quote;Warteliste ohne Platz",
        "Ahsen;" + ";".join(AHSEN),
        "Hagem;" + ";".join(HAGEM),
        "Gesamt;" + ";".join(TOTAL),
    ]
    assert "Erika" not in text


def test_a_broken_period_falls_back_with_a_message(client, figures):
    client.force_login(figures.coordinator)
    page = client.get(reverse("events_workspace:reports"), {"von": "gestern"}).content.decode()
    assert "„gestern“ ist kein Datum" in page
    assert client.get(reverse("events_workspace:report_csv", args=["unbekannt"])).status_code == 404


def test_no_held_sessions_shows_a_plain_sentence(client, figures):
    client.force_login(figures.coordinator)
    page = client.get(
        reverse("events_workspace:reports"), {"von": "2020-01-01", "bis": "2020-12-31"}
    ).content.decode()
    assert "In diesem Zeitraum hat kein Termin stattgefunden." in page


def test_months_without_sessions_are_shown_as_zero(client, figures):
    report = city_report("monat", date(2025, 2, 1), date(2025, 5, 31), empty_months=True)
    assert _table(report) == {
        "Februar 2025": ["0", "0", "0", "0", "–", "0", "0", "–", "0"],
        "März 2025": ["1", "8", "4", "3", "37,5 %", "2", "1", "33,3 %", "1"],
        "April 2025": ["2", "38", "3", "27", "71,1 %", "27", "0", "0,0 %", "0"],
        "Mai 2025": ["0", "0", "0", "0", "–", "0", "0", "–", "0"],
        "Gesamt": TOTAL,
    }
    client.force_login(figures.coordinator)
    page = client.get(
        reverse("events_workspace:reports"),
        {"von": "2025-02-01", "bis": "2025-05-31", "nach": "monat"},
    ).content.decode()
    assert ">Februar 2025: 0 Personen</text>" in page and ">Mai 2025: 0 Personen</text>" in page


def test_the_page_tells_bookings_and_people_apart(client, figures):
    client.force_login(figures.coordinator)
    page = client.get(
        reverse("events_workspace:reports"), {"von": "2025-01-01", "bis": "2025-12-31"}
    ).content.decode()
    assert "Anmeldungen (Buchungen)" in page and "Plätze belegt (Personen)" in page
    assert "eine ganze Klasse an" in page
