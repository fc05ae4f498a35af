"""Admin wiring of the calendar and the hooks events answers (see cms/hooks.py).

- lernhafen_home_sections: „Nächste Termine“ on the home page (order 10)
- lernhafen_related_workshops: sessions near a course or tutorial page (courses/hooks.py), and
  on a course page the links to subscribe to the course's feed
- lernhafen_seed_demo (order 20), lernhafen_purge_personal_data
"""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.hooks import HOME_SECTIONS, PURGE_PERSONAL_DATA, SEED_DEMO
from events import feeds, services, views
from events.models import District, Registration, Session, SessionSeries, Venue

RELATED_WORKSHOPS = "lernhafen_related_workshops"


class SessionFilterSet(WagtailFilterSet):
    class Meta:
        model = Session
        fields = ["status", "venue__district", "workshop"]


class SessionViewSet(SnippetViewSet):
    model = Session
    menu_label = "Termine"
    icon = "date"
    list_display = ["__str__", "venue", "capacity", "status"]
    filterset_class = SessionFilterSet
    ordering = ["start"]


class SessionSeriesViewSet(SnippetViewSet):
    model = SessionSeries
    menu_label = "Terminreihen"
    icon = "repeat"
    list_display = ["__str__", "venue", "first_start"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    menu_label = "Anmeldungen"
    icon = "group"
    list_display = ["__str__", "session", "seats", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


class DistrictViewSet(SnippetViewSet):
    model = District
    menu_label = "Stadtteile"
    icon = "site"


class VenueViewSet(SnippetViewSet):
    model = Venue
    menu_label = "Veranstaltungsorte"
    icon = "home"
    list_display = ["name", "district", "step_free_access"]


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Workshops"
    menu_icon = "date"
    menu_order = 250
    items = (
        SessionViewSet,
        SessionSeriesViewSet,
        RegistrationViewSet,
        VenueViewSet,
        DistrictViewSet,
    )


register_snippet(EventsViewSetGroup)


@hooks.register("after_create_snippet")
def create_series_sessions(request, instance):
    if isinstance(instance, SessionSeries):
        services.generate_sessions(instance)


@hooks.register("after_edit_snippet")
def after_session_edit(request, instance):
    """Tell registrants about a moved or cancelled session; hand freed seats to the waitlist."""
    if isinstance(instance, SessionSeries):
        services.generate_sessions(instance)
    if isinstance(instance, Session):
        services.session_changed(instance, instance.changed_notify_fields())
        services.promote_waitlist(instance)


@hooks.register(HOME_SECTIONS)
def next_sessions_section(request, page):
    sessions = views.next_sessions()
    if not sessions:
        return None
    calendar = sessions[0].workshop.get_parent()
    return {
        "template": "events/home_section.html",
        "context": {"sessions": sessions, "calendar": calendar},
        "order": 10,
    }


@hooks.register(RELATED_WORKSHOPS)
def related_workshops(request, page):
    sessions = views.related_sessions(page)
    if not sessions:
        return None
    return {
        "template": "events/related_sessions.html",
        "context": {
            "sessions": sessions,
            "days": views.group_by_day(sessions),
            "course_feed": feeds.course_feed_links(request, page, sessions),
        },
    }


@hooks.register(SEED_DEMO, order=20)
def seed_demo(demo):
    from events.demo import seed_events

    seed_events(demo)


@hooks.register(PURGE_PERSONAL_DATA)
def purge_registrations(now):
    return services.purge_registrations(now)


from events.workspace import admin_hooks  # noqa: E402,F401
