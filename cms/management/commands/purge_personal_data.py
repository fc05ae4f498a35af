from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail import hooks

from cms.hooks import PURGE_PERSONAL_DATA
from cms.services import purge_form_submissions


class Command(BaseCommand):
    help = "Delete personal data whose retention period has ended (run daily)."

    def handle(self, *args, **options):
        now = timezone.now()
        results = [("Formular-Einsendungen", purge_form_submissions(now))]
        results.extend(purge(now) for purge in hooks.get_hooks(PURGE_PERSONAL_DATA))
        for label, count in results:
            self.stdout.write(f"{label}: {count} gelöscht")
