"""Groups "Digitallotsen" and "Koordination" with their admin and model permissions.

What a Lotse may see within these permissions (their own districts) is enforced in
events.workspace.permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DIGITALLOTSEN = "Digitallotsen"
KOORDINATION = "Koordination"

LOTSE_PERMISSIONS = [("wagtailadmin", "access_admin"), ("events", "use_workspace")]
KOORDINATION_PERMISSIONS = [
    *LOTSE_PERMISSIONS,
    ("events", "coordinate_sessions"),
    ("events", "change_workspacesettings"),
    *[
        ("events", f"{action}_{model}")
        for model in (
            "session",
            "sessionseries",
            "registration",
            "venue",
            "district",
            "lotseprofile",
        )
        for action in ("add", "change", "delete", "view")
    ],
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in (
        (DIGITALLOTSEN, LOTSE_PERMISSIONS),
        (KOORDINATION, KOORDINATION_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[DIGITALLOTSEN, KOORDINATION]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_lotsen_workspace"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
