"""Every public form renders through the site's form renderer (cms/form_rendering.py): KERN
markup, the error next to its field, and the control tied to its hint and error."""

import re

from django import forms
from django.template import Context, Template


class ContactForm(forms.Form):
    name = forms.CharField(label="Ihr Name", help_text="So, wie wir Sie ansprechen dürfen.")
    phone = forms.CharField(label="Telefonnummer", required=False)
    topic = forms.ChoiceField(
        label="Worum geht es?",
        choices=[("wlan", "Stadt-WLAN"), ("termin", "Termin")],
        widget=forms.RadioSelect,
        help_text="Wählen Sie eines.",
    )
    consent = forms.BooleanField(label="Ich bin einverstanden")
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def render(form: forms.Form) -> str:
    return Template("{{ form }}").render(Context({"form": form}))


def test_a_field_with_an_error_shows_it_next_to_the_field_and_links_hint_and_error():
    html = render(ContactForm(data={"name": "", "topic": "wlan", "consent": "on"}))
    name_input = re.search(r'<input[^>]*name="name"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="id_name-hint id_name-error"' in name_input
    assert 'class="kern-form-input__input kern-form-input__input--error"' in name_input
    assert 'id="id_name-hint">So, wie wir Sie ansprechen dürfen.</div>' in html
    assert re.search(r'id="id_name-error">.*Dieses Feld muss ausgefüllt werden', html, re.S)
    assert '<label class="kern-label" for="id_name">Ihr Name</label>' in html


def test_valid_and_optional_fields_are_not_marked_invalid():
    html = render(ContactForm(data={"name": "Erika", "topic": "wlan", "consent": "on"}))
    assert "aria-invalid" not in html and "-error" not in html
    assert 'Telefonnummer <span class="kern-label__optional">– optional</span>' in html


def test_radio_buttons_form_a_fieldset_described_by_hint_and_error():
    html = render(ContactForm(data={"name": "Erika", "consent": "on"}))
    fieldset = re.search(r"<fieldset[^>]*>", html).group(0)
    assert 'id="id_topic"' in fieldset and "kern-fieldset--error" in fieldset
    assert 'aria-describedby="id_topic-hint id_topic-error"' in fieldset
    assert '<legend class="kern-label">Worum geht es?</legend>' in html
    assert html.count('type="radio" name="topic"') == 2
    assert '<label class="kern-label" for="id_topic_0">Stadt-WLAN</label>' in html


def test_a_single_checkbox_and_hidden_fields_keep_their_place():
    html = render(ContactForm(data={"name": "Erika", "topic": "wlan"}))
    checkbox = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert "kern-form-check__checkbox--error" in checkbox and 'aria-invalid="true"' in checkbox
    assert '<input type="hidden" name="token"' in html
    assert "<label" not in html.split('name="token"')[1]  # hidden fields get no label
