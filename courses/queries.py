"""What the courses pages show: the catalogue, course and lesson details, the tutorial views.

The read side of the app. Each page type's context is built by one function registered with
`@builds_context` (see `courses/page_context.py`); the admin report, the home page section and
the template tags call the other functions. Every function reads a fixed number of queries,
whatever the number of courses, steps or competences.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from cms.i18n import language_versions, localized, localized_pages
from cms.models import SiteSettings
from courses.devices import DEVICE_LABELS, offered_devices, steps_for_device
from courses.filters import CourseFilterSet, ListingFilterSet, TutorialFilterSet
from courses.hooks import RELATED_WORKSHOPS
from courses.models import (
    CourseIndexPage,
    CoursePage,
    DigCompCompetence,
    LessonPage,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)
from courses.page_context import builds_context

COURSES_PER_PAGE = 20
TUTORIALS_PER_PAGE = 20
CALENDAR_SLUG = "kalender"
# The current step's section: step links jump there, so after "Nächster Schritt" the new step
# is on screen at once instead of below the page's header and title.
STEP_ANCHOR = "schritt"


# --- Listings -----------------------------------------------------------------------------------


def _listing(filterset: ListingFilterSet, params: Mapping[str, str], per_page: int) -> dict:
    """One page of a filtered listing with its form, count and the filters for page links."""
    filters = filterset.valid_filters
    # A wrong page number shows the first or the last page instead of an error.
    results: PaginatorPage = Paginator(filterset.qs, per_page).get_page(params.get("seite"))
    return {
        "filter_form": filterset.form,
        "results": results,
        "result_count": results.paginator.count,
        "filters_active": bool(filters),
        "filter_query": urlencode(filters),
    }


@builds_context(CourseIndexPage)
def course_catalogue(index: CourseIndexPage, request: HttpRequest) -> dict:
    """Context of the catalogue: the filter form, one page of results and the result count."""
    courses = CoursePage.objects.live().public().child_of(index).order_by("title")
    return _listing(CourseFilterSet(request.GET, queryset=courses), request.GET, COURSES_PER_PAGE)


@builds_context(TutorialIndexPage)
def tutorial_listing(index: TutorialIndexPage, request: HttpRequest) -> dict:
    tutorials = (
        TutorialPage.objects.live()
        .public()
        .child_of(index)
        .select_related("digital_service")
        .order_by("title")
    )
    context = _listing(
        TutorialFilterSet(request.GET, queryset=tutorials), request.GET, TUTORIALS_PER_PAGE
    )
    devices = devices_by_tutorial(list(context["results"]))
    for tutorial in context["results"]:
        tutorial.device_variants = devices.get(tutorial.pk, [])
    return context


def devices_by_tutorial(tutorials: list[TutorialPage]) -> dict[int, list[tuple[str, str]]]:
    """The device variants each tutorial offers, in one query: {id: [("android", "Android")]}."""
    step_devices: dict[int, set[str]] = {}
    for page_id, device in (
        TutorialStep.objects.filter(page_id__in=[tutorial.pk for tutorial in tutorials])
        .exclude(device="")
        .values_list("page_id", "device")
        .distinct()
    ):
        step_devices.setdefault(page_id, set()).add(device)
    return {
        tutorial.pk: offered_devices(tutorial.devices, step_devices.get(tutorial.pk, ()))
        for tutorial in tutorials
    }


# --- Course and lesson --------------------------------------------------------------------------


@builds_context(CoursePage)
def course_details(course: CoursePage, request: HttpRequest) -> dict:
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    competences = list(course.competences.select_related("area").order_by("code"))
    tutorials = localized_pages(
        [
            link.tutorial
            for link in course.related_tutorials.select_related("tutorial").order_by("sort_order")
            if link.tutorial.live
        ]
    )
    materials = list(course.materials.select_related("document").order_by("sort_order"))
    return {
        "lessons": lessons,
        "competences": competences,
        "related_tutorials": tutorials,
        "materials": materials,
        # A translation keeps the German topics and services (many-to-many): show their names
        # in the visitor's language.
        "topics": [localized(topic) for topic in course.topics.all()],
        "services": [localized(service) for service in course.digital_services.all()],
        "structured_data": course_structured_data(
            course, request, lessons=lessons, competences=competences, materials=materials
        ),
    }


def course_structured_data(
    course: CoursePage,
    request: HttpRequest,
    *,
    lessons: list[LessonPage],
    competences: list[DigCompCompetence],
    materials: list,
) -> SafeString:
    """schema.org Course JSON-LD with its lessons and materials as LearningResources."""
    city = SiteSettings.for_request(request).city_name
    parts = [
        {
            "@type": "LearningResource",
            "name": lesson.title,
            "url": lesson.get_full_url(request),
            "learningResourceType": _("Lektion"),
            "position": position,
        }
        for position, lesson in enumerate(lessons, start=1)
    ]
    parts += [
        {
            "@type": "LearningResource",
            "name": material.title,
            "url": request.build_absolute_uri(material.document.url),
            "learningResourceType": _("Arbeitsmaterial"),
            "license": material.licence_url,
            **({"creditText": material.attribution} if material.attribution else {}),
        }
        for material in materials
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.summary,
        "url": course.get_full_url(request),
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
        "provider": {
            "@type": "GovernmentOrganization",
            "name": _("Stadt %(city)s") % {"city": city},
        },
        "educationalLevel": course.get_level_display(),
        "timeRequired": f"PT{course.duration_minutes}M",
        "audience": {"@type": "Audience", "audienceType": course.get_audience_display()},
        "teaches": [competence.plain_name for competence in competences],
        "educationalAlignment": [
            {
                "@type": "AlignmentObject",
                "alignmentType": "teaches",
                "educationalFramework": "DigComp 2.2",
                "targetName": f"{competence.code} {competence.name}",
            }
            for competence in competences
        ],
        "coursePrerequisites": course.prerequisite_list or _("Keine Vorkenntnisse nötig"),
        "hasPart": parts,
    }
    if course.grade_levels:
        data["educationalLevel"] = [
            course.get_level_display(),
            _("Klasse %(grades)s") % {"grades": course.grade_levels},
        ]
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script> only "<" could end the element early; escape it and its friends.
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(text)  # noqa: S308 – JSON with <, > and & escaped


@builds_context(LessonPage)
def lesson_context(lesson: LessonPage, request: HttpRequest) -> dict:
    return lesson_details(lesson)


def lesson_details(lesson: LessonPage) -> dict:
    """The lesson's course, its position ("Lektion 2 von 5") and its neighbours."""
    siblings = list(
        LessonPage.objects.live()
        .sibling_of(lesson, inclusive=True)
        .order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth")
    )
    ids = [sibling.pk for sibling in siblings]
    position = ids.index(lesson.pk) + 1 if lesson.pk in ids else None
    course = CoursePage.objects.parent_of(lesson).first() if lesson.pk else None
    return {
        "course": course,
        "lesson_number": position,
        "lesson_total": len(siblings),
        "previous_lesson": siblings[position - 2] if position and position > 1 else None,
        "next_lesson": siblings[position] if position and position < len(siblings) else None,
        "competences": list(lesson.competences.select_related("area").order_by("code")),
    }


