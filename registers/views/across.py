"""Risks across registers: the open risks of every register the person may see, filtered,
sorted, paginated, and exported as CSV or XLSX (docs/domain.md#risks-across-registers)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from common.paging import KeyPaginator
from common.people import person_name
from common.spreadsheets import neutralise
from registers import reference
from registers.appetite import AppetiteRules, appetite_rules
from registers.filters import AcrossRiskFilter
from registers.models import Risk
from registers.selectors import across, changes
from registers.selectors.register_page import SortState, parse_sort, sort_risks
from registers.views.register import appetite_cell, band_label, query_without
from registers.views.register_xlsx import xlsx_from_csv


@dataclass
class AcrossView:
    """What the page and its exports share: the scope, the filters and the sort."""

    scope: across.AcrossScope
    filterset: AcrossRiskFilter
    sort: SortState
    today: date
    appetite: AppetiteRules

    @property
    def sorted(self) -> QuerySet[Risk]:
        """The risks filtered and sorted, without what their rows show."""
        return sort_risks(self.filterset.qs, sort=self.sort)

    @property
    def risks(self) -> QuerySet[Risk]:
        return across.across_rows(self.sorted)


def _across_view(request: HttpRequest) -> AcrossView:
    scope = across.across_scope(user=request.user)
    today = timezone.localdate()
    organisation = scope.organisation
    appetite = (
        reference.appetite(organisation, on=today)
        if organisation
        else appetite_rules(bands={}, on=today)
    )
    filterset = AcrossRiskFilter(
        request.GET,
        queryset=across.across_risks(scope=scope),
        bands=scope.bands,
        directorate_choices=across.across_directorate_choices(scope=scope),
        register_choices=across.across_register_choices(scope=scope),
        owner_choices=across.across_owner_choices(scope=scope),
        today=today,
        appetite=appetite,
    )
    sort = parse_sort(
        request.GET.get("sort"),
        columns=across.ACROSS_SORT_COLUMNS,
        default=across.ACROSS_DEFAULT_SORT,
    )
    return AcrossView(scope, filterset, sort, today, appetite)


@require_GET
def risks_across(request: HttpRequest) -> HttpResponse:
    """Every open risk on the registers the person may see, 50 a page."""
    view = _across_view(request)
    page = KeyPaginator(
        view.sorted, across.PAGE_SIZE, rows=across.across_rows, counted=changes.count
    ).get_page(request.GET.get("page"))
    rows = [
        (risk, risk.review_overdue(view.today), view.appetite.verdict(risk))
        for risk in page.object_list
    ]
    return render(
        request,
        "registers/risk_across.html",
        {
            "bands": view.scope.bands,
            "filterset": view.filterset,
            "sort": view.sort,
            "page": page,
            "rows": rows,
            "elided_pages": list(page.paginator.get_elided_page_range(page.number)),
            "export_query": query_without(request.GET, "page"),
            "today": view.today,
        },
    )


CSV_COLUMNS = (
    "Reference",
    "Title",
    "Register",
    "Tier",
    "Owner",
    "Inherent score",
    "Inherent band",
    "Residual score",
    "Residual band",
    "Appetite",
    "Response",
    "Horizon",
    "Next review",
    "Review overdue",
)


@require_GET
def risks_across_export(request: HttpRequest) -> HttpResponse:
    """The page's current view as CSV: same filters and order, every page."""
    view = _across_view(request)
    filename = f"risks-across-registers-{view.today.isoformat()}.csv"
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    # A byte order mark makes Excel read the file as UTF-8 instead of guessing a code page.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for risk in view.risks.iterator(chunk_size=2000):
        cells = (
            risk.reference,
            risk.title,
            risk.register.name,
            risk.register.get_tier_display(),
            person_name(risk.owner) if risk.owner else "",
            risk.inherent_score,
            band_label(risk.inherent_score, view.scope.bands),
            risk.residual_score,
            band_label(risk.residual_score, view.scope.bands),
            appetite_cell(view.appetite.verdict(risk)),
            risk.get_response_display() or "Not decided",
            risk.get_horizon_display(),
            risk.next_review_due.isoformat() if risk.next_review_due else "",
            "Yes" if risk.review_overdue(view.today) else "No",
        )
        writer.writerow([neutralise(cell) for cell in cells])
    return response


@require_GET
def risks_across_export_xlsx(request: HttpRequest) -> HttpResponse:
    """The page's current view as XLSX: the CSV export's rows, scores as numbers."""
    return xlsx_from_csv(risks_across_export(request))
