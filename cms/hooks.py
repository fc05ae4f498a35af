"""Wagtail hooks Lernhafen defines, so that `cms` never imports another app (ARCHITECTURE.md).

Register them in an app's ``wagtail_hooks.py`` with ``@hooks.register(NAME)``.

``lernhafen_home_sections`` (HOME_SECTIONS)
    Sent by ``HomePage.get_context`` as ``fn(request, home_page)``. Return
    ``{"template": "<app>/home_section_x.html", "context": {...}, "order": 10}`` or ``None`` when
    there is nothing to show: the home page hides empty sections instead of showing placeholders.

``lernhafen_seed_demo`` (SEED_DEMO)
    Sent by ``manage.py seed_demo`` after the general pages exist, as
    ``fn(demo: cms.demo.DemoSite)``. Must be idempotent: look up by slug or natural key and
    update, never duplicate. Hooks run in the ``order`` given to ``hooks.register``.

``lernhafen_demo_logins`` (DEMO_LOGINS)
    Sent by ``manage.py demo_logins`` as ``fn()``; returns ``[(role, username, password), …]``
    of demo accounts to print after ``make run``.

``lernhafen_purge_personal_data`` (PURGE_PERSONAL_DATA)
    Sent by ``manage.py purge_personal_data`` (run daily, see README) as ``fn(now)``; deletes
    personal data past its retention date and returns ``(label, count)``.
"""

HOME_SECTIONS = "lernhafen_home_sections"
SEED_DEMO = "lernhafen_seed_demo"
DEMO_LOGINS = "lernhafen_demo_logins"
PURGE_PERSONAL_DATA = "lernhafen_purge_personal_data"
