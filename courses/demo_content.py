"""Demo content of the courses app: the catalogue with four courses and six tutorials.

Called by `manage.py seed_demo` through the `lernhafen_seed_demo` hook (order 10). The texts and
structure are data in `courses/demo/` (catalogue.toml, tutorials/<slug>.toml,
courses/<slug>.toml); this module turns them into snippets and pages. Idempotent: everything is
looked up by slug or title and only created when missing.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

from cms.demo import DemoSite, body_block, html, load_demo_data, load_demo_folder
from cms.models import ContentPage
from courses.demo_screens import Screen, screenshot, worksheet
from courses.devices import DEVICES
from courses.models import (
    CourseIndexPage,
    CourseMaterial,
    CoursePage,
    CourseTutorial,
    DigCompCompetence,
    DigitalService,
    LessonPage,
    Topic,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)
from courses.services import ensure_digcomp_framework, merge_digital_services

# Course fields copied from the data file as they are; the others name snippets, pages or files.
COURSE_FIELDS = [
    "title",
    "summary",
    "audience",
    "level",
    "duration_minutes",
    "delivery",
    "learning_goals",
    "prerequisites",
    "grade_levels",
    "lesson_units",
]
LESSON_FIELDS = ["title", "summary", "duration_minutes"]


def seed_courses_and_tutorials(demo: DemoSite) -> None:
    catalogue = load_demo_data("courses", "catalogue.toml")
    ensure_digcomp_framework()
    services = {
        spec["slug"]: DigitalService.objects.originals().get_or_create(
            slug=spec["slug"], defaults={k: v for k, v in spec.items() if k != "slug"}
        )[0]
        for spec in catalogue["service"]
    }
    for old_slug, slug in catalogue["merged_services"].items():
        duplicate = DigitalService.objects.originals().filter(slug=old_slug).first()
        if duplicate is not None:
            merge_digital_services(duplicate, into=services[slug])
            demo.log(
                f"  ~ Digitales Angebot „{duplicate.name}“ in „{services[slug].name}“ übernommen"
            )
    topics = {
        spec["slug"]: Topic.objects.originals().get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"]}
        )[0]
        for spec in catalogue["topic"]
    }
    competences = {c.code: c for c in DigCompCompetence.objects.all()}

    index = catalogue["tutorial_index"]
    tutorial_index = demo.ensure_page(
        demo.home,
        TutorialIndexPage,
        index["slug"],
        title=index["title"],
        show_in_menus=True,
        intro=index["intro"],
    )
    tutorial_specs = load_demo_folder("courses", "tutorials", catalogue["tutorials"])
    tutorials = {
        spec["slug"]: _ensure_tutorial(demo, tutorial_index, spec, services, competences)
        for spec in tutorial_specs
    }
    _feature_on_home(
        demo, [tutorials[spec["slug"]] for spec in tutorial_specs if spec.get("featured")]
    )
    index = catalogue["course_index"]
    course_index = demo.ensure_page(
        demo.home,
        CourseIndexPage,
        index["slug"],
        title=index["title"],
        show_in_menus=True,
        intro=index["intro"],
    )
    lookups = {
        "services": services,
        "topics": topics,
        "competences": competences,
        "tutorials": tutorials,
    }
    for spec in load_demo_folder("courses", "courses", catalogue["courses"]):
        _ensure_course(demo, course_index, spec, lookups)
    _point_home_entries_at(demo, tutorial_index, course_index)


def _screen(spec: dict[str, Any]) -> Screen:
    return Screen(
        app=spec["app"],
        rows=list(spec.get("rows", [])),
        action=spec.get("action", ""),
        kind=spec.get("kind", "phone"),
    )


def _ensure_tutorial(demo, index, spec, services, competences) -> TutorialPage:
    existing = TutorialPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        demo.pages[existing.url_path] = existing
        return existing
    steps = []
    for number, step in enumerate(spec["step"], start=1):
        device = step.get("device", "")
        screen = _screen(step["screen"])
        suffix = f" ({device})" if device else ""
        image = screenshot(f"Anleitung {spec['title']}: Schritt {number}{suffix}", screen)
        steps.append(
            TutorialStep(
                sort_order=number,
                instruction=step["instruction"],
                details=step.get("details", ""),
                device=device,
                hint_kind=step.get("hint_kind", ""),
                hint_text=step.get("hint_text", ""),
                screenshot=image,
                screenshot_alt=screen.alt_text(device),
            )
        )
    devices = {step["device"] for step in spec["step"] if step.get("device")}
    easy = None
    if "easy_language_page" in spec:
        easy = _easy_language_page(demo, spec["easy_language_page"])
    return demo.ensure_page(
        index,
        TutorialPage,
        spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        digital_service=services.get(spec.get("service", "")),
        level=spec["level"],
        duration_minutes=spec["duration_minutes"],
        competences=[competences[code] for code in spec["competences"]],
        requirements=spec["requirements"],
        devices=[key for key, _label in DEVICES if key in devices],
        last_checked=spec["last_checked"],
        service_version=spec["service_version"],
        easy_language_page=easy,
        steps=steps,
    )


def _easy_language_page(demo: DemoSite, spec: dict[str, Any]) -> Page | None:
    """The tutorial's version in Leichte Sprache, under the general page of that name."""
    parent = ContentPage.objects.child_of(demo.home).filter(slug=spec["parent"]).first()
    if parent is None:
        return None
    return demo.ensure_page(
        parent,
        ContentPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        body=[body_block(block) for block in spec["body"]],
    )


