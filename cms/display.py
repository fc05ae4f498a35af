"""Display preferences (theme, text size, motion) chosen by the visitor.

Stored in one first-party cookie that only the visitor's own choice sets – strictly necessary for
the service they asked for, so no consent banner is needed (TDDDG § 25 (2) Nr. 2). Read on every
request to render the <html> attributes server-side: no flash, and it works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

THEMES = {"auto": "Wie auf meinem Gerät", "light": "Hell", "dark": "Dunkel (hoher Kontrast)"}
TEXT_SIZES = {"normal": "Normal", "large": "Groß", "x-large": "Sehr groß"}
MOTIONS = {"auto": "Wie auf meinem Gerät", "reduced": "Bewegungen reduzieren"}
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class DisplayPreferences:
    theme: str = "auto"
    text_size: str = "normal"
    motion: str = "auto"

    @property
    def kern_theme(self) -> str:
        """KERN's data-kern-theme value; "auto" renders light and display.js follows the device."""
        return "dark" if self.theme == "dark" else "light"

    def to_cookie(self) -> str:
        return f"{self.theme}.{self.text_size}.{self.motion}"

    @classmethod
    def from_cookie(cls, value: str | None) -> DisplayPreferences:
        parts = (value or "").split(".")
        if len(parts) != 3:
            return cls()
        theme, text_size, motion = parts
        return cls(
            theme=theme if theme in THEMES else "auto",
            text_size=text_size if text_size in TEXT_SIZES else "normal",
            motion=motion if motion in MOTIONS else "auto",
        )

    @classmethod
    def from_request(cls, request: HttpRequest) -> DisplayPreferences:
        return cls.from_cookie(request.COOKIES.get(settings.LERNHAFEN_DISPLAY_COOKIE))
