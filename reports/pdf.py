"""HTML to PDF with WeasyPrint, fetching nothing from the network.

Every document is an ordinary template (the same one the preview page shows) with a print
stylesheet inlined by ``reports/pdf_base.html``; nothing it refers to is fetched, so a PDF
renders the same on a server with no outside access and cannot be made to call out.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


class NoFetching(URLFetcher):
    """Refuse every URL except inline ``data:`` ones (WeasyPrint skips what is refused)."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"riskreg PDFs fetch nothing: {url}")


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, base_url="about:blank", url_fetcher=NoFetching()).write_pdf()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render ``template_name`` (extending ``reports/pdf_base.html``) to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, {**context, "for_pdf": True}))
