"""`seed_demo` builds the living demo site and can run again without changing anything."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from cms.models import FormPage, HomePage, SiteSettings

pytestmark = pytest.mark.django_db

CONTRACT_SLUGS = [
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/datenschutz/",
    "/impressum/",
    "/kontakt/",
]


def test_seed_demo_builds_the_general_pages_and_is_idempotent(client, tmp_path):
    password_file = tmp_path / "admin-password"
    call_command("seed_demo", admin_password_file=password_file, verbosity=0)
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())

    call_command("seed_demo", admin_password_file=password_file, verbosity=0)

    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
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
