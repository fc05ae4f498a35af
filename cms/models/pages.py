from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import AudienceEntryBlock, BodyBlock
from cms.forms import HONEYPOT_FIELD, LernhafenFormBuilder
from cms.hooks import HOME_SECTIONS
from cms.ratelimits import rate_limited


class HomePage(Page):
    """Start page: who is this for, a search box, and the sections other apps contribute."""

    intro = models.TextField(
        "Einleitung",
        max_length=400,
        help_text="Ein bis zwei kurze Sätze: Was kann man hier lernen?",
    )
    audience_entries = StreamField(
        [("entry", AudienceEntryBlock())],
        verbose_name="Einstiege nach Zielgruppe",
        blank=True,
        help_text="Je ein Einstieg für Senior*innen, Schulen & Lehrkräfte und Digitallotsen.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("audience_entries"),
        InlinePanel(
            "featured_tutorials",
            heading="Beliebte Anleitungen",
            label="Anleitung",
            help_text="Diese Anleitungen erscheinen in dieser Reihenfolge unter „Beliebte "
            "Anleitungen“. Nicht veröffentlichte Anleitungen werden ausgelassen; ohne Auswahl "
            "fehlt der Abschnitt.",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = self.home_sections(request)
        return context

    def home_sections(self, request: HttpRequest) -> list[dict]:
        """Sections contributed by other apps through the `lernhafen_home_sections` hook.

        Each hook is called as ``fn(request, home_page)`` and returns a dict
        ``{"template": str, "context": dict, "order": int}`` or ``None`` when it has nothing
        to show – an empty section is left out, never shown as a placeholder.
        """
        sections = [fn(request, self) for fn in hooks.get_hooks(HOME_SECTIONS)]
        return sorted((s for s in sections if s), key=lambda s: s.get("order", 100))


class HomePageFeaturedTutorial(Orderable):
    """A tutorial under „Beliebte Anleitungen“ on the home page, in the editor's order.

    The target is named by string: cms imports no other app (ARCHITECTURE.md); the courses app
    renders the section through the `lernhafen_home_sections` hook.
    """

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_tutorials")
    tutorial = models.ForeignKey(
        "courses.TutorialPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Anleitung",
    )

    panels = [PageChooserPanel("tutorial", "courses.TutorialPage")]

    class Meta(Orderable.Meta):
        verbose_name = "Beliebte Anleitung"
        verbose_name_plural = "Beliebte Anleitungen"


class ContentPage(Page):
    """General page: statement on accessibility, privacy, imprint, easy language, contact."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "Formularfeld"
        verbose_name_plural = "Formularfelder"


class FormPage(AbstractEmailForm):
    """A public form that mails the editors, e.g. feedback on barriers (BITV 2.0 § 7).

    Protected without a CAPTCHA: a honeypot field bots fill in, and a rate limit per address.
    """

    intro = models.TextField("Einleitung", blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name="Inhalt über dem Formular", blank=True)
    privacy_note = RichTextField(
        "Datenschutzhinweis",
        features=["bold", "link"],
        default="<p>Wir verwenden Ihre Angaben nur, um Ihre Nachricht zu beantworten, und löschen "
        "sie spätestens nach 6 Monaten.</p>",
    )
    thank_you_text = RichTextField("Text nach dem Absenden", features=["bold", "link", "ul"])
    form_heading = models.CharField(
        "Überschrift über dem Formular", max_length=80, default="Ihre Nachricht an uns"
    )
    submit_label = models.CharField(
        "Beschriftung der Schaltfläche", max_length=40, default="Nachricht senden"
    )

    form_builder = LernhafenFormBuilder
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("form_heading"),
        InlinePanel("form_fields", label="Formularfeld", heading="Formularfelder"),
        FieldPanel("submit_label"),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-Mail an die Redaktion",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    template = "cms/form_page.html"
    landing_page_template = "cms/form_page_landing.html"

    class Meta:
        verbose_name = "Formularseite"
        verbose_name_plural = "Formularseiten"

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if rate_limited(request, "formpage", key=str(self.pk)):
                form.add_error(
                    None,
                    _(
                        "Sie haben in kurzer Zeit sehr viele Nachrichten gesendet. "
                        "Bitte versuchen Sie es in einer Stunde noch einmal."
                    ),
                )
                return self.render_form(request, form, status=429)
            if form.is_valid():
                if not form.cleaned_data.pop(HONEYPOT_FIELD, ""):
                    self.process_form_submission(form)
                # A filled honeypot looks like success to the bot; nothing is stored or sent.
                return self.render_landing_page(request, None, *args, **kwargs)
            return self.render_form(request, form, status=400)
        form = self.get_form(page=self, user=request.user)
        return self.render_form(request, form)

    def render_form(self, request: HttpRequest, form, status: int = 200) -> HttpResponse:
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views need the app registry, which models load before.
        from cms.admin_views import FormSubmissionsListView

        return FormSubmissionsListView

    def get_data_fields(self):
        return [
            (name, label) for name, label in super().get_data_fields() if name != HONEYPOT_FIELD
        ]
