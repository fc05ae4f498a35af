from django.db import migrations

TEACHERS = "Lehrkräfte"


def create_group(apps, schema_editor):
    # Teachers log in on the public site (/lernen/lehrkraefte/anmelden/) and manage their own
    # Lerngruppen there; they need no admin permissions.
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=TEACHERS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEACHERS).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, remove_group)]
