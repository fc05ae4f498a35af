"""Form building for FormPage: every public form gets a honeypot field bots fill in."""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from cms.validators import PlainTextFormMixin

HONEYPOT_FIELD = "website"


class HoneypotInput(forms.TextInput):
    """Hidden from people (CSS + aria-hidden + tabindex -1); many bots fill every field."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class LernhafenFormBuilder(FormBuilder):
    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            label="Bitte dieses Feld leer lassen", required=False, widget=HoneypotInput()
        )
        return fields

    def get_form_class(self):
        # Every text field refuses control characters and lone surrogates with a message.
        return type("WagtailForm", (PlainTextFormMixin, BaseForm), self.formfields)
