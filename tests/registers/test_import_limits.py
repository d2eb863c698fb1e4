"""The limits of the spreadsheet import's reader (``registers/imports/limits.py``): each stops a
file at the first one it passes, while reading, with a message naming it; an honest file just
inside each is read. The crafted files of a whole attack are in ``test_import_campaign``."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import Workbook

from registers.imports import limits, reader, xlsx
from registers.imports.reader import ImportFileError, read_table
from tests.registers.test_import_campaign import (
    HEADINGS,
    MAIN,
    SHEET,
    random_letters,
    row_xml,
    sheet_xml,
    text_cell,
    workbook_of,
    workbook_parts,
    zip_bomb,
    zipped,
)


def refused(data: bytes, name: str = "upload") -> str:
    with pytest.raises(ImportFileError) as error:
        read_table(data=data, filename=name)
    message = str(error.value)
    assert message.strip() and not message.rstrip(".").endswith(":")
    return message


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def then_damaged(first_row: int) -> bytes:
    """Blank rows from ``first_row`` on, past what the parser is given at once, then XML that
    breaks it: a read that stops at a limit before them never meets the damage."""
    blank = b"".join(b'<row r="%d"/>' % number for number in range(first_row, first_row + 20_000))
    return blank + b"<row r='99999'><c r="


# The size a sheet claims, which Excel writes first: openpyxl reads a sheet without one to its
# end before the first row (within every limit still).
CLAIM = b'<dimension ref="A1:B2"/>'


# Rows, columns and cells, counted as the sheet is read --------------------------------------


def test_a_value_in_column_61_is_refused_at_its_row_before_the_rest_is_read():
    cells = [text_cell(b"A2", b"R-1"), text_cell(b"BI2", b"far")]
    sheet = sheet_xml([HEADINGS, row_xml(2, *cells), then_damaged(3)], head=CLAIM)
    message = refused(workbook_of(sheet))
    assert message.startswith("This sheet has 61 columns (row 2 has a value in column BI)")
    assert "at most 60 can be imported" in message


def test_a_value_in_column_60_of_row_5000_is_read_and_the_blank_rows_cost_nothing():
    workbook = Workbook()
    workbook.active.cell(row=1, column=1, value="Title")
    workbook.active.cell(row=5000, column=60, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_table(data=buffer.getvalue(), filename="far.xlsx").rows
    assert len(rows) == 5000
    assert rows[1:4999] == [[]] * 4998
    assert len(rows[4999]) == 60


def test_a_value_below_row_5000_is_refused_before_the_rest_is_read():
    rows = [HEADINGS, row_xml(5001, text_cell(b"A5001", b"late")), then_damaged(5002)]
    message = refused(workbook_of(sheet_xml(rows, head=CLAIM)))
    assert "more than 5,000 rows (row 5,001 holds values)" in message


def test_the_size_a_sheet_claims_is_ignored():
    claim = b'<dimension ref="A1:XFD1048576"/>'
    rows = read_table(data=workbook_of(sheet_xml([HEADINGS], head=claim)), filename="x").rows
    assert rows == [["Reference", "Title"]]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_blank_rows_are_read_past_up_to_the_limit(kind):
    blank_tail = limits.MAX_SCANNED_ROWS - 2
    if kind == "csv":
        data = b"Reference,Title\r\nR-1,Flood\r\n" + b",\r\n" * blank_tail
    else:
        blank = b"".join(b'<row r="%d" s="1"/>' % n for n in range(3, blank_tail + 3))
        data = workbook_of(sheet_xml([HEADINGS, row_xml(2, text_cell(b"A2", b"R-1")), blank]))
    assert len(read_table(data=data, filename="x").rows) == 2


@pytest.mark.parametrize("kind", ["xlsx", "csv", "gap"])
def test_blank_rows_past_the_limit_are_refused(kind):
    past = limits.MAX_SCANNED_ROWS + 1
    if kind == "csv":
        data = b"Reference,Title\r\n" + b",\r\n" * past
    elif kind == "gap":  # one row numbered far below: the rows in between are blank
        data = workbook_of(sheet_xml([HEADINGS, b'<row r="1048576" s="1"/>']))
    else:
        rows = (b'<row r="%d"/>' % number for number in range(2, past + 1))
        data = workbook_of(sheet_xml([HEADINGS, *rows]))
    assert "more than 50,000 rows, counting the blank ones" in refused(data)


def test_blank_formatted_cells_count_towards_the_cells_read():
    styled = b'<c r="XFD%d" s="1"/>'
    rows = (row_xml(number, styled % number) for number in range(2, 64))
    message = refused(workbook_of(sheet_xml([HEADINGS, *rows])))
    assert "more than 1,000,000 cells, counting blank ones that carry formatting" in message


def sheet_of_two_cells(kind: str, text: str) -> bytes:
    """A heading row and a row of a reference and ``text`` (openpyxl would cut it short)."""
    if kind == "csv":
        return csv_bytes([["Reference", "Title"], ["R-1", text]])
    cells = text_cell(b"A2", b"R-1"), text_cell(b"B2", text.encode())
    return workbook_of(sheet_xml([HEADINGS, row_xml(2, *cells)]))


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cell_holds_at_most_what_excel_allows(kind):
    longest = "é" * limits.MAX_CELL_CHARACTERS
    table = read_table(data=sheet_of_two_cells(kind, longest), filename="x")
    assert table.rows[1] == ["R-1", longest]
    message = refused(sheet_of_two_cells(kind, longest + "x"))
    assert message == "Cell B2 holds 32,768 characters; a cell can hold at most 32,767."


def test_a_csv_field_past_what_the_csv_module_reads_is_refused_as_too_long():
    message = refused(b"Title\r\n" + b"x" * 200_000 + b"\r\n")
    assert message == "Row 2 holds a cell longer than 32,767 characters, the most a cell can hold."


def test_all_the_text_together_is_limited(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARACTERS", 100)
    data = csv_bytes([["Title", "Description"], ["Flood", "x" * 60], ["Fire", "y" * 60]])
    assert "more than 100 characters of text" in refused(data)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_read_that_takes_too_long_is_stopped(monkeypatch, kind):
    monkeypatch.setattr(limits, "MAX_CPU_SECONDS", 0.0)
    data = xlsx_bytes([["Title"], ["Flood"]]) if kind == "xlsx" else b"Title\r\nFlood\r\n"
    assert "took more than 0 seconds to read, the most one import may take" in refused(data)


def test_the_clock_runs_while_openpyxl_loads_the_workbook(monkeypatch):
    """The shared texts and styles are read before the first row: the clock is looked at
    as each part streams in, not only between rows."""
    looked = []
    monkeypatch.setattr(xlsx._Watch, "see", lambda self, data: looked.append(len(data)))
    monkeypatch.setattr(xlsx._Watch, "finish", lambda self: None)
    read_table(data=xlsx_bytes([["Title"], ["Flood"]]), filename="x.xlsx")
    assert len(looked) >= 6  # the manifest, the workbook, its relations, styles, the sheet...


# The workbook's zip, checked before openpyxl reads it ---------------------------------------


def test_a_zip_bomb_is_refused_from_the_zip_directory():
    message = refused(zip_bomb())
    assert message.startswith("This workbook unpacks to 300.0 MB; at most 50 MB can be imported")


def test_a_part_packed_far_tighter_than_a_sheet_is_refused():
    text = b"Flooding. " * 200_000  # 2 MB that packs into a few KB
    data = workbook_of(sheet_xml([HEADINGS, row_xml(2, text_cell(b"B2", text))]))
    message = refused(data)
    assert f"part {SHEET} unpacks to" in message
    assert "times its packed size; at most 100 times can be imported" in message


def test_a_small_part_may_pack_as_tightly_as_it_likes():
    cells = [text_cell(b"%c2" % column, b"a" * 30_000) for column in b"ABCDEFGHIJKLMNOP"]
    data = workbook_of(sheet_xml([HEADINGS, row_xml(2, *cells)]))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = archive.getinfo(SHEET)
    assert part.file_size / part.compress_size > limits.MAX_RATIO
    assert len(read_table(data=data, filename="x").rows[1]) == 16


def test_a_directory_understating_a_part_is_read_only_as_far_as_it_says():
    """The zip module stops a part at the size the directory gives; what lies past it is
    never unpacked, and the check of its content fails."""
    data = bytearray(zip_bomb())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        part = archive.getinfo(SHEET)
    declared, small = part.file_size.to_bytes(4, "little"), (1000).to_bytes(4, "little")
    local = part.header_offset + 22  # the unpacked size in the part's own header
    directory = data.find(b"PK\x01\x02")
    while data[directory + 46 : directory + 46 + len(SHEET)] != SHEET.encode():
        directory = data.find(b"PK\x01\x02", directory + 1)
    for offset in (local, directory + 24):  # ...and in the zip's directory
        assert data[offset : offset + 4] == declared
        data[offset : offset + 4] = small
    assert "could not be read as a spreadsheet" in refused(bytes(data))


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_part_packed_as_excel_never_packs_is_refused(method):
    data = zipped(workbook_parts(), method=method)
    assert "is packed in a way Excel never uses" in refused(data)


def test_a_workbook_of_too_many_parts_is_refused():
    parts = {**workbook_parts(), **{f"xl/media/image{n}.png": b"" for n in range(1000)}}
    assert "made of 1,00" in refused(zipped(parts))


# The parts, watched on their way to the XML parser -------------------------------------------


def test_entities_are_refused():
    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    sheet = b"".join(sheet_xml([HEADINGS])).replace(b"?>\n", b"?>\n" + laughs, 1)
    message = refused(workbook_of([sheet]))
    assert message.startswith("This workbook declares XML entities or a document type")


@pytest.mark.parametrize(
    "sheet",
    [
        b"".join(sheet_xml([HEADINGS])).decode().replace("UTF-8", "UTF-16").encode("utf-16"),
        b"".join(sheet_xml([HEADINGS])).replace(b"UTF-8", b"cp500"),
    ],
)
def test_xml_in_another_encoding_than_utf8_is_refused(sheet):
    assert "is not in UTF-8" in refused(workbook_of([sheet]))


def test_a_text_longer_than_a_cell_is_refused_as_it_streams_in():
    text = random_letters(2 * xlsx.MAX_RUN_BYTES)
    data = workbook_of(sheet_xml([HEADINGS, row_xml(2, text_cell(b"B2", text))]))
    assert "a text longer than a spreadsheet cell can hold (32,767 characters)" in refused(data)


def test_rows_read_one_at_a_time_may_hold_many_elements_between_them(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ELEMENTS_PER_RECORD", 1000)
    rows = [row_xml(n, text_cell(b"A%d" % n, b"R"), b"<c/>" * 300) for n in range(2, 30)]
    assert len(read_table(data=workbook_of(sheet_xml([HEADINGS, *rows])), filename="x").rows) == 29


def test_a_row_of_too_many_elements_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ELEMENTS_PER_RECORD", 1000)
    data = workbook_of(sheet_xml([HEADINGS, row_xml(2, b'<c r="A2"/>' * 1001)]))
    assert "more than 1,000 XML elements in one row" in refused(data)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        (b'<row xmlns="urn:other">', b"</row>"),  # the spreadsheet's namespace declared again
        (b"<!-- <row> -->", b"<!-- </row> -->"),  # rows that are only comments
        (b'<x:row xmlns:x="urn:other">', b"</x:row>"),  # rows of another namespace
    ],
)
def test_elements_are_not_let_off_by_rows_that_are_not_rows(monkeypatch, opening, closing):
    """openpyxl empties only the spreadsheet's own rows: elements in anything else stay in
    memory, however it is dressed up, and count."""
    monkeypatch.setattr(limits, "MAX_ELEMENTS_PER_RECORD", 1000)
    tail = b"<junk>" + (opening + b"<j/>" * 300 + closing) * 5 + b"</junk>"
    data = workbook_of(sheet_xml([HEADINGS], tail=tail))
    assert "more than 1,000 XML elements in one part" in refused(data)


def test_a_part_counts_as_read_row_by_row_only_when_a_sheet_reads_it(monkeypatch):
    """A second sheet pointing at the first sheet's relations: openpyxl reads that part whole,
    as relations, before any sheet, so its rows are no records and every element counts."""
    monkeypatch.setattr(limits, "MAX_ELEMENTS_PER_RECORD", 1000)
    workbook = Workbook()
    workbook.create_sheet("Two")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    relations = "xl/worksheets/_rels/sheet1.xml.rels"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"/xl/worksheets/sheet2.xml", b"/" + relations.encode()
    )
    rows = [row_xml(n, text_cell(b"A%d" % n, b"R"), b"<c/>" * 300) for n in range(1, 30)]
    parts[relations] = b"".join(sheet_xml(rows))
    assert "more than 1,000 XML elements in one part" in refused(zipped(parts))


def shared_strings_workbook(texts: list[bytes]) -> bytes:
    parts = dict(workbook_parts())
    sst = b'<sst xmlns="' + MAIN + b'">' + b"".join(b"<si><t>%s</t></si>" % t for t in texts)
    types = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    cells = b'<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    return zipped(
        {
            **parts,
            "[Content_Types].xml": types,
            "xl/sharedStrings.xml": sst + b"</sst>",
            SHEET: sheet_xml([b'<row r="1">' + cells + b"</row>"]),
        }
    )


def test_the_shared_texts_are_read_within_their_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 10)
    texts = [b"Reference", b"Title", *(b"t%d" % n for n in range(8))]
    assert read_table(data=shared_strings_workbook(texts), filename="x").rows == [
        ["Reference", "Title"]
    ]
    message = refused(shared_strings_workbook([*texts, b"one more"]))
    assert "more than 10 different texts" in message


def test_a_part_other_than_a_sheet_is_limited_in_size(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 1024 * 1024)
    texts = [b"Reference", b"Title", *(random_letters(1000 + n) for n in range(1100))]
    message = refused(shared_strings_workbook(texts))
    assert "more than 1 MB of XML outside the rows of its sheet" in message


def test_the_rows_of_a_sheet_are_not_limited_by_the_size_of_a_part(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 1024 * 1024)
    rows = [row_xml(n, text_cell(b"A%d" % n, random_letters(1000 + n))) for n in range(2, 1200)]
    data = workbook_of(sheet_xml([HEADINGS, *rows]))
    assert len(read_table(data=data, filename="x").rows) == 1199


# Encodings and what is not a spreadsheet ----------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_mark_is_read(encoding):
    text = "Reference\tTitle\r\nR-1\tCafé – £5m\r\n"
    data = ("\ufeff" + text if encoding != "utf-16" else text).encode(encoding)
    assert read_table(data=data, filename="x.txt").rows == [
        ["Reference", "Title"],
        ["R-1", "Café – £5m"],
    ]


def test_utf16_text_without_its_mark_is_refused_with_what_to_do():
    message = refused("Reference,Title\r\nR-1,Flood\r\n".encode("utf-16-le"))
    assert message.startswith("This file is saved as UTF-16 text.")
    assert "CSV UTF-8" in message


def test_a_binary_file_full_of_zeros_is_not_taken_for_utf16():
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    assert "is not an Excel workbook (.xlsx) or a CSV file" in refused(png, "risks.xlsx")


def test_utf32_text_is_refused_with_what_to_do():
    assert "CSV UTF-8" in refused("Reference,Title\r\n".encode("utf-32"))


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b",,,\r\n,,\r\n", b"\t\t"])
def test_a_file_of_no_values_is_refused_as_empty(data):
    assert refused(data).startswith("This file is empty.")


def test_a_workbook_whose_first_sheet_is_empty_is_refused():
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.create_sheet("Risks")["A1"] = "Title"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert "first sheet of this workbook (“Notes”) is empty" in refused(buffer.getvalue())


def test_an_older_excel_file_is_refused_with_what_to_do():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    assert "older Excel workbook (.xls)" in refused(ole, "risks.xls")


@pytest.mark.parametrize("error", [ValueError(), KeyError(""), MemoryError()])
def test_a_failure_without_words_is_still_explained(monkeypatch, error):
    def fail(data, clock):
        raise error

    monkeypatch.setattr(xlsx, "first_sheet", fail)
    message = refused(xlsx_bytes([["Title"]]))
    assert "()" not in message and ": ." not in message
    assert type(error).__name__ in message or "more memory" in message


def test_the_delimiter_is_guessed_from_the_start_of_the_file_only(monkeypatch):
    """csv.Sniffer's time grows with the square of its sample (a file of quotes and commas
    took it 17 seconds): it is given the first few kilobytes."""
    seen = []
    real = csv.Sniffer.sniff
    monkeypatch.setattr(
        csv.Sniffer, "sniff", lambda self, sample, **kw: seen.append(sample) or real(self, sample)
    )
    read_table(data=b"Title,Description\r\n" + b'"a","b"\r\n' * 4000, filename="q.csv")
    assert [len(sample) for sample in seen] == [reader.SNIFF_CHARACTERS]


def test_a_title_row_above_tab_separated_columns_does_not_hide_the_tabs():
    data = b"Adult Care risks\r\n\r\nReference\tTitle\r\nAC-1\tFlood\r\n"
    assert read_table(data=data, filename="x.txt").rows[2:] == [
        ["Reference", "Title"],
        ["AC-1", "Flood"],
    ]
