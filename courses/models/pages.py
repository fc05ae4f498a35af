"""Page types of the catalogue: courses with lessons, and step-by-step tutorials.

Models hold fields, panels and read-only querysets; what each page shows (filters, the
tutorial views, structured data) is read in `courses/queries.py` (see `courses/page_context.py`).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.i18n import ValidatesTranslatableChildren
from courses.blocks import exercise_blocks, lesson_body_blocks
from courses.choices import Audience, DeliveryFormat, HintKind, Level, Licence
from courses.devices import STEP_DEVICE_CHOICES, offered_devices, steps_for_device
from courses.digcomp import level_group
from courses.models.tutorial_admin import TutorialPageForm, TutorialVariantsPanel
from courses.page_context import ContextFromQueries
from courses.widgets import CompetenceCheckboxes
from courses.wording import format_duration, lesson_units_label, level_label

COMPETENCES_HELP = (
    "Welche Kompetenzen aus DigComp 2.2 stärkt diese Seite? Auf der Seite erscheinen sie in "
    "einfachen Worten."
)
DURATION_HELP = "Wie lange brauchen Lernende ungefähr, in Minuten?"
LEVEL_HELP = (
    "Kompetenzstufe nach DigComp 2.2: 1–2 Grundlagen, 3–4 Aufbau, 5–6 Fortgeschritten, "
    "7–8 Hochspezialisiert. Für Einsteiger*innen ist es Stufe 1."
)


class CourseIndexPage(ContextFromQueries, Page):
    """The catalogue at /kurse/."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Kurskatalog"
        verbose_name_plural = "Kurskataloge"


