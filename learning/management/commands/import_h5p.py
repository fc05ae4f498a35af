from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning import h5p


class Command(BaseCommand):
    help = (
        "Check an .h5p package and import it as an interactive exercise. Prints the new id; "
        "on rejection exits non-zero with the reason and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Path to the .h5p file")
        parser.add_argument("--title", default="", help="Title (default: from h5p.json)")

    def handle(self, *args, file: Path, title: str, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Die Datei kann nicht gelesen werden: {exc.strerror}") from None
        try:
            # The command line is the operator's: it may install new library versions.
            content = h5p.import_package(data, title=title, may_install_libraries=True)
        except h5p.PackageRejected as exc:
            raise CommandError(f"Abgelehnt: {exc.reason}") from None
        self.stdout.write(str(content.pk))