# --- Tutorials ----------------------------------------------------------------------------------


@dataclass
class NumberedStep:
    number: int
    step: TutorialStep
    url: str
    is_current: bool = False


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


@builds_context(TutorialPage)
def tutorial_context(tutorial: TutorialPage, request: HttpRequest) -> dict:
    # The admin preview passes the view and variant it shows (TutorialPage.serve_preview).
    params = getattr(request, "tutorial_params", None)
    context = tutorial_view(tutorial, request.GET if params is None else params)
    if context["view"] == "schritt" and context["current"] and not context["next_url"]:
        context["whats_next"] = whats_next(tutorial, request)
    context["easy_language_url"] = easy_language_url(tutorial, request)
    return context


def easy_language_url(tutorial: TutorialPage, request: HttpRequest) -> str | None:
    """Where this tutorial is in Leichte Sprache: its translation into that locale (the language
    switcher has already read the page's translations), else the page an editor named; none on
    the Leichte Sprache page itself."""
    versions = language_versions(request, tutorial)
    for version in versions:
        if version.code == settings.LEICHTE_SPRACHE:
            if version.is_current:
                return None
            if version.is_equivalent:
                return version.url
    page = tutorial.easy_language_page
    return page.url if page is not None and page.live else None


def tutorial_view(tutorial: TutorialPage, params: Mapping[str, str]) -> dict:
    """Everything the tutorial template shows, from ``?geraet=…&schritt=…&ansicht=…``.

    Views: one step at a time (default), all steps (``ansicht=alle``) and the print handout
    (``ansicht=drucken``). A device the tutorial does not offer, or a step number out of range,
    falls back to the first device and the nearest step instead of an error. Links between
    steps and to another device keep the step and jump to it (``#schritt``).
    """
    all_steps = list(
        tutorial.steps.select_related("screenshot")
        .prefetch_related("screenshot__renditions")
        .order_by("sort_order")
    )
    devices = tutorial.offered_devices(all_steps)
    device = params.get("geraet", "")
    if devices and device not in dict(devices):
        device = devices[0][0]
    elif not devices:
        device = ""
    # One version for all devices shows every step; a variant its common and its own steps.
    steps = steps_for_device(all_steps, device) if devices else all_steps
    total = len(steps)
    view = params.get("ansicht", "")
    if view not in {"alle", "drucken"}:
        view = "schritt"
    requested = _int_or_none(params.get("schritt")) or 1
    current_number = min(max(requested, 1), total) if total else 0

    base = {"geraet": device} if device else {}

    def url(anchor: str = "", **extra) -> str:
        return "?" + urlencode({**base, **extra}) + (f"#{anchor}" if anchor else "")

    def step_url(number: int) -> str:
        return url(STEP_ANCHOR, schritt=number)

    numbered = [
        NumberedStep(
            number=number, step=step, url=step_url(number), is_current=number == current_number
        )
        for number, step in enumerate(steps, start=1)
    ]
    current = numbered[current_number - 1] if total else None

    def device_url(key: str) -> str:
        if view != "schritt":
            return "?" + urlencode({"geraet": key, "ansicht": view})
        # The other variant may have fewer steps; the view clamps the number.
        query = {"geraet": key, **({"schritt": current_number} if current_number > 1 else {})}
        return "?" + urlencode(query) + (f"#{STEP_ANCHOR}" if current_number > 1 else "")

    return {
        "view": view,
        "steps": numbered,
        "current": current,
        "total_steps": total,
        "progress_percent": round(100 * current_number / total) if total else 0,
        "previous_url": step_url(current_number - 1) if current_number > 1 else "",
        "next_url": step_url(current_number + 1) if current_number < total else "",
        "step_view_url": url(schritt=current_number or 1),
        "all_steps_url": url(ansicht="alle"),
        "print_url": url(ansicht="drucken"),
        "devices": [
            {"key": key, "label": label, "url": device_url(key), "is_current": key == device}
            for key, label in devices
        ],
        "device": device,
        "device_label": DEVICE_LABELS.get(device, ""),
        "competences": list(tutorial.competences.select_related("area").order_by("code")),
        "review_due": is_review_due(tutorial),
    }


