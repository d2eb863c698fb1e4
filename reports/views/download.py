"""The response for a PDF download, or a page saying why there is none."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reports.pdf import PdfFailed


def pdf_response(request: HttpRequest, build: Callable[[], bytes], filename: str) -> HttpResponse:
    """``build()``'s PDF shown in the browser as ``filename``; when it fails, a 503 page that
    says why (the time or memory cap, see ``reports.pdf``) and what to do."""
    try:
        pdf = build()
    except PdfFailed as failed:
        return render(request, "reports/pdf_failed.html", {"reason": str(failed)}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
