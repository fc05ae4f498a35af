"""The catalogue at /kurse/: GET filters with shareable URLs, counted results, help when empty."""

import pytest

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [course.title for course in response.context["results"]]


def test_without_filters_every_course_is_listed_with_duration_level_and_audience(client, catalogue):
    response = client.get("/kurse/")
    assert response.status_code == 200
    assert len(_titles(response)) == 4
    html = response.content.decode()
    assert '<p class="kern-body kern-body--bold result-count" role="status">' in html
    assert "4 Kurse gefunden" in html
    assert "1 Stunde 30 Minuten" in html  # duration
    assert "Grundlagen (Stufe 1 von 8)" in html  # level
    assert "Senior*innen" in html and "Alle Generationen" in html  # audience


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zielgruppe=seniors", {"Sicher mit dem Smartphone", "Jung und Alt gemeinsam"}),
        ("zielgruppe=youth", {"Fake News erkennen", "Jung und Alt gemeinsam"}),
        ("zielgruppe=all", {"Jung und Alt gemeinsam"}),
        ("thema=sicherheit", {"Sicher mit dem Smartphone", "Fake News erkennen"}),
        ("stufe=grundlagen", {"Sicher mit dem Smartphone", "Bürgerkonto einrichten"}),
        ("stufe=fortgeschritten", {"Jung und Alt gemeinsam"}),
        ("bereich=1", {"Fake News erkennen"}),
        ("bereich=2", {"Bürgerkonto einrichten", "Jung und Alt gemeinsam"}),
        ("format=workshop", {"Sicher mit dem Smartphone", "Jung und Alt gemeinsam"}),
        ("q=anträge", {"Bürgerkonto einrichten"}),
        ("zielgruppe=seniors&format=workshop&thema=sicherheit", {"Sicher mit dem Smartphone"}),
    ],
)
def test_each_filter_narrows_the_results(client, catalogue, query, expected):
    response = client.get(f"/kurse/?{query}")
    assert set(_titles(response)) == expected
    assert f"{len(expected)} Kurs" in response.content.decode()


def test_filter_form_keeps_the_choices_so_the_url_can_be_shared(client, catalogue):
    html = client.get("/kurse/?zielgruppe=seniors&q=Betrug").content.decode()
    assert '<option value="seniors" selected>' in html
    assert 'value="Betrug"' in html
    assert 'method="get"' in html


def test_no_results_explains_what_to_do(client, catalogue):
    response = client.get("/kurse/?zielgruppe=youth&stufe=hochspezialisiert")
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 Kurse gefunden" in html
    assert "Keine Kurse gefunden" in html
    assert "Wählen Sie weniger Filter aus" in html
    assert 'href="/kurse/"' in html  # reset link


def test_invalid_filter_value_is_reported_next_to_the_field_and_ignored(client, catalogue):
    response = client.get("/kurse/?zielgruppe=marsmenschen&format=workshop")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Diese Auswahl gibt es nicht" in html
    assert 'id="id_zielgruppe-error"' in html
    # The valid filter still applies.
    assert set(_titles(response)) == {"Sicher mit dem Smartphone", "Jung und Alt gemeinsam"}


def test_too_long_search_text_is_refused_with_a_message(client, catalogue):
    response = client.get("/kurse/?q=" + "a" * 101)
    assert response.status_code == 200
    assert "höchstens 100 Zeichen" in response.content.decode()
    assert len(_titles(response)) == 4


def test_pagination_keeps_the_filters(client, course_index, digcomp):
    from tests.factories.courses import CoursePageFactory

    for index in range(25):
        CoursePageFactory(parent=course_index, slug=f"kurs-{index}", audience="seniors")
    html = client.get("/kurse/?zielgruppe=seniors").content.decode()
    assert "Seite 1 von 2" in html
    assert 'href="?zielgruppe=seniors&amp;seite=2"' in html
    response = client.get("/kurse/?zielgruppe=seniors&seite=999")
    assert response.status_code == 200 and "Seite 2 von 2" in response.content.decode()


def test_a_teacher_filters_the_catalogue_by_grade(client, catalogue):
    catalogue["fake_news"].grade_levels = "7–10"
    catalogue["fake_news"].save()
    catalogue["buergerkonto"].grade_levels = "ab 11"
    catalogue["buergerkonto"].save()
    html = client.get("/kurse/").content.decode()
    assert 'for="id_klasse">Klassenstufe' in html and ">Klasse 8</option>" in html
    assert set(_titles(client.get("/kurse/?klasse=8"))) == {"Fake News erkennen"}
    assert set(_titles(client.get("/kurse/?klasse=12"))) == {"Bürgerkonto einrichten"}
    assert _titles(client.get("/kurse/?klasse=3")) == []
    wrong = client.get("/kurse/?klasse=14")
    assert "Diese Auswahl gibt es nicht" in wrong.content.decode() and len(_titles(wrong)) == 4


@pytest.mark.parametrize(
    ("text", "grades"),
    [("7–10", {7, 8, 9, 10}), ("5, 6", {5, 6}), ("8", {8}), ("ab 11", {11, 12, 13}), ("", set())],
)
def test_grade_levels_are_read_as_people_write_them(text, grades):
    from courses.filters import grades_of

    assert grades_of(text) == grades


def test_catalogue_reads_a_fixed_number_of_queries(
    client, course_index, digcomp, django_assert_max_num_queries
):
    from tests.factories.courses import CoursePageFactory

    for index in range(12):
        CoursePageFactory(parent=course_index, slug=f"kurs-{index}", grade_levels="5–6")
    with django_assert_max_num_queries(30):
        response = client.get("/kurse/?klasse=5&format=online")
    assert len(_titles(response)) == 12
