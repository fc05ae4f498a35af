"""What events contributes to other pages and commands through hooks."""

import pytest
from django.core.management import call_command
from wagtail import hooks

from events.models import EventIndexPage, Registration, Session, WorkshopPage
from tests.factories.events import SessionFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_next_sessions_and_hides_the_section_when_none(client, home, session):
    html = client.get("/").content.decode()
    assert "Nächste Termine" in html and session.get_url() in html
    Session.objects.all().delete()
    assert "Nächste Termine" not in client.get("/").content.decode()


def test_related_workshops_for_course_and_tutorial_pages(rf, home, workshop, session):
    from tests.factories.courses import (
        CourseIndexPageFactory,
        CoursePageFactory,
        DigitalServiceFactory,
        TutorialIndexPageFactory,
        TutorialPageFactory,
    )

    service = DigitalServiceFactory(slug="cityapp", name="CityApp")
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home))
    tutorial = TutorialPageFactory(
        parent=TutorialIndexPageFactory(parent=home), digital_service=service
    )
    (fn,) = hooks.get_hooks("lernhafen_related_workshops")
    request = rf.get("/")
    assert fn(request, course) is None
    assert fn(request, tutorial) is None

    workshop.course = course
    workshop.save()
    result = fn(request, course)
    assert result["template"] == "events/related_sessions.html"
    assert [s.pk for s in result["context"]["sessions"]] == [session.pk]

    workshop.digital_service = service
    workshop.save()
    assert [s.pk for s in fn(request, tutorial)["context"]["sessions"]] == [session.pk]


def test_related_workshops_query_count_is_bounded(
    rf, home, workshop, django_assert_max_num_queries
):
    from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home))
    workshop.course = course
    workshop.save()
    for _ in range(20):
        SessionFactory(workshop=workshop)
    (fn,) = hooks.get_hooks("lernhafen_related_workshops")
    # Sessions (1) and, for the course's feed link, the calendar page and its URL (site root
    # paths with the home page's translations, uncached here); the same for 20 sessions as for one.
    # +1: the Locale id of the active language (cms.i18n remembers it for the process; cold here).
    with django_assert_max_num_queries(6):
        fn(rf.get("/"), course)


def test_seed_demo_builds_the_calendar_idempotently(demo_site):
    from events.demo import seed_events

    seed_events(demo_site)
    counts = (Session.objects.count(), Registration.objects.count(), WorkshopPage.objects.count())
    seed_events(demo_site)
    assert (
        Session.objects.count(),
        Registration.objects.count(),
        WorkshopPage.objects.count(),
    ) == counts
    calendar = EventIndexPage.objects.get()
    assert calendar.url_path.endswith("/kalender/") and calendar.show_in_menus
    assert Session.objects.filter(status="cancelled").count() == 1
    assert Registration.objects.filter(status="waitlisted").exists()
    assert Session.objects.values("venue__district").distinct().count() >= 4
    last = Session.objects.order_by("-start").first().start
    first = Session.objects.order_by("start").first().start
    assert (last - first).days >= 85
    assert WorkshopPage.objects.filter(digital_service__slug="online-ausweis").exists()


def test_reminder_command_runs(session, capsys):
    call_command("send_event_reminders")
    assert "Erinnerungen versendet: 0" in capsys.readouterr().out
