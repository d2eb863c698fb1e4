"""The annual report to the Audit and Procurement Committee: its preview page, its PDF, and
the narrative the Insurance Manager writes for it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from common.forms import add_service_error
from registers.models import Organisation
from registers.periods import Quarter, parse_year, year_label
from reports.committee import (
    REPORT_TITLE,
    VARIANT_LABELS,
    ReportUnavailable,
    committee_narrative_save,
    committee_report,
    committee_report_filename,
    committee_report_pdf,
    committee_years,
)
from reports.forms import CommitteeNarrativeForm
from reports.permissions import FULL, PUBLIC, VARIANTS, can_edit_narrative, readable_variants
from reports.views import organisation_or_404
from reports.views.download import pdf_response


class BadChoice(Exception):
    """A year or variant in the address that is not one (answered with 400 and the reason)."""


@dataclass(frozen=True)
class Choice:
    organisation: Organisation
    year: int
    variant: str


def _choice(request, data) -> Choice:
    """Who may read which variant is checked first (403), then the year (400)."""
    readable = readable_variants(request.user)
    if not readable:
        raise PermissionDenied("Your role does not read the committee report.")
    variant = data.get("variant") or (FULL if FULL in readable else PUBLIC)
    if variant not in VARIANTS:
        raise BadChoice(f"{variant!r} is not a version of the report: full, public or appendix.")
    if variant not in readable:
        raise PermissionDenied("Your role reads only the public version of the committee report.")
    organisation = organisation_or_404(request.user)
    text = (data.get("year") or "").strip()
    if not text:
        return Choice(organisation, Quarter.containing(timezone.localdate()).year, variant)
    try:
        return Choice(organisation, parse_year(text), variant)
    except ValueError as error:
        raise BadChoice(str(error)) from error


def _page_url(choice: Choice) -> str:
    query = urlencode({"year": year_label(choice.year), "variant": choice.variant})
    return f"{reverse('reports:committee-report')}?{query}"


def _render_page(request, *, choice: Choice | None, form=None, error: str = "", status=200):
    report = None
    if choice is not None and not error:
        try:
            report = committee_report(
                organisation=choice.organisation, year=choice.year, variant=choice.variant
            )
        except ReportUnavailable as unavailable:
            raise Http404(str(unavailable)) from unavailable
    can_edit = can_edit_narrative(request.user)
    if report is not None and can_edit and form is None:
        form = CommitteeNarrativeForm.for_year(
            year=report.year, variant=report.variant, narrative=report.narrative
        )
    organisation = choice.organisation if choice else organisation_or_404(request.user)
    years = committee_years(organisation=organisation)
    if choice is not None and choice.year not in years:
        years = sorted({*years, choice.year}, reverse=True)
    return render(
        request,
        "reports/committee_report_page.html",
        {
            "title": REPORT_TITLE,
            "report": report,
            "organisation": organisation,
            "error": error,
            "chosen_year": year_label(choice.year) if choice else request.GET.get("year", ""),
            "chosen_variant": choice.variant if choice else request.GET.get("variant", ""),
            "years": [year_label(year) for year in years],
            "variants": [(v, VARIANT_LABELS[v]) for v in readable_variants(request.user)],
            "pdf_url": (
                f"{reverse('reports:committee-report-pdf')}?"
                f"{urlencode({'year': year_label(choice.year), 'variant': choice.variant})}"
                if report
                else ""
            ),
            "narrative_form": form if can_edit else None,
        },
        status=status,
    )


@require_GET
def committee_report_page(request):
    """The committee report of a financial year (``?year=2026/27``, this year by default) in
    the site's frame, with the narrative form for those who write it."""
    try:
        choice = _choice(request, request.GET)
    except BadChoice as error:
        return _render_page(request, choice=None, error=str(error), status=400)
    return _render_page(request, choice=choice)


@require_GET
def committee_report_pdf_view(request):
    """The same report as an A4 PDF, shown in the browser."""
    try:
        choice = _choice(request, request.GET)
    except BadChoice as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    try:
        return pdf_response(
            request,
            lambda: committee_report_pdf(
                organisation=choice.organisation, year=choice.year, variant=choice.variant
            ),
            committee_report_filename(year=choice.year, variant=choice.variant),
        )
    except ReportUnavailable as unavailable:
        raise Http404(str(unavailable)) from unavailable


@require_POST
def committee_narrative(request):
    """Save the introduction and the opinion of a year's report (the Insurance Manager)."""
    if not can_edit_narrative(request.user):
        raise PermissionDenied("Only the Insurance Manager writes the committee report's words.")
    organisation = organisation_or_404(request.user)
    form = CommitteeNarrativeForm(request.POST)
    if not form.is_valid():
        if "year" in form.errors or "variant" in form.errors:
            return _render_page(
                request,
                choice=None,
                error="The narrative was not saved: "
                + " ".join(e for field in ("year", "variant") for e in form.errors.get(field, [])),
                status=400,
            )
        choice = Choice(organisation, form.cleaned_data["year"], form.cleaned_data["variant"])
        return _render_page(request, choice=choice, form=form, status=400)
    choice = Choice(organisation, form.cleaned_data["year"], form.cleaned_data["variant"])
    try:
        committee_narrative_save(
            organisation=organisation,
            year=choice.year,
            introduction=form.cleaned_data["introduction"],
            opinion=form.cleaned_data["opinion"],
            by=request.user,
        )
    except ValidationError as error:
        add_service_error(form, error)
        return _render_page(request, choice=choice, form=form, status=400)
    messages.success(
        request, f"The narrative of the {year_label(choice.year)} committee report is saved."
    )
    return redirect(_page_url(choice))
