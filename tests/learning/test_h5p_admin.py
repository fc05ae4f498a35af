"""What editors see of H5P in the admin, and the library rows nobody may make by hand."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from learning import h5p
from learning.models import H5PLibrary
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from tests.factories.learning import h5p_block, quiz_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    content = h5p.import_package(quiz_package("Verdächtige SMS"), may_install_libraries=True)
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="SMS-Kurs")
    LessonPageFactory(parent=course, title="Die SMS", body=json.dumps([h5p_block(content.pk)]))
    return content


def test_the_list_shows_type_version_usage_and_whether_it_plays(admin_client, content):
    html = admin_client.get("/admin/snippets/learning/h5pcontent/").content.decode()

    assert "Lernhafen-Quiz (H5P.LernhafenQuiz 1.0.3)" in html
    assert content.usage_url in html
    assert "Ja" in html.split("Verdächtige SMS", 1)[1]


def test_the_list_needs_the_same_queries_for_one_or_many_contents(
    admin_client, content, django_assert_max_num_queries
):
    admin_client.get("/admin/snippets/learning/h5pcontent/")
    for number in range(5):
        h5p.import_package(quiz_package(f"Quiz {number}"))
    with django_assert_max_num_queries(40) as one:
        admin_client.get("/admin/snippets/learning/h5pcontent/")
    many = len(one.captured_queries)
    with django_assert_max_num_queries(many):
        admin_client.get("/admin/snippets/learning/h5pcontent/")


def test_the_inspect_view_names_the_lessons_and_a_missing_file(admin_client, content):
    url = f"/admin/snippets/learning/h5pcontent/inspect/{content.pk}/"
    html = admin_client.get(url).content.decode()
    assert "Die SMS" in html and "Spielt die Übung?" in html

    from django.core.files.storage import default_storage

    default_storage.delete(
        f"{h5p.LIBRARIES_ROOT}/{content.main_library.directory_name}/scripts/quiz.js"
    )
    html = admin_client.get(url).content.decode()
    assert "Nein: Die Datei h5p/libraries/H5P.LernhafenQuiz-1.0/scripts/quiz.js fehlt" in html


def test_not_even_a_superuser_can_add_edit_or_delete_a_library_by_hand(admin_client, content):
    library = H5PLibrary.objects.get()
    base = "/admin/snippets/learning/h5plibrary/"

    assert admin_client.get(base).status_code == 200
    assert f"{base}add/" not in admin_client.get(base).content.decode()
    for url in (f"{base}add/", f"{base}edit/{library.pk}/", f"{base}delete/{library.pk}/"):
        response = admin_client.post(url, {"title": "Hand", "machine_name": "X"})
        assert response.status_code in {302, 403}, url
        assert response.status_code == 403 or response["Location"] != url
    assert list(H5PLibrary.objects.values_list("title", flat=True)) == ["Lernhafen-Quiz"]
    assert admin_client.get(f"{base}inspect/{library.pk}/").status_code == 200


def test_the_player_is_reachable_from_the_admin_usage(admin_client, content):
    assert admin_client.get(content.usage_url).status_code == 200
    assert admin_client.get(reverse("learning:h5p_player", args=[content.pk])).status_code == 200
