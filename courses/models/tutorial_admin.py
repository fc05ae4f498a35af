"""Admin parts of the tutorial page: its form (device variants checked against the steps) and
the read-only panel that shows which variants the tutorial offers."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import HelpPanel

from courses.devices import DEVICE_LABELS, DEVICES, offered_devices

DEVICES_HELP = (
    "Leer lassen, wenn die Anleitung auf allen Geräten gleich ist. Sonst die Geräte wählen, für "
    "die es eine eigene Fassung gibt: Schritte mit „Alle Geräte“ erscheinen in jeder Fassung, "
    "Schritte mit „Nur …“ nur in der Fassung für dieses Gerät."
)


class TutorialPageForm(WagtailAdminPageForm):
    """Checks that every step appears in some variant and every variant has steps."""

    devices = forms.MultipleChoiceField(
        label="Fassungen für Geräte",
        choices=DEVICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=DEVICES_HELP,
    )

    def clean(self):
        cleaned_data = super().clean()
        steps = self.formsets.get("steps")
        if steps is None:
            return cleaned_data
        steps.is_valid()  # fills each step form's cleaned_data
        step_forms = [
            form
            for form in steps.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        chosen = cleaned_data.get("devices") or []
        if chosen:
            for form in step_forms:
                device = form.cleaned_data.get("device")
                if device and device not in chosen:
                    label = DEVICE_LABELS[device]
                    form.add_error(
                        "device",
                        f"Diese Anleitung hat keine Fassung für {label}, der Schritt erschiene "
                        f"nirgends. Wählen Sie oben bei „Fassungen für Geräte“ auch {label} "
                        "oder hier „Alle Geräte“.",
                    )
        step_devices = [form.cleaned_data.get("device", "") for form in step_forms]
        if step_forms:
            for key, label in offered_devices(chosen, step_devices):
                if not any(not device or device == key for device in step_devices):
                    self.add_error(
                        "devices",
                        f"Die Fassung für {label} hätte keinen einzigen Schritt. Markieren Sie "
                        f"einen Schritt mit „Alle Geräte“ oder „Nur {label}“ – oder wählen Sie "
                        f"{label} hier ab.",
                    )
        return cleaned_data


class TutorialVariantsPanel(HelpPanel):
    """Read-only summary: which variants the tutorial offers and how many steps each has."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "courses/admin/tutorial_variants_panel.html")
        kwargs.setdefault("heading", "So sehen Besucher*innen die Fassungen")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["variants"] = self.instance.variant_summary()
            return context
