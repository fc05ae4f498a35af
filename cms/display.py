"""Display preferences (theme, text size, motion) chosen by the visitor.

Stored in one first-party cookie that only the visitor's own choice sets – strictly necessary for
the service they asked for, so no consent banner is needed (TDDDG § 25 (2) Nr. 2). Read on every
request to render the <html> attributes server-side: no flash, and it works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    AUTO = "auto", _("Wie auf meinem Gerät")
    LIGHT = "light", _("Hell")
    DARK = "dark", _("Dunkel (hoher Kontrast)")


class TextSize(models.TextChoices):
    """Steps of the root font size up to 200 % (WCAG 1.4.4); the CSS is in lernhafen.css."""

    # The percentages stay in the texts: languages write them differently ("%100" in Turkish).
    NORMAL = "normal", _("Normal (100 %)")
    LARGE = "large", _("Groß (125 %)")
    X_LARGE = "x-large", _("Sehr groß (150 %)")
    XX_LARGE = "xx-large", _("Besonders groß (175 %)")
    DOUBLE = "xxx-large", _("Doppelt so groß (200 %)")


class Motion(models.TextChoices):
    AUTO = "auto", _("Wie auf meinem Gerät")
    REDUCED = "reduced", _("Bewegungen reduzieren")


COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class DisplayPreferences:
    theme: str = Theme.AUTO
    text_size: str = TextSize.NORMAL
    motion: str = Motion.AUTO

    @property
    def kern_theme(self) -> str:
        """KERN's data-kern-theme value; "auto" renders light and display.js follows the device."""
        return "dark" if self.theme == Theme.DARK else "light"

    def to_cookie(self) -> str:
        return f"{self.theme}.{self.text_size}.{self.motion}"

    @classmethod
    def from_cookie(cls, value: str | None) -> DisplayPreferences:
        parts = (value or "").split(".")
        if len(parts) != 3:
            return cls()
        theme, text_size, motion = parts
        return cls(
            theme=theme if theme in Theme.values else Theme.AUTO,
            text_size=text_size if text_size in TextSize.values else TextSize.NORMAL,
            motion=motion if motion in Motion.values else Motion.AUTO,
        )

    @classmethod
    def from_request(cls, request: HttpRequest) -> DisplayPreferences:
        return cls.from_cookie(request.COOKIES.get(settings.LERNHAFEN_DISPLAY_COOKIE))