def related_tutorial(tutorial: TutorialPage) -> TutorialPage | None:
    """Another published tutorial to try next: one for the same service first, then any."""
    same_service = Case(
        When(digital_service_id=tutorial.digital_service_id, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        TutorialPage.objects.live()
        .public()
        .sibling_of(tutorial, inclusive=False)
        .annotate(same_service=same_service)
        .order_by("same_service", "title")
        .first()
    )


def whats_next(tutorial: TutorialPage, request: HttpRequest) -> dict | None:
    """What the last step offers: the real service, another tutorial and help nearby (the
    section the `related_workshops` tag renders); None when there is none of them."""
    service = tutorial.digital_service
    has_help = bool(related_workshop_sections(request, tutorial) or calendar_page_for(tutorial))
    options = {
        "service": service if service and service.url else None,
        "tutorial": related_tutorial(tutorial),
        "help": has_help,
    }
    return options if any(options.values()) else None


def review_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Tutorials last checked before this date are due for a review."""
    today = today or timezone.localdate()
    return today - relativedelta(months=settings.LERNHAFEN_TUTORIAL_REVIEW_MONTHS)


def is_review_due(tutorial: TutorialPage, today: datetime.date | None = None) -> bool:
    return tutorial.last_checked is None or tutorial.last_checked < review_cutoff(today)


def review_rule(today: datetime.date | None = None) -> str:
    """The report's rule in words, with the real cut-off date."""
    months = settings.LERNHAFEN_TUTORIAL_REVIEW_MONTHS
    cutoff = review_cutoff(today)
    return (
        f"Anleitungen, die seit mehr als {months} Monaten nicht geprüft wurden – also zuletzt "
        f"vor dem {cutoff:%d.%m.%Y} – oder noch nie. Prüfen Sie jeden Schritt mit der aktuellen "
        "App oder Website und tragen Sie danach in der Anleitung „Zuletzt geprüft am“ ein."
    )


def review_reason(tutorial: TutorialPage, today: datetime.date | None = None) -> str:
    """Why a tutorial is due: never checked, or when its check ran out."""
    if tutorial.last_checked is None:
        return "Noch nie geprüft"
    months = settings.LERNHAFEN_TUTORIAL_REVIEW_MONTHS
    due = tutorial.last_checked + relativedelta(months=months)
    return f"Letzte Prüfung älter als {months} Monate (fällig seit {due:%d.%m.%Y})"


def tutorials_due_for_review(today: datetime.date | None = None) -> QuerySet[TutorialPage]:
    """Tutorials never checked or last checked longer ago than the configured months."""
    return (
        TutorialPage.objects.filter(
            Q(last_checked__isnull=True) | Q(last_checked__lt=review_cutoff(today))
        )
        .select_related("digital_service")
        .order_by("last_checked", "title")
    )


def featured_tutorials(home_page: Page) -> list[TutorialPage]:
    """The tutorials the editors chose for „Beliebte Anleitungen“, in their order; unpublished
    ones are left out. Reads the home page's unsaved list too, so the preview shows it."""
    links = sorted(home_page.featured_tutorials.all(), key=lambda link: link.sort_order or 0)
    ids = [link.tutorial_id for link in links]
    found = (
        TutorialPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .select_related("digital_service")
        .in_bulk()
    )
    return localized_pages([found[pk] for pk in dict.fromkeys(ids) if pk in found])


# --- In-person help -----------------------------------------------------------------------------


def calendar_page_for(page: Page) -> Page | None:
    """The live page at /kalender/ of the page's site, found by its path (no events import)."""
    site_root_path = "/" + page.url_path.strip("/").split("/")[0] + "/"
    return Page.objects.live().filter(url_path=f"{site_root_path}{CALENDAR_SLUG}/").first()


def hook_sections(hook_name: str, request: HttpRequest, page: Page, *args) -> list[dict]:
    """What the hooks registered under `hook_name` contribute (see courses/hooks.py)."""
    sections = [fn(request, page, *args) for fn in hooks.get_hooks(hook_name)]
    return [section for section in sections if section]


def related_workshop_sections(request: HttpRequest, page: Page) -> list[dict]:
    """What the `lernhafen_related_workshops` hooks contribute for this course or tutorial."""
    return hook_sections(RELATED_WORKSHOPS, request, page)
