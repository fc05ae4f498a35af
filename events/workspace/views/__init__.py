"""Admin pages of the workspace (/admin/lotsen/…). Thin: scope via permissions, write via services.

- base.py: the page frame, and `guarded()`, which puts one role check in front of a URL group
- sessions.py: lists, planning (single dates, series, copies), one session, message, cancel
- registrations.py: phone registrations, waitlist moves, attendance, print list and CSV
- reviews.py: Koordination approves or rejects sessions Lotsen planned
- reports.py: the city reports and their CSV
- profile.py: a Lotse's own profile

The role is checked once per URL group in events/workspace/urls.py (403 without it); sessions are
looked up inside the user's districts only (404 outside them), so a typed-in address shows
nothing it should not.
"""
