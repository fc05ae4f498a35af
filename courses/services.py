"""Rules of the courses app: catalogue filters, the tutorial views, structured data, freshness.

Page models call these from `get_context`; admin views, the home page section, the seeding and
the tests call them directly. Every function reads a fixed number of queries, whatever the
number of courses, steps or competences.
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
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks
from wagtail.models import Page

from courses.devices import DEVICE_LABELS, offered_devices, steps_for_device
from courses.digcomp import AREAS, COMPETENCES, LEVEL_GROUPS
from courses.hooks import RELATED_WORKSHOPS
from courses.models import (
    CourseIndexPage,
    CoursePage,
    DigCompArea,
    DigCompCompetence,
    DigitalService,
    LessonPage,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)

COURSES_PER_PAGE = 20
TUTORIALS_PER_PAGE = 20
CALENDAR_SLUG = "kalender"


# --- Formatting ---------------------------------------------------------------------------------


def _pages_of(paginator: Paginator, number: str | None) -> PaginatorPage:
    # A wrong page number shows the first or the last page instead of an error.
    return paginator.get_page(number)


def _query_string(filters: Mapping[str, str]) -> str:
    return urlencode({key: value for key, value in filters.items() if value})


# --- DigComp ------------------------------------------------------------------------------------


def ensure_digcomp_framework(area_model=DigCompArea, competence_model=DigCompCompetence) -> int:
    """Create the 5 areas and 21 competences of DigComp 2.2 where missing; returns how many.

    Takes the models as arguments so the data migration can pass its historical models.
    Existing rows are left alone: editors may have refined the plain-German phrases.
    """
    created = 0
    areas = {}
    for number, name in AREAS:
        areas[number], was_created = area_model.objects.get_or_create(
            number=number, defaults={"name": name}
        )
        created += was_created
    for code, name, plain_name in COMPETENCES:
        _competence, was_created = competence_model.objects.get_or_create(
            code=code,
            defaults={
                "area": areas[int(code.split(".")[0])],
                "name": name,
                "plain_name": plain_name,
            },
        )
        created += was_created
    return created


# --- Digital services ---------------------------------------------------------------------------


def merge_digital_services(duplicate: DigitalService, into: DigitalService) -> None:
    """Point everything that names `duplicate` (tutorials, courses, workshops – in any app) at
    `into`, including the pages' latest revisions the edit form loads, then delete it."""
    with transaction.atomic():
        for relation in DigitalService._meta.related_objects:
            model = relation.related_model
            field = relation.field
            if relation.many_to_many:
                through = field.remote_field.through
                own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
                owners = list(
                    through.objects.filter(**{other: duplicate}).values_list(own, flat=True)
                )
                # An owner that names both keeps a single link.
                linked_to_both = through.objects.filter(**{other: into}).values(own)
                through.objects.filter(**{other: duplicate, f"{own}__in": linked_to_both}).delete()
                through.objects.filter(**{other: duplicate}).update(**{other: into})
            else:
                owners = list(
                    model._default_manager.filter(**{field.name: duplicate}).values_list(
                        "pk", flat=True
                    )
                )
                model._default_manager.filter(pk__in=owners).update(**{field.name: into})
            if issubclass(model, Page):
                _repoint_latest_revisions(model, owners, field.name, duplicate.pk, into.pk)
        duplicate.delete()


def _repoint_latest_revisions(model, page_ids, key: str, old: int, new: int) -> None:
    from wagtail.models import Revision

    revision_ids = model._default_manager.filter(pk__in=page_ids).values("latest_revision_id")
    for revision in Revision.objects.filter(pk__in=revision_ids):
        value = revision.content.get(key)
        if value == old:
            revision.content[key] = new
        elif isinstance(value, list) and old in value:
            revision.content[key] = list(dict.fromkeys(new if v == old else v for v in value))
        else:
            continue
        revision.save(update_fields=["content"])


# --- Catalogue ----------------------------------------------------------------------------------


def filter_courses(
    courses: QuerySet[CoursePage],
    *,
    audience: str = "",
    topic: str = "",
    level: str = "",
    area: str = "",
    delivery: str = "",
    query: str = "",
) -> QuerySet[CoursePage]:
    """Narrow a queryset of courses by the catalogue's filters (empty values are ignored).

    A course for all generations is listed under every audience. Filters on tags use
    subqueries, so a course appears once however many tags match.
    """
    if audience:
        courses = courses.filter(audience__in={audience, "all"})
    if topic:
        courses = courses.filter(
            pk__in=CoursePage.topics.through.objects.filter(topic__slug=topic).values(
                "coursepage_id"
            )
        )
    if level:
        bounds = {key: levels for key, _label, levels in LEVEL_GROUPS}.get(level)
        if bounds:
            courses = courses.filter(level__range=bounds)
    if area:
        courses = courses.filter(
            pk__in=CoursePage.competences.through.objects.filter(
                digcompcompetence__area__number=area
            ).values("coursepage_id")
        )
    if delivery:
        courses = courses.filter(delivery=delivery)
    if query:
        courses = courses.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(learning_goals__icontains=query)
        )
    return courses


