"""The quarterly cycle's pages (docs/domain.md#the-quarterly-cycle): approving a register on its
own page, after its checklist and the tier's questions, and the Section 151 Officer's
oversight of the draft corporate register."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_service_error
from common.people import person_name
from escalation.notify import notify, people_with_role
from registers import roles
from registers.approvals import register_approve, s151_review_record
from registers.models import Register, S151Review, Tier
from registers.periods import Quarter, approvable_quarters, quarter_considered
from registers.permissions import (
    can_open_approval,
    can_review_as_s151,
    may_approve_register,
)
from registers.selectors.approvals import quarters_not_signed_off, register_approvers
from reports.approval import approval_checklist
from reports.exposure import organisation_exposure
from reports.forms_cycle import RegisterApprovalForm, S151ReviewForm
from reports.packs import corporate_register
from reports.packs.stored import stored_packs_store
from reports.pdf import PdfFailed
from reports.permissions import FULL
from reports.views import organisation_or_404
from scoring.selectors import scheme_bands

logger = logging.getLogger(__name__)

APPROVED_BY = {
    Tier.CORPORATE: "the Strategic Leadership Team: the chief executive, or any member of SLT "
    "at its meeting",
    Tier.DIRECTORATE: "the directorate's Director, the register's owner",
    Tier.SERVICE: "the Head of Service, the register's owner",
    Tier.PROJECT: "the register's owner",
}


def _approval_register(pk: int) -> Register:
    return get_object_or_404(
        Register.objects.select_related(
            "organisation", "owner", "last_approved_by", "last_approval_recorded_by"
        ),
        pk=pk,
    )


def _after_corporate_approval(request: HttpRequest, register: Register) -> None:
    """Once SLT's approval has committed: store the approved pack (a failed PDF leaves the
    approval standing and is stored on first download) and tell the statutory officers."""
    snapshot = register.approval_snapshot
    try:
        stored_packs_store(snapshot=snapshot)
    except PdfFailed:
        logger.exception("Could not store the SLT pack of %s", snapshot)
        messages.warning(
            request,
            "The approval is recorded, but its pack could not be stored yet: it will be stored "
            "when it is first downloaded.",
        )
    recorded = f", recorded by {person_name(snapshot.recorded_by)}" if snapshot.recorded_by else ""
    officers = [
        *people_with_role(organisation_id=register.organisation_id, role=roles.MONITORING_OFFICER),
        *people_with_role(organisation_id=register.organisation_id, role=roles.S151_OFFICER),
    ]
    quarter = snapshot.period
    notify(
        recipients=officers,
        subject=f"SLT approved the corporate register for {quarter.label}",
        message=f"{person_name(snapshot.approved_by)} approved {register.name} for "
        f"{quarter.label}{recorded}. The approved pack is the record of what SLT saw.",
        url=f"{reverse('reports:slt-pack')}?{urlencode({'quarter': quarter.label})}",
        actor=request.user,
    )


@require_http_methods(["GET", "POST"])
def register_approval(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve a register's review: the checklist of its open risks, the tier's questions,
    the quarter, and, for the Insurance Manager, who approved it and at which meeting. The
    register's owner (for the corporate register any member of SLT) approves; the Insurance
    Manager records on their behalf; everyone else is refused."""
    register = _approval_register(pk)
    if not can_open_approval(request.user, register):
        raise PermissionDenied(
            f"{register.name} is approved by {APPROVED_BY[register.tier]}; the Insurance "
            "Manager may record their approval."
        )
    today = timezone.localdate()
    own_name = may_approve_register(request.user, register)
    form = RegisterApprovalForm(
        request.POST if request.method == "POST" else None,
        register=register,
        today=today,
        approvers=None if own_name else register_approvers(register=register),
        unsigned=quarters_not_signed_off(register=register, quarters=approvable_quarters(today)),
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            register = register_approve(
                register=register,
                by=request.user,
                decided_by=data.get("decided_by"),
                quarter=data["quarter"],
                answers=form.answers(),
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if register.tier == Tier.CORPORATE:
                _after_corporate_approval(request, register)
            messages.success(request, f"{register.name} approved for {data['quarter'].label}.")
            return redirect(register)
    return render(
        request,
        "reports/register_approval.html",
        {
            "register": register,
            "form": form,
            "own_name": own_name,
            "approved_by": APPROVED_BY[register.tier],
            "checklist": approval_checklist(register=register, today=today),
            "considered": quarter_considered(today),
        },
        status=400 if form.is_bound else 200,
    )


def _review_quarter(request: HttpRequest) -> Quarter:
    """The quarter under review being overseen: ``?quarter=`` if it may still be approved,
    else the quarter the next meeting considers."""
    today = timezone.localdate()
    text = request.GET.get("quarter", "").strip()
    if not text:
        return quarter_considered(today)
    try:
        quarter = Quarter.parse(text)
    except ValueError as error:
        raise Http404(str(error)) from error
    if quarter not in approvable_quarters(today):
        raise Http404(f"{quarter.label} is no longer under review.")
    return quarter


@require_http_methods(["GET", "POST"])
def s151_review(request: HttpRequest) -> HttpResponse:
    """The Section 151 Officer's oversight of the draft corporate register for a quarter:
    comments and a sign-off or concerns, printed in the SLT pack, kept with history; beside
    the form, the financial exposure by directorate and the risks to the MTFS, which the
    officer makes sure the register is aligned with (docs/domain.md#financial-exposure)."""
    if not can_review_as_s151(request.user):
        raise PermissionDenied("Only the Section 151 Officer records this oversight.")
    organisation = organisation_or_404(request.user)
    register = corporate_register(organisation=organisation)
    if register is None:
        raise Http404("Your organisation has no corporate register yet.")
    quarter = _review_quarter(request)
    existing = S151Review.objects.filter(
        register=register, year=quarter.year, quarter=quarter.number
    ).first()
    initial = {"verdict": existing.verdict, "comments": existing.comments} if existing else None
    form = S151ReviewForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            s151_review_record(
                register=register, quarter=quarter, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Your oversight of {quarter.label} is recorded.")
            return redirect(
                f"{reverse('reports:slt-pack')}?{urlencode({'quarter': quarter.label})}"
            )
    return render(
        request,
        "reports/s151_review.html",
        {
            "register": register,
            "quarter": quarter,
            "form": form,
            "existing": existing,
            "draft_url": f"{reverse('reports:slt-pack')}?{urlencode({'quarter': quarter.label})}",
            "exposure": organisation_exposure(
                organisation=organisation,
                bands=scheme_bands(scheme_id=organisation.scheme_id),
                variant=FULL,
            ),
        },
        status=400 if form.is_bound else 200,
    )
