"""The register page (its risks filtered, sorted, paginated, with two heat maps) and its CSV
export of the same view."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from common.people import person_name
from common.spreadsheets import neutralise
from registers import permissions, reference
from registers.appetite import AppetiteRules
from registers.filters import CELL_PARAMETERS, RegisterRiskFilter
from registers.models import Register, Risk
from registers.selectors import register_page
from scoring import matrix


def _viewable_register(request: HttpRequest, pk: int) -> Register:
    try:
        register = register_page.register_for_page(pk=pk)
    except Register.DoesNotExist as missing:
        raise Http404("No such register.") from missing
    if not permissions.can_view_register(request.user, register):
        raise PermissionDenied("You do not have access to this register.")
    return register


def query_without(query: QueryDict, *names: str) -> QueryDict:
    """A copy of the request's parameters without ``names``."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept


@dataclass
class RegisterView:
    """What the page and the export share: the filters, the sort and the risks they select."""

    register: Register
    bands: tuple[matrix.Band, ...]
    filterset: RegisterRiskFilter
    sort: register_page.SortState
    today: date
    trends: register_page.RegisterTrends
    appetite: AppetiteRules

    @property
    def risks(self) -> QuerySet[Risk]:
        return register_page.with_row_details(
            register_page.sort_risks(self.filterset.qs, sort=self.sort)
        )


def _register_view(request: HttpRequest, pk: int) -> RegisterView:
    register = _viewable_register(request, pk)
    bands = reference.bands(register.organisation)
    today = timezone.localdate()
    appetite = reference.appetite(register.organisation, on=today)
    filterset = RegisterRiskFilter(
        request.GET,
        queryset=register_page.register_risks(register=register, bands=bands),
        bands=bands,
        owner_choices=register_page.register_owner_choices(register=register),
        categories=partial(reference.categories, register.organisation),
        today=today,
        appetite=appetite,
    )
    sort = register_page.parse_sort(request.GET.get("sort"))
    trends = register_page.register_trends(register=register)
    return RegisterView(register, bands, filterset, sort, today, trends, appetite)


@require_GET
def register_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The register's risks with filters, sorting, 50 a page, and inherent and residual heat
    maps of the risks the filters select (every cell, whichever cell the list shows)."""
    view = _register_view(request, pk)
    heatmaps = register_page.heatmaps(
        view.filterset.qs_for_heatmaps, selected=view.filterset.selected_cells
    )
    paginator = register_page.CountedPaginator(
        view.risks, register_page.PAGE_SIZE, count=heatmaps.listed
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "registers/register_detail.html",
        {
            "register": view.register,
            "bands": view.bands,
            "filterset": view.filterset,
            "sort": view.sort,
            "page": page,
            "rows": register_page.risk_rows(
                page.object_list, today=view.today, trends=view.trends, appetite=view.appetite
            ),
            "trends": view.trends,
            "elided_pages": list(page.paginator.get_elided_page_range(page.number)),
            "inherent_counts": heatmaps.inherent,
            "residual_counts": heatmaps.residual,
            "selected_cells": view.filterset.selected_cells,
            # A cell link replaces any cell chosen before; the export is every page.
            "heatmap_query": query_without(request.GET, "page", *CELL_PARAMETERS),
            "export_query": query_without(request.GET, "page"),
            "can_change_register": permissions.can_change_register(request.user, view.register),
            "can_approve": permissions.can_open_approval(request.user, view.register),
            "can_report_risk": permissions.can_report_risk(request.user, view.register),
            "can_propose_corporate_risk": permissions.can_propose_corporate_risk(
                request.user, view.register
            ),
            "can_read_reports": permissions.can_read_reports(request.user, view.register),
            "can_close": permissions.can_close_register(request.user, view.register),
            "can_circulate": permissions.can_circulate_register(request.user, view.register),
            "escalated_away": register_page.escalated_away(register=view.register),
            "today": view.today,
        },
    )


CSV_COLUMNS = (
    "Reference",
    "Title",
    "Owner",
    "Inherent likelihood",
    "Inherent impact",
    "Inherent score",
    "Inherent band",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Residual band",
    "Appetite",
    "Response",
    "Horizon",
    "Trend",
    "Next review",
    "Review overdue",
    "Status",
)


def band_label(score: int | None, bands: tuple[matrix.Band, ...]) -> str:
    return matrix.band_for(score, bands).label if score is not None else "Not scored"


def appetite_cell(verdict) -> str:
    """The export's appetite column: "Outside appetite (Finance: Cautious, tolerance 9)"."""
    return verdict.text[:1].upper() + verdict.text[1:] if verdict and verdict.text else ""


@require_GET
def register_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The current view of the register as CSV: same filters and order, every page."""
    view = _register_view(request, pk)
    filename = f"{view.register.prefix}-risks-{view.today.isoformat()}.csv"
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    # A byte order mark makes Excel read the file as UTF-8 instead of guessing a code page.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    rows = register_page.risk_rows(
        view.risks, today=view.today, trends=view.trends, appetite=view.appetite
    )
    for row in rows:
        risk = row.risk
        owner = person_name(risk.owner) if risk.owner else ""
        cells = (
            risk.reference,
            risk.title,
            owner,
            risk.inherent_likelihood,
            risk.inherent_impact,
            risk.inherent_score,
            band_label(risk.inherent_score, view.bands),
            risk.residual_likelihood,
            risk.residual_impact,
            risk.residual_score,
            band_label(risk.residual_score, view.bands),
            appetite_cell(row.appetite),
            risk.get_response_display() or "Not decided",
            risk.get_horizon_display(),
            row.trend.text,
            risk.next_review_due.isoformat() if risk.next_review_due else "",
            "Yes" if row.review_overdue else "No",
            risk.get_status_display(),
        )
        writer.writerow([neutralise(cell) for cell in cells])
    return response
