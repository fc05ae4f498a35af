"""Rooms per venue; sessions and series point to one; Koordination manages them.

The data step turns the free-text rooms of existing sessions and series into Rooms of their
venue, merging spellings that differ only in case, spaces, hyphens or dots („Seminar-Raum“,
„Seminarraum“, „seminarraum “) into one room named by the most used spelling. The logic is
written out here (not imported), so the migration keeps working when the app code changes.
"""

import re
from collections import Counter, defaultdict

from django.contrib.auth.management import create_permissions
import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def _key(name):
    return re.sub(r"[\s\-_.]+", "", name).casefold()


def _canonical(spellings):
    # Most used first; on a tie the spelling with the fewest separators, then alphabetical.
    return min(
        spellings.items(),
        key=lambda item: (-item[1], len(re.findall(r"[\s\-_.]", item[0])), item[0]),
    )[0]


def rooms_from_free_text(apps, schema_editor):
    Room = apps.get_model("events", "Room")
    models = [apps.get_model("events", "Session"), apps.get_model("events", "SessionSeries")]
    found = defaultdict(Counter)  # (venue id, key) -> spellings and how often
    for model in models:
        for venue_id, name in model.objects.exclude(room="").values_list("venue_id", "room"):
            if _key(name):
                found[(venue_id, _key(name))][name.strip()] += 1
    rooms = {}
    for (venue_id, key), spellings in found.items():
        rooms[(venue_id, key)], _ = Room.objects.get_or_create(
            venue_id=venue_id, key=key, defaults={"name": _canonical(spellings)}
        )
    for model in models:
        for pk, venue_id, name in model.objects.exclude(room="").values_list(
            "pk", "venue_id", "room"
        ):
            room = rooms.get((venue_id, _key(name)))
            if room is not None:
                model.objects.filter(pk=pk).update(venue_room=room, room=room.name)


def grant_koordination(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Koordination").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="events",
                codename__in=[f"{action}_room" for action in ("add", "change", "delete", "view")],
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_registration_reference'),
    ]

    operations = [
        migrations.CreateModel(
            name='Room',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='z. B. „Seminarraum“ oder „Raum 1.12“', max_length=120, verbose_name='Name')),
                ('key', models.CharField(editable=False, max_length=120)),
                ('capacity', models.PositiveSmallIntegerField(blank=True, help_text='Freiwillig: wie viele Personen der Raum fasst.', null=True, verbose_name='Plätze im Raum')),
                ('accessibility_note', models.CharField(blank=True, help_text='z. B. „im 1. Stock, Aufzug vorhanden“', max_length=300, verbose_name='Hinweise zur Barrierefreiheit')),
                ('venue', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rooms', to='events.venue', verbose_name='Veranstaltungsort')),
            ],
            options={
                'verbose_name': 'Raum',
                'verbose_name_plural': 'Räume',
                'ordering': ['venue__name', 'name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='session',
            name='venue_room',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='events.room', verbose_name='Raum am Ort'),
        ),
        migrations.AddField(
            model_name='sessionseries',
            name='venue_room',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='events.room', verbose_name='Raum am Ort'),
        ),
        migrations.AddConstraint(
            model_name='room',
            constraint=models.UniqueConstraint(fields=('venue', 'key'), name='events_room_unique_per_venue'),
        ),
        migrations.RunPython(rooms_from_free_text, migrations.RunPython.noop),
        migrations.RunPython(grant_koordination, migrations.RunPython.noop),
    ]
