"""A report's PDF is prepared in the background after one click: the page says so and shows the
time passing, then the file downloads by itself and a link to save it again takes the focus;
a PDF that fails says why, in the page."""

import re
import threading

import pytest
from django.core.signals import request_finished
from playwright.sync_api import Page, expect

from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def open_collation(page: Page, live_server, org):
    RiskFactory(register=org.directorate_register, title="Social care market failure")
    sign_in(page, live_server, "insurance")
    page.goto(f"{live_server.url}/reports/collation/")


def test_one_click_prepares_the_pdf_in_the_page_then_downloads_it(page: Page, live_server, org):
    open_collation(page, live_server, org)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="Download PDF").click()
        status = page.get_by_role("status").filter(has_text="PDF")
        expect(status.first).to_contain_text("Preparing the PDF")
        expect(page.get_by_role("progressbar", name="Preparing the PDF")).to_be_visible()
        # Still on the same page: nothing froze or navigated away.
        expect(page).to_have_url(f"{live_server.url}/reports/collation/")
    # One click: the file downloaded by itself.
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")

    save = page.get_by_role("link", name=re.compile(r"^Save .+\.pdf again \([\d,]+ KB\)$"))
    expect(save).to_be_focused()
    expect(page.get_by_text("The PDF is ready and downloading")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_count(0)
    with page.expect_download() as again:
        save.click()
    assert again.value.suggested_filename == download.value.suggested_filename


def test_a_pdf_that_fails_says_why_in_the_page(page: Page, live_server, org, settings):
    settings.RISKREG_PDF_TIMEOUT_SECONDS = 0
    open_collation(page, live_server, org)
    page.get_by_role("link", name="Download PDF").click()
    alert = page.get_by_role("alert").filter(has_text="took longer than 0 seconds")
    expect(alert).to_be_visible(timeout=30_000)
    expect(page).to_have_url(f"{live_server.url}/reports/collation/")
    # The link works again for another try.
    expect(page.get_by_role("link", name="Download PDF")).not_to_have_attribute(
        "aria-disabled", "true"
    )


def test_the_preparation_can_be_cancelled(page: Page, live_server, org):
    open_collation(page, live_server, org)
    finished = threading.Event()

    def pdf_request_finished(sender, **kwargs):
        finished.set()

    page.get_by_role("link", name="Download PDF").click()
    request_finished.connect(pdf_request_finished)
    try:
        page.get_by_role("button", name="Cancel").click()
        expect(page.get_by_text("Stopped. The PDF was not downloaded.")).to_be_visible()
        # The server finishes the abandoned PDF on its own; let it, before the test's data go.
        assert finished.wait(timeout=60)
    finally:
        request_finished.disconnect(pdf_request_finished)
