"""Admin wiring of the courses app: snippets, the tutorial review report, the home page section
"Beliebte Anleitungen" and the demo content."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.demo import DemoSite
from cms.exports import GermanSpreadsheetExportMixin
from cms.hooks import HOME_SECTIONS, SEED_DEMO
from courses import queries
from courses.models import DigCompArea, DigCompCompetence, DigitalService, Topic


class DigitalServiceChooserColumns:
    """Provider and address next to the name, so similar names can be told apart."""

    @property
    def columns(self):
        return [
            *super().columns,
            Column("provider", label="Anbieter"),
            Column("url", label="Öffentlicher Link"),
        ]


class DigitalServiceChooseView(DigitalServiceChooserColumns, ChooseView):
    pass


class DigitalServiceChooseResultsView(DigitalServiceChooserColumns, ChooseResultsView):
    pass


class DigitalServiceChooserViewSet(SnippetChooserViewSet):
    choose_view_class = DigitalServiceChooseView
    choose_results_view_class = DigitalServiceChooseResultsView


class DigitalServiceViewSet(SnippetViewSet):
    model = DigitalService
    chooser_viewset_class = DigitalServiceChooserViewSet
    icon = "globe"
    menu_label = "Digitale Angebote"
    list_display = ["name", "provider", "url"]
    search_fields = ["name", "description"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Themen"
    list_display = ["name", "slug"]


class DigCompAreaViewSet(SnippetViewSet):
    model = DigCompArea
    icon = "folder-open-inverse"
    menu_label = "DigComp-Bereiche"
    list_display = ["number", "name"]


class DigCompCompetenceViewSet(SnippetViewSet):
    model = DigCompCompetence
    icon = "pick"
    menu_label = "DigComp-Kompetenzen"
    list_display = ["code", "name", "plain_name"]
    list_filter = ["area"]


class CoursesViewSetGroup(SnippetViewSetGroup):
    items = (DigitalServiceViewSet, TopicViewSet, DigCompCompetenceViewSet, DigCompAreaViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = "Kurse & Anleitungen"
    menu_name = "kurse"


register_snippet(CoursesViewSetGroup)


# --- Report: tutorials due for a review ------------------------------------------------------


def _edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _checked_on(tutorial) -> str:
    # A date as editors write it (30.11.2026), not Wagtail's relative "1 Jahr".
    return f"{tutorial.last_checked:%d.%m.%Y}" if tutorial.last_checked else "nie"


class TutorialReviewReportView(GermanSpreadsheetExportMixin, ReportView):
    """Tutorials whose last check lies longer back than LERNHAFEN_TUTORIAL_REVIEW_MONTHS."""

    page_title = "Anleitungen prüfen"
    header_icon = "date"
    index_url_name = "courses_tutorial_review"
    index_results_url_name = "courses_tutorial_review_results"
    results_template_name = "courses/admin/tutorial_review_results.html"
    columns = [
        TitleColumn("title", label="Anleitung", get_url=_edit_url),
        Column("digital_service", label="Digitales Angebot"),
        Column("last_checked", label="Zuletzt geprüft am", accessor=_checked_on),
        Column("reason", label="Warum in der Liste", accessor=queries.review_reason),
        Column("service_version", label="Geprüft mit"),
    ]
    list_export = ["title", "digital_service", "last_checked", "service_version"]
    export_headings = {
        "title": "Anleitung",
        "digital_service": "Digitales Angebot",
        "last_checked": "Zuletzt geprüft am",
        "service_version": "Geprüft mit",
    }

    def get_filename(self) -> str:
        return "anleitungen-pruefen"

    def get_queryset(self):
        return queries.tutorials_due_for_review()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["review_rule"] = queries.review_rule()
        return context


@hooks.register("register_admin_urls")
def register_tutorial_review_urls():
    return [
        path(
            "berichte/anleitungen-pruefen/",
            TutorialReviewReportView.as_view(),
            name="courses_tutorial_review",
        ),
        path(
            "berichte/anleitungen-pruefen/ergebnisse/",
            TutorialReviewReportView.as_view(results_only=True),
            name="courses_tutorial_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_tutorial_review_menu_item():
    return MenuItem(
        "Anleitungen prüfen",
        reverse("courses_tutorial_review"),
        name="anleitungen-pruefen",
        icon_name="date",
        order=750,
    )


# --- Home page section and demo content --------------------------------------------------------


@hooks.register(HOME_SECTIONS)
def featured_tutorials_section(request: HttpRequest, home_page: Page) -> dict | None:
    if not hasattr(home_page, "featured_tutorials"):
        return None
    tutorials = queries.featured_tutorials(home_page)
    if not tutorials:
        return None
    return {
        "template": "courses/home_section_tutorials.html",
        "context": {"tutorials": tutorials, "index": tutorials[0].get_parent()},
        "order": 20,
    }


@hooks.register(SEED_DEMO, order=10)
def seed_courses_demo(demo: DemoSite) -> None:
    # Imported only when seeding: the demo content (texts, drawn screenshots) is large and no
    # request needs it.
    from courses.demo_content import seed_courses_and_tutorials

    seed_courses_and_tutorials(demo)