def course_catalogue(index: CourseIndexPage, params: Mapping[str, str]) -> dict:
    """Context of the catalogue: the filter form, one page of results and the result count."""
    from courses.forms import CourseFilterForm

    form = CourseFilterForm(params)
    filters = form.valid_filters()
    courses = filter_courses(
        CoursePage.objects.live().public().child_of(index).order_by("title"),
        audience=filters.get("zielgruppe", ""),
        topic=filters.get("thema", ""),
        level=filters.get("stufe", ""),
        area=filters.get("bereich", ""),
        delivery=filters.get("format", ""),
        query=filters.get("q", "").strip(),
    )
    results = _pages_of(Paginator(courses, COURSES_PER_PAGE), params.get("seite"))
    return {
        "filter_form": form,
        "results": results,
        "result_count": results.paginator.count,
        "filters_active": bool(filters),
        "filter_query": _query_string(filters),
    }


# --- Course and lesson --------------------------------------------------------------------------


def course_details(course: CoursePage, request: HttpRequest) -> dict:
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    competences = list(course.competences.select_related("area").order_by("code"))
    tutorials = [
        link.tutorial
        for link in course.related_tutorials.select_related("tutorial").order_by("sort_order")
        if link.tutorial.live
    ]
    materials = list(course.materials.select_related("document").order_by("sort_order"))
    return {
        "lessons": lessons,
        "competences": competences,
        "related_tutorials": tutorials,
        "materials": materials,
        "topics": list(course.topics.all()),
        "services": list(course.digital_services.all()),
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
    from cms.models import SiteSettings

    city = SiteSettings.for_request(request).city_name
    parts = [
        {
            "@type": "LearningResource",
            "name": lesson.title,
            "url": lesson.get_full_url(request),
            "learningResourceType": "Lektion",
            "position": position,
        }
        for position, lesson in enumerate(lessons, start=1)
    ]
    parts += [
        {
            "@type": "LearningResource",
            "name": material.title,
            "url": request.build_absolute_uri(material.document.url),
            "learningResourceType": "Arbeitsmaterial",
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
        "inLanguage": "de",
        "isAccessibleForFree": True,
        "provider": {"@type": "GovernmentOrganization", "name": f"Stadt {city}"},
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
        "coursePrerequisites": course.prerequisite_list or "Keine Vorkenntnisse nötig",
        "hasPart": parts,
    }
    if course.grade_levels:
        data["educationalLevel"] = [course.get_level_display(), f"Klasse {course.grade_levels}"]
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script> only "<" could end the element early; escape it and its friends.
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(text)  # noqa: S308 – JSON with <, > and & escaped


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


def filter_tutorials(
    tutorials: QuerySet[TutorialPage], *, service: str = "", query: str = ""
) -> QuerySet[TutorialPage]:
    if service:
        tutorials = tutorials.filter(digital_service__slug=service)
    if query:
        tutorials = tutorials.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(pk__in=TutorialStep.objects.filter(instruction__icontains=query).values("page_id"))
        )
    return tutorials


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


def tutorial_listing(index: TutorialIndexPage, params: Mapping[str, str]) -> dict:
    from courses.forms import TutorialFilterForm

    form = TutorialFilterForm(params)
    filters = form.valid_filters()
    tutorials = filter_tutorials(
        TutorialPage.objects.live()
        .public()
        .child_of(index)
        .select_related("digital_service")
        .order_by("title"),
        service=filters.get("angebot", ""),
        query=filters.get("q", "").strip(),
    )
    results = _pages_of(Paginator(tutorials, TUTORIALS_PER_PAGE), params.get("seite"))
    devices = devices_by_tutorial(list(results))
    for tutorial in results:
        tutorial.device_variants = devices.get(tutorial.pk, [])
    return {
        "filter_form": form,
        "results": results,
        "result_count": results.paginator.count,
        "filters_active": bool(filters),
        "filter_query": _query_string(filters),
    }


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


def tutorial_view(tutorial: TutorialPage, params: Mapping[str, str]) -> dict:
    """Everything the tutorial template shows, from ``?geraet=…&schritt=…&ansicht=…``.

    Views: one step at a time (default), all steps (``ansicht=alle``) and the print handout
    (``ansicht=drucken``). A device the tutorial does not offer, or a step number out of range,
    falls back to the first device and the nearest step instead of an error.
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

    def url(**extra) -> str:
        return "?" + urlencode({**base, **extra})

    numbered = [
        NumberedStep(
            number=number,
            step=step,
            url=url(schritt=number),
            is_current=number == current_number,
        )
        for number, step in enumerate(steps, start=1)
    ]
    current = numbered[current_number - 1] if total else None
    device_label = DEVICE_LABELS.get(device, "")
    return {
        "view": view,
        "steps": numbered,
        "current": current,
        "total_steps": total,
        "progress_percent": round(100 * current_number / total) if total else 0,
        "previous_url": url(schritt=current_number - 1) if current_number > 1 else "",
        "next_url": url(schritt=current_number + 1) if current_number < total else "",
        "step_view_url": url(schritt=current_number or 1),
        "all_steps_url": url(ansicht="alle"),
        "print_url": url(ansicht="drucken"),
        "devices": [
            {
                "key": key,
                "label": label,
                "url": "?"
                + urlencode({"geraet": key, **({"ansicht": view} if view != "schritt" else {})}),
                "is_current": key == device,
            }
            for key, label in devices
        ],
        "device": device,
        "device_label": device_label,
        "competences": list(tutorial.competences.select_related("area").order_by("code")),
        "review_due": is_review_due(tutorial),
    }


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
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


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
