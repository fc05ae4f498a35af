"""Lerngruppen (classes): a teacher creates one for some courses, pupils join with a code and a
nickname, the teacher sees who finished which lesson. Pupils stay pseudonymous."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.charts import BarChart, Series
from courses.models import CoursePage
from learning.models import Lerngruppe, Lernpass, Membership, Statement
from learning.services.lernpass import random_code
from learning.services.progress import lessons_under, solved_condition

TEACHERS_GROUP = "Lehrkräfte"


def members_phrase(count: int) -> str:
    """ "1 Mitglied", "0 Mitglieder", "4 Mitglieder"."""
    return ngettext("%(count)s Mitglied", "%(count)s Mitglieder", count) % {"count": count}


def is_teacher(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists())
    )


def generate_join_code() -> str:
    raw = random_code(8)
    return f"{raw[:4]}-{raw[4:]}"


def create_group(teacher, name: str, courses: Iterable[CoursePage]) -> Lerngruppe:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                group = Lerngruppe.objects.create(
                    name=name, teacher=teacher, join_code=generate_join_code()
                )
                group.courses.set(courses)
                return group
        except IntegrityError:  # pragma: no cover – a join-code clash
            continue
    raise RuntimeError("Could not find a free join code")


class JoinRejected(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def join_group(lernpass: Lernpass, join_code: str, nickname: str) -> Membership:
    code = "".join(ch for ch in join_code.upper() if ch.isalnum())
    group = Lerngruppe.objects.filter(join_code=f"{code[:4]}-{code[4:]}").first()
    if group is None:
        raise JoinRejected(
            "join_code", _("Zu diesem Code gibt es keine Lerngruppe. Bitte prüfen Sie ihn.")
        )
    existing = Membership.objects.filter(group=group, lernpass=lernpass).first()
    if existing is not None:
        return existing
    if Membership.objects.filter(group=group, nickname__iexact=nickname).exists():
        raise JoinRejected(
            "nickname",
            _("Diesen Spitznamen gibt es in der Gruppe schon. Bitte wählen Sie einen anderen."),
        )
    return Membership.objects.create(group=group, lernpass=lernpass, nickname=nickname)


def end_group(group: Lerngruppe) -> None:
    """Delete the group and every membership (the pupils' Lernpässe and progress stay theirs)."""
    group.delete()


@dataclass
class ClassChart(BarChart):
    """Bars as a share of the whole class: 3 of 4 pupils fill three quarters of the track."""

    class_size: int = 0

    @property
    def maximum(self) -> float:
        return self.class_size or 1

    def format(self, value: float) -> str:
        return ngettext(
            "%(value)s von %(size)s Mitglied", "%(value)s von %(size)s Mitgliedern", self.class_size
        ) % {"value": int(value), "size": self.class_size}


def lesson_chart(course: CoursePage, lesson_rows: list[dict], class_size: int) -> ClassChart:
    if class_size == 1:
        description = _("Ob das eine Mitglied jede Lektion erledigt hat")
    else:
        # Never one here: German has the plural in both forms.
        description = ngettext(
            "Wie viele der %(count)s Mitglieder jede Lektion erledigt haben",
            "Wie viele der %(count)s Mitglieder jede Lektion erledigt haben",
            class_size,
        ) % {"count": class_size}
    return ClassChart(
        title=_("Erledigte Lektionen: %(course)s") % {"course": course.title},
        description=description,
        categories=[row["lesson"].title for row in lesson_rows],
        series=[Series(_("Mitglieder fertig"), [row["done_count"] for row in lesson_rows])],
        category_label=_("Lektion"),
        class_size=class_size,
    )


@dataclass
class GroupReport:
    group: Lerngruppe
    members: list[Membership]
    # per course: (course, [(lesson, {member_id: done})], {member_id: lessons done})
    courses: list[dict]

    @property
    def members_label(self) -> str:
        return members_phrase(len(self.members))


def group_report(group: Lerngruppe) -> GroupReport:
    """Who finished which lesson and exercise – fixed query count, any group size."""
    members = list(group.memberships.all())
    courses = list(group.courses.live().order_by("title"))
    lessons = list(lessons_under(courses).order_by("path"))
    lernpass_to_member = {m.lernpass_id: m.pk for m in members}
    rows = Statement.objects.filter(
        lernpass_id__in=lernpass_to_member, page_id__in=[lesson.pk for lesson in lessons]
    ).filter(Q(block_id="", verb=Statement.Verb.COMPLETED) | (~Q(block_id="") & solved_condition()))
    rows = rows.values_list("lernpass_id", "page_id", "block_id").distinct()
    lesson_done: set[tuple[int, int]] = set()
    exercises_solved: dict[int, dict[int, int]] = {}
    for lernpass_id, page_id, block_id in rows:
        member_id = lernpass_to_member[lernpass_id]
        if not block_id:
            lesson_done.add((page_id, member_id))
        else:
            # Distinct block ids: answering the same exercise twice still counts once.
            exercises_solved.setdefault(page_id, {}).setdefault(member_id, 0)
            exercises_solved[page_id][member_id] += 1
    report = []
    for course in courses:
        course_lessons = [lesson for lesson in lessons if lesson.path.startswith(course.path)]
        lesson_rows = []
        for lesson in course_lessons:
            done = {m.pk: (lesson.pk, m.pk) in lesson_done for m in members}
            lesson_rows.append(
                {
                    "lesson": lesson,
                    "done": done,
                    "done_count": sum(done.values()),
                    "solved": exercises_solved.get(lesson.pk, {}),
                }
            )
        totals = {m.pk: sum(row["done"][m.pk] for row in lesson_rows) for m in members}
        member_rows = [
            {
                "member": m,
                "cells": [(row["done"][m.pk], row["solved"].get(m.pk, 0)) for row in lesson_rows],
                "total": totals[m.pk],
            }
            for m in members
        ]
        report.append(
            {
                "course": course,
                "lessons": lesson_rows,
                "totals": totals,
                "member_rows": member_rows,
                "chart": lesson_chart(course, lesson_rows, len(members)),
            }
        )
    return GroupReport(group, members, report)
