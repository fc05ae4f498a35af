"""The Digitallotsen workspace and the city reports: the admin side of the calendar.

- permissions.py: who sees which sessions (Lotse: own districts, Koordination: all)
- conflicts.py: checks that explain why a session cannot be saved as it is
- services.py: writes the workspace makes (sessions, attendance, waitlist moves, messages)
- reports.py: aggregates for Koordination (no personal data)
- views/ (sessions, registrations, reviews, reports, profile), forms.py, urls.py (one role
  check per URL group), admin_hooks.py: the Wagtail admin pages under /admin/lotsen/
- demo_rooms.py: rooms of the demo venues for seed_demo
"""
