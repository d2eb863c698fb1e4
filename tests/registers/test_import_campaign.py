"""The upload campaign: the crafted spreadsheets an attacker (or an unlucky export) uploads, made
here rather than kept as binary files. Each is refused at the upload with a message naming the
limit, writing nothing, and reading it stays within a memory budget, measured in a child
process so that what the test process holds does not count. A UTF-16 CSV, as Excel's "Unicode
Text" saves it, is imported as it should be.
"""

from __future__ import annotations

import io
import json
import os
import random
import string
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from registers.models import ImportUpload, Risk

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
MEMORY_BUDGET_MB = 300
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
LETTERS = bytes(string.ascii_lowercase.encode() * 10)[:256]

# Crafted files ------------------------------------------------------------------------------


@cache
def workbook_parts() -> dict[str, bytes]:
    """The parts of a one-cell workbook as openpyxl saves it, for a sheet to be swapped in."""
    workbook = Workbook()
    workbook.active["A1"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes | Iterable[bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``parts``, each streamed in: a part of hundreds of megabytes is never held."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            with archive.open(name, "w") as part:
                for chunk in [content] if isinstance(content, bytes) else content:
                    part.write(chunk)
    return buffer.getvalue()


def sheet_xml(rows: Iterable[bytes], *, head: bytes = b"", tail: bytes = b"") -> Iterator[bytes]:
    yield b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="' + MAIN + b'">' + head
    yield b"<sheetData>"
    yield from rows
    yield b"</sheetData>" + tail + b"</worksheet>"


def text_cell(reference: bytes, text: bytes) -> bytes:
    return b'<c r="' + reference + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"


def row_xml(number: int, *cells: bytes, attributes: bytes = b"") -> bytes:
    return b'<row r="%d"%s>' % (number, attributes) + b"".join(cells) + b"</row>"


HEADINGS = row_xml(1, text_cell(b"A1", b"Reference"), text_cell(b"B1", b"Title"))


def workbook_of(sheet: Iterable[bytes], **parts: bytes | Iterable[bytes]) -> bytes:
    """A workbook whose first sheet's XML is ``sheet``, with ``parts`` added or replaced."""
    return zipped({**workbook_parts(), SHEET: sheet, **parts})


def random_letters(count: int) -> bytes:
    """Text that does not compress (to stay under any packing ratio)."""
    return random.Random(count).randbytes(count).translate(LETTERS)


def zip_bomb() -> bytes:
    """About 300 KB whose sheet unpacks to 300 MB: one cell of a 300 MB text."""

    def rows():
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        for _ in range(300):
            yield b"a" * MB
        yield b"</t></is></c></row>"

    return workbook_of(sheet_xml(rows()))


def far_cell(column: int, row: int = 5000) -> bytes:
    """One value, far down and to the right, in an otherwise empty sheet."""
    workbook = Workbook()
    workbook.active.cell(row=row, column=column, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def blank_rows_xlsx() -> bytes:
    """A heading row, then formatted blank rows to the last row Excel has (2.5 MB, 40 MB of XML)."""
    blank = b'<row r="%d" s="1" customFormat="1"/>'
    rows = (blank % number for number in range(2, 1_048_577))
    return workbook_of(sheet_xml([HEADINGS, b"".join(rows)]))


def blank_rows_csv() -> bytes:
    return b"Reference,Title,Owner\r\n" + b",,\r\n" * 1_200_000


def huge_text_xlsx() -> bytes:
    """32 KB holding a 30 MB description."""
    text = b"Flooding. " * (3 * MB)
    return workbook_of(sheet_xml([HEADINGS, row_xml(2, text_cell(b"B2", text))]))


def long_text_xlsx() -> bytes:
    """A 3 MB text that packs no smaller: under any packing ratio, over what a cell holds."""
    text = random_letters(3 * MB)
    return workbook_of(sheet_xml([HEADINGS, row_xml(2, text_cell(b"B2", text))]))


def huge_text_csv() -> bytes:
    return b"Reference,Title,Description\r\nR-1,Flooding," + b"x" * (4 * MB) + b"\r\n"


def bom_only() -> bytes:
    return b"\xef\xbb\xbf"


UTF16_TITLE = "Café closures – £5m"


def utf16_csv() -> bytes:
    """What Excel's "Unicode Text" saves: UTF-16 with its byte-order mark, tab-separated."""
    lines = [
        ["Adult Care risk register"],
        [],
        ["Risk ID", "Risk", "Description", "Residual Likelihood", "Residual Impact"],
        ["AC-301", UTF16_TITLE, "Providers leave the market", "4", "3"],
    ]
    return "\r\n".join("\t".join(line) for line in lines).encode("utf-16")


# Each crafted file, what refuses it (a phrase of the message, naming the limit).
REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "zip-bomb.xlsx": (zip_bomb, "at most 50 MB can be imported"),
    "far-cell-column-60.xlsx": (lambda: far_cell(60), "The first 15 rows of this sheet are empty"),
    "far-cell-column-61.xlsx": (lambda: far_cell(61), "at most 60 can be imported"),
    "blank-rows.xlsx": (blank_rows_xlsx, "more than 50,000 rows"),
    "blank-rows.csv": (blank_rows_csv, "more than 50,000 rows"),
    "huge-text.xlsx": (huge_text_xlsx, "at most 100 times can be imported"),
    "long-text.xlsx": (long_text_xlsx, "longer than a spreadsheet cell can hold (32,767"),
    "huge-text.csv": (huge_text_csv, "longer than 32,767 characters"),
    "bom-only.csv": (bom_only, "This file is empty."),
}
# Refused only once the whole table is in view, not by the reader.
REFUSED_AFTER_READING = {"far-cell-column-60.xlsx"}


@cache
def crafted(name: str) -> bytes:
    return utf16_csv() if name == "utf-16.csv" else REFUSED[name][0]()


# The read step in a child process, its memory measured from outside ---------------------------

READ = """
import json, sys
from registers.imports.reader import ImportFileError, read_table
data = open(sys.argv[1], "rb").read()
try:
    table = read_table(data=data, filename=sys.argv[2])
except ImportFileError as error:
    print(json.dumps({"refused": str(error)}))
else:
    print(json.dumps({"rows": len(table.rows)}))
"""
# A child forked from the test process would count the test process's own memory as its peak
# (Linux keeps the high-water mark across exec): a small launcher starts the read instead, and
# reports its one child's peak as the kernel accounts for it.
LAUNCH = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
out, err = done.stdout.decode(), done.stderr.decode()[-2000:]
print(json.dumps({"code": done.returncode, "out": out, "err": err, "peak_mb": peak}))
"""


def read_in_child(data: bytes, name: str, tmp_path: Path) -> tuple[dict, float]:
    """What reading ``data`` gives, and the peak resident memory of the process reading it."""
    path = tmp_path / "upload"
    path.write_bytes(data)
    launched = subprocess.run(
        [sys.executable, "-c", LAUNCH, READ, str(path), name],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=True,
        timeout=600,
    )
    report = json.loads(launched.stdout)
    assert report["code"] == 0, report["err"]
    return json.loads(report["out"]), report["peak_mb"]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_reading_a_crafted_file_stays_within_the_memory_budget(name, tmp_path):
    result, peak_mb = read_in_child(crafted(name), name, tmp_path)
    assert peak_mb < MEMORY_BUDGET_MB, f"{name}: {peak_mb:.0f} MB"
    if name in REFUSED_AFTER_READING:
        assert result == {"rows": 5000}
    else:
        assert REFUSED[name][1] in result["refused"]


def test_reading_the_largest_honest_sheet_stays_within_the_memory_budget(tmp_path):
    """5,000 risks of 20 columns, long text in seven of them."""
    rng = random.Random(5000)
    words = ["council", "budget", "care", "supplier", "flood", "data", "staff", "delay", "legal"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Risks")
    sheet.append([f"Heading {column}" for column in range(20)])
    for number in range(4999):
        text = " ".join(rng.choices(words, k=60))
        sheet.append([f"R-{number}", *[text if c % 3 == 0 else c % 5 + 1 for c in range(19)]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result, peak_mb = read_in_child(buffer.getvalue(), "honest.xlsx", tmp_path)
    assert result == {"rows": 5000}
    assert peak_mb < MEMORY_BUDGET_MB, f"{peak_mb:.0f} MB"


def test_the_utf16_csv_is_read_within_the_memory_budget(tmp_path):
    result, peak_mb = read_in_child(crafted("utf-16.csv"), "utf-16.csv", tmp_path)
    assert result == {"rows": 4}
    assert peak_mb < MEMORY_BUDGET_MB


# Through the pages: refused at the upload, nothing written ---------------------------------


def upload(client, register, data: bytes, name: str):
    url = reverse("registers:register-import", kwargs={"pk": register.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_crafted_file_is_refused_at_the_upload_and_nothing_is_written(client, org, name):
    client.force_login(org.people["head"])
    response = upload(client, org.service_register, crafted(name), name)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "nothing has been saved" in html
    assert f"{name}: " in html
    assert REFUSED[name][1] in html
    assert not ImportUpload.objects.exists()
    assert not Risk.objects.exists()


@pytest.mark.django_db
def test_a_utf16_csv_is_imported_as_excel_saved_it(client, org):
    client.force_login(org.people["head"])
    response = upload(client, org.service_register, crafted("utf-16.csv"), "unicode.txt")
    assert response.status_code == 302, unescape(response.content.decode())[:3000]
    upload_pk = ImportUpload.objects.get().pk
    kwargs = {"pk": org.service_register.pk, "upload_pk": upload_pk}
    mapping = client.get(reverse("registers:register-import-mapping", kwargs=kwargs))
    assert "Risks owned by" not in mapping.content.decode()
    data = {"header_row": "3", "column_0": "reference", "column_1": "title", "column_2": "event"}
    data |= {"column_3": "residual_likelihood", "column_4": "residual_impact"}
    posted = client.post(reverse("registers:register-import-mapping", kwargs=kwargs), data)
    assert posted.status_code == 302
    client.post(reverse("registers:register-import-confirm", kwargs=kwargs))
    risk = Risk.objects.get()
    assert (risk.reference, risk.title, risk.event) == (
        "AC-301",
        UTF16_TITLE,
        "Providers leave the market",
    )
    assert (risk.residual_likelihood, risk.residual_impact) == (4, 3)
