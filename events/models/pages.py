"""The calendar (/kalender/) and workshop pages (/kalender/<slug>/) with their sessions.

The pages hold fields and querysets; their sub-page routes live in events.routes (named by
dotted path, as Django names a URLconf), which hands them to events.views and events.feeds.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.i18n import localized, source_locale_id


class Audience(models.TextChoices):
    """Who a workshop is for; the calendar filters by it (?zielgruppe=senioren). The labels
    are shown on public pages, hence translated."""

    ALLE = "alle", gettext_lazy("Alle Interessierten")
    SENIOREN = "senioren", gettext_lazy("Senior*innen")
    SCHULEN = "schulen", gettext_lazy("Schulklassen und Lehrkräfte")
    FAMILIEN = "familien", gettext_lazy("Eltern und Familien")


AUDIENCE_CHOICES = Audience.choices


def workshop_in_language(page: WorkshopPage) -> WorkshopPage:
    """The live translation of a (German) workshop page in the active language, else the page.

    No query in German; in another language one query per request loads every workshop page of
    that locale (cms.i18n.localized), so a list of sessions costs the same for any length.
    """
    translated = localized(page)
    return translated if translated.live else page


def ics_url(page: Page, name: str, *args) -> str:
    """Address of an .ics route without the trailing slash (events/urls.py serves those)."""
    return (page.url + page.reverse_subpage(name, args=list(args))).rstrip("/")


class SubpageRoutesMixin(RoutablePageMixin):
    """Routes from a list of `django.urls.path()`s named by `subpage_routes` (dotted path)."""

    subpage_routes = ""

    @classmethod
    def get_subpage_urls(cls):
        return tuple(import_string(cls.subpage_routes))


class EventIndexPage(SubpageRoutesMixin, Page):
    """The workshop calendar: list by day, month grid, filters, feeds, cancellation links."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)
    help_text_feeds = RichTextField(
        "Hinweis zu Kalender-Abos",
        blank=True,
        features=["bold", "link", "ul"],
        help_text="Erscheint unter den Abo-Links; leer lassen für den Standardtext.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("help_text_feeds")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.WorkshopPage"]
    max_count_per_parent = 1
    subpage_routes = "events.routes.EVENT_INDEX_ROUTES"

    class Meta:
        verbose_name = "Workshop-Kalender"
        verbose_name_plural = "Workshop-Kalender"

    def workshops(self):
        return WorkshopPage.objects.child_of(self).live()


class WorkshopPage(SubpageRoutesMixin, Page):
    """One workshop (e.g. „Termine online buchen“) with its sessions in the districts."""

    summary = models.TextField("Kurzbeschreibung", max_length=400)
    description = RichTextField(
        "Beschreibung", features=["h2", "h3", "bold", "italic", "ul", "ol", "link"], blank=True
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
        verbose_name="Passender Kurs",
    )
    digital_service = models.ForeignKey(
        "courses.DigitalService",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
        verbose_name="Digitales Angebot (Thema)",
    )
    audience = models.CharField(
        "Für wen", max_length=20, choices=Audience.choices, default=Audience.ALLE
    )
    what_to_bring = models.TextField(
        "Bitte mitbringen",
        max_length=400,
        blank=True,
        help_text="z. B. „Ihr Smartphone (aufgeladen) und Ihren Personalausweis mit PIN“",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("what_to_bring"),
                FieldPanel("course"),
                FieldPanel("digital_service"),
            ],
            heading="Details",
        ),
        HelpPanel(
            "Termine legen Sie unter „Termine“ im Menü an – einzeln oder als Terminreihe.",
            heading="Termine",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    subpage_routes = "events.routes.WORKSHOP_ROUTES"

    class Meta:
        verbose_name = "Workshop"

    def sessions_condition(self) -> Q:
        """Which sessions are this workshop's. Sessions point at the German page; a
        translation (same translation_key) has none of its own and shows its source's."""
        if self.locale_id == source_locale_id():
            return Q(workshop=self)
        return Q(workshop__translation_key=self.translation_key)

    def source_sessions(self):
        session_model = self._meta.get_field("sessions").related_model
        if self.pk is None:  # a new workshop in the editor's preview has no sessions yet
            return session_model.objects.none()
        return session_model.objects.filter(self.sessions_condition())

    def upcoming_sessions(self):
        return self.source_sessions().public().upcoming(timezone.now()).for_listing()
