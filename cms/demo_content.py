"""Demo content of the general pages, loaded from `cms/demo/pages.toml`.

The texts live in the data file; this module only turns its entries into pages, the home page's
audience entries and the site settings. Idempotent like every seeding: pages by parent and slug.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.demo import DemoSite, body_block, html, load_demo_data
from cms.models import ContentPage, FormField, FormPage, HomePage, SiteSettings

PAGE_TYPES = {"content": ContentPage, "form": FormPage}
FORM_PAGE_FIELDS = [
    "submit_label",
    "form_heading",
    "to_address",
    "from_address",
    "subject",
]
# Pages whose demo text gained blocks after sites were first seeded with it (the audience pages'
# task links): brought up to date while nobody has edited them since.
UPGRADED_BLOCK = "task_links"


def _task_links(spec: dict[str, Any]) -> tuple:
    items = [
        {
            "title": item["title"],
            "text": item.get("text", ""),
            "page": None,
            "url": item.get("url", ""),
            "phone": item.get("phone", False),
        }
        for item in spec["items"]
    ]
    return ("task_links", {"heading": spec["heading"], "items": items})


def _cms_block(spec: dict[str, Any]) -> tuple:
    if spec["type"] == "task_links":
        return _task_links(spec)
    raise ValueError(f"Unknown demo block type {spec['type']!r}")


def _page_fields(spec: dict[str, Any]) -> dict[str, Any]:
    fields = {
        "title": spec["title"],
        "show_in_menus": spec.get("show_in_menus", False),
        "intro": spec.get("intro", ""),
        "body": [body_block(block, _cms_block) for block in spec.get("body", [])],
    }
    if spec["type"] == "form":
        fields |= {name: spec[name] for name in FORM_PAGE_FIELDS}
        fields["privacy_note"] = html(spec["privacy_note"])
        fields["thank_you_text"] = html(spec["thank_you_text"])
        fields["form_fields"] = [
            FormField(sort_order=number, **field)
            for number, field in enumerate(spec["form_fields"])
        ]
    return fields


def _bring_up_to_date(page: Page, fields: dict[str, Any]) -> None:
    """Give a page seeded before its demo text had task links the new body – unless edited."""
    wanted = {block_type for block_type, _value in fields["body"]}
    if UPGRADED_BLOCK not in wanted:
        return
    if any(child.block_type == UPGRADED_BLOCK for child in page.body):
        return
    if page.revisions.count() > 1:
        return  # an editor has worked on it: their text stays
    page.body = fields["body"]
    page.save_revision().publish()


def seed_general_pages(demo: DemoSite) -> None:
    data = load_demo_data("cms", "pages.toml")
    pages: dict[str, Page] = {}
    for spec in data["page"]:
        fields = _page_fields(spec)
        page = demo.ensure_page(demo.home, PAGE_TYPES[spec["type"]], spec["slug"], **fields)
        _bring_up_to_date(page, fields)
        pages[spec["slug"]] = page

    home = demo.home
    if home.audience_entries:
        return  # the home page and settings were seeded before; keep what editors changed
    home.intro = data["home"]["intro"]
    home.audience_entries = [
        ("entry", {**entry, "page": pages[entry["page"]]})
        for entry in data["home"]["audience_entries"]
    ]
    home.save_revision().publish()

    site_settings = SiteSettings.for_site(demo.site)
    values = dict(data["site_settings"])
    for name, slug in values.pop("pages").items():
        setattr(site_settings, name, pages[slug])
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.save()


def ensure_home(site_log) -> DemoSite:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    if root is None:  # an emptied database: Wagtail's migrations made these once
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Alle Seiten", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Willkommen im Lernhafen", slug="lernhafen", intro="Digital lernen in Datteln."
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site_log("  + Startseite")
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Lernhafen",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Lernhafen"
        site.save()
        if not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return DemoSite(site=site, home=home, log=site_log)
