"""``reports.pdf_worker.lay_out``: what the capped child runs, and what ``bench/reports.py``
times on its own beside the whole build, lays out tagged PDF/UA-1 and fetches nothing but
our own static files."""

import logging
from io import BytesIO

from pypdf import PdfReader

from reports.pdf import PDF_UA_1
from reports.pdf_worker import BASE_URL, lay_out


def test_lay_out_writes_a_tagged_pdf_of_the_html():
    document = lay_out(
        "<!doctype html><html lang='en-GB'><title>Pack</title><p>Quarterly pack</p></html>",
        variant=PDF_UA_1,
        static_url="/static/",
        static_roots=[],
    )
    reader = PdfReader(BytesIO(document))
    assert "Quarterly pack" in reader.pages[0].extract_text()
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_lay_out_reads_a_static_file_and_refuses_any_other_url(tmp_path, caplog):
    (tmp_path / "mark.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
        "<rect width='10' height='10'/></svg>"
    )
    html = (
        f"<p>Marked</p><img src='{BASE_URL}static/mark.svg' alt='mark'>"
        f"<img src='{BASE_URL}elsewhere/mark.svg' alt='elsewhere'>"
    )
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        document = lay_out(html, variant=None, static_url="/static/", static_roots=[tmp_path])
    assert document.startswith(b"%PDF")
    # WeasyPrint logs each image it could not load: only the one outside the static folder.
    refused = [record.getMessage() for record in caplog.records]
    assert any("elsewhere/mark.svg" in message for message in refused)
    assert not any("static/mark.svg" in message for message in refused)
