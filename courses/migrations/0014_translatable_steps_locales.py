"""Tutorial steps and course materials so far belong to German pages: the German locale."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("courses", "0013_translatable_steps_bootstrap")]

    operations = [
        BootstrapTranslatableModel("courses.TutorialStep"),
        BootstrapTranslatableModel("courses.CourseMaterial"),
    ]
