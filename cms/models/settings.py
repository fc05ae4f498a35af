from django.db import models
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.i18n import localized_pages


def _footer_page(label: str) -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs this site and where its legally required pages are; shown in header and footer."""

    # Loaded once per request by the settings context processor, with every footer page.
    select_related = [
        "logo",
        "accessibility_page",
        "easy_language_page",
        "sign_language_page",
        "privacy_page",
        "imprint_page",
        "contact_page",
    ]

    site_name = models.CharField("Name der Website", max_length=80, default="Lernhafen")
    city_name = models.CharField(
        "Stadt",
        max_length=80,
        default="Datteln",
        help_text="Erscheint in der Kopfzeile: „Offizielles Angebot der Stadt …“.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wird mit dem Namen der Website als Text angezeigt; kein Alternativtext nötig.",
    )
    contact_email = models.EmailField("E-Mail für Fragen", blank=True)
    contact_phone = models.CharField("Telefon für Fragen", max_length=40, blank=True)
    contact_hours = models.CharField(
        "Telefonzeiten", max_length=120, blank=True, help_text="z. B. „Mo–Fr 9–12 Uhr“"
    )
    contact_address = models.TextField("Anschrift", blank=True)
    privacy_contact = models.TextField(
        "Datenschutzbeauftragte*r",
        blank=True,
        help_text="Name und Erreichbarkeit, erscheint in der Datenschutzerklärung.",
    )
    accessibility_page = _footer_page("Barrierefreiheit")
    easy_language_page = _footer_page("Leichte Sprache")
    sign_language_page = _footer_page("Gebärdensprache")
    privacy_page = _footer_page("Datenschutz")
    imprint_page = _footer_page("Impressum")
    contact_page = _footer_page("Kontakt")

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("city_name"), FieldPanel("logo")],
            heading="Auftritt",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_hours"),
                FieldPanel("contact_address"),
                FieldPanel("privacy_contact"),
            ],
            heading="Kontakt",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
                FieldPanel("sign_language_page"),
                FieldPanel("privacy_page"),
                FieldPanel("imprint_page"),
                FieldPanel("contact_page"),
            ],
            heading="Seiten im Fußbereich",
            help_text="Diese Seiten sind von jeder Seite aus verlinkt (BITV 2.0 § 7).",
        ),
    ]

    class Meta:
        verbose_name = "Website-Einstellungen"
        verbose_name_plural = "Website-Einstellungen"

    def footer_links(self) -> list[tuple[str, object]]:
        """(label, page) pairs for the footer, in the order residents look for them.

        The labels are in the visitor's language; the fields' verbose names are the admin's. The
        settings name German pages; a visitor sees their translation in the active language where
        one is live (one query for all of them), else the German page."""
        pairs = [
            (_("Barrierefreiheit"), self.accessibility_page),
            (_("Leichte Sprache"), self.easy_language_page),
            (_("Gebärdensprache"), self.sign_language_page),
            (_("Datenschutz"), self.privacy_page),
            (_("Impressum"), self.imprint_page),
            (_("Kontakt"), self.contact_page),
        ]
        pairs = [(label, page) for label, page in pairs if page is not None and page.live]
        pages = localized_pages([page for _label, page in pairs])
        return [(label, page) for (label, _german), page in zip(pairs, pages, strict=True)]
