"""Booking, waitlist, cancellation and organiser changes (events.services)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.models import Registration, Session

pytestmark = pytest.mark.django_db


def _book(session, name="Erika Brandt", email="", phone="02363 1234", seats=1):
    return services.register(session, name=name, email=email, phone=phone, seats=seats)


def _ics(message) -> Calendar:
    part = next(p for p in message.message().walk() if p.get_content_type() == "text/calendar")
    return part, Calendar.from_ical(part.get_payload(decode=True))


def test_seats_are_booked_until_full_then_the_waitlist_has_positions(session):
    booked = [_book(session, phone=f"02363 100{i}") for i in range(3)]
    waiting = [_book(session, phone=f"02363 200{i}") for i in range(2)]
    assert [r.status for r in booked] == [Registration.CONFIRMED] * 3
    assert [r.status for r in waiting] == [Registration.WAITLISTED] * 2
    assert [r.waitlist_position for r in waiting] == [1, 2]
    assert Session.objects.with_seats().get(pk=session.pk).seats_text == "ausgebucht – Warteliste"


def test_seats_in_words(session):
    session = Session.objects.with_seats().get(pk=session.pk)
    assert session.seats_text == "noch 3 Plätze frei"
    _book(session, phone="02363 1")
    _book(session, phone="02363 2")
    assert Session.objects.with_seats().get(pk=session.pk).seats_text == "noch 1 Platz frei"


def test_cancelling_frees_seats_and_promotes_the_waitlist_in_order_and_mails_them(session):
    first = _book(session, email="a@example.org", phone="")
    for i in range(2):
        _book(session, phone=f"02363 10{i}")
    early = _book(session, name="Heinz", email="heinz@example.org", phone="")
    late = _book(session, name="Gisela", email="gisela@example.org", phone="")
    mail.outbox.clear()

    promoted = services.cancel(services.registration_for_token(services.cancel_token(first)))

    assert promoted == [early]
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.status, late.status, late.waitlist_position) == ("confirmed", "waitlisted", 1)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Ein Platz ist frei geworden")
    assert services.cancel(first) == []  # twice changes nothing


def test_a_class_that_does_not_fit_is_passed_over_for_a_single_person(workshop, venue):
    from tests.factories.events import SessionFactory

    session = SessionFactory(workshop=workshop, venue=venue, capacity=4, group_limit=4)
    teacher_a = _book(session, name="Frau Klein", phone="02363 1", seats=4)
    teacher_b = _book(session, name="Herr Groß", phone="02363 2", seats=3)
    single = _book(session, name="Ingrid", phone="02363 3", seats=1)
    assert (teacher_b.status, single.status) == ("waitlisted", "waitlisted")
    services.cancel(teacher_a)
    teacher_b.refresh_from_db()
    single.refresh_from_db()
    assert (teacher_b.status, single.status) == ("confirmed", "confirmed")


def test_confirmation_mail_is_german_text_and_html_with_a_request_ics_and_cancel_link(session):
    registration = _book(session, email="erika@example.org", phone="")
    message = mail.outbox[-1]
    assert message.subject.startswith("Ihre Anmeldung")
    assert "Guten Tag Erika Brandt" in message.body
    assert services.cancel_url(registration) in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Guten Tag" in html
    part, cal = _ics(message)
    assert part.get_param("method") == "REQUEST" == cal["METHOD"]
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == registration.calendar_uid != session.uid
    assert all(not component.errors for component in cal.walk())


def test_phone_only_registration_sends_no_mail(session):
    _book(session)
    assert mail.outbox == []


def test_organiser_cancelling_mails_everyone_with_method_cancel_and_raised_sequence(session):
    first = _book(session, email="a@example.org", phone="")
    _book(session, email="b@example.org", phone="")
    mail.outbox.clear()

    assert services.cancel_session(session) == 2

    session.refresh_from_db()
    assert session.sequence == 1
    assert len(mail.outbox) == 2
    part, cal = _ics(mail.outbox[0])
    assert part.get_param("method") == "CANCEL" == cal["METHOD"]
    (event,) = cal.walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["UID"] == first.calendar_uid
    assert event["SEQUENCE"] == 1
    assert "ORGANIZER" in event and "ATTENDEE" in event
    assert all(not component.errors for component in cal.walk())
    with pytest.raises(ValidationError):
        _book(session, phone="02363 99")


def test_moving_a_session_raises_sequence_and_mails_the_new_time(session):
    _book(session, email="a@example.org", phone="")
    mail.outbox.clear()
    new_start = session.start + timedelta(days=1)
    services.move_session(session, start=new_start, end=new_start + timedelta(hours=1))
    session.refresh_from_db()
    assert session.sequence == 1
    assert mail.outbox[0].subject.startswith("Geänderter Termin")
    _, cal = _ics(mail.outbox[0])
    assert cal.walk("VEVENT")[0]["SEQUENCE"] == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": " "}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"email": "", "phone": ""}, "email", "E-Mail-Adresse oder eine Telefonnummer"),
        ({"email": "erika@", "phone": ""}, "email", "gültige E-Mail-Adresse"),
        ({"phone": "ruf mich an"}, "phone", "Telefonnummer mit Ziffern"),
        ({"seats": 2}, "seats", "nur 1 Platz"),
        ({"seats": 0}, "seats", "nur 1 Platz"),
    ],
)
def test_bad_input_is_refused_with_a_german_message_per_field(session, fields, field, message):
    data = {"name": "Erika", "email": "", "phone": "02363 1234", "seats": 1, **fields}
    with pytest.raises(ValidationError) as error:
        services.register(session, **data)
    assert message in error.value.message_dict[field][0]
    assert not Registration.objects.exists()


def test_one_contact_may_hold_only_a_limited_number_of_registrations_per_session(session, settings):
    settings.LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT = 2
    _book(session, phone="02363 12 34")
    _book(session, phone="0236312-34")
    with pytest.raises(ValidationError) as error:
        _book(session, phone="02363 1234")
    assert "schon 2 Anmeldungen" in error.value.message_dict["phone"][0]


def test_past_sessions_take_no_registrations(session):
    session.start = timezone.now() - timedelta(hours=1)
    session.save()
    with pytest.raises(ValidationError) as error:
        _book(session)
    assert error.value.messages == ["Für diesen Termin ist keine Anmeldung mehr möglich."]


def test_reminders_go_out_once_inside_the_window(session, settings):
    import time_machine

    settings.LERNHAFEN_EVENTS_REMINDER_DAYS = 2
    _book(session, email="a@example.org", phone="")
    mail.outbox.clear()
    assert services.send_due_reminders() == 0  # a week ahead
    with time_machine.travel(session.start - timedelta(days=1), tick=False):
        assert services.send_due_reminders() == 1
        assert services.send_due_reminders() == 0
    assert mail.outbox[0].subject.startswith("Erinnerung")


def test_series_creates_sessions_from_rrule_keeping_local_time_across_dst_and_exdates(
    workshop, venue
):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from events.models import SessionSeries

    berlin = ZoneInfo("Europe/Berlin")
    series = SessionSeries.objects.create(
        workshop=workshop,
        venue=venue,
        first_start=datetime(2030, 3, 19, 10, 0, tzinfo=berlin),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        exdates="2030-04-02",
        capacity=6,
    )
    created = services.generate_sessions(series)
    assert [s.start.astimezone(berlin).strftime("%d.%m. %H:%M") for s in created] == [
        "19.03. 10:00",
        "26.03. 10:00",
        "09.04. 10:00",
    ]
    assert created[0].start.utcoffset() is not None
    assert services.generate_sessions(series) == []  # idempotent
    created[1].status = Session.CANCELLED  # each session stays editable on its own
    created[1].save()
    assert Session.objects.filter(series=series, status="scheduled").count() == 2


@pytest.mark.parametrize("rule", ["FREQ=WEEKLY;BYDAY=TU", "KAPUTT", "FREQ=DAILY;COUNT=500"])
def test_series_validation_explains_bad_rules(workshop, venue, rule):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from events.models import SessionSeries

    series = SessionSeries(
        workshop=workshop,
        venue=venue,
        first_start=datetime(2030, 3, 19, 10, tzinfo=ZoneInfo("Europe/Berlin")),
        rrule=rule,
    )
    with pytest.raises(ValidationError) as error:
        series.clean()
    assert "rrule" in error.value.message_dict
