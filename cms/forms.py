"""Form building for FormPage: every public form gets a honeypot field bots fill in."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from cms.validators import PlainTextFormMixin

HONEYPOT_FIELD = "website"
# Visitors' free text is stored and mailed: enough for a detailed report, never megabytes.
SINGLELINE_MAX_LENGTH = 255
MULTILINE_MAX_LENGTH = 5000


def _with_max_length(options: dict, limit: int) -> dict:
    # Called for each request's form (Wagtail builds the form class per request), so the message
    # is in the visitor's language. The limit is written as in that language (German "5.000");
    # Django fills in %(show_value)d when the field is validated.
    message = _(
        "Bitte kürzen Sie Ihren Text auf höchstens %(limit)s Zeichen "
        "(jetzt: %(show_value)s Zeichen)."
    ) % {"limit": number_format(limit, force_grouping=True), "show_value": "%(show_value)d"}
    return {**options, "max_length": limit, "error_messages": {"max_length": message}}


class HoneypotInput(forms.TextInput):
    """Hidden from people (CSS + aria-hidden + tabindex -1); many bots fill every field."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class LernhafenFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        return super().create_singleline_field(
            field, _with_max_length(options, SINGLELINE_MAX_LENGTH)
        )

    def create_multiline_field(self, field, options):
        return super().create_multiline_field(
            field, _with_max_length(options, MULTILINE_MAX_LENGTH)
        )

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Bitte dieses Feld leer lassen"), required=False, widget=HoneypotInput()
        )
        return fields

    def get_form_class(self):
        # Every text field refuses control characters and lone surrogates with a message.
        return type("WagtailForm", (PlainTextFormMixin, BaseForm), self.formfields)
