"""Read an uploaded spreadsheet (XLSX or CSV) into rows of cell values.

The type is decided by the content, never the file name: a PNG renamed ``.xlsx`` is refused.
Formulas are read as the values Excel cached when it saved the file; nothing is evaluated.
Either kind is read as a stream, a row at a time, and refused at the first limit it passes
(``limits``): what lies beyond is never read, and blank rows and cells are counted, not kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from registers.imports import limits, xlsx
from registers.imports.limits import MAX_BYTES, MAX_COLUMNS, MAX_ROWS, ImportFileError, ReadClock

__all__ = ["MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS", "ImportFileError", "Table", "read_table"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and workbooks locked with a password
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
# The delimiter is guessed from the start of the file: csv.Sniffer takes time growing with the
# square of what it is given, so it is given no more than a header and a few rows.
SNIFF_CHARACTERS = 8 * 1024
DELIMITERS = ",;\t|"
SAVE_AS_UTF8 = "In Excel choose File, Save As, “CSV UTF-8 (Comma delimited)”, and upload that."


@dataclass(frozen=True, slots=True)
class Table:
    rows: list[list[object]]
    sheet_name: str


def _blank(value: object) -> bool:
    return value is None or value == ""


class _Rows:
    """A sheet's rows as they are read, each checked against the limits as it comes. Blank
    rows are only counted until a row with a value follows them, so blank rows below the table
    are never held; trailing blank cells are dropped, and empty text is read as no value."""

    def __init__(self, clock: ReadClock) -> None:
        self.clock = clock
        self.rows: list[list[object]] = []
        self.blank_rows = 0  # since the last row with a value
        self.scanned_rows = 0
        self.scanned_cells = 0
        self.characters = 0

    def add(self, values: Sequence[object]) -> None:
        self.clock.check()
        self.scanned_rows += 1
        self.scanned_cells += len(values)
        if self.scanned_rows > limits.MAX_SCANNED_ROWS:
            raise limits.too_many_rows()
        if self.scanned_cells > limits.MAX_SCANNED_CELLS:
            raise ImportFileError(
                f"This sheet has more than {limits.MAX_SCANNED_CELLS:,} cells, counting blank "
                "ones that carry formatting; at most that many are read. Delete the rows and "
                "columns around your table and upload it again."
            )
        width = len(values)
        while width and _blank(values[width - 1]):
            width -= 1
        if not width:
            self.blank_rows += 1
            return
        row = [None if value == "" else value for value in values[:width]]
        self._check(row)
        self.rows.extend([] for _ in range(self.blank_rows))
        self.blank_rows = 0
        self.rows.append(row)

    def _check(self, row: list[object]) -> None:
        number = self.scanned_rows
        if number > MAX_ROWS:
            raise ImportFileError(
                f"This sheet has more than {MAX_ROWS:,} rows (row {number:,} holds values); "
                "split it into smaller files."
            )
        if len(row) > MAX_COLUMNS:
            raise ImportFileError(
                f"This sheet has {len(row)} columns (row {number:,} has a value in column "
                f"{get_column_letter(len(row))}); at most {MAX_COLUMNS} can be imported. Delete "
                "the columns you do not need and upload it again."
            )
        for index, value in enumerate(row):
            if isinstance(value, str):
                self.characters += len(value)
                if len(value) > limits.MAX_CELL_CHARACTERS:
                    raise ImportFileError(
                        f"Cell {get_column_letter(index + 1)}{number} holds {len(value):,} "
                        f"characters; a cell can hold at most {limits.MAX_CELL_CHARACTERS:,}."
                    )
        if self.characters > limits.MAX_TEXT_CHARACTERS:
            raise ImportFileError(
                f"This sheet holds more than {limits.MAX_TEXT_CHARACTERS:,} characters of text, "
                "more than one import can take; split it into smaller files."
            )

    def table(self, sheet_name: str, *, empty: str) -> Table:
        if not self.rows:
            raise ImportFileError(empty)
        return Table(rows=self.rows, sheet_name=sheet_name)


def _unreadable(error: BaseException) -> ImportFileError:
    if isinstance(error, MemoryError):
        return ImportFileError(
            "This file needs more memory to read than an import may use; copy the table into "
            "a new workbook (values only) and upload that."
        )
    detail = " ".join(str(error).split()).strip("'\" ")[:200] or type(error).__name__
    return ImportFileError(
        f"This file could not be read as a spreadsheet ({detail}). Open it in Excel, save it "
        "as an Excel workbook (.xlsx) and upload it again."
    )


def _read_xlsx(data: bytes, clock: ReadClock) -> Table:
    rows = _Rows(clock)
    # A damaged or hostile workbook can fail inside openpyxl, zipfile or the XML parser with
    # almost any exception; every one of them means the same thing to the person uploading.
    try:
        with xlsx.first_sheet(data, clock) as (sheet_name, values):
            for row in values:
                rows.add(row)
    except ImportFileError:
        raise
    except Exception as error:
        raise _unreadable(error) from error
    return rows.table(
        sheet_name,
        empty=f"The first sheet of this workbook (“{sheet_name}”) is empty; the import reads "
        "the first sheet only.",
    )


def _decode(data: bytes, filename: str) -> str:
    """The file's text: UTF-16 when it starts with a byte-order mark (Excel's "Unicode Text"),
    else UTF-8 (with or without a mark), else Windows-1252, as older Excel saves CSV."""
    if data.startswith(UTF32_BOMS):
        raise ImportFileError(f"This file is saved as UTF-32 text. {SAVE_AS_UTF8}")
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"This file starts as UTF-16 text but is damaged. {SAVE_AS_UTF8}"
            ) from error
    data = data.removeprefix(UTF8_BOM)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise ImportFileError(f"This file is saved as UTF-16 text. {SAVE_AS_UTF8}")
        raise _not_a_spreadsheet(filename)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_a_spreadsheet(filename)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 saved without its mark: one byte of each pair (nearly) always zero, as it is for
    the letters of Western text, and the other (nearly) never."""
    halves = (data[::2], data[1::2])
    zeros = [half.count(0) / max(len(half), 1) for half in halves]
    return len(data) >= 4 and max(zeros) >= 0.8 and min(zeros) <= 0.05


