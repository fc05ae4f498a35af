"""/admin/lotsen/… – the workspace (wrapped in Wagtail's admin login by register_admin_urls)."""

from django.urls import path

from events.workspace import views
from events.workspace.views import answer_403

app_name = "events_workspace"

urlpatterns = [
    path("", answer_403(views.session_list), name="sessions"),
    path("termine/neu/", answer_403(views.session_create), name="session_create"),
    path("reihen/neu/", answer_403(views.series_create), name="series_create"),
    path(
        "reihen/<int:series_id>/kopieren/",
        answer_403(views.series_duplicate),
        name="series_duplicate",
    ),
    path("termine/<int:session_id>/", answer_403(views.session_detail), name="session"),
    path(
        "termine/<int:session_id>/bearbeiten/", answer_403(views.session_edit), name="session_edit"
    ),
    path(
        "termine/<int:session_id>/kopieren/",
        answer_403(views.session_duplicate),
        name="session_duplicate",
    ),
    path(
        "termine/<int:session_id>/anmelden/",
        answer_403(views.session_register),
        name="session_register",
    ),
    path(
        "termine/<int:session_id>/anmeldungen/<int:registration_id>/",
        answer_403(views.registration_action),
        name="registration_action",
    ),
    path(
        "termine/<int:session_id>/anwesenheit/",
        answer_403(views.session_attendance),
        name="attendance",
    ),
    path(
        "termine/<int:session_id>/anwesenheitsliste/", answer_403(views.session_print), name="print"
    ),
    path("termine/<int:session_id>/anmeldungen.csv", answer_403(views.session_csv), name="csv"),
    path("termine/<int:session_id>/nachricht/", answer_403(views.session_message), name="message"),
    path("termine/<int:session_id>/absagen/", answer_403(views.session_cancel), name="cancel"),
    path("freigaben/", answer_403(views.review_list), name="reviews"),
    path("freigaben/<int:session_id>/", answer_403(views.review_decide), name="review_decide"),
    path("berichte/", answer_403(views.report_overview), name="reports"),
    path("berichte/<slug:slug>.csv", answer_403(views.report_csv), name="report_csv"),
    path("profil/", answer_403(views.profile), name="profile"),
]
