"""Choice sets of the courses app (STYLE.md §15): one TextChoices class per set.

The values are stored in the database and appear in shareable filter addresses
(``/kurse/?zielgruppe=seniors``), so they never change; the labels are what people read.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    SENIORS = "seniors", _("Senior*innen")
    YOUTH = "youth", _("Kinder & Jugendliche / Schule")
    ADULTS = "adults", _("Erwachsene")
    ALL = "all", _("Alle Generationen")


class DeliveryFormat(models.TextChoices):
    ONLINE = "online", _("Online im eigenen Tempo")
    WORKSHOP = "workshop", _("Online und mit Workshops vor Ort")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"

    @property
    def url(self) -> str:
        return {
            "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/deed.de",
            "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
            "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
        }[self.value]


class HintKind(models.TextChoices):
    NONE = "", "Kein Hinweis"
    TIP = "tip", "Tipp"
    WARNING = "warning", "Achtung"


class Device(models.TextChoices):
    """The devices a tutorial can have its own variant for, in display order."""

    ANDROID = "android", _("Android")
    IPHONE = "iphone", _("iPhone")
    COMPUTER = "computer", _("Computer")


class StepDevice(models.TextChoices):
    """Which variants show a step; the empty choice says what it means instead of "---"."""

    ALL = "", "Alle Geräte"
    ANDROID = "android", "Nur Android"
    IPHONE = "iphone", "Nur iPhone"
    COMPUTER = "computer", "Nur Computer"


class LevelGroup(models.TextChoices):
    """The four broad levels of DigComp 2.2, as the catalogue filter offers them."""

    GRUNDLAGEN = "grundlagen", _("Grundlagen")
    AUFBAU = "aufbau", _("Aufbau")
    FORTGESCHRITTEN = "fortgeschritten", _("Fortgeschritten")
    HOCHSPEZIALISIERT = "hochspezialisiert", _("Hochspezialisiert")

    @property
    def levels(self) -> tuple[int, int]:
        """The proficiency levels 1–8 the group spans (two each)."""
        first = 2 * list(LevelGroup).index(self) + 1
        return first, first + 1


class Level(models.IntegerChoices):
    """The eight proficiency levels of DigComp 2.2."""

    LEVEL_1 = 1, _("Stufe 1 – Grundlagen")
    LEVEL_2 = 2, _("Stufe 2 – Grundlagen")
    LEVEL_3 = 3, _("Stufe 3 – Aufbau")
    LEVEL_4 = 4, _("Stufe 4 – Aufbau")
    LEVEL_5 = 5, _("Stufe 5 – Fortgeschritten")
    LEVEL_6 = 6, _("Stufe 6 – Fortgeschritten")
    LEVEL_7 = 7, _("Stufe 7 – Hochspezialisiert")
    LEVEL_8 = 8, _("Stufe 8 – Hochspezialisiert")
