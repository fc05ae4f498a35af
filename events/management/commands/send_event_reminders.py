from django.core.management.base import BaseCommand

from events.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Mail a reminder to everyone booked for a session in the next "
        "LERNHAFEN_EVENTS_REMINDER_DAYS days (run hourly; each person gets one reminder)."
    )

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"Erinnerungen versendet: {count}")
