"""`manage.py update_index`: Wagtail's rebuild of every search index, with a
progress bar per model (items indexed of how many, percent, time taken)
instead of a row of dots."""

import time

from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)

WIDTH = 30


class Command(RebuildCommand):
    _label = ""
    help = "Rebuild the search index of every indexed model, with a progress bar."

    def write(self, *args, **kwargs):
        # The model's label, written before its items: the bar is redrawn
        # after it.
        if kwargs.get("ending") == "" and args and args[0].strip():
            self._label = args[0]
        super().write(*args, **kwargs)

    def queryset_chunks(self, qs, chunk_size=DEFAULT_CHUNK_SIZE):
        self._total = qs.count()
        yield from super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        self._total, done, started = 0, 0, time.monotonic()
        live = self.verbosity > 0 and self.stdout.isatty()
        for chunk in iterable:
            yield chunk
            done += len(chunk)
            if live:
                self._draw("\r" + self._label + self._bar(done, started))
        if not live:
            self._draw(self._bar(done, started))
        elif not done:
            self._draw("\r" + self._label + self._bar(done, started))

    def _draw(self, text: str) -> None:
        super().write(text, ending="")
        self.stdout.flush()

    def _bar(self, done: int, started: float) -> str:
        total = max(self._total, done)
        filled = WIDTH * done // total if total else WIDTH
        percent = 100 * done // total if total else 100
        return (
            f"[{'#' * filled}{'-' * (WIDTH - filled)}] "
            f"{done:>9,}/{total:,} {percent:3}% {time.monotonic() - started:6.1f} s"
        )
