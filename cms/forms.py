"""Form building for FormPage: every public form gets a honeypot field bots fill in."""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from cms.validators import PlainTextFormMixin

HONEYPOT_FIELD = "website"
# Visitors' free text is stored and mailed: enough for a detailed report, never megabytes.
SINGLELINE_MAX_LENGTH = 255
MULTILINE_MAX_LENGTH = 5000


def _with_max_length(options: dict, limit: int) -> dict:
    limit_text = f"{limit:,}".replace(",", ".")  # 5.000 as written in German
    return {
        **options,
        "max_length": limit,
        "error_messages": {
            "max_length": (
                f"Bitte kürzen Sie Ihren Text auf höchstens {limit_text} Zeichen "
                "(jetzt: %(show_value)d Zeichen)."
            ),
        },
    }


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
            label="Bitte dieses Feld leer lassen", required=False, widget=HoneypotInput()
        )
        return fields

    def get_form_class(self):
        # Every text field refuses control characters and lone surrogates with a message.
        return type("WagtailForm", (PlainTextFormMixin, BaseForm), self.formfields)
