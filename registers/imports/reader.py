"""Read an uploaded spreadsheet (XLSX or CSV) into rows of cell values.

The type is decided by the content, never the file name: a PNG renamed ``.xlsx`` is refused.
Formulas are read as the values Excel cached when it saved the file; nothing is evaluated.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from openpyxl import load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
ZIP_MAGIC = b"PK\x03\x04"


class ImportFileError(Exception):
    """The file cannot be imported; the message says why, in words for the person uploading."""


@dataclass(frozen=True, slots=True)
class Table:
    rows: list[list[object]]
    sheet_name: str


def _trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Rows without trailing empty cells, and without trailing empty rows."""
    result = []
    for row in rows:
        cells = list(row)
        while cells and (cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1])):
            cells.pop()
        result.append(cells)
    while result and not result[-1]:
        result.pop()
    return result


def _check_size(rows: list[list[object]]) -> None:
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            f"This sheet has more than {MAX_ROWS:,} rows; split it into smaller files."
        )
    widest = max((len(row) for row in rows), default=0)
    if widest > MAX_COLUMNS:
        raise ImportFileError(
            f"This sheet has {widest} columns; at most {MAX_COLUMNS} can be imported. "
            "Delete the columns you do not need and upload it again."
        )


def _unreadable(error: Exception) -> ImportFileError:
    return ImportFileError(
        f"This file could not be read as a spreadsheet: {error or type(error).__name__}."
    )


def _read_xlsx(data: bytes) -> Table:
    # A damaged or hostile workbook can fail inside openpyxl, zipfile or the XML parser with
    # almost any exception; every one of them means the same thing to the person uploading.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise _unreadable(error) from error
    try:
        if not workbook.worksheets:
            raise ImportFileError("This workbook has no sheet to import.")
        sheet = workbook.worksheets[0]
        # Other programs often write a wrong (or no) sheet size: read every row there is.
        sheet.reset_dimensions()
        rows: list[list[object]] = []
        for row in sheet.iter_rows(values_only=True):
            filled = any(cell is not None and cell != "" for cell in row)
            if len(rows) >= MAX_ROWS:
                # Past the limit only look: formatted blank rows below a table are normal,
                # a row with values is not, and nothing more is held in memory.
                if filled:
                    raise ImportFileError(
                        f"This sheet has more than {MAX_ROWS:,} rows; split it into smaller files."
                    )
                continue
            rows.append(list(row))
        rows = _trimmed(rows)
        _check_size(rows)
        return Table(rows=rows, sheet_name=sheet.title)
    except ImportFileError:
        raise
    except Exception as error:
        raise _unreadable(error) from error
    finally:
        workbook.close()


def _decode(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        return None  # binary, or UTF-16, which a spreadsheet CSV export is not
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(text: str) -> Table:
    sample = text[: 64 * 1024]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ImportFileError(f"This file could not be read as a spreadsheet: {error}.") from error
    rows = _trimmed([[cell if cell != "" else None for cell in row] for row in rows])
    _check_size(rows)
    return Table(rows=rows, sheet_name="")


def read_table(*, data: bytes, filename: str) -> Table:
    """The first sheet of an XLSX file, or a CSV file, as rows of cell values.

    Raises ``ImportFileError`` for a file too big, with too many rows or columns, or that is
    neither an Excel workbook nor CSV text (whatever its name says).
    """
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            f"This file is {len(data) / (1024 * 1024):.1f} MB; the largest that can be imported "
            f"is {MAX_BYTES // (1024 * 1024)} MB."
        )
    if not data.strip():
        raise ImportFileError("This file is empty.")
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data)
    text = _decode(data)
    if text is None:
        raise ImportFileError(
            f"{filename or 'This file'} is not an Excel workbook (.xlsx) or a CSV file; save it "
            "from your spreadsheet as one of those and upload it again."
        )
    return _read_csv(text)
