"""/api/v1/… – included from events/urls.py; any other path under /api/ is a JSON 404."""

from django.urls import path

from events import api

app_name = "events_api"
urlpatterns = [
    path("sessions/", api.sessions, name="sessions"),
    path("sessions/<int:session_id>/registrations/", api.registrations, name="registrations"),
    path("schema/", api.schema, name="schema"),
]
