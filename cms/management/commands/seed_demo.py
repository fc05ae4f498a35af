from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from cms.demo_content import ensure_home, seed_general_pages
from cms.demo_translations import load_demo_translations
from cms.hooks import SEED_DEMO


class Command(BaseCommand):
    help = "Fill the site with realistic German demo content (idempotent: safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password-file",
            type=Path,
            help="Create or update the superuser 'admin' with the password in this file "
            "(generated on first use). Without it no login is created.",
        )

    def handle(self, *args, admin_password_file: Path | None = None, **options):
        def log(message: str) -> None:
            if options["verbosity"] > 1 or message.startswith("  +"):
                self.stdout.write(message)

        with transaction.atomic():
            demo = ensure_home(log)
            seed_general_pages(demo)
            for seed in hooks.get_hooks(SEED_DEMO):
                seed(demo)
            # Last: the translations need every app's German pages and snippets.
            translations = load_demo_translations(log)
            if admin_password_file:
                self._ensure_admin(admin_password_file)
        for problem in translations.problems:
            self.stdout.write(self.style.WARNING(f"  ! Übersetzung: {problem}"))
        self.stdout.write(self.style.SUCCESS("Demo content is up to date."))

    def _ensure_admin(self, password_file: Path) -> None:
        if not password_file.exists():
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(secrets.token_urlsafe(12))
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin",
            defaults={
                "email": "admin@datteln.example",
                "first_name": "Redaktion",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
