"""Give every existing row the German source locale and its own translation key."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_translatable_snippets_bootstrap"),
        ("cms", "0007_content_locales"),
    ]

    operations = [
        BootstrapTranslatableModel("courses.DigitalService"),
        BootstrapTranslatableModel("courses.Topic"),
    ]
