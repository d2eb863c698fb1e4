"""Spreadsheets the app writes: the formula rule of every CSV and XLSX cell, and the helpers
for every workbook (openpyxl, write-only: rows stream
to the file, so a sheet of 10,000 risks never holds 10,000 cell objects).

Each sheet is a table: a bold header row that stays in view when scrolling, an autofilter over
the whole table, set column widths; text is neutralised as the CSV export neutralises it, so
nothing a risk owner typed can run as a formula; dates are written as dates and scores as
numbers, so Excel sorts and filters them as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# A cell starting with one of these is read as a formula by Excel, LibreOffice and Google
# Sheets (OWASP "CSV injection"); tab and carriage return can smuggle one in too.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "d mmm yyyy"  # "3 Mar 2026": the same in every locale, unlike 03/03/2026
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a sheet: its header and its width in characters."""

    header: str
    width: float = 12


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote: the
    one rule of the CSV and the XLSX exports."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def new_workbook() -> Workbook:
    """An empty write-only workbook (it has no sheet until ``write_table`` adds one)."""
    return Workbook(write_only=True)


def text(value: str) -> str:
    """Text as a cell holds it: characters XML cannot carry dropped (openpyxl refuses them;
    an imported register can hold them), then neutralised like the CSV export."""
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))


def _cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        dated = WriteOnlyCell(sheet, value)
        dated.number_format = DATE_FORMAT
        return dated
    return value


def write_table(
    workbook: Workbook,
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
) -> int:
    """Add a sheet ``title`` holding ``rows`` under a bold, frozen header with an autofilter;
    return the number of rows written (the header not counted)."""
    sheet = workbook.create_sheet(title=title)
    # Widths and the frozen pane are written before the rows: set them first.
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(column.width, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, text(column.header))
        cell.font = HEADER_FONT
        cell.alignment = HEADER_ALIGNMENT
        header.append(cell)
    sheet.append(header)
    written = 0
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
        written += 1
    # The filter covers the header and every row, so Excel filters the whole table.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{written + 1}"
    return written


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
