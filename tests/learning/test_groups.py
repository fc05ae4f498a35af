"""Lerngruppen: teachers create, pupils join with a code and a nickname, teachers see progress."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning import services
from learning.models import Lerngruppe, Lernpass, Membership

pytestmark = pytest.mark.django_db


def test_teachers_group_exists_after_migrations():
    assert Group.objects.filter(name="Lehrkräfte").exists()


def test_teacher_logs_in_on_the_public_site(client, teacher):
    response = client.post(
        reverse("learning:teacher_login"),
        {"username": "frau-keller", "password": "ein-langes-passwort"},
    )
    assert response["Location"] == reverse("learning:groups")
    wrong = client.post(
        reverse("learning:teacher_login"), {"username": "frau-keller", "password": "x"}
    )
    assert "Die Anmeldung hat nicht geklappt" in wrong.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_and_others_refused(client, django_user_model):
    response = client.get(reverse("learning:groups"))
    assert response["Location"].startswith(reverse("learning:teacher_login"))
    client.force_login(
        django_user_model.objects.create_user(username="schueler", password="x" * 14)
    )
    assert client.get(reverse("learning:groups")).status_code == 403


def test_teacher_creates_a_group_and_gets_a_join_code(client, teacher, course):
    client.force_login(teacher)
    response = client.post(
        reverse("learning:groups"), {"name": "Klasse 7b", "courses": [course.page.pk]}, follow=True
    )
    group = Lerngruppe.objects.get()
    assert group.teacher == teacher
    assert group.join_code in response.content.decode()
    assert "Die Lerngruppe ist angelegt." in response.content.decode()


def test_group_form_errors_keep_the_input(client, teacher, course):
    client.force_login(teacher)
    response = client.post(reverse("learning:groups"), {"name": "Klasse 7b"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens einen Kurs." in html
    assert 'value="Klasse 7b"' in html
    assert not Lerngruppe.objects.exists()


def test_pupil_joins_with_code_and_nickname_and_gets_a_lernpass(client, teacher, course):
    group = services.create_group(teacher, "Klasse 7b", [course.page])
    code = group.join_code.lower().replace("-", "")
    response = client.post(
        reverse("learning:join"), {"join_code": code, "nickname": "  Blauer   Wal "}
    )
    html = response.content.decode()
    membership = Membership.objects.get()
    assert membership.nickname == "Blauer Wal"
    assert membership.lernpass.code in html
    assert services.LERNPASS_COOKIE in response.cookies


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"join_code": "ZZZZ-ZZZZ", "nickname": "Wal"}, "Zu diesem Code gibt es keine Lerngruppe."),
        ({"join_code": "", "nickname": "Wal"}, "Bitte geben Sie den Code der Lerngruppe ein."),
        ({"join_code": "X", "nickname": "<script>"}, "Der Spitzname braucht 2 bis 30 Zeichen"),
    ],
)
def test_join_errors_are_shown_next_to_the_field(client, db, data, message):
    response = client.post(reverse("learning:join"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Lernpass.objects.exists()


def test_nicknames_are_unique_in_a_group(client, teacher, course):
    group = services.create_group(teacher, "7b", [course.page])
    services.join_group(services.create_lernpass(), group.join_code, "Blauer Wal")
    response = client.post(
        reverse("learning:join"), {"join_code": group.join_code, "nickname": "blauer wal"}
    )
    assert "Diesen Spitznamen gibt es in der Gruppe schon." in response.content.decode()
    assert 'value="blauer wal"' in response.content.decode()
    assert Lernpass.objects.count() == 1


def test_join_honeypot_stores_nothing(client, teacher, course):
    group = services.create_group(teacher, "7b", [course.page])
    client.post(
        reverse("learning:join"), {"join_code": group.join_code, "nickname": "Bot", "website": "x"}
    )
    assert not Membership.objects.exists()


def test_teacher_sees_who_finished_what_as_table_and_chart(client, teacher, course):
    group = services.create_group(teacher, "Klasse 7b", [course.page])
    wal, fuchs = services.create_lernpass(), services.create_lernpass()
    services.join_group(wal, group.join_code, "Blauer Wal")
    services.join_group(fuchs, group.join_code, "Flinker Fuchs")
    services.mark_page_done(wal, course.closing)
    services.record_statement(
        fuchs, course.exercises, verb="answered", block_id=course.ids["true_false"], success=True
    )
    client.force_login(teacher)
    html = client.get(reverse("learning:group", args=[group.pk])).content.decode()
    assert "Blauer Wal" in html and "Flinker Fuchs" in html
    assert '<caption class="kern-title" id="tabelle-' in html
    assert "1 von 2" in html and "0 von 2" in html
    assert "1 Übung" in html
    assert '<svg class="bar-chart__svg" role="img"' in html
    # Grammar: a share of the class, not "1 Mitglieder".
    assert "Abschluss: 1 von 2 Mitgliedern" in html
    assert "Wie viele der 2 Mitglieder jede Lektion erledigt haben" in html


def test_teachers_see_only_their_own_groups(client, teacher, course, django_user_model):
    group = services.create_group(teacher, "7b", [course.page])
    other = django_user_model.objects.create_user(username="herr-otto", password="x" * 14)
    other.groups.add(*teacher.groups.all())
    client.force_login(other)
    assert client.get(reverse("learning:group", args=[group.pk])).status_code == 404


def test_ending_a_group_deletes_its_membership_data(client, teacher, course):
    group = services.create_group(teacher, "7b", [course.page])
    pupil = services.create_lernpass()
    services.join_group(pupil, group.join_code, "Blauer Wal")
    client.force_login(teacher)
    client.post(reverse("learning:group_end", args=[group.pk]))
    assert not Lerngruppe.objects.exists()
    assert not Membership.objects.exists()
    assert Lernpass.objects.filter(pk=pupil.pk).exists()  # the pupil's own progress stays


def test_group_report_query_count_does_not_grow_with_the_class(client, teacher, course):
    group = services.create_group(teacher, "7b", [course.page])
    client.force_login(teacher)
    url = reverse("learning:group", args=[group.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    services.join_group(services.create_lernpass(), group.join_code, "Erste")
    client.get(url)
    few = count()
    for index in range(25):
        pupil = services.create_lernpass()
        services.join_group(pupil, group.join_code, f"Kind {index}")
        services.mark_page_done(pupil, course.closing)
    many = count()
    assert few == many
    assert many <= 14, many


def _class_of(teacher, course, size: int, done: int) -> Lerngruppe:
    group = services.create_group(teacher, "Klasse 7b", [course.page])
    for index in range(size):
        pupil = services.create_lernpass()
        services.join_group(pupil, group.join_code, f"Kind {index}")
        if index < done:
            services.mark_page_done(pupil, course.closing)
    return group


def test_class_chart_bars_are_a_share_of_the_whole_class(teacher, course):
    report = services.group_report(_class_of(teacher, course, size=4, done=3))
    chart = report.courses[0]["chart"]
    widths = {group.label: group.bars[0].width_percent for group in chart.groups}
    # 3 of 4 pupils fill three quarters of the bar, not all of it; nobody is an empty bar.
    assert widths == {"Üben": 0, "Abschluss": 75.0}
    assert chart.rows == [("Üben", ["0 von 4 Mitgliedern"]), ("Abschluss", ["3 von 4 Mitgliedern"])]
    assert chart.description == "Wie viele der 4 Mitglieder jede Lektion erledigt haben"


@pytest.mark.parametrize(
    ("count", "phrase"), [(0, "0 Mitglieder"), (1, "1 Mitglied"), (4, "4 Mitglieder")]
)
def test_member_counts_read_as_correct_german(count, phrase):
    assert services.members_phrase(count) == phrase


def test_a_class_of_one_reads_correctly(client, teacher, course):
    group = _class_of(teacher, course, size=1, done=1)
    client.force_login(teacher)
    html = client.get(reverse("learning:group", args=[group.pk])).content.decode()
    assert "Abschluss: 1 von 1 Mitglied" in html
    assert "der 1 Mitglieder" not in html
    assert "1 Mitglied<" in html


def test_group_page_shows_the_join_address_as_qr_code_and_links_the_board_view(
    client, teacher, course
):
    group = _class_of(teacher, course, size=0, done=0)
    client.force_login(teacher)
    html = client.get(reverse("learning:group", args=[group.pk])).content.decode()
    assert f'src="{reverse("learning:group_qr", args=[group.pk])}"' in html
    assert f'href="{reverse("learning:group_board", args=[group.pk])}"' in html
    assert "0 Mitglieder" in html

    qr = client.get(reverse("learning:group_qr", args=[group.pk]))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg")
    # With its namespace: without it a browser shows a broken image.
    assert b'xmlns="http://www.w3.org/2000/svg"' in qr.content

    board = client.get(reverse("learning:group_board", args=[group.pk])).content.decode()
    assert group.join_code in board
    assert f"testserver{reverse('learning:join')}" in board


def test_qr_code_and_board_view_are_for_the_class_teacher_only(
    client, teacher, course, django_user_model
):
    group = _class_of(teacher, course, size=0, done=0)
    assert client.get(reverse("learning:group_qr", args=[group.pk])).status_code == 302
    other = django_user_model.objects.create_user(username="herr-otto", password="x" * 14)
    other.groups.add(Group.objects.get(name=services.TEACHERS_GROUP))
    client.force_login(other)
    assert client.get(reverse("learning:group_qr", args=[group.pk])).status_code == 404
    assert client.get(reverse("learning:group_board", args=[group.pk])).status_code == 404
