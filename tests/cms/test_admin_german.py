"""The admin speaks German to editors: no English defaults, no code names, German dates,
an editor guide in the help menu, and choice exercises that start ready to fill in."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import formats
from wagtail.models import Collection, Page, Task, Workflow

from cms.models import EDITORS_GROUP, MODERATORS_GROUP
from tests.factories.cms import FormPageFactory
from tests.factories.events_workspace import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, home):
    # A city editor: Wagtail's editors group (admin access, edit rights on the tree), no superuser.
    editor = UserFactory(username="redakteurin")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    return client


def _visible_text(html: str) -> str:
    """The page without tags, scripts and attributes: what a person reads."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_wagtails_english_default_records_have_german_names():
    assert Collection.get_first_root_node().name == "Hauptsammlung"
    assert Page.get_first_root_node().title == "Alle Seiten"
    assert set(Workflow.objects.values_list("name", flat=True)) == {"Freigabe durch die Redaktion"}
    assert set(Task.objects.values_list("name", flat=True)) == {"Freigabe durch die Redaktion"}


def test_wagtails_default_groups_have_german_names(admin_client):
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS_GROUP, MODERATORS_GROUP}
    groups = _visible_text(admin_client.get("/admin/groups/").content.decode())
    assert "Redaktion" in groups and "Freigabe (Moderation)" in groups
    assert not re.search(r"\b(Editors|Moderators)\b", groups)


def test_page_explorer_and_edit_form_speak_german(editor_client, home):
    explorer = _visible_text(editor_client.get(f"/admin/pages/{home.pk}/").content.decode())
    assert "Willkommen im Lernhafen" in explorer
    assert re.search(r"\bHome\b", explorer) is None
    assert re.search(r"\bRoot\b", explorer) is None

    edit = editor_client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    text = _visible_text(edit)
    assert "Zur Freigabe einreichen (Freigabe durch die Redaktion)" in text
    assert "Moderators" not in edit
    # The schedule dialog (in a <template> until opened):
    assert "Legen Sie fest, ab wann diese Seite sichtbar ist" in edit
    assert "Veröffentlicht ab" in edit
    assert "Go-Live" not in edit and "live gehen" not in edit
    assert "-Objekt" not in edit


def test_add_page_form_explains_the_slug_in_german(editor_client, home):
    html = editor_client.get(f"/admin/pages/add/cms/contentpage/{home.pk}/").content.decode()
    assert "Der letzte Teil der Internetadresse dieser Seite" in html
    assert "domain.com" not in html
    assert "Legen Sie fest, ab wann diese Seite sichtbar ist" in html


def test_collections_and_workflows_show_german_names(admin_client):
    collections = _visible_text(admin_client.get("/admin/collections/").content.decode())
    assert "Sammlungen" in collections
    assert "Main library" not in collections and not re.search(r"\bRoot\b", collections)
    workflows = _visible_text(admin_client.get("/admin/workflows/list/").content.decode())
    assert "Freigabe durch die Redaktion" in workflows
    assert "Moderators" not in workflows


def test_forms_list_names_the_page_type_without_code_names(admin_client, home):
    FormPageFactory(parent=home, slug="barrierefreiheit")
    html = admin_client.get("/admin/forms/").content.decode()
    assert "Formularseite" in html
    assert "cms.formpage" not in html


def test_compare_view_shows_yes_no_dash_and_german_dates(admin_client, home):
    first = home.save_revision()
    home.show_in_menus = not home.show_in_menus
    home.go_live_at = datetime.datetime(2026, 11, 30, 13, 30, tzinfo=datetime.UTC)
    second = home.save_revision()
    html = admin_client.get(
        f"/admin/pages/{home.pk}/revisions/compare/{first.pk}...{second.pk}/"
    ).content.decode()
    text = _visible_text(html)
    assert "Ja" in text and "Nein" in text
    assert "30.11.2026 14:30" in text  # Europe/Berlin
    assert "–" in text  # no go-live date before
    for code_word in ("True", "False", "None", "+00:00"):
        assert code_word not in text


def test_dates_are_written_as_30_11_2026():
    moment = datetime.datetime(2026, 11, 30, 14, 30)
    assert formats.date_format(moment.date(), "DATE_FORMAT") == "30.11.2026"
    assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "30.11.2026 14:30"


def test_help_menu_leads_to_the_german_editor_guide(editor_client):
    dashboard = editor_client.get("/admin/").content.decode()
    assert "<title>Übersicht" in dashboard  # Wagtail's "Dashboard", like the breadcrumbs' "Home"
    assert "Redaktionshandbuch" in dashboard and "/admin/handbuch/" in dashboard
    assert "guide.wagtail.org" not in dashboard  # the English guide links are gone
    guide = editor_client.get("/admin/handbuch/")
    assert guide.status_code == 200
    text = _visible_text(guide.content.decode())
    for heading in (
        "Anleitungen",
        "Kurse und Lektionen",
        "Workshops und Termine",
        "Interaktive Übungen (H5P)",
        "Berichte und Formulareingänge",
    ):
        assert heading in text
    assert "seit mehr als 12 Monaten" in text


def test_the_guide_is_for_admin_users_only(client):
    response = client.get("/admin/handbuch/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_lists_say_ja_nein_and_dash_instead_of_python_values(admin_client, home):
    users = _visible_text(admin_client.get("/admin/users/").content.decode())
    assert "Ja" in users
    assert not re.search(r"\b(True|False)\b", users)
    # A page nobody published by hand (made by code): "Zuletzt veröffentlicht durch" is empty.
    home.save_revision().publish()
    aging = _visible_text(admin_client.get("/admin/reports/aging-pages/").content.decode())
    assert "Willkommen im Lernhafen" in aging
    assert not re.search(r"\bNone\b", aging)
