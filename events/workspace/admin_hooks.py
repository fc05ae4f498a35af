"""Wagtail wiring of the workspace, imported at the end of events/wagtail_hooks.py.

- register_admin_urls: /admin/lotsen/… (events.workspace.urls)
- register_admin_menu_item: „Digitallotsen“ for Lotsen and Koordination
- register_reports_menu_item: „Berichte für die Stadt“ in the admin's „Berichte“ menu
- construct_homepage_panels: „Meine nächsten Termine“ and „Termine ohne Lotse“ on the dashboard
- LotseProfile and Room snippets (Koordination only, through model permissions and a
  district-scoped permission policy, like the calendar's snippets)
- lernhafen_seed_demo (order 25, after the calendar; rooms at 22 and 26), lernhafen_demo_logins
"""

from __future__ import annotations

import django_filters
from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms.hooks import DEMO_LOGINS, SEED_DEMO
from cms.scoped_admin import ScopedSnippetViewSet
from events.models import LotseProfile, Room, Session, Venue
from events.permissions import DistrictScopedPermissionPolicy
from events.workspace import permissions, services
from events.workspace.demo import demo_logins as workspace_demo_logins
from events.workspace.demo import seed_workspace
from events.workspace.demo_rooms import seed_rooms


class LotseProfileViewSet(ScopedSnippetViewSet):
    model = LotseProfile
    menu_label = "Lotsenprofile"
    icon = "user"
    add_to_admin_menu = False
    list_display = ["display_name", "user", "languages"]
    list_filter = ["districts"]


register_snippet(LotseProfileViewSet)


def rooms_for(user):
    return Room.objects.filter(venue__in=permissions.venues_for(user))


# Before the viewset registers (it would create a fallback policy otherwise).
register_permission_policy(Room, DistrictScopedPermissionPolicy(Room, rooms_for))


def _venues_of_requester(request):
    return permissions.venues_for(request.user) if request is not None else Venue.objects.none()


class RoomFilterSet(WagtailFilterSet):
    """Filter rooms by venue, offering only the venues the person may see (not every venue)."""

    venue = django_filters.ModelChoiceFilter(label="Ort", queryset=_venues_of_requester)

    class Meta:
        model = Room
        fields = ["venue"]


class RoomViewSet(ScopedSnippetViewSet):
    """Rooms of the venues, kept by Koordination; Lotsen choose from them when planning."""

    model = Room
    menu_label = "Räume"
    icon = "home"
    add_to_admin_menu = False
    list_display = ["name", "venue", "capacity"]
    filterset_class = RoomFilterSet
    ordering = ["venue__name", "name"]


register_snippet(RoomViewSet)


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("lotsen/", include("events.workspace.urls", namespace="events_workspace"))]


class RoleMenuItem(MenuItem):
    def __init__(self, *args, coordinator_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.coordinator_only = coordinator_only

    def is_shown(self, request):
        if self.coordinator_only:
            return permissions.is_coordinator(request.user)
        return permissions.can_use_workspace(request.user)


class WorkspaceSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return permissions.can_use_workspace(request.user)


def _workspace_menu() -> Menu:
    def item(label, name, icon, order, **kwargs):
        return RoleMenuItem(
            label, reverse(f"events_workspace:{name}"), icon_name=icon, order=order, **kwargs
        )

    return Menu(
        items=[
            item("Meine Termine", "sessions", "date", 100),
            item("Anwesenheit noch offen", "attendance_open", "tick", 105),
            item("Neuer Termin", "session_create", "plus", 110),
            item("Neue Terminreihe", "series_create", "repeat", 120),
            item("Mein Lotsenprofil", "profile", "user", 130),
            item("Termine zur Freigabe", "reviews", "tick-inverse", 200, coordinator_only=True),
            item("Berichte für die Stadt", "reports", "table", 210, coordinator_only=True),
            RoleMenuItem(
                "Lotsenprofile",
                reverse("wagtailsnippets_events_lotseprofile:list"),
                icon_name="group",
                order=220,
                coordinator_only=True,
            ),
            RoleMenuItem(
                "Räume",
                reverse("wagtailsnippets_events_room:list"),
                icon_name="home",
                order=230,
                coordinator_only=True,
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def register_workspace_menu():
    return WorkspaceSubmenu("Digitallotsen", _workspace_menu(), icon_name="group", order=240)


@hooks.register("register_reports_menu_item")
def register_city_reports():
    return RoleMenuItem(
        "Berichte für die Stadt",
        reverse("events_workspace:reports"),
        icon_name="table",
        order=100,
        coordinator_only=True,
    )


class LotseDashboardPanel(Component):
    """The Lotse's next sessions with fill rate and waitlist, and sessions nobody looks after."""

    name = "lotse_dashboard"
    template_name = "events/workspace/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        scoped = (
            permissions.sessions_for(request.user).upcoming(now).filter(status=Session.SCHEDULED)
        )
        mine = (
            scoped.filter(digitallotsen=request.user)
            .with_seats()
            .select_related("workshop", "venue__district")
            .order_by("start")[:8]
        )
        unassigned = (
            scoped.filter(digitallotsen__isnull=True)
            .with_seats()
            .select_related("workshop", "venue__district")
            .order_by("start")[:8]
        )
        scope = permissions.sessions_for(request.user)
        return {
            "mine": list(mine),
            "unassigned": list(unassigned),
            "attendance_open": services.attendance_open(scope, now).count(),
            "request": request,
        }


@hooks.register("construct_homepage_panels")
def add_lotse_panel(request, panels):
    if permissions.can_use_workspace(request.user):
        panels.append(LotseDashboardPanel())


@hooks.register(SEED_DEMO, order=25)
def seed_demo(demo):
    seed_workspace(demo)


# Rooms after the calendar's venues (20), before the workspace plans in them (25); then once
# more to link what the workspace demo wrote with a room name only (see demo_rooms).
hooks.register(SEED_DEMO, seed_rooms, order=22)
hooks.register(SEED_DEMO, seed_rooms, order=26)


@hooks.register(DEMO_LOGINS)
def demo_logins():
    return workspace_demo_logins()
