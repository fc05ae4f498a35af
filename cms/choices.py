"""Choice sets of the general site, in one place (like wagtail.org's core/choices.py).

The display preferences' choices live with them in cms/display.py.
"""

from django.db import models


class CalloutKind(models.TextChoices):
    INFO = "info", "Hinweis"
    TIP = "tip", "Tipp"
    WARNING = "warning", "Achtung"
    SUCCESS = "success", "Geschafft"


class Audience(models.TextChoices):
    """Who an entry on the home page is for."""

    SENIORS = "seniors", "Senior*innen"
    SCHOOLS = "schools", "Schulen & Lehrkräfte"
    GUIDES = "guides", "Digitallotsen"
    EVERYONE = "everyone", "Alle"


class ScheduledChange(models.TextChoices):
    """What happens to a scheduled change when an editor restores an older revision."""

    KEEP = "behalten", "Behalten"
    CANCEL = "aufheben", "Aufheben"