def _ensure_course(demo: DemoSite, index: Page, spec: dict[str, Any], lookups: dict) -> None:
    competences = lookups["competences"]
    documents = {
        key: worksheet(sheet["title"], sheet["heading"], sheet["paragraphs"], sheet["filename"])
        for key, sheet in spec.get("worksheets", {}).items()
    }

    def lesson_block(block: dict[str, Any]) -> tuple:
        kind = block["type"]
        if kind == "steps":
            steps = [{"title": step["title"], "text": step["text"]} for step in block["steps"]]
            return ("steps", {"heading": block["heading"], "steps": steps})
        if kind == "image":
            screen = _screen(block["screen"])
            value = {
                "image": screenshot(block["title"], screen),
                "alt_text": screen.alt_text(),
                "decorative": False,
                "caption": block.get("caption", ""),
            }
            return ("image", value)
        if kind == "downloads":
            items = [
                {"document": documents[item["worksheet"]], "description": item["description"]}
                for item in block["items"]
            ]
            return ("downloads", {"heading": block["heading"], "items": items})
        raise ValueError(f"Unknown demo block type {kind!r} in course {spec['slug']}")

    fields = {name: spec[name] for name in COURSE_FIELDS if name in spec}
    fields["topics"] = [lookups["topics"][slug] for slug in spec.get("topics", [])]
    fields["competences"] = [competences[code] for code in spec.get("competences", [])]
    if "digital_services" in spec:
        fields["digital_services"] = [lookups["services"][s] for s in spec["digital_services"]]
    if "teacher_notes" in spec:
        fields["teacher_notes"] = html(spec["teacher_notes"])
    fields["related_tutorials"] = [
        CourseTutorial(sort_order=number, tutorial=lookups["tutorials"][slug])
        for number, slug in enumerate(spec.get("related_tutorials", []))
    ]
    if "material" in spec:
        fields["materials"] = [
            CourseMaterial(
                sort_order=number,
                document=documents[material["worksheet"]],
                title=material["title"],
                description=material["description"],
                licence=material["licence"],
                attribution=material["attribution"],
            )
            for number, material in enumerate(spec["material"])
        ]
    course = demo.ensure_page(index, CoursePage, spec["slug"], **fields)
    for lesson in spec["lesson"]:
        lesson_fields = {name: lesson[name] for name in LESSON_FIELDS}
        lesson_fields["competences"] = [competences[code] for code in lesson["competences"]]
        lesson_fields["body"] = [body_block(block, lesson_block) for block in lesson["body"]]
        demo.ensure_page(course, LessonPage, lesson["slug"], **lesson_fields)


def _feature_on_home(demo: DemoSite, tutorials: list[TutorialPage]) -> None:
    """Fill „Beliebte Anleitungen“ once; a list the editors have chosen is left alone."""
    home = demo.home.specific_class.objects.get(pk=demo.home.pk)  # fresh: editors' changes
    if not hasattr(home, "featured_tutorials") or home.featured_tutorials.exists():
        return
    for position, tutorial in enumerate(tutorials):
        home.featured_tutorials.create(tutorial=tutorial, sort_order=position)
    home.save_revision().publish()


def _point_home_entries_at(demo: DemoSite, tutorial_index: Page, course_index: Page) -> None:
    """Seniors go to the tutorials, schools to the catalogue – unless an editor changed it."""
    home = demo.home.specific_class.objects.get(pk=demo.home.pk)  # fresh: editors' changes
    targets = {"seniors": ("senioren", tutorial_index), "schools": ("schulen", course_index)}
    changed = False
    for block in home.audience_entries:
        audience = block.value.get("audience")
        if audience not in targets:
            continue
        original_slug, target = targets[audience]
        page = block.value.get("page")
        if page is not None and page.slug == original_slug and page.depth == home.depth + 1:
            block.value["page"] = target
            block.value["link_label"] = (
                "Zu den Anleitungen" if audience == "seniors" else "Zum Kurskatalog"
            )
            changed = True
    if changed:
        home.save_revision().publish()
