"""Reporting a new risk to a register, and the register owner's decision on it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.forms import add_service_error
from common.people import person_name
from registers import permissions, services
from registers.forms.report import AcceptReportForm, DeclineReportForm, RiskReportForm
from registers.models import Register, ReportStatus, RiskReport
from registers.selectors.reports import register_reports, report_for_page, reports_by

REPORTS_PER_PAGE = 50


def _register(pk: int) -> Register:
    return get_object_or_404(Register.objects.select_related("owner", "organisation"), pk=pk)


@require_http_methods(["GET", "POST"])
def report_create(request, pk: int):
    """Any colleague who can see a register proposes a new risk for it."""
    register = _register(pk)
    if not permissions.can_report_risk(request.user, register):
        if permissions.is_read_only(request.user):
            raise PermissionDenied("Your role can read the registers but not report risks.")
        raise PermissionDenied("You do not have access to this register.")
    form = RiskReportForm(
        request.POST if request.method == "POST" else None,
        instance=RiskReport(register=register, reported_by=request.user),
    )
    if form.is_bound and form.is_valid():
        try:
            report = services.risk_report_submit(
                register=register, by=request.user, **form.service_fields()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Thank you: your risk has been sent to {person_name(register.owner)}, who owns "
                f"{register.name} and will decide whether to add it to the register.",
            )
            return redirect(report)
    return render(request, "registers/report_form.html", {"form": form, "register": register})


def _report(pk: int) -> RiskReport:
    try:
        return report_for_page(pk=pk)
    except RiskReport.DoesNotExist as missing:
        raise Http404("No such report.") from missing


def _require_decider(user, report: RiskReport) -> None:
    if not permissions.can_change_register(user, report.register):
        raise PermissionDenied(
            "Only the register's owner or the Insurance Manager can decide on a reported risk."
        )


def _render_detail(request, report, *, accept_form=None, decline_form=None, status=200):
    can_decide = permissions.can_change_register(request.user, report.register)
    if report.reported_by_id != request.user.pk and not permissions.can_read_reports(
        request.user, report.register
    ):
        raise PermissionDenied(
            "Only the colleague who reported this risk, the register's owner, the Insurance "
            "Manager and Internal Audit can see it."
        )
    pending = report.status == ReportStatus.PENDING
    if can_decide and pending:
        organisation_id = report.register.organisation_id
        accept_form = accept_form or AcceptReportForm(organisation_id=organisation_id)
        decline_form = decline_form or DeclineReportForm()
    return render(
        request,
        "registers/report_detail.html",
        {
            "report": report,
            "can_decide": can_decide and pending,
            "accept_form": accept_form,
            "decline_form": decline_form,
        },
        status=status,
    )


@require_GET
def report_detail(request, pk: int):
    """A reported risk and its decision: for its reporter, Internal Audit and the register's
    deciders, who accept or decline it here while it waits."""
    return _render_detail(request, _report(pk))


def _already_decided(request, report, error: ValidationError):
    """A second decision is refused: say so, and show the first."""
    messages.error(request, " ".join(error.messages))
    return redirect(report)


@require_POST
def report_accept(request, pk: int):
    """Put the reported risk on the register, not yet scored, with the owner chosen."""
    report = _report(pk)
    _require_decider(request.user, report)
    form = AcceptReportForm(request.POST, organisation_id=report.register.organisation_id)
    if form.is_valid():
        try:
            report = services.risk_report_accept(
                report=report, by=request.user, owner=form.cleaned_data["owner"]
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_decided":
                return _already_decided(request, report, error)
            add_service_error(form, error)
        else:
            risk = report.risk
            messages.success(
                request,
                f"Accepted: the risk is on the register as {risk.reference}, not yet scored. "
                f"{person_name(risk.owner)} owns it.",
            )
            return redirect(report)
    return _render_detail(request, report, accept_form=form)


@require_POST
def report_decline(request, pk: int):
    """Decline the reported risk with a reason the reporter will see."""
    report = _report(pk)
    _require_decider(request.user, report)
    form = DeclineReportForm(request.POST)
    if form.is_valid():
        try:
            report = services.risk_report_decline(
                report=report, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_decided":
                return _already_decided(request, report, error)
            add_service_error(form, error)
        else:
            messages.success(
                request, f"Declined. {person_name(report.reported_by)} will see your reason."
            )
            return redirect(report)
    return _render_detail(request, report, decline_form=form)


@require_GET
def register_report_list(request, pk: int):
    """The risks reported to a register, those waiting for a decision first."""
    register = _register(pk)
    if not permissions.can_read_reports(request.user, register):
        raise PermissionDenied(
            "Only the register's owner, the Insurance Manager and Internal Audit can see the "
            "risks reported to it."
        )
    page = Paginator(register_reports(register=register), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "registers/report_list.html",
        {
            "register": register,
            "page": page,
            "reports": page.object_list,
            "mine": False,
            "can_decide": permissions.can_change_register(request.user, register),
        },
    )


@require_GET
def my_report_list(request):
    """The risks the signed-in user has reported, with their status and any reason given."""
    page = Paginator(reports_by(user=request.user), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "registers/report_list.html",
        {"register": None, "page": page, "reports": page.object_list, "mine": True},
    )
