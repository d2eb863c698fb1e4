"""The app keeps serving while a large PDF renders: other people's pages are not queued behind it.

Against the (threaded) live server: a big directorate collation PDF is requested in one thread;
once the server has started on it, other pages are fetched one after another from the test's
thread. Each must come back while the PDF is still being made (the order is taken from events
the threads record, not from timings), and the PDF must still arrive whole.
"""

from __future__ import annotations

import io
import itertools
import threading
import urllib.request

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.signals import request_started
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from demo.benchdata import generate_bench_data
from registers.models import Register, Tier

pytestmark = pytest.mark.django_db(transaction=True)

# Enough risks that the collation PDF takes some seconds to make, many times a page's time.
RISKS = 1500


def fetch(url: str, session: str) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.status, response.read()


def test_pages_are_served_while_a_large_pdf_renders(live_server):
    # The benchmark organisation: its chief is SLT, who may read the collation.
    generate_bench_data(risks=RISKS)
    client = Client()
    chief = get_user_model().objects.get(username="bench.chief")
    client.force_login(chief)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    corporate = Register.objects.get(organisation__slug="bench", tier=Tier.CORPORATE)
    pdf_path = reverse("reports:collation-pdf")
    # Fetched one after another while the PDF is made.
    pages = [
        reverse("web:home"),
        corporate.get_absolute_url(),
        reverse("reports:collation"),
    ]

    order = itertools.count()  # the order in which things finished, across threads
    pdf_started = threading.Event()
    pdf: dict = {}

    def on_request(sender, environ=None, **kwargs):
        if environ and environ.get("PATH_INFO") == pdf_path:
            pdf_started.set()

    def download_pdf():
        try:
            pdf["status"], pdf["body"] = fetch(live_server.url + pdf_path, session)
        finally:
            pdf["finished"] = next(order)

    request_started.connect(on_request)
    try:
        downloader = threading.Thread(target=download_pdf)
        downloader.start()
        assert pdf_started.wait(timeout=60), "the server never started on the PDF"
        served = []
        for path in pages:
            status, body = fetch(live_server.url + path, session)
            assert b"</html>" in body
            served.append((path, status, "finished" not in pdf, next(order)))
        downloader.join(timeout=600)
    finally:
        request_started.disconnect(on_request)

    # Every page came back, whole, while the PDF was still being made...
    assert [(path, status, rendering) for path, status, rendering, _ in served] == [
        (path, 200, True) for path, *_ in served
    ]
    assert all(finished < pdf["finished"] for *_, finished in served)
    # ... and the PDF, finished after them, arrived complete.
    assert pdf["status"] == 200
    reader = PdfReader(io.BytesIO(pdf["body"]))
    assert len(reader.pages) > 1
    assert "Directorate collation" in reader.pages[0].extract_text()
