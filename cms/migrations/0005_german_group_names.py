"""Give Wagtail's default groups German names: "Editors" and "Moderators" appeared in English
under Einstellungen → Gruppen.

Only groups that still carry Wagtail's exact default name are renamed; a group an editor renamed
stays as it is. Reversing restores the English defaults.
"""

from django.db import migrations

RENAMES = [
    ("Editors", "Redaktion"),
    ("Moderators", "Freigabe (Moderation)"),
]


def _rename(apps, forward: bool) -> None:
    group_model = apps.get_model("auth", "Group")
    for english, german in RENAMES:
        old, new = (english, german) if forward else (german, english)
        if group_model.objects.filter(name=new).exists():
            continue  # a group with the new name exists already; never merge or clash
        group_model.objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    _rename(apps, forward=True)


def to_english(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_home_page_featured_tutorials"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
