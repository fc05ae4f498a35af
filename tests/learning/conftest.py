from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from learning import services
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from tests.factories.learning import (
    lesson_done,
    multiple_choice,
    order_steps,
    single_choice,
    spot_the_fake,
    true_false,
)


def ids_by_type(page) -> dict[str, str]:
    return {child.block_type: child.id for child in page.body}


@pytest.fixture
def course(home):
    """A course with two lessons: one full of exercises, one with only a done button."""
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, slug="passwoerter", title="Sichere Passwörter")
    exercises = LessonPageFactory(
        parent=course,
        slug="uebungen",
        title="Üben",
        body=json.dumps(
            [single_choice(), multiple_choice(), true_false(), order_steps(), spot_the_fake()]
        ),
    )
    closing = LessonPageFactory(
        parent=course, slug="abschluss", title="Abschluss", body=json.dumps([lesson_done()])
    )
    return SimpleNamespace(
        page=course,
        exercises=exercises,
        closing=closing,
        ids=ids_by_type(exercises),
        done_id=ids_by_type(closing)["lesson_done"],
    )


@pytest.fixture
def lernpass(db):
    return services.create_lernpass()


@pytest.fixture
def lernpass_client(client, lernpass):
    """A client whose browser holds the Lernpass cookie."""
    from django.http import HttpResponse

    response = HttpResponse()
    services.remember_lernpass(response, lernpass, secure=False)
    client.cookies[services.LERNPASS_COOKIE] = response.cookies[services.LERNPASS_COOKIE].value
    return client


@pytest.fixture
def teacher(django_user_model):
    user = django_user_model.objects.create_user(
        username="frau-keller", password="ein-langes-passwort"
    )
    user.groups.add(Group.objects.get_or_create(name=services.TEACHERS_GROUP)[0])
    return user
