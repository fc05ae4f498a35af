"""The calendar (/kalender/) and workshop pages (/kalender/<slug>/) with their sessions.

The route methods only hand over to events.views; the pages hold fields and querysets.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

AUDIENCE_CHOICES = [
    ("alle", "Alle Interessierten"),
    ("senioren", "Senior*innen"),
    ("schulen", "Schulklassen und Lehrkräfte"),
    ("familien", "Eltern und Familien"),
]


def ics_url(page: Page, name: str, *args) -> str:
    """Address of an .ics route without the trailing slash (events/urls.py serves those)."""
    return (page.url + page.reverse_subpage(name, args=list(args))).rstrip("/")


class EventIndexPage(RoutablePageMixin, Page):
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
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = "Workshop-Kalender"
        verbose_name_plural = "Workshop-Kalender"

    @path("")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        from events import views

        return views.calendar(request, self)

    @path("feed.ics/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        from events import feeds

        return feeds.feed(request, self)

    @path("stadtteil/<slug:district_slug>/feed.ics/", name="district_feed")
    def district_feed(self, request: HttpRequest, district_slug: str) -> HttpResponse:
        from events import feeds

        return feeds.feed(request, self, district_slug=district_slug)

    @path("kurs/<slug:course_slug>/feed.ics/", name="course_feed")
    def course_feed(self, request: HttpRequest, course_slug: str) -> HttpResponse:
        from events import feeds

        return feeds.feed(request, self, course_slug=course_slug)

    @path("abmelden/<str:token>/", name="cancel")
    def cancel(self, request: HttpRequest, token: str) -> HttpResponse:
        from events import views

        return views.cancel_registration(request, self, token)

    def workshops(self):
        return WorkshopPage.objects.child_of(self).live()


class WorkshopPage(RoutablePageMixin, Page):
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
    audience = models.CharField("Für wen", max_length=20, choices=AUDIENCE_CHOICES, default="alle")
    what_to_bring = models.TextField(
        "Bitte mitbringen",
        max_length=400,
        blank=True,
        help_text="z. B. „Ihr Smartphone (aufgeladen) und Ihren Personalausweis mit PIN“",
    )
    language = models.CharField("Sprache", max_length=60, default="Deutsch")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("language"),
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
    template = "events/workshop_page.html"

    class Meta:
        verbose_name = "Workshop"

    @path("")
    def detail(self, request: HttpRequest) -> HttpResponse:
        from events import views

        return views.workshop(request, self)

    @path("termin/<int:session_id>/", name="session")
    def session(self, request: HttpRequest, session_id: int) -> HttpResponse:
        from events import views

        return views.session_detail(request, self, session_id)

    @path("termin/<int:session_id>/termin.ics/", name="session_ics")
    def session_ics(self, request: HttpRequest, session_id: int) -> HttpResponse:
        from events import views

        return views.session_ics(request, self, session_id)

    @path("anmeldung/<str:token>/", name="confirmation")
    def confirmation(self, request: HttpRequest, token: str) -> HttpResponse:
        from events import views

        return views.confirmation(request, self, token)

    @path("feed.ics/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        from events import feeds

        return feeds.feed(request, self.get_parent().specific, workshop=self)

    def upcoming_sessions(self):
        if self.pk is None:  # a new workshop in the editor's preview has no sessions yet
            from events.models import Session

            return Session.objects.none()
        return self.sessions.upcoming(timezone.now()).for_listing()
