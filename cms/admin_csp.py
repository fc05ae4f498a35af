"""Wagtail's chooser widgets without inline <script>, so the admin runs under our CSP.

Wagtail 8's ``BaseChooser.render`` appends ``<script>new ImageChooser("id", {…})</script>`` to
every image, document, page, snippet and task chooser it renders outside StreamField (StreamField
choosers start through telepath and need nothing). Wagtail builds these widgets in many places
(form field overrides, chooser panels, snippet registration), so the one place to change is the
base class: ``render`` here emits the same call as a hidden data marker, which
``cms/static/lernhafen/js/admin-boot.js`` starts. Wagtail's panel and date widget templates are
overridden the same way in ``templates/wagtailadmin/``.
"""

from __future__ import annotations

import json

from django.utils.html import format_html
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

# Choosers whose render_js_init is not "new <js_constructor>(id, options)".
CALL_STARTERS = {AdminTaskChooser: "createTaskChooser"}

_wagtail_render = BaseChooser.render


def render_without_inline_script(self, name, value, attrs=None, renderer=None):
    starter = CALL_STARTERS.get(type(self))
    if starter is None and type(self).render_js_init is not BaseChooser.render_js_init:
        # A chooser with its own start code we do not know: keep Wagtail's output, so the
        # admin journeys (tests/browser/test_admin_editor_journeys.py) report the CSP violation.
        return _wagtail_render(self, name, value, attrs, renderer)
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as exc:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from exc
    value_data = self.get_value_data(value)
    options = {} if starter else self.get_js_init_options(id_, name, value_data)
    return format_html(
        '{}<span hidden data-lernhafen-boot="{}" data-for="{}" data-options="{}"></span>',
        self.render_html(name, value_data, attrs),
        starter or self.js_constructor,
        id_,
        json.dumps(options),
    )


def start_choosers_from_data_attributes() -> None:
    BaseChooser.render = render_without_inline_script
