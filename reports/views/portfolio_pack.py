"""A Cabinet member's portfolio pack as a PDF (docs/domain.md#cabinet-portfolios)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from registers.models import Portfolio
from reports.packs.portfolio_pack import portfolio_pack, portfolio_pack_pdf
from reports.permissions import can_read_portfolio_pack
from reports.views.download import pdf_response


@require_GET
def portfolio_pack_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The portfolio's key risks as an A4 PDF; the portfolio's page is its preview."""
    portfolio = get_object_or_404(Portfolio.objects.select_related("holder", "organisation"), pk=pk)
    if not can_read_portfolio_pack(request.user, portfolio):
        raise PermissionDenied(
            "A portfolio's pack is read by its Cabinet member and those who see every register."
        )
    pack = portfolio_pack(portfolio=portfolio)
    return pdf_response(request, lambda: portfolio_pack_pdf(pack=pack), pack.filename)
