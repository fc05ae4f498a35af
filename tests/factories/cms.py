"""Factories for the general page types (STYLE.md §7). Later apps add theirs beside this file."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from cms.models import ContentPage, FormField, FormPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Willkommen im Lernhafen"
    slug = "start"
    intro = "Digital lernen in Datteln – Schritt für Schritt."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine kurze Einleitung."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<h2>Abschnitt</h2><p>Ein Absatz mit Text.</p>"))]
    )

    class Meta:
        model = ContentPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Barriere melden"
    intro = "Sagen Sie uns, was nicht funktioniert."
    thank_you_text = "<p>Danke!</p>"
    to_address = "redaktion@datteln.example"
    from_address = "lernhafen@datteln.example"
    subject = "Meldung einer Barriere"

    class Meta:
        model = FormPage

    @factory.post_generation
    def with_fields(page, create, extracted, **kwargs):
        if not create or extracted is False or page.form_fields.exists():
            return
        FormField.objects.create(
            page=page,
            sort_order=0,
            label="Beschreibung",
            field_type="multiline",
            required=True,
            help_text="Was hat nicht funktioniert?",
        )
        FormField.objects.create(
            page=page, sort_order=1, label="Ihre E-Mail-Adresse", field_type="email", required=False
        )
