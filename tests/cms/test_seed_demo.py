"""`seed_demo` builds the living demo site and can run again without changing anything."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision, Site

from cms.blocks import TaskLinkBlock
from cms.models import ContentPage, FormPage, HomePage, SiteSettings

pytestmark = pytest.mark.django_db

CONTRACT_SLUGS = [
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/datenschutz/",
    "/impressum/",
    "/kontakt/",
]


def _rows_per_model() -> dict[str, int]:
    """How many rows every model of the project's apps and of Wagtail's content holds."""
    labels = ("cms", "courses", "events", "learning", "wagtailcore", "wagtailimages", "wagtaildocs")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in (*labels, "auth")
    }


def test_seed_demo_builds_the_general_pages_and_is_idempotent(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    password_file = tmp_path / "admin-password"
    call_command("seed_demo", admin_password_file=password_file, verbosity=0)
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    rows = _rows_per_model()

    call_command("seed_demo", admin_password_file=password_file, verbosity=0)

    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
    # Nothing else grows either: snippets, images, sessions, bookings, users, exercises.
    assert _rows_per_model() == rows
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    for path in ["/", *CONTRACT_SLUGS]:
        assert client.get(path).status_code == 200, path
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password_file.read_text().strip())


def test_demo_site_links_every_legal_page_from_the_footer(client, demo_site):
    settings = SiteSettings.for_site(demo_site.site)
    assert [label for label, _ in settings.footer_links()] == [
        "Barrierefreiheit",
        "Leichte Sprache",
        "Gebärdensprache",
        "Datenschutz",
        "Impressum",
        "Kontakt",
    ]
    for path in ["/", "/datenschutz/", "/suche/?q=Stadt", "/gibt-es-nicht/"]:
        html = client.get(path).content.decode()
        for href in CONTRACT_SLUGS:
            assert f'href="{href}"' in html, (path, href)


def test_demo_feedback_form_has_its_fields_in_the_published_revision(demo_site):
    page = FormPage.objects.get(slug="barrierefreiheit")
    revision_fields = page.get_latest_revision_as_object().form_fields.all()
    assert [f.label for f in revision_fields] == ["Beschreibung", "Ihr Name", "Ihre E-Mail-Adresse"]


def test_demo_home_page_has_an_entry_for_each_audience(demo_site):
    audiences = [block.value["audience"] for block in demo_site.home.specific.audience_entries]
    assert audiences == ["seniors", "schools", "guides"]


def test_demo_logins_prints_the_admin_login(tmp_path, capsys):
    password_file = tmp_path / "pw"
    password_file.write_text("geheim-und-lang")
    call_command("demo_logins", admin_password_file=password_file, base_url="http://x")
    output = capsys.readouterr().out
    assert "http://x/admin/" in output and "admin" in output and "geheim-und-lang" in output
    assert "NUR für die Demo" in output


def test_audience_pages_lead_to_the_tasks_people_come_for(client, demo_site):
    seniors = client.get("/senioren/").content.decode()
    assert 'href="tel:023631070"' in seniors and "02363 107 0" in seniors
    assert "Rufen Sie uns an" not in seniors
    for href in ["/anleitungen/", "/kalender/"]:
        assert f'href="{href}"' in seniors, href
    schools = client.get("/schulen/").content.decode()
    for href in [reverse("learning:teacher_login"), reverse("learning:join"), "/kurse/?"]:
        assert f'href="{href}' in schools, href
    guides = client.get("/digitallotsen/").content.decode()
    assert 'href="/admin/lotsen/"' in guides and 'href="tel:023631070"' in guides


def test_audience_pages_seeded_before_the_task_links_get_them_unless_edited(demo_site):
    from wagtail.rich_text import RichText

    from cms.demo_content import seed_general_pages

    earlier_text = [("paragraph", RichText("<p>Der Demo-Text einer früheren Fassung.</p>"))]
    for slug in ["senioren", "schulen"]:
        title = ContentPage.objects.get(slug=slug).title
        ContentPage.objects.get(slug=slug).delete()
        demo_site.ensure_page(demo_site.home, ContentPage, slug, title=title, body=earlier_text)
    ContentPage.objects.get(slug="schulen").save_revision().publish()  # an editor worked on it

    seed_general_pages(demo_site)

    seniors, schools = (ContentPage.objects.get(slug=slug) for slug in ["senioren", "schulen"])
    assert seniors.body[0].block_type == "task_links"
    assert [block.block_type for block in schools.body] == ["paragraph"]


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"title": "Nirgendwohin"}, "page"),
        ({"title": "Beides", "url": "/kalender/", "phone": True}, "page"),
        ({"title": "Fremd", "url": "//example.org/"}, "url"),
        ({"title": "Kein Link", "url": "javascript:alert(1)"}, "url"),
    ],
)
def test_a_task_link_needs_exactly_one_safe_target(value, field):
    block = TaskLinkBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert field in error.value.block_errors


def test_a_task_link_to_an_address_or_the_phone_is_valid():
    block = TaskLinkBlock()
    for value in [
        {"title": "Kalender", "url": "/kalender/?zielgruppe=senioren"},
        {"title": "Anrufen", "phone": True},
        {"title": "Bund", "url": "https://id.bund.de/"},
    ]:
        assert block.clean(block.to_python(value))["title"] == value["title"]
