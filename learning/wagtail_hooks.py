"""Admin wiring and the learning app's answers to Lernhafen's hooks (cms/hooks.py).

The snippets use cms.scoped_admin.ScopedSnippetViewSet: their listings, choosers and bulk actions
answer only with rows the model's permission policy grants. Lerngruppen and H5P libraries need a
model permission (teachers use their own pages, Lotsen and Koordination have none); H5P contents
may also be chosen by whoever edits pages, since editors place them in lessons.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, UsageCountColumn
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSetGroup

from cms.hooks import DEMO_LOGINS, HOME_SECTIONS, PURGE_PERSONAL_DATA, SEED_DEMO
from cms.scoped_admin import ScopedSnippetViewSet
from courses.hooks import LEARNER_PROGRESS
from courses.models import CoursePage, TutorialPage
from learning import h5p, services
from learning.demo import seed_demo, teacher_login
from learning.forms import H5PContentForm
from learning.models import H5PContent, H5PLibrary, Lerngruppe


class H5PContentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions; "choose" also for page editors, who put exercises into lessons."""

    def user_has_permission(self, user, action):
        if action == "choose" and policy_registry.get_by_type(Page).user_has_any_permission(
            user, {"add", "change", "publish"}
        ):
            return True
        return super().user_has_permission(user, action)


# Before the viewsets register (they would create a fallback policy otherwise).
register_permission_policy(H5PContent, H5PContentPermissionPolicy(H5PContent))


def _play_status(content: H5PContent) -> str:
    problem = h5p.play_problem(content)
    return f"Nein: {problem}" if problem else "Ja"


class H5PContentInspectView(InspectView):
    """What editors need to know about one H5P content before placing or deleting it."""

    labels = {
        "title": "Titel",
        "content_type": "Inhaltstyp und Version",
        "used_in": "Verwendet auf diesen Seiten",
        "plays": "Spielt die Übung?",
        "created_at": "Hochgeladen am",
    }

    def get_field_label(self, field_name, field):
        return self.labels[field_name]

    def get_content_type_display_value(self):
        return h5p.content_type_label(self.object)

    def get_used_in_display_value(self):
        pages = [
            str(source)
            for source, _references in ReferenceIndex.get_grouped_references_to(self.object)
        ]
        return ", ".join(pages) or "Noch auf keiner Seite"

    def get_plays_display_value(self):
        return _play_status(self.object)


class H5PContentViewSet(ScopedSnippetViewSet):
    model = H5PContent
    icon = "pick"
    menu_label = "Interaktive Übungen (H5P)"
    list_display = [
        "title",
        Column("content_type", label="Inhaltstyp", accessor=h5p.content_type_label),
        UsageCountColumn("usage_count", label="Verwendung"),
        Column("plays", label="Spielt?", accessor=_play_status),
        "created_at",
    ]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_class = H5PContentInspectView
    inspect_view_fields = list(H5PContentInspectView.labels)
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=H5PContentForm
    )

    def get_queryset(self, request):
        # One query for the whole list: content type, libraries and usage counts come along.
        return (
            H5PContent.objects.select_related("main_library")
            .prefetch_related("libraries")
            .annotate(usage_count=ReferenceIndex.usage_count_subquery(H5PContent))
        )


class ReadOnlyLibraryPolicy(ModelPermissionPolicy):
    """Libraries come only from checked packages: nobody – superusers included – adds, edits or
    deletes a library row by hand (the generic add view would bypass every package check)."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in {"add", "change", "delete"}]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(H5PLibrary, ReadOnlyLibraryPolicy(H5PLibrary))


class H5PLibraryViewSet(ScopedSnippetViewSet):
    model = H5PLibrary
    icon = "code"
    menu_label = "H5P-Bibliotheken"
    list_display = ["title", "machine_name", "major_version", "minor_version", "patch_version"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class LerngruppeViewSet(ScopedSnippetViewSet):
    model = Lerngruppe
    icon = "group"
    menu_label = "Lerngruppen"
    list_display = ["name", "teacher", "created_at"]
    edit_handler = ObjectList([FieldPanel("name")])


class LearningGroup(SnippetViewSetGroup):
    items = (H5PContentViewSet, H5PLibraryViewSet, LerngruppeViewSet)
    menu_icon = "pick"
    menu_label = "Lernen"
    menu_name = "lernen"


register_snippet(LearningGroup)


@hooks.register(PURGE_PERSONAL_DATA)
def purge_expired_lernpaesse(now):
    return ("Abgelaufene Lernpässe", services.purge_expired_lernpaesse(now))


@hooks.register(SEED_DEMO, order=30)
def seed_learning_demo(demo):
    seed_demo(demo)


@hooks.register(DEMO_LOGINS)
def teacher_demo_login():
    return teacher_login()


@hooks.register(HOME_SECTIONS)
def lernpass_home_section(request, home_page):
    lernpass = services.lernpass_from_request(request)
    if lernpass is None:
        return None
    return {
        "template": "learning/home_section.html",
        "context": {"overview": services.progress_overview(lernpass)},
        "order": 20,
    }


@hooks.register(LEARNER_PROGRESS)
def progress_on_course_and_tutorial_pages(request, page, step=None):
    """ "3 von 5 Lektionen" on a course; "Schritt erledigt" on a tutorial step (Lernpass only)."""
    lernpass = services.lernpass_from_request(request)
    if isinstance(page, CoursePage):
        # Without a Lernpass there is nothing to count: just offer one (no extra query).
        progress = services.course_progress(lernpass, page) if lernpass else None
        if progress is not None and progress.total == 0:
            return None
        return {
            "template": "learning/course_progress.html",
            "context": {"progress": progress, "lernpass": lernpass, "page": page},
        }
    if isinstance(page, TutorialPage) and step and lernpass is not None:
        return {
            "template": "learning/tutorial_step_progress.html",
            "context": {
                "page": page,
                "step": step,
                "done": step in services.steps_done(lernpass, page),
                "back": request.get_full_path(),
            },
        }
    return None
