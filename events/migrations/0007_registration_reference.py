"""A short reference number per registration, for the confirmation, the mail and the phone.

Existing rows get one each before the column becomes unique. The generator is copied here on
purpose: migrations never import live app code.
"""

import secrets

from django.db import migrations, models

import events.models.sessions

ALPHABET = "ACDEFHJKMNPRTWXY34679"


def fill_references(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    taken = set()
    for registration in Registration.objects.filter(reference__isnull=True).only("pk"):
        reference = ""
        while not reference or reference in taken:
            reference = "".join(secrets.choice(ALPHABET) for _ in range(6))
        taken.add(reference)
        Registration.objects.filter(pk=registration.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [("events", "0006_venue_updated_at")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="reference",
            field=models.CharField("Buchungsnummer", max_length=6, null=True, editable=False),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="reference",
            field=models.CharField(
                "Buchungsnummer",
                max_length=6,
                unique=True,
                default=events.models.sessions.random_reference,
                editable=False,
            ),
        ),
    ]