class CoursePage(ValidatesTranslatableChildren, ContextFromQueries, Page):
    summary = models.TextField(
        "Zusammenfassung",
        max_length=600,
        help_text="Zwei, drei Sätze: Worum geht es, was können Lernende danach? Erscheint auch "
        "im Katalog.",
    )
    digital_services = ParentalManyToManyField(
        "courses.DigitalService",
        blank=True,
        related_name="courses",
        verbose_name="Digitale Angebote",
        help_text="Welche Online-Angebote der Stadt oder des Staates lernt man in diesem Kurs?",
    )
    audience = models.CharField(
        "Zielgruppe",
        max_length=20,
        choices=Audience.choices,
        default=Audience.ALL,
        help_text="„Alle Generationen“ erscheint im Katalog bei jeder Zielgruppe.",
    )
    topics = ParentalManyToManyField(
        "courses.Topic", blank=True, related_name="courses", verbose_name="Themen"
    )
    level = models.PositiveSmallIntegerField(
        "Stufe", choices=Level.choices, default=1, help_text=LEVEL_HELP
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer (Minuten)", default=60, help_text=DURATION_HELP
    )
    delivery = models.CharField(
        "Format",
        max_length=20,
        choices=DeliveryFormat.choices,
        default=DeliveryFormat.ONLINE,
        help_text="„Mit Workshops vor Ort“, wenn Digitallotsen den Kurs auch in den Stadtteilen "
        "anbieten.",
    )
    competences = ParentalManyToManyField(
        "courses.DigCompCompetence",
        blank=True,
        related_name="courses",
        verbose_name="DigComp-Kompetenzen",
        help_text=COMPETENCES_HELP,
    )
    learning_goals = models.TextField(
        "Lernziele",
        default="",
        help_text="Ein Lernziel pro Zeile, als Satz aus Sicht der Lernenden: „Sie können …“.",
    )
    prerequisites = models.TextField(
        "Voraussetzungen",
        blank=True,
        help_text="Was sollten Lernende mitbringen? Ein Punkt pro Zeile. Leer lassen, wenn "
        "keine Vorkenntnisse nötig sind.",
    )
    description = RichTextField(
        "Beschreibung", blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    grade_levels = models.CharField(
        "Klassenstufen",
        max_length=40,
        blank=True,
        help_text="Nur für Schulen, z. B. „7–10“.",
    )
    lesson_units = models.PositiveSmallIntegerField(
        "Unterrichtsstunden (je 45 Minuten)",
        null=True,
        blank=True,
        help_text="Nur für Schulen: Wie viele Unterrichtsstunden braucht der Kurs?",
    )
    teacher_notes = RichTextField(
        "Hinweise für Lehrkräfte",
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Ablauf, Methoden, Differenzierung – was eine Vertretungslehrkraft wissen muss.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("delivery")]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("competences", widget=CompetenceCheckboxes),
                FieldPanel("digital_services", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Einordnung im Katalog",
        ),
        FieldPanel("learning_goals"),
        FieldPanel("prerequisites"),
        FieldPanel("description"),
        InlinePanel(
            "related_tutorials",
            label="Passende Anleitung",
            help_text="Anleitungen, die Lernende zum Kurs nutzen können.",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    "<p>Füllen Sie diesen Bereich aus, wenn Schulen den Kurs im Unterricht "
                    "nutzen. Jedes Material braucht eine offene Lizenz und einen "
                    "Urhebervermerk.</p>"
                ),
                FieldRowPanel([FieldPanel("grade_levels"), FieldPanel("lesson_units")]),
                FieldPanel("teacher_notes"),
                InlinePanel("materials", label="Material"),
            ],
            heading="Material für Schulen",
        ),
    ]
    # wagtail-localize skips many-to-many fields unless told: a translation keeps the
    # German rows (shown through cms.i18n.localized), so filters by topic work in every language.
    override_translatable_fields = [
        SynchronizedField("digital_services"),
        SynchronizedField("topics"),
        SynchronizedField("competences"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.SearchField("description"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "Kurs"
        verbose_name_plural = "Kurse"

    @property
    def learning_goal_list(self) -> list[str]:
        return [line.strip() for line in self.learning_goals.splitlines() if line.strip()]

    @property
    def prerequisite_list(self) -> list[str]:
        return [line.strip() for line in self.prerequisites.splitlines() if line.strip()]

    @property
    def catalogue_facts(self) -> list[tuple[str, str]]:
        return [
            (_("Dauer"), format_duration(self.duration_minutes)),
            (_("Stufe"), level_label(self.level)),
            (_("Zielgruppe"), self.get_audience_display()),
            (_("Format"), self.get_delivery_display()),
        ]

    @property
    def listing_facts(self) -> list[tuple[str, str]]:
        return self.catalogue_facts

    @property
    def school_facts(self) -> list[tuple[str, str]]:
        return [
            (_("Klassenstufen"), self.grade_levels),
            (_("Umfang"), lesson_units_label(self.lesson_units)),
        ]

    @property
    def is_for_schools(self) -> bool:
        return bool(self.grade_levels or self.lesson_units or self.teacher_notes)


class CourseTutorial(Orderable):
    """A tutorial recommended in a course, in the editor's order."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="related_tutorials")
    tutorial = models.ForeignKey(
        "courses.TutorialPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Anleitung",
    )

    panels = [PageChooserPanel("tutorial", "courses.TutorialPage")]

    class Meta(Orderable.Meta):
        verbose_name = "Passende Anleitung"
        verbose_name_plural = "Passende Anleitungen"


class CourseMaterial(TranslatableMixin, Orderable):
    """A document for schools (worksheet, slides) with an open licence and attribution."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Dokument",
    )
    title = models.CharField(
        "Titel", max_length=120, help_text="z. B. „Arbeitsblatt 1: Ist diese Nachricht echt?“"
    )
    description = models.CharField(
        "Beschreibung",
        max_length=250,
        blank=True,
        help_text="Wofür ist das Material, und wie viele Seiten hat es?",
    )
    licence = models.CharField(
        "Lizenz", max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    attribution = models.CharField(
        "Urhebervermerk",
        max_length=200,
        blank=True,
        help_text="Wer hat es erstellt? z. B. „Stadt Datteln, Lernhafen“. Bei CC BY und CC BY-SA "
        "Pflicht.",
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("attribution")]),
    ]

    # Translated with the course page (wagtail-localize treats translatable inline children as
    # part of their page); the document itself stays the same file.
    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "Material"
        verbose_name_plural = "Materialien"

    def clean(self) -> None:
        super().clean()
        if self.licence != Licence.CC0 and not self.attribution.strip():
            raise ValidationError(
                {
                    "attribution": "Bei CC BY und CC BY-SA bitte angeben, wer das Material "
                    "erstellt hat."
                }
            )

    @property
    def licence_url(self) -> str:
        return Licence(self.licence).url


class LessonPage(ContextFromQueries, Page):
    summary = models.TextField(
        "Zusammenfassung",
        blank=True,
        max_length=600,
        help_text="Ein, zwei Sätze: Was lernt man in dieser Lektion?",
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer (Minuten)", null=True, blank=True, help_text=DURATION_HELP
    )
    competences = ParentalManyToManyField(
        "courses.DigCompCompetence",
        blank=True,
        related_name="lessons",
        verbose_name="DigComp-Kompetenzen",
        help_text=COMPETENCES_HELP,
    )
    body = StreamField(
        lesson_body_blocks(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Text, Bilder (mit Alternativtext), Videos mit Untertiteln, Hinweise, "
        "Schritte, Downloads und Übungen.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("competences", widget=CompetenceCheckboxes),
        FieldPanel("body"),
    ]
    override_translatable_fields = [SynchronizedField("competences")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Lektion"
        verbose_name_plural = "Lektionen"


class TutorialIndexPage(ContextFromQueries, Page):
    """The list of step-by-step tutorials at /anleitungen/."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.TutorialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Anleitungen (Übersicht)"
        verbose_name_plural = "Anleitungen (Übersichten)"


class TutorialPage(ValidatesTranslatableChildren, ContextFromQueries, Page):
    summary = models.TextField(
        "Zusammenfassung",
        max_length=600,
        help_text="Ein, zwei Sätze: Was können Sie danach? Erscheint auch in der Übersicht.",
    )
    digital_service = models.ForeignKey(
        "courses.DigitalService",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tutorials",
        verbose_name="Digitales Angebot",
        help_text="Das Online-Angebot, das die Anleitung erklärt.",
    )
    level = models.PositiveSmallIntegerField(
        "Stufe", choices=Level.choices, default=1, help_text=LEVEL_HELP
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer (Minuten)", default=15, help_text=DURATION_HELP
    )
    competences = ParentalManyToManyField(
        "courses.DigCompCompetence",
        blank=True,
        related_name="tutorials",
        verbose_name="DigComp-Kompetenzen",
        help_text=COMPETENCES_HELP,
    )
    requirements = models.TextField(
        "Das brauchen Sie",
        blank=True,
        help_text="Ein Punkt pro Zeile, z. B. „Ihr Smartphone“ oder „Ihren Personalausweis“.",
    )
    last_checked = models.DateField(
        "Zuletzt geprüft am",
        null=True,
        blank=True,
        help_text="Wann haben Sie alle Schritte zuletzt mit der aktuellen App oder Website "
        "nachvollzogen? Ältere Anleitungen erscheinen im Bericht „Anleitungen prüfen“.",
    )
    service_version = models.CharField(
        "Geprüft mit",
        max_length=80,
        blank=True,
        help_text="App- oder Website-Version, z. B. „AusweisApp 2.3“ oder „Android 14“.",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Fassung in Leichter Sprache",
        help_text="Eine Seite, die dasselbe in Leichter Sprache erklärt – falls es sie gibt.",
    )
    devices = models.JSONField(
        "Fassungen für Geräte",
        default=list,
        blank=True,
        help_text="Die Geräte, für die es eine eigene Fassung gibt (leer: eine für alle).",
    )
    practice = StreamField(
        exercise_blocks(),
        verbose_name="Jetzt üben",
        blank=True,
        help_text="Übungen, die nach den Schritten erscheinen (optional).",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("digital_service"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
                FieldPanel("competences", widget=CompetenceCheckboxes),
            ],
            heading="Einordnung",
        ),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [FieldPanel("devices"), TutorialVariantsPanel()],
            heading="Fassungen für Geräte",
        ),
        InlinePanel(
            "steps",
            heading="Schritte",
            label="Schritt",
            min_num=1,
            help_text="Ein Schritt ist eine Handlung. Schritte mit „Alle Geräte“ erscheinen in "
            "jeder Fassung, Schritte mit „Nur …“ nur in der Fassung für dieses Gerät.",
        ),
        FieldPanel("practice"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_checked"), FieldPanel("service_version")]),
                FieldPanel("easy_language_page"),
            ],
            heading="Aktualität und weitere Fassungen",
        ),
    ]
    override_translatable_fields = [SynchronizedField("competences")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("steps", [index.SearchField("instruction")]),
    ]
    parent_page_types = ["courses.TutorialIndexPage"]
    subpage_types: list[str] = []
    base_form_class = TutorialPageForm

    class Meta:
        verbose_name = "Anleitung"
        verbose_name_plural = "Anleitungen"

    # --- Device variants -------------------------------------------------------------------

    def offered_devices(self, steps: list[TutorialStep] | None = None) -> list[tuple[str, str]]:
        """The device variants this tutorial offers (see courses/devices.py)."""
        if steps is None:
            steps = list(self.steps.all())
        return offered_devices(self.devices, (step.device for step in steps))

    def variant_summary(self) -> list[dict]:
        """For the admin: each variant with its step count, and steps no variant shows."""
        steps = sorted(self.steps.all(), key=lambda step: step.sort_order or 0)
        devices = self.offered_devices(steps)
        if not devices:
            return [{"label": "Alle Geräte", "count": len(steps), "own": 0}]
        return [
            {
                "label": label,
                "count": len(steps_for_device(steps, key)),
                "own": sum(1 for step in steps if step.device == key),
                "automatic": not self.devices,
            }
            for key, label in devices
        ]

    # --- Preview: what visitors see in each view and variant -------------------------------

    PREVIEW_VIEWS = [
        ("alle", "Alle Schritte", {"ansicht": "alle"}),
        ("schritt", "Ein Schritt nach dem anderen", {}),
        ("drucken", "Zum Ausdrucken", {"ansicht": "drucken"}),
    ]
    PREVIEW_QUERY_KEYS = ("geraet", "schritt", "ansicht")

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        # "Alle Schritte" first: it is the default, so the checks panel sees every step.
        modes = [(name, label) for name, label, _params in self.PREVIEW_VIEWS]
        modes += [
            (f"geraet-{key}", f"Fassung für {label} (alle Schritte)")
            for key, label in self.offered_devices()
        ]
        return modes

    def preview_params(self, mode_name: str) -> dict[str, str]:
        for name, _label, params in self.PREVIEW_VIEWS:
            if name == mode_name:
                return params
        if mode_name.startswith("geraet-"):
            return {"geraet": mode_name.removeprefix("geraet-"), "ansicht": "alle"}
        return {"ansicht": "alle"}

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # Links inside the preview ("Nächster Schritt", a device) reload the preview URL with
        # ?schritt=…; Wagtail's dummy request drops the query, so carry those keys over.
        query = {}
        if original_request is not None:
            query = {
                key: original_request.GET[key]
                for key in self.PREVIEW_QUERY_KEYS
                if original_request.GET.get(key)
            }
        attrs = {**(extra_request_attrs or {}), "tutorial_preview_query": query}
        return super().make_preview_request(original_request, preview_mode, attrs)

    def serve_preview(self, request: HttpRequest, mode_name: str):
        query = getattr(request, "tutorial_preview_query", None)
        request.tutorial_params = query or self.preview_params(mode_name)
        return super().serve_preview(request, mode_name)

    @property
    def facts(self) -> list[tuple[str, str]]:
        # The broad level only: "Stufe 1 von 8" next to "Schritt 1 von 8" reads as progress.
        group = level_group(self.level)
        return [
            (
                _("Dauer"),
                _("etwa %(duration)s") % {"duration": format_duration(self.duration_minutes)},
            ),
            (_("Stufe"), group[1] if group else ""),
        ]

    @property
    def listing_facts(self) -> list[tuple[str, str]]:
        """Facts on the tutorial's card; `device_variants` is set by courses.queries."""
        variants = getattr(self, "device_variants", [])
        return [
            *self.facts,
            (_("Angebot"), self.digital_service.name if self.digital_service else ""),
            (
                pgettext("devices of a tutorial", "Für"),
                ", ".join(str(label) for _key, label in variants),
            ),
        ]

    @property
    def requirement_list(self) -> list[str]:
        return [line.strip() for line in self.requirements.splitlines() if line.strip()]


class TutorialStep(TranslatableMixin, Orderable):
    """One step of a tutorial: one action, with a screenshot and an optional tip or warning."""

    page = ParentalKey(TutorialPage, on_delete=models.CASCADE, related_name="steps")
    instruction = models.CharField(
        "Anweisung",
        max_length=200,
        help_text="Genau eine Handlung, z. B. „Tippen Sie auf „Einstellungen“.“",
    )
    details = models.TextField(
        "Erklärung",
        blank=True,
        max_length=600,
        help_text="Optional: Woran erkennt man, dass es geklappt hat?",
    )
    device = models.CharField(
        "Gerät",
        max_length=20,
        choices=STEP_DEVICE_CHOICES,
        blank=True,
        default="",
        help_text="„Alle Geräte“, wenn der Schritt überall gleich ist. „Nur …“ zeigt ihn nur in "
        "der Fassung für dieses Gerät.",
    )
    screenshot = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Bildschirmfoto",
    )
    screenshot_alt = models.CharField(
        "Alternativtext des Bildschirmfotos",
        max_length=250,
        blank=True,
        help_text="Leer lassen, um die „Beschreibung“ des Bildes aus der Bildbibliothek zu "
        "übernehmen. Nur ausfüllen, wenn dieser Schritt eine andere Beschreibung braucht: Was "
        "ist zu sehen, und wo ist die Stelle, auf die man tippt?",
    )
    hint_kind = models.CharField("Hinweis", max_length=10, choices=HintKind.choices, blank=True)
    hint_text = models.CharField("Text des Hinweises", max_length=300, blank=True)

    panels = [
        FieldPanel("instruction"),
        FieldPanel("details"),
        FieldPanel("device"),
        FieldRowPanel([FieldPanel("screenshot"), FieldPanel("screenshot_alt")]),
        FieldRowPanel([FieldPanel("hint_kind"), FieldPanel("hint_text")]),
    ]

    # Translated with the tutorial page: the instruction, details, alt text and hint are text,
    # the screenshot and the device are the same in every language.
    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "Schritt"
        verbose_name_plural = "Schritte"

    @property
    def alt_text(self) -> str:
        """The step's own alt text, else the image's description from the image library."""
        if self.screenshot_alt.strip():
            return self.screenshot_alt.strip()
        return (getattr(self.screenshot, "description", "") or "").strip()

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.screenshot_id and not self.alt_text:
            errors["screenshot_alt"] = (
                "Bitte beschreiben Sie, was auf dem Bildschirmfoto zu sehen ist – hier oder als "
                "„Beschreibung“ des Bildes in der Bildbibliothek."
            )
        if self.hint_kind and not self.hint_text.strip():
            errors["hint_text"] = (
                "Bitte den Text des Hinweises eingeben oder „Kein Hinweis“ wählen."
            )
        if self.hint_text.strip() and not self.hint_kind:
            errors["hint_kind"] = "Bitte wählen Sie, ob der Hinweis ein Tipp oder eine Warnung ist."
        if errors:
            raise ValidationError(errors)
