"""Date formats for German as the city's offices write them: 30.11.2026 and 30.11.2026 14:30.

Only what differs from Django's German formats ("30. November 2026") is set here; the public
templates name their formats explicitly, so this changes what the admin shows.
"""

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
