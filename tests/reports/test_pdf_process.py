"""PDFs are laid out in a child process with a time and memory cap, fetch nothing but our own
static files, and the annual committee report is PDF/UA-1."""

import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

import pytest
from pypdf import PdfReader

from reports import pdf
from reports.committee import committee_report_pdf
from reports.pdf import PDF_UA_1, PdfFailed, html_to_pdf
from reports.pdf_worker import BASE_URL, static_path
from tests.reports.test_committee import YEAR, build_year


def text_of(document: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(document)).pages)


def long_table(rows: int) -> str:
    cells = "".join(
        f"<tr><td>Row {n} with a few words to lay out</td><td>{n}</td></tr>" for n in range(rows)
    )
    return f"<!doctype html><html lang='en-GB'><title>Long</title><table>{cells}</table></html>"


def test_the_layout_runs_in_a_child_process(monkeypatch):
    commands = []
    real_run = subprocess.run

    def spy(command, *args, **kwargs):
        commands.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "run", spy)
    document = html_to_pdf("<p>Quarterly pack</p>")
    assert document.startswith(b"%PDF")
    assert "Quarterly pack" in text_of(document)
    [command] = commands
    assert command[1:3] == ["-m", "reports.pdf_worker"]
    assert "--memory-mb=1536" in command


def test_a_pdf_that_takes_too_long_is_stopped_with_a_message(settings):
    settings.RISKREG_PDF_TIMEOUT_SECONDS = 1
    with pytest.raises(PdfFailed, match="took longer than 1 second to lay out"):
        html_to_pdf(long_table(4000))


def test_a_pdf_that_needs_too_much_memory_is_stopped_with_a_message(settings):
    # Enough to start WeasyPrint, not enough to lay out 4,000 rows.
    settings.RISKREG_PDF_MEMORY_MB = 170
    with pytest.raises(PdfFailed, match="needed more memory than the server allows"):
        html_to_pdf(long_table(4000))


class Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def outside_server():
    Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_no_url_in_the_text_is_ever_fetched(outside_server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the contents of a server file")
    html = f"""<!doctype html><html lang="en-GB"><head><title>x</title>
      <link rel="stylesheet" href="{outside_server}/style.css">
      <style>@import url("{outside_server}/import.css");
        body {{ background: url("{outside_server}/background.png"); }}</style></head>
      <body><p>Risk: supplier failure</p>
      <img src="{outside_server}/tracker.png" alt="">
      <img src="file://{secret}" alt="">
      <iframe src="{outside_server}/frame"></iframe>
      <object data="{outside_server}/object"></object>
      <a href="{outside_server}/link">a link is not fetched</a></body></html>"""
    document = html_to_pdf(html)
    assert Recorder.requests == []
    text = text_of(document)
    assert "Risk: supplier failure" in text
    assert "the contents of a server file" not in text


def test_our_own_static_files_are_fetched_and_nothing_beside_them(settings, tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "print.css").write_text('p::after { content: " [styled from static]"; }')
    (tmp_path / "outside.css").write_text('p::before { content: "[escaped the static folder] "; }')
    settings.STATICFILES_DIRS = [static]
    html = """<!doctype html><html lang="en-GB"><head><title>x</title>
      <link rel="stylesheet" href="/static/css/print.css">
      <link rel="stylesheet" href="/static/../outside.css">
      <link rel="stylesheet" href="/static/css/%2e%2e/%2e%2e/outside.css"></head>
      <body><p>Corporate register</p></body></html>"""
    text = text_of(html_to_pdf(html))
    assert "Corporate register [styled from static]" in text
    assert "escaped the static folder" not in text


@pytest.mark.parametrize(
    "url",
    [
        "https://riskreg.invalid/static/../../etc/passwd",
        "https://riskreg.invalid/static/css/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "https://riskreg.invalid/static//etc/passwd",
        "https://riskreg.invalid/media/css/print.css",
        "https://example.org/static/css/print.css",
        "file:///etc/passwd",
    ],
)
def test_static_path_refuses_anything_outside_the_static_folders(url, tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "print.css").write_text("")
    assert static_path(url, "/static/", [tmp_path]) is None
    assert (
        static_path(f"{BASE_URL}static/css/print.css", "/static/", [tmp_path])
        == (tmp_path / "css" / "print.css").resolve()
    )


def test_a_failed_pdf_download_says_why_with_a_503(client, org, settings):
    settings.RISKREG_PDF_TIMEOUT_SECONDS = 0
    client.force_login(org.people["insurance"])
    response = client.get("/reports/collation/pdf/")
    assert response.status_code == 503
    assert "The PDF could not be produced" in response.content.decode()
    assert "took longer than 0 seconds" in response.content.decode()


def test_the_annual_committee_report_is_pdf_ua_1(org):
    build_year(org)
    document = committee_report_pdf(organisation=org.organisation, year=YEAR, variant="full")
    reader = PdfReader(BytesIO(document))
    root = reader.trailer["/Root"]
    assert reader.pdf_header == "%PDF-1.7"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged
    assert "/StructTreeRoot" in root  # with a structure tree for screen readers
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in metadata  # declares PDF/UA-1
    assert reader.metadata.title  # the document's title, shown instead of the file name


def test_every_pdf_is_tagged_unless_asked_not_to_be():
    assert PDF_UA_1 == "pdf/ua-1"
    tagged = PdfReader(BytesIO(html_to_pdf("<html lang='en-GB'><title>x</title><p>x</html>")))
    assert "/StructTreeRoot" in tagged.trailer["/Root"]
    plain = PdfReader(BytesIO(html_to_pdf("<title>x</title><p>x", variant=None)))
    assert "/StructTreeRoot" not in plain.trailer["/Root"]
