from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Save the database and uploaded media into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: "
            "chm-backup-<UTC time>.tar.gz in the current directory).",
        )

    def handle(self, *args, archive=None, **options):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = Path(archive or f"chm-backup-{stamp}.tar.gz")
        try:
            manifest = create_backup(
                destination, progress=lambda step: self.stdout.write(f"Saving {step}…")
            )
        except BackupError as error:
            destination.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{k}={v}" for k, v in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination} ({manifest['database_vendor']}, "
                f"{manifest['media_files']} media files, "
                f"{manifest['private_files']} private files; {counts})"
            )
        )
