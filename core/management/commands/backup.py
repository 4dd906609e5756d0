from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_bucket, create_backup, upload_backup


class Command(BaseCommand):
    help = (
        "Save the database and uploaded media (local folders or the bucket) into "
        "one .tar.gz archive; with CHM_BACKUP_S3_BUCKET set, copy it there too."
    )

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
        stored = ""
        if backup_bucket():
            try:
                stored = (
                    f"; copied to the backup bucket as {upload_backup(destination)}"
                )
            except BackupError as error:
                raise CommandError(
                    f"{error} (the archive is kept at {destination})"
                ) from error
        counts = ", ".join(f"{k}={v}" for k, v in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination} ({manifest['database_vendor']}, "
                f"{manifest['media_files']} media files, "
                f"{manifest['private_files']} private files; {counts}){stored}"
            )
        )
