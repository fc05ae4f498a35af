"""StreamField blocks shared by every app: one StructBlock per UI component (STYLE.md §5).

Each block renders through `templates/components/<name>.html`, whose header comment lists the
parameters. Images always carry alt text or an explicit "decorative" flag.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.choices import Audience, CalloutKind
from cms.i18n import localized_pages

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class YesNoBlock(blocks.BooleanBlock):
    """A checkbox whose change the admin's revision comparison shows as Ja/Nein, not True/False."""

    def get_comparison_class(self):
        # Imported here: Wagtail's admin comparison module is not needed to load page models.
        from cms.compare import YesNoBlockComparison

        return YesNoBlockComparison


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        required=False,
        max_length=250,
        help_text="Beschreiben Sie, was das Bild zeigt und warum es wichtig ist – so, wie Sie es "
        "am Telefon erklären würden. Pflicht, außer das Bild ist rein dekorativ.",
    )
    decorative = blocks.BooleanBlock(
        label="Rein dekorativ",
        required=False,
        help_text="Nur ankreuzen, wenn das Bild keine Information trägt. Screenreader "
        "überspringen es dann.",
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            errors["alt_text"] = ErrorList(
                [
                    ValidationError(
                        "Bitte einen Alternativtext eingeben oder „Rein dekorativ“ wählen."
                    )
                ]
            )
        if value.get("decorative") and (value.get("alt_text") or "").strip():
            errors["decorative"] = ErrorList(
                [
                    ValidationError(
                        "Ein dekoratives Bild hat keinen Alternativtext. Bitte eines von "
                        "beiden wählen."
                    )
                ]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "image"
        label = "Bild"
        template = "components/image.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CalloutKind.choices, default=CalloutKind.INFO, label="Art")
    title = blocks.CharBlock(label="Überschrift", max_length=120)
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link", "ul", "ol"])

    # KERN has four alert styles; a tip looks like information but says "Tipp".
    VARIANTS = {
        CalloutKind.INFO: "info",
        CalloutKind.TIP: "info",
        CalloutKind.WARNING: "warning",
        CalloutKind.SUCCESS: "success",
    }
    # What the visitor reads before the title, in their language (the template adds the space).
    PREFIXES = {
        CalloutKind.TIP: gettext_lazy("Tipp:"),
        CalloutKind.WARNING: gettext_lazy("Achtung:"),
    }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["variant"] = self.VARIANTS.get(value["kind"], "info")
        context["prefix"] = self.PREFIXES.get(value["kind"], "")
        return context

    class Meta:
        icon = "warning"
        label = "Hinweisbox"
        template = "components/callout.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Frage oder Überschrift", max_length=200)
    body = blocks.RichTextBlock(label="Inhalt", features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift über allen Einträgen", required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label="Einträge", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Aufklappbare Abschnitte"
        template = "components/accordion.html"


class DownloadItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    description = blocks.CharBlock(
        label="Beschreibung",
        required=False,
        max_length=200,
        help_text="Was steht im Dokument? Zum Beispiel „Anleitung zum Ausdrucken, 4 Seiten“.",
    )


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Zum Herunterladen")
    items = blocks.ListBlock(DownloadItemBlock(), label="Dateien", min_num=1)

    class Meta:
        icon = "download"
        label = "Downloads"
        template = "components/downloads.html"


LINK_PREFIXES = ("/", "https://", "http://", "mailto:", "tel:")


class TaskLinkBlock(blocks.StructBlock):
    """One thing a visitor comes for, as a large link: to a page, an address or the phone."""

    title = blocks.CharBlock(
        label="Aufgabe",
        max_length=80,
        help_text="Was die Person tun möchte, z. B. „Eine Anleitung Schritt für Schritt“.",
    )
    text = blocks.CharBlock(label="Kurze Erklärung", required=False, max_length=200)
    page = blocks.PageChooserBlock(label="Seite", required=False)
    url = blocks.CharBlock(
        label="Oder Adresse",
        required=False,
        max_length=300,
        help_text="Nur wenn keine Seite gewählt ist: eine Adresse dieser Website, die mit / "
        "beginnt (z. B. /lernen/klasse-beitreten/ oder /kalender/?zielgruppe=senioren), oder "
        "eine vollständige Adresse mit https://.",
    )
    phone = YesNoBlock(
        label="Telefonnummer der Stadt",
        required=False,
        help_text="Statt Seite oder Adresse: verlinkt die Telefonnummer aus den "
        "Website-Einstellungen, damit man sie auf dem Smartphone antippen kann.",
    )

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        targets = [bool(value.get("page")), bool(url), bool(value.get("phone"))]
        if sum(targets) != 1:
            message = "Bitte genau eines wählen: eine Seite, eine Adresse oder die Telefonnummer."
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        if url and (not url.startswith(LINK_PREFIXES) or url.startswith("//")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [
                            ValidationError(
                                "Die Adresse beginnt mit / (diese Website) oder mit https://."
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = "Aufgabe"


class TaskLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Was möchten Sie tun?", max_length=80)
    items = blocks.ListBlock(TaskLinkBlock(), label="Aufgaben", min_num=1)

    def get_context(self, value, parent_context=None):
        """`entries`: (item, page) pairs, the page in the visitor's language where it has a live
        translation (a translated page keeps the German page it was copied with)."""
        context = super().get_context(value, parent_context)
        chosen = [item["page"] for item in value["items"] if item["page"]]
        shown = dict(zip((page.pk for page in chosen), localized_pages(chosen), strict=True))
        context["entries"] = [
            (item, shown[item["page"].pk] if item["page"] else None) for item in value["items"]
        ]
        return context

    class Meta:
        icon = "list-ul"
        label = "Aufgaben mit Links"
        template = "components/task_links.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Text", features=RICH_TEXT_FEATURES, template="components/rich_text.html"
    )
    image = AccessibleImageBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    downloads = DownloadsBlock()
    task_links = TaskLinksBlock()


class AudienceEntryBlock(blocks.StructBlock):
    audience = blocks.ChoiceBlock(choices=Audience.choices, label="Zielgruppe")
    title = blocks.CharBlock(label="Überschrift", max_length=80)
    text = blocks.TextBlock(label="Kurzer Text", max_length=300)
    page = blocks.PageChooserBlock(label="Führt zu Seite")
    link_label = blocks.CharBlock(
        label="Linktext",
        max_length=60,
        help_text="Sagt, wohin der Link führt, z. B. „Zu den Anleitungen“.",
    )

    def get_context(self, value, parent_context=None):
        """`target`: the chosen page in the visitor's language where it has a live translation."""
        context = super().get_context(value, parent_context)
        context["target"] = localized_pages([value["page"]])[0] if value["page"] else None
        return context

    class Meta:
        icon = "group"
        label = "Einstieg für eine Zielgruppe"
        template = "components/audience_entry.html"
