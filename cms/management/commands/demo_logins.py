from pathlib import Path

from django.core.management.base import BaseCommand
from wagtail import hooks

from cms.hooks import DEMO_LOGINS


class Command(BaseCommand):
    help = "Print the demo logins created by seed_demo (for `make run`, demo use only)."

    def add_arguments(self, parser):
        parser.add_argument("--admin-password-file", type=Path, required=True)
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, admin_password_file: Path, base_url: str, **options):
        logins = [("Redaktion (Administrator)", "admin", admin_password_file.read_text().strip())]
        for provide in hooks.get_hooks(DEMO_LOGINS):
            logins.extend(provide())
        self.stdout.write("")
        self.stdout.write(f"  Lernhafen läuft auf {base_url}/")
        self.stdout.write(f"  Verwaltung: {base_url}/admin/")
        self.stdout.write("  Demo-Zugänge – NUR für die Demo, niemals in Produktion verwenden:")
        for role, username, password in logins:
            self.stdout.write(f"    {role:<28} Benutzer: {username:<16} Passwort: {password}")
        self.stdout.write("")
