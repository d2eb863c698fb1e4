"""The annual report to the Audit and Procurement Committee: its preview page, its PDF, the
introduction the Insurance Manager writes and Internal Audit's independent opinion."""

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
from registers.versions import StaleEdit
from reports.committee import (
    REPORT_TITLE,
    VARIANT_LABELS,
    ReportUnavailable,
    committee_report,
    committee_report_filename,
    committee_report_pdf,
    committee_years,
)
from reports.committee.narrative import committee_introduction_save, committee_opinion_save
from reports.forms import CommitteeNarrativeForm, CommitteeOpinionForm
from reports.permissions import (
    APPENDIX,
    FULL,
    PUBLIC,
    VARIANTS,
    can_write_introduction,
    can_write_opinion,
    committee_report_variants,
)
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
    readable = committee_report_variants(request.user)
    if not readable:
        raise PermissionDenied("Your role does not read the committee report.")
    variant = data.get("variant") or (FULL if FULL in readable else PUBLIC)
    if variant not in VARIANTS:
        raise BadChoice(f"{variant!r} is not a version of the report: full, public or appendix.")
    if variant not in readable:
        raise PermissionDenied(
            "Your role reads the public version of the committee report and its confidential "
            "appendix, not the internal version."
            if APPENDIX in readable
            else "Your role reads only the public version of the committee report."
        )
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


def _words_forms(request, report, forms: dict) -> dict:
    """The introduction's form for the Insurance Manager, the opinion's for Internal Audit:
    as posted when a save was refused, otherwise with the words saved so far."""
    wanted = {
        "narrative_form": (CommitteeNarrativeForm, can_write_introduction(request.user)),
        "opinion_form": (CommitteeOpinionForm, can_write_opinion(request.user)),
    }
    shown = {}
    for name, (form_class, allowed) in wanted.items():
        if not allowed:
            shown[name] = None
        elif name in forms:
            shown[name] = forms[name]
        elif report is not None:
            shown[name] = form_class.for_year(
                year=report.year, variant=report.variant, narrative=report.narrative
            )
        else:
            shown[name] = None
    return shown


def _render_page(request, *, choice: Choice | None, error: str = "", status=200, **forms):
    report = None
    if choice is not None and not error:
        try:
            report = committee_report(
                organisation=choice.organisation, year=choice.year, variant=choice.variant
            )
        except ReportUnavailable as unavailable:
            raise Http404(str(unavailable)) from unavailable
    organisation = choice.organisation if choice else organisation_or_404(request.user)
    years = committee_years(organisation=organisation)
    if choice is not None and choice.year not in years:
        years = sorted({*years, choice.year}, reverse=True)
    chosen = {"year": year_label(choice.year), "variant": choice.variant} if report else {}
    query = urlencode(chosen)
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
            "variants": [(v, VARIANT_LABELS[v]) for v in committee_report_variants(request.user)],
            "pdf_url": f"{reverse('reports:committee-report-pdf')}?{query}" if report else "",
            **_words_forms(request, report, forms),
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
    """Save the introduction of a year's report (the Insurance Manager)."""
    if not can_write_introduction(request.user):
        raise PermissionDenied(
            "Only the Insurance Manager writes the committee report's introduction."
        )
    return _save_words(
        request,
        form=CommitteeNarrativeForm(request.POST),
        form_name="narrative_form",
        save=committee_introduction_save,
        saved="introduction",
    )


@require_POST
def committee_opinion(request):
    """Save Internal Audit's independent opinion in a year's report."""
    if not can_write_opinion(request.user):
        raise PermissionDenied(
            "Only Internal Audit writes the independent opinion in the committee report."
        )
    return _save_words(
        request,
        form=CommitteeOpinionForm(request.POST),
        form_name="opinion_form",
        save=committee_opinion_save,
        saved="independent opinion",
    )


def _save_words(request, *, form, form_name: str, save, saved: str):
    """Save one part of the report's words; a refused save shows the page again with what
    was typed, and, when someone else saved the same part meanwhile, what they wrote."""
    organisation = organisation_or_404(request.user)
    if not form.is_valid():
        if "year" in form.errors or "variant" in form.errors:
            return _render_page(
                request,
                choice=None,
                error="Nothing was saved: "
                + " ".join(e for field in ("year", "variant") for e in form.errors.get(field, [])),
                status=400,
            )
        choice = Choice(organisation, form.cleaned_data["year"], form.cleaned_data["variant"])
        return _render_page(request, choice=choice, status=400, **{form_name: form})
    choice = Choice(organisation, form.cleaned_data["year"], form.cleaned_data["variant"])
    try:
        save(
            organisation=organisation,
            year=choice.year,
            version=form.cleaned_data["version"],
            by=request.user,
            **{form.part: form.cleaned_data[form.part]},
        )
    except StaleEdit as stale:
        form = form.overtaken(version=stale.current.version)
        theirs = getattr(stale.current, form.part) or "(nothing)"
        form.add_error(form.part, f"{stale.message} What they saved: “{theirs}”")
        return _render_page(request, choice=choice, status=409, **{form_name: form})
    except ValidationError as error:
        add_service_error(form, error)
        return _render_page(request, choice=choice, status=400, **{form_name: form})
    messages.success(request, f"The {saved} of the {year_label(choice.year)} report is saved.")
    return redirect(_page_url(choice))
