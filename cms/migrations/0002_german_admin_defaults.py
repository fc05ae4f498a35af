"""Give the records Wagtail's own migrations create in English German names editors understand.

Only records that still carry Wagtail's default English name are renamed; anything an editor has
renamed stays as it is. Reversing restores the English defaults.
"""

from django.db import migrations

# (model, field, English default, German name, only the tree root)
RENAMES = [
    ("Collection", "name", "Root", "Hauptsammlung", True),
    ("Collection", "name", "Main library", "Hauptsammlung", False),
    ("Page", "title", "Root", "Alle Seiten", True),
    ("Page", "title", "Home", "Startseite", False),
    ("Page", "title", "Welcome to your new Wagtail site!", "Startseite", False),
    ("Workflow", "name", "Moderators approval", "Freigabe durch die Redaktion", False),
    ("Task", "name", "Moderators approval", "Freigabe durch die Redaktion", False),
]


def _rename(apps, forward: bool) -> None:
    for model_name, field, english, german, root_only in RENAMES:
        model = apps.get_model("wagtailcore", model_name)
        old, new = (english, german) if forward else (german, english)
        records = model.objects.filter(**{field: old})
        if root_only:
            records = records.filter(depth=1)
        values = {field: new}
        if model_name == "Page":
            values["draft_title"] = new  # the explorer shows the draft title
        records.update(**values)


def to_german(apps, schema_editor):
    _rename(apps, forward=True)


def to_english(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
