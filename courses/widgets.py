"""Admin widgets of the courses app."""

from __future__ import annotations

from django import forms
from django.apps import apps


class CompetenceCheckboxes(forms.CheckboxSelectMultiple):
    """The 21 DigComp competences as checkboxes folded into their five areas.

    Each area is a closed <details> whose summary names the competences already chosen, so the
    field takes five lines instead of 21 and works without JavaScript.
    """

    template_name = "courses/widgets/competence_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        area_model = apps.get_model("courses", "DigCompArea")
        area_names = {area.pk: str(area) for area in area_model.objects.all()}
        areas: dict[str, list[dict]] = {}
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                competence = getattr(option["value"], "instance", None)
                area = area_names.get(getattr(competence, "area_id", None), "Weitere")
                areas.setdefault(area, []).append(option)
        context["widget"]["areas"] = [
            {
                "name": area,
                "options": options,
                "chosen": [
                    option["label"].split(" ", 1)[0] for option in options if option["selected"]
                ],
            }
            for area, options in areas.items()
        ]
        return context
