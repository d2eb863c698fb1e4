"""How much an imported spreadsheet may hold, and the clock that stops a read taking too long.

Every limit is generous for an honest register (5,000 risks of long text fit) and stops a
hostile or broken file at the first one it passes, before it can take a worker's memory or
time: the file is read as a stream and never held whole in any other form.
"""

from __future__ import annotations

import time

MAX_BYTES = 5 * 1024 * 1024  # the upload itself
MAX_ROWS = 5000  # the last row holding a value
MAX_COLUMNS = 60  # the last column holding a value
# Rows and cells looked at, blank ones included: blank rows below a table (formatted, or left
# by an export) are normal and read past, but only so far.
MAX_SCANNED_ROWS = 50_000
MAX_SCANNED_CELLS = 1_000_000
MAX_CELL_CHARACTERS = 32_767  # the most an Excel cell holds
MAX_TEXT_CHARACTERS = 20_000_000  # all the text of the sheet together
# A workbook is a zip of XML parts; these bound what it unpacks to before anything is parsed.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 20 * 1024 * 1024  # any part but a sheet: the shared text, the styles
MAX_RATIO = 100  # how many times larger than stored a part may unpack (sheets run 5 to 30)
RATIO_FROM_BYTES = 1024 * 1024  # smaller parts may pack as tightly as they like
MAX_PARTS = 1000
MAX_SHARED_STRINGS = 300_000  # 5,000 rows of 60 different texts
MAX_ELEMENTS_PER_RECORD = 100_000  # XML elements in one row, one shared text, one other part
MAX_CPU_SECONDS = 10.0  # an honest 5 MB file reads in 1 to 2 seconds


def mb(size: int) -> str:
    """A size in megabytes as a person reads it: "50 MB", "50.3 MB"."""
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes.is_integer() else f"{megabytes:.1f} MB"


class ImportFileError(Exception):
    """The file cannot be imported; the message says why, in words for the person uploading."""


def too_many_rows() -> ImportFileError:
    return ImportFileError(
        f"This sheet goes on for more than {MAX_SCANNED_ROWS:,} rows, counting the blank ones "
        "below the table; at most that many are read. Delete the rows below your table and "
        "upload it again."
    )


class ReadClock:
    """The processor time one read of a file has used (this thread only: one request)."""

    def __init__(self) -> None:
        self.started = time.thread_time()

    def check(self) -> None:
        if time.thread_time() - self.started > MAX_CPU_SECONDS:
            raise ImportFileError(
                f"This file took more than {MAX_CPU_SECONDS:.0f} seconds to read, the most one "
                "import may take; it is unusually complicated for its size. Copy the table "
                "into a new workbook (values only) and upload that."
            )
