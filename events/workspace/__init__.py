"""The Digitallotsen workspace and the city reports: the admin side of the calendar.

- permissions.py: who sees which sessions (Lotse: own districts, Koordination: all)
- conflicts.py: checks that explain why a session cannot be saved as it is
- services.py: writes the workspace makes (sessions, attendance, waitlist moves, messages)
- reports.py: aggregates for Koordination (no personal data)
- views.py, forms.py, admin_hooks.py: the Wagtail admin pages under /admin/lotsen/
"""