def _not_a_spreadsheet(filename: str) -> ImportFileError:
    return ImportFileError(
        f"{filename or 'This file'} is not an Excel workbook (.xlsx) or a CSV file; save it "
        "from your spreadsheet as one of those and upload it again."
    )


def _delimiter(text: str) -> str:
    """The delimiter csv.Sniffer finds; failing that (a title row above the table puts it off),
    the one used most, and a comma when none is."""
    sample = text[:SNIFF_CHARACTERS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return max(DELIMITERS, key=sample.count) if any(map(sample.count, DELIMITERS)) else ","


def _read_csv(data: bytes, *, clock: ReadClock, filename: str) -> Table:
    text = _decode(data, filename)
    if "\x00" in text:
        raise ImportFileError(
            "This file holds a NUL character, which no spreadsheet cell holds: it cannot be "
            "imported."
        )
    empty = "This file is empty."
    if not text.strip():
        raise ImportFileError(empty)
    rows = _Rows(clock)
    lines = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for row in lines:
            rows.add(row)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"Row {lines.line_num:,} holds a cell longer than "
                f"{limits.MAX_CELL_CHARACTERS:,} characters, the most a cell can hold."
            ) from error
        raise _unreadable(error) from error
    return rows.table("", empty=f"{empty} It holds no value, only separators or blank lines.")


def read_table(*, data: bytes, filename: str) -> Table:
    """The first sheet of an XLSX file, or a CSV file, as rows of cell values (row ``n`` of
    the sheet at index ``n - 1``; a row without values is empty, and so are trailing ones).

    Raises ``ImportFileError`` for a file too big, with too many rows, columns or cells, text
    too long, that takes too long to read, that holds no value, or that is neither an Excel
    workbook nor CSV text (whatever its name says); the message names the limit.
    """
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            f"This file is {len(data) / (1024 * 1024):.1f} MB; the largest that can be imported "
            f"is {MAX_BYTES // (1024 * 1024)} MB."
        )
    if not data.strip():
        raise ImportFileError("This file is empty.")
    clock = ReadClock()
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, clock)
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            f"{filename or 'This file'} is an older Excel workbook (.xls) or one locked with a "
            "password; open it in Excel, remove any password, save it as an Excel workbook "
            "(.xlsx) and upload that."
        )
    return _read_csv(data, clock=clock, filename=filename)
