"""The register's current view as an Excel workbook: the CSV export's columns and rows.

The rows are the CSV export's own: this view asks ``register_export`` for the CSV of the same
request (so the same permission, filters, order and neutralised text) and writes it to a
sheet, turning the score columns back into numbers and the review date into a date. However
the CSV's cells change, the two exports cannot disagree.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from common import spreadsheets
from registers.views.register import register_export

# CSV headers whose cells are whole numbers or ISO dates ("" when not given); every other
# column is text and stays as the CSV wrote it.
NUMBER_SUFFIXES = (" likelihood", " impact", " score")
DATE_COLUMNS = {"Next review"}
FILENAME = re.compile(r'filename="(?P<stem>[^"]+?)(?:\.csv)?"')
WIDTHS = {
    "Reference": 14,
    "Title": 40,
    "Register": 30,
    "Owner": 22,
    "Appetite": 40,
    "Response": 12,
    "Horizon": 26,
    "Trend": 24,
    "Status": 10,
}


def _typed(header: str, cell: str) -> object:
    if header in DATE_COLUMNS and cell:
        try:
            return date.fromisoformat(cell)
        except ValueError:
            return cell
    if header.endswith(NUMBER_SUFFIXES) and cell.isascii() and cell.isdigit():
        return int(cell)
    return cell or None


def _typed_rows(headers: list[str], reader: Iterator[list[str]]) -> Iterator[list[object]]:
    for row in reader:
        yield [_typed(header, cell) for header, cell in zip(headers, row, strict=True)]


def xlsx_from_csv(csv_response: HttpResponse) -> HttpResponse:
    """A CSV export's response as an XLSX one: the same rows and file name, scores as numbers
    and dates as dates. Every XLSX export of risks is its CSV export, so the two agree."""
    reader = csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"), newline=""))
    headers = next(reader)
    workbook = spreadsheets.new_workbook()
    spreadsheets.write_table(
        workbook,
        title="Risks",
        columns=[spreadsheets.Column(header, WIDTHS.get(header, 11)) for header in headers],
        rows=_typed_rows(headers, reader),
    )
    named = FILENAME.search(csv_response.get("Content-Disposition", ""))
    filename = named["stem"] if named else "risks"
    return HttpResponse(
        spreadsheets.workbook_bytes(workbook),
        content_type=spreadsheets.XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}.xlsx"'},
    )


@require_GET
def register_export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The current view of the register as XLSX: same filters and order as the page, every
    page, the CSV export's columns; scores as numbers, the review date as a date."""
    return xlsx_from_csv(register_export(request, pk))
