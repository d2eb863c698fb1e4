"""The first sheet of an XLSX workbook, read as a stream within the limits of ``limits``.

A workbook is a zip of XML parts. Its directory is checked before openpyxl reads anything:
how many parts there are, how much they unpack to, and how tightly each is packed (a zip bomb
packs hundreds of megabytes into a few). Then every part openpyxl opens is watched on its way
to the XML parser, 64 KB at a time (``_Watch``), and the read stops at the first thing no
spreadsheet program writes or no import needs: a document type (the way to entity bombs), an
encoding other than UTF-8, a text longer than a cell holds, or more XML elements than the
parser may hold at once. The sheet is read in openpyxl's read-only mode, one row at a time;
the size it claims is ignored, so rows and columns are what its XML holds, no more.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from openpyxl import Workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet

from registers.imports import limits
from registers.imports.limits import ImportFileError, ReadClock, mb

CHUNK = 64 * 1024
# Bytes between two "<": the longest text a cell holds, however it is escaped, fits.
MAX_RUN_BYTES = 1024 * 1024
MAIN_NAMESPACE = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# The element openpyxl reads and then lets go of, one at a time, in a part of each kind.
RECORDS = {b"worksheet": b"row", b"sst": b"si"}
DOCUMENT_TYPES = (b"<!DOCTYPE", b"<!ENTITY")
ENCODINGS = {b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1"}
DECLARED_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)")
ROOT_TAG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^>]*\?>)?\s*<(?:([\w.-]+):)?([\w.-]+)([^>]*)>")
NAMESPACE = re.compile(rb"xmlns(?::([\w.-]+))?\s*=\s*[\"']([^\"']*)[\"']")


def _refuse_archive(message: str) -> ImportFileError:
    return ImportFileError(
        f"{message} That is far more than a register needs: it cannot be imported."
    )


def _not_utf8() -> ImportFileError:
    return ImportFileError(
        "This workbook's XML is not in UTF-8, as Excel writes it: it cannot be imported. Open it "
        "in Excel and save it again as an Excel workbook (.xlsx)."
    )


def _too_many(what: str) -> ImportFileError:
    return ImportFileError(
        f"This workbook holds {what}, more than an import can read. Copy the table into a new "
        "workbook (values only) and upload that."
    )


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a zip that unpacks to more than a register needs, from its directory alone (the
    zip module stops each part at the size the directory gives, so the sizes can be trusted)."""
    parts = archive.infolist()
    if len(parts) > limits.MAX_PARTS:
        raise _refuse_archive(
            f"This workbook is made of {len(parts):,} parts; at most {limits.MAX_PARTS:,} can be "
            "imported."
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.MAX_UNPACKED_BYTES:
        raise _refuse_archive(
            f"This workbook unpacks to {mb(unpacked)}; at most "
            f"{mb(limits.MAX_UNPACKED_BYTES)} can be imported."
        )
    for part in parts:
        name = part.filename[:80]
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Other methods (bzip2, LZMA) unpack a whole block at once, however large.
            raise ImportFileError(
                f"This workbook's part {name} is packed in a way Excel never uses: it "
                "cannot be imported. Open it in Excel and save it again."
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.RATIO_FROM_BYTES and ratio > limits.MAX_RATIO:
            raise _refuse_archive(
                f"This workbook's part {name} unpacks to {ratio:,.0f} times its packed "
                f"size; at most {limits.MAX_RATIO} times can be imported."
            )


class _Watch:
    """What one part of the workbook has held so far, looked at as it streams to the parser.

    openpyxl keeps every element of a part in memory, except in the two parts it reads a
    record at a time, emptying each once read: the first sheet (by row) and the shared texts
    (by text). So the elements of the record open now, and those outside any record, are what
    the parser holds, and each count is bounded; so are the bytes it keeps (all of a part's,
    but for a sheet's rows). A record counts as one only when it is plainly the spreadsheet's
    own: the part's root is what openpyxl reads it as, in the spreadsheet's namespace, which is
    never declared again, and no comment or instruction could hide a tag; otherwise every
    element of the part counts.
    """

    def __init__(self, clock: ReadClock, record: bytes | None) -> None:
        self.clock = clock
        self.record = record  # b"row" in the sheet, b"si" in the shared texts, else None
        self.record_tag: re.Pattern[bytes] | None = None
        self.declaration: re.Pattern[bytes] | None = None
        self.started = False
        self.tail = b""
        self.pending = b""  # from the last "<" on: a tag that may not be whole yet
        self.depth = 0
        self.inside = 0  # elements of the record open now
        self.outside = 0  # elements outside any record
        self.kept = 0  # bytes the parser keeps
        self.records = 0

    def see(self, data: bytes) -> None:
        """Look at the next bytes of the part; raise ``ImportFileError`` at the first limit."""
        self.clock.check()
        body = data if self.started else self._start(data)
        window = self.tail + data
        if any(marker in window for marker in DOCUMENT_TYPES):
            raise ImportFileError(
                "This workbook declares XML entities or a document type, which spreadsheet "
                "programs never write: it cannot be imported. Save it again from Excel."
            )
        self.tail = data[-16:]
        text = self.pending + body
        cut = text.rfind(b"<")
        if cut > 0:
            self._count(text[:cut])
            text = text[cut:]
        self.pending = text
        if len(self.pending) > MAX_RUN_BYTES:
            raise ImportFileError(
                "This workbook holds a text longer than a spreadsheet cell can hold "
                f"({limits.MAX_CELL_CHARACTERS:,} characters): it cannot be imported."
            )

    def finish(self) -> None:
        self._count(self.pending)
        self.pending = b""

    def _start(self, data: bytes) -> bytes:
        """Check the encoding, and whether the root is the one the part is read as; return
        the bytes after the root's start tag, to be counted."""
        self.started = True
        if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):  # UTF-16
            raise _not_utf8()
        declared = DECLARED_ENCODING.match(data)
        if declared and declared.group(1).lower() not in ENCODINGS:
            raise _not_utf8()
        root = ROOT_TAG.match(data)
        if root is None:
            return data
        prefix, name, attributes = root.groups()
        namespaces = {found[0] or None: found[1] for found in NAMESPACE.findall(attributes)}
        if (
            self.record is not None
            and RECORDS.get(name) == self.record
            and namespaces.get(prefix) == MAIN_NAMESPACE
        ):
            qualified = re.escape(prefix + b":") if prefix else b""
            self.record_tag = re.compile(rb"<(/?)" + qualified + self.record + rb"(?=[\s/>])[^>]*>")
            declaration = rb"xmlns:" + re.escape(prefix) if prefix else rb"xmlns"
            self.declaration = re.compile(rb"(?<![\w:.-])" + declaration + rb"\s*=")
        self.outside = 1
        self.kept = root.end()
        return data[root.end() :]

    def _count(self, text: bytes) -> None:
        if self.record_tag is not None and (
            b"<!" in text or b"<?" in text or (b"xmlns" in text and self.declaration.search(text))
        ):
            self.record_tag = None  # records could be faked from here on: count everything
        position = 0
        if self.record_tag is not None:
            for match in self.record_tag.finditer(text):
                self._add(text, position, match.start())
                self._record(closing=bool(match.group(1)), empty=match.group(0).endswith(b"/>"))
                position = match.end()
        self._add(text, position, len(text))

    def _record(self, *, closing: bool, empty: bool) -> None:
        if closing:
            self.depth = max(self.depth - 1, 0)
            if not self.depth:
                self.inside = 0
            return
        if not self.depth:
            self.records += 1  # each stays, emptied, until the part is read to its end
            if self.record == b"row" and self.records > limits.MAX_SCANNED_ROWS:
                raise limits.too_many_rows()
            if self.record == b"si" and self.records > limits.MAX_SHARED_STRINGS:
                raise _too_many(f"more than {limits.MAX_SHARED_STRINGS:,} different texts")
        if self.depth or not empty:
            self.inside += 1
        if not empty:
            self.depth += 1

    def _add(self, text: bytes, start: int, end: int) -> None:
        elements = text.count(b"<", start, end) - text.count(b"</", start, end)
        if self.depth:
            self.inside += elements
        else:
            self.outside += elements
        if self.record_tag is None or not self.depth or self.record != b"row":
            self.kept += end - start
        if max(self.inside, self.outside) > limits.MAX_ELEMENTS_PER_RECORD:
            where = "one row" if self.depth and self.record == b"row" else "one part"
            raise _too_many(f"more than {limits.MAX_ELEMENTS_PER_RECORD:,} XML elements in {where}")
        if self.kept > limits.MAX_PART_BYTES:
            raise _refuse_archive(
                f"This workbook holds more than {mb(limits.MAX_PART_BYTES)} of XML outside "
                "the rows of its sheet."
            )


class _WatchedPart(io.RawIOBase):
    """A part of the workbook as openpyxl reads it: the bytes pass through ``_Watch``, at most
    ``CHUNK`` at a time, so nothing past a limit reaches the parser."""

    def __init__(self, stream: io.BufferedIOBase, watch: _Watch) -> None:
        super().__init__()
        self._stream = stream
        self._watch = watch

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(min(len(buffer), CHUNK))
        if data:
            self._watch.see(data)
        else:
            self._watch.finish()
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


class _WatchedZip(zipfile.ZipFile):
    """The workbook's zip, handing openpyxl each part it opens through ``_WatchedPart``. A part
    is watched as read a record at a time only when openpyxl reads it so: ``record`` is set
    while it reads the shared texts, and its sheets open theirs through ``_SheetParts``."""

    def __init__(self, data: bytes, clock: ReadClock) -> None:
        super().__init__(io.BytesIO(data))
        self.clock = clock
        self.record: bytes | None = None

    def open(self, name, mode="r", pwd=None, *, force_zip64=False, record=None):
        stream = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return stream
        watch = _Watch(self.clock, record or self.record)
        return io.BufferedReader(_WatchedPart(stream, watch), buffer_size=CHUNK)


class _SheetParts:
    """What openpyxl's read-only sheets open their XML through (the workbook's ``_archive``):
    the watched zip, counting each row as a record. Nothing else openpyxl reads comes this way."""

    def __init__(self, archive: _WatchedZip) -> None:
        self.archive = archive

    def open(self, name: str, mode: str = "r"):
        return self.archive.open(name, mode, record=b"row")

    def close(self) -> None:
        self.archive.close()


def _load(archive: _WatchedZip, data: bytes) -> Workbook:
    """openpyxl's ``load_workbook`` in read-only mode, its steps taken one by one so that the
    two kinds of part it reads a record at a time are watched as such: the shared texts, while
    it reads them, and the sheets, which it opens through the workbook."""
    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    reader.archive.close()
    reader.archive = archive  # every part openpyxl reads comes through the watched archive
    reader.read_manifest()
    archive.record = b"si"  # the shared texts are all this step reads
    reader.read_strings()
    archive.record = None
    reader.read_workbook()
    reader.wb._archive = _SheetParts(archive)
    reader.read_properties()
    reader.read_custom()
    reader.read_theme()
    apply_stylesheet(reader.archive, reader.wb)
    reader.read_worksheets()
    reader.parser.assign_names()
    return reader.wb


@contextmanager
def first_sheet(data: bytes, clock: ReadClock) -> Iterator[tuple[str, Iterable[Sequence]]]:
    """The first sheet's title and its rows of values, one at a time, for as long as the
    ``with`` lasts. Raises ``ImportFileError`` at the first limit passed; anything else
    openpyxl, zipfile or the XML parser raises means the file is damaged."""
    archive = _WatchedZip(data, clock)
    try:
        check_archive(archive)
        workbook = _load(archive, data)
        if not workbook.worksheets:
            raise ImportFileError("This workbook has no sheet to import.")
        sheet = workbook.worksheets[0]
        # The size a sheet claims is often wrong and may be huge: read the rows there are.
        sheet.reset_dimensions()
        yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        archive.close()
