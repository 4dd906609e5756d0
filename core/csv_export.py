"""CSV that a spreadsheet opens as data, never as formulas.

A cell beginning with `=`, `+`, `-` or `@` (or a tab or carriage return,
which some spreadsheets skip before reading the formula) is run by Excel,
LibreOffice and Google Sheets as a formula: a country's title or a feed status
written by a member could then call out to a URL or run DDE commands on the
machine of the Secretariat officer who opened the export (OWASP "CSV
Injection"). Every CSV the site serves goes through `csv_writer`, which
prefixes such cells with a single quote, as OWASP advises; numbers, and
strings that are plain numbers such as "-3", are written as they are.

defusedcsv does the same job but leaves tab and carriage return alone, which
OWASP lists too; the rule is short enough to keep here in one place.
"""

import csv
import re
from collections.abc import Iterable
from numbers import Number
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9][0-9,.]*")


def safe_cell(value: Any) -> Any:
    """The value, or its text with a leading `'` when a spreadsheet would
    otherwise read it as a formula."""
    if value is None or isinstance(value, Number):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeCSVWriter:
    """`csv.writer`, with every cell passed through `safe_cell`."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(file, **options) -> SafeCSVWriter:
    return SafeCSVWriter(file, **options)
