"""Write CBD-style JSON records, one file per record, for the central CHM."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.api.registry import cbd_records


def progress(stream, done: int, total: int, label: str, width: int = 30) -> None:
    """A one-line progress bar, redrawn in place (tqdm-style, no dependency)."""
    filled = width * done // total if total else width
    bar = "#" * filled + "-" * (width - filled)
    stream.write(f"\r{label:<10} [{bar}] {done}/{total}", ending="")
    stream.flush()


class Command(BaseCommand):
    help = "Export toolkits, news and any registered kind as CBD-style JSON records."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Folder to write the records into.")
        parser.add_argument(
            "--schema",
            action="append",
            dest="schemas",
            help="Only this kind (repeatable); default: every registered kind.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar."
        )

    def handle(self, output, schemas=None, no_progress=False, **options):
        available = cbd_records()
        wanted = schemas or sorted(available)
        unknown = sorted(set(wanted) - set(available))
        if unknown:
            raise CommandError(
                f"Unknown record kind: {', '.join(unknown)} "
                f"(known: {', '.join(sorted(available))})"
            )
        show = not no_progress and (sys.stdout.isatty() or options["verbosity"] > 1)
        root = Path(output)
        written = 0
        for schema in wanted:
            exporter = available[schema]
            queryset = exporter.queryset()
            total = queryset.count()
            folder = root / schema
            folder.mkdir(parents=True, exist_ok=True)
            for done, obj in enumerate(queryset.iterator(chunk_size=200), 1):
                record = exporter.to_record(obj)
                name = record["header"]["identifier"].rsplit(":", 1)[-1]
                (folder / f"{name}.json").write_text(
                    json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8"
                )
                written += 1
                if show:
                    progress(self.stdout, done, total, schema)
            if show:
                self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"{written} records written to {root.resolve()}")
        )
