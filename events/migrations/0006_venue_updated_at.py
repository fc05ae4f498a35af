from django.db import migrations, models
import django.utils.timezone


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_registration_calendar_entry_and_idempotency'),
    ]

    operations = [
        migrations.AddField(
            model_name='venue',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name='Zuletzt geändert'),
            preserve_default=False,
        ),
    ]
