import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, download_backup, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database (and add back the media files) from a backup."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )
        parser.add_argument(
            "--from-bucket",
            action="store_true",
            help="ARCHIVE is the name of a backup in the backup bucket "
            "(CHM_BACKUP_S3_BUCKET), fetched first.",
        )

    def handle(self, *args, archive, yes=False, from_bucket=False, **options):
        if from_bucket:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / Path(archive).name
                try:
                    download_backup(archive, path)
                except BackupError as error:
                    raise CommandError(str(error)) from error
                return self._restore(path, yes)
        return self._restore(Path(archive), yes)

    def _restore(self, path: Path, yes: bool):
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
