"""How every public form renders: KERN UX markup through Django's form renderer.

`FORM_RENDERER` points at `KernFormRenderer`, so `{{ form }}` renders
`components/form_fields.html` and each field `components/form_field.html` (label, hint, error
message next to the field, the widget). The renderer's `bound_field_class` names the hint and
error ids "<field id>-hint" and "<field id>-error"; Django itself then puts them into the
widget's `aria-describedby` and sets `aria-invalid` on a field with errors.

Wagtail's admin renders its fields with its own templates and passes its own
`aria-describedby`, so it is not changed by this.
"""

from __future__ import annotations

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.functional import cached_property

# KERN's class for each widget type; everything else is a text-like kern-form-input__input.
WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
}


class KernBoundField(BoundField):
    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def aria_describedby(self) -> str | None:
        # Django's own rule (hint, then error; an explicit widget attribute wins) with our ids.
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(self.hint_id)
            if self.errors:
                ids.append(self.error_id)
        return " ".join(ids)

    @cached_property
    def kern_class(self) -> str:
        css = WIDGET_CLASSES.get(self.widget_type, "kern-form-input__input")
        return f"{css} {css}--error" if self.errors else css

    def kern_widget(self) -> str:
        """The widget with its KERN class; Django adds aria-invalid and aria-describedby."""
        return self.as_widget(attrs={"class": self.kern_class})


class KernFormRenderer(TemplatesSetting):
    """Templates from TEMPLATES (so templates/ may override widget templates), KERN markup."""

    form_template_name = "components/form_fields.html"
    field_template_name = "components/form_field.html"
    bound_field_class = KernBoundField
