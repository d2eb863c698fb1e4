"""The directorate collation for the Insurance Manager: the page, its PDF and its workbook."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from common import spreadsheets
from registers.models import Organisation
from reports import collation
from reports.permissions import can_read_collation
from reports.views import organisation_or_404
from reports.views.download import pdf_response


def _organisation(request: HttpRequest) -> Organisation:
    """The reader's organisation, once they may read the collation at all."""
    if not can_read_collation(request.user):
        raise PermissionDenied(
            "The directorate collation is for SLT, the Insurance Manager, "
            "the statutory officers and Internal Audit."
        )
    return organisation_or_404(request.user)


def _filename(organisation: Organisation, extension: str) -> str:
    return (
        f"{organisation.slug}-directorate-collation-{timezone.localdate().isoformat()}.{extension}"
    )


@require_GET
def collation_page(request: HttpRequest) -> HttpResponse:
    """Every directorate's registers side by side with the completeness checks, as the PDF
    shows them, with links to the PDF and the workbook."""
    organisation = _organisation(request)
    today = timezone.localdate()
    # The body is the same for every reader and is most of the page's time (reading every
    # open risk, then thousands of rows of HTML): it is kept, rendered, until a risk, action
    # or register changes (one query to know) or for CACHE_SECONDS.
    key = collation.cache_key(organisation, today, "page-body")
    built = SimpleLazyObject(
        lambda: collation.directorate_collation(organisation=organisation, today=today)
    )
    body = cache.get(key)
    if body is None:
        body = render_to_string(
            "reports/_collation_body.html", {"collation": built, "organisation": organisation}
        )
        cache.set(key, body, collation.CACHE_SECONDS)
    return render(
        request,
        "reports/collation_page.html",
        # ``collation`` is built only if something reads it: not the page, whose body is ready.
        {"body": mark_safe(body), "collation": built, "organisation": organisation},
    )


@require_GET
def collation_pdf(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    return pdf_response(
        request,
        lambda: collation.collation_pdf(organisation=organisation),
        _filename(organisation, "pdf"),
    )


@require_GET
def collation_xlsx(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    return HttpResponse(
        collation.collation_xlsx(organisation=organisation),
        content_type=spreadsheets.XLSX_CONTENT_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{_filename(organisation, "xlsx")}"'
        },
    )
