"""Subset Fira Sans and purge KERN's CSS into var/build/ (cms/assets.py); run by make."""

from django.core.management.base import BaseCommand

from cms import assets


class Command(BaseCommand):
    help = "Subsets Fira Sans and purges KERN's CSS into var/build/ (run by make)."
    # The build is what makes the staticfiles check pass; it must run before it exists.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "parts", nargs="*", choices=assets.PARTS, help="fonts, css (default: both)"
        )

    def handle(self, *args, parts, **options):
        assets.build(tuple(parts) or assets.PARTS, log=self.stdout.write)
