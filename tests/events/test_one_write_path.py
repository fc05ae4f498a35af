"""One write path per rule: sessions and series change only through the workspace services (with
conflict checks, approval and mails), registrations only through events.services, and sessions
Koordination has not approved can be neither booked nor fetched by visitors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import forms, services
from events.models import Registration, Session, SessionReview, SessionSeries
from events.workspace import services as workspace
from tests.factories.events_workspace import make_world, session_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


@pytest.mark.parametrize("state", [SessionReview.PENDING, SessionReview.REJECTED])
def test_a_session_koordination_has_not_approved_is_neither_shown_nor_booked(client, world, state):
    session = world.session_hagem
    SessionReview.objects.create(session=session, state=state)
    url = session.get_url()
    assert client.get(url).status_code == 404
    # Nor is it listed anywhere a visitor looks: its workshop, the calendar, the home page.
    for listing in (session.workshop.url, session.workshop.get_parent().url, "/"):
        page = client.get(listing)
        assert page.status_code == 200 and url not in page.content.decode(), listing
    assert client.get(session.get_ics_url()).status_code == 404
    response = client.post(
        url,
        {
            "name": "Erika Muster",
            "email": "erika@example.org",
            "seats": 1,
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 404
    assert not Registration.objects.exists() and mail.outbox == []


def test_an_approved_session_is_shown_and_booked(client, world):
    session = world.session_hagem
    SessionReview.objects.create(session=session, state=SessionReview.APPROVED)
    assert client.get(session.get_url()).status_code == 200
    assert client.get(session.get_ics_url()).status_code == 200
    response = client.post(
        session.get_url(),
        {"name": "Erika Muster", "email": "erika@example.org", "seats": 1, "privacy_consent": "on"},
    )
    assert response.status_code == 302
    assert session.registrations.get().name == "Erika Muster"


def test_a_lotse_moving_a_published_session_puts_it_back_before_koordination(client, world):
    session = world.session_hagem
    services.register(session, name="Erika Muster", email="erika@example.org")
    mail.outbox.clear()
    client.force_login(world.lotse_hagem.user)

    moved = (timezone.localtime(session.start) + timedelta(days=3)).replace(hour=10, minute=0)
    response = client.post(
        reverse("events_workspace:session_edit", args=[session.pk]),
        session_form_data(session, start=moved, end=moved + timedelta(minutes=90)),
        follow=True,
    )

    assert "Der Termin liegt der Koordination zur Freigabe vor." in response.content.decode()
    review = SessionReview.objects.get(session=session)
    assert review.state == SessionReview.PENDING
    assert review.submitted_by == world.lotse_hagem.user
    assert not Session.objects.public().filter(pk=session.pk).exists()
    client.logout()
    assert client.get(session.get_url()).status_code == 404
    # Registrants still hear that their date moved.
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]


def test_a_rejected_session_edited_by_the_lotse_is_submitted_again(world):
    session = world.session_hagem
    SessionReview.objects.create(session=session, state=SessionReview.REJECTED, comment="Zu früh")
    workspace.update_session(
        Session.objects.get(pk=session.pk),
        lotsen=[world.lotse_hagem.user],
        user=world.lotse_hagem.user,
        need_approval=True,
        start=session.start + timedelta(hours=2),
        end=session.end + timedelta(hours=2),
    )
    review = SessionReview.objects.get(session=session)
    assert (review.state, review.comment, review.decided_at) == (SessionReview.PENDING, "", None)


def test_more_seats_need_no_new_approval_and_koordination_edits_stay_published(world):
    session = world.session_hagem
    lotse, later = world.lotse_hagem.user, timedelta(days=1)
    for user, need_approval, changes in (
        (lotse, True, {"capacity": 6}),  # more seats: no new decision needed
        (world.coordinator, True, {"start": session.start + later, "end": session.end + later}),
        (lotse, False, {"start": session.start + 2 * later, "end": session.end + 2 * later}),
    ):
        workspace.update_session(
            Session.objects.get(pk=session.pk),
            lotsen=[lotse],
            user=user,
            need_approval=need_approval,
            **changes,
        )
    assert not SessionReview.objects.exists()
    assert Session.objects.public().filter(pk=session.pk).exists()


def test_session_snippet_forms_lead_to_the_workspace_forms(client, world):
    client.force_login(world.coordinator)
    session = world.session_ahsen
    pairs = [
        ("wagtailsnippets_events_session:add", [], "events_workspace:session_create", []),
        (
            "wagtailsnippets_events_session:edit",
            [session.pk],
            "events_workspace:session_edit",
            [session.pk],
        ),
        (
            "wagtailsnippets_events_session:copy",
            [session.pk],
            "events_workspace:session_duplicate",
            [session.pk],
        ),
        ("wagtailsnippets_events_sessionseries:add", [], "events_workspace:series_create", []),
    ]
    for snippet_url, args, workspace_url, workspace_args in pairs:
        for method in ("get", "post"):
            response = getattr(client, method)(reverse(snippet_url, args=args))
            assert response.status_code == 302, snippet_url
            assert response.url == reverse(workspace_url, args=workspace_args)


def test_a_lotse_is_not_led_to_another_district_s_session(client, world):
    client.force_login(world.lotse_hagem.user)
    url = reverse("wagtailsnippets_events_session:edit", args=[world.session_ahsen.pk])
    assert client.get(url).status_code == 404


def test_no_generic_admin_view_deletes_or_changes_sessions_series_or_registrations(
    admin_client, world
):
    session = world.session_hagem
    registration = services.register(session, name="Erika Muster", email="erika@example.org")
    series = SessionSeries.objects.create(
        workshop=world.workshop,
        first_start=session.start + timedelta(days=30),
        duration_minutes=60,
        rrule="FREQ=WEEKLY;COUNT=2",
        venue=world.venue_hagem,
        capacity=4,
    )
    mail.outbox.clear()
    for model_name, obj in (
        ("session", session),
        ("sessionseries", series),
        ("registration", registration),
    ):
        for view in ("delete", "edit") if model_name != "session" else ("delete",):
            url = reverse(f"wagtailsnippets_events_{model_name}:{view}", args=[obj.pk])
            response = admin_client.post(url, {"capacity": 99, "seats": 7, "name": "X"})
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response.url == reverse("wagtailadmin_home"), url
        bulk = reverse("wagtail_bulk_action", args=["events", model_name, "delete"])
        assert admin_client.post(f"{bulk}?id={obj.pk}").status_code == 404
    add = reverse("wagtailsnippets_events_registration:add")
    assert admin_client.post(add, {"session": session.pk, "name": "Y", "seats": 1}).status_code in (
        302,
        403,
    )
    assert Session.objects.filter(pk=session.pk, capacity=session.capacity).exists()
    assert SessionSeries.objects.filter(pk=series.pk, capacity=4).exists()
    assert list(Registration.objects.values_list("name", "seats")) == [("Erika Muster", 1)]


def test_the_registration_form_reports_the_service_s_validation(world, monkeypatch):
    calls = []

    def service_rule(session, *, name, email, phone, seats):
        calls.append((session, name, email, phone, seats))
        raise ValidationError({"phone": "Regel aus events.services"})

    monkeypatch.setattr(forms, "validate_registration", service_rule)
    form = forms.RegistrationForm(
        {"name": "Erika", "phone": "02363 107-0", "seats": "1", "privacy_consent": "on"},
        session=world.session_hagem,
    )
    assert not form.is_valid()
    assert form.errors["phone"] == ["Regel aus events.services"]
    assert calls == [(world.session_hagem, "Erika", "", "02363 107-0", 1)]


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"name": "Erika", "seats": "1"}, "email", services.MESSAGES["contact"]),
        ({"name": "Erika", "phone": "abc", "seats": "1"}, "phone", services.MESSAGES["phone"]),
        ({"name": "Erika", "phone": "02363 1", "seats": "3"}, "seats", None),
    ],
)
def test_form_messages_are_the_service_s_messages(world, data, field, message):
    session = world.session_hagem
    form = forms.RegistrationForm({**data, "privacy_consent": "on"}, session=session)
    assert not form.is_valid()
    assert form.errors[field] == [message or services.seats_message(session)]
