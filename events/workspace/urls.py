"""/admin/lotsen/… – the workspace (wrapped in Wagtail's admin login by register_admin_urls).

Two URL groups, each behind one role check (`guarded`): what Lotsen and Koordination do, and
what only Koordination does. A missing role answers 403 with a German explanation.
"""

from django.urls import include, path

from events.workspace.permissions import require_coordinator, require_workspace
from events.workspace.views import profile, registrations, reports, reviews, sessions
from events.workspace.views.base import guarded

app_name = "events_workspace"

session = "termine/<int:session_id>/"

lotsen_patterns = [
    path("", sessions.session_list, name="sessions"),
    path("anwesenheit-offen/", sessions.attendance_open, name="attendance_open"),
    path("termine/neu/", sessions.session_create, name="session_create"),
    path("reihen/neu/", sessions.series_create, name="series_create"),
    path("reihen/<int:series_id>/kopieren/", sessions.series_duplicate, name="series_duplicate"),
    path(session, sessions.session_detail, name="session"),
    path(f"{session}bearbeiten/", sessions.session_edit, name="session_edit"),
    path(f"{session}kopieren/", sessions.session_duplicate, name="session_duplicate"),
    path(f"{session}nachricht/", sessions.session_message, name="message"),
    path(f"{session}absagen/", sessions.session_cancel, name="cancel"),
    path(f"{session}anmelden/", registrations.session_register, name="session_register"),
    path(
        f"{session}anmeldungen/<int:registration_id>/",
        registrations.registration_action,
        name="registration_action",
    ),
    path(f"{session}anwesenheit/", registrations.session_attendance, name="attendance"),
    path(f"{session}anwesenheitsliste/", registrations.session_print, name="print"),
    path(f"{session}anmeldungen.csv", registrations.session_csv, name="csv"),
    path("profil/", profile.profile, name="profile"),
]

coordination_patterns = [
    path("freigaben/", reviews.review_list, name="reviews"),
    path("freigaben/<int:session_id>/", reviews.review_decide, name="review_decide"),
    path("berichte/", reports.report_overview, name="reports"),
    path("berichte/<slug:slug>.csv", reports.report_csv, name="report_csv"),
]

urlpatterns = [
    path("", include(guarded(lotsen_patterns, require_workspace))),
    path("", include(guarded(coordination_patterns, require_coordinator))),
]
