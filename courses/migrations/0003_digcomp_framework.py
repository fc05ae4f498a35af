"""Load the 5 competence areas and 21 competences of DigComp 2.2 (German titles)."""

from django.db import migrations


def load_digcomp(apps, schema_editor):
    from courses.services import ensure_digcomp_framework

    ensure_digcomp_framework(
        apps.get_model("courses", "DigCompArea"), apps.get_model("courses", "DigCompCompetence")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_course_and_tutorial_details"),
    ]

    operations = [
        migrations.RunPython(load_digcomp, migrations.RunPython.noop),
    ]
