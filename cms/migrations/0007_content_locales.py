"""A Wagtail locale for every content language (settings.WAGTAIL_CONTENT_LANGUAGES).

Wagtail's own migration creates the German one; translations need the others to exist before an
editor can translate into them. Runs again harmlessly: get_or_create.
"""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_body_task_links"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
