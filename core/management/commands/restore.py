from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database (and add back the media files) from a backup."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        try:
            manifest = read_manifest(path)
            if not yes:
                answer = input(
                    f"Replace the current database with the backup of "
                    f"{manifest['created_at']}? Type 'yes' to go on: "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore_backup(
                path, progress=lambda step: self.stdout.write(f"Restoring {step}…")
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created_at']}")
        )
