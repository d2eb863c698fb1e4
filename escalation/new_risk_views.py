"""The pages by which a risk joins or leaves the corporate register outside escalation, each
telling the Monitoring Officer: proposing a new corporate risk and deciding it
(docs/domain.md#new-corporate-risks), adding one directly as the register's owner, and closing
one outright as the record of SLT's decision (docs/domain.md#closing-a-corporate-risk)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.forms import add_service_error
from escalation import closures, new_risks, permissions
from escalation.forms import DecisionForm
from escalation.models import NewRiskProposal, ProposalStatus
from escalation.new_risk_forms import NewRiskProposalForm
from registers.categories import category_label, category_labels
from registers.forms.risk import RiskCloseForm, RiskForm, scheme_for_script
from registers.models import Register, Risk, Tier
from registers.permissions import can_change_register, can_close_risk, can_view_risk
from registers.selectors.people import organisation_people
from scoring.selectors import scheme_bands, scheme_guide


def _corporate_register(pk: int) -> Register:
    return get_object_or_404(
        Register.objects.select_related("organisation"), pk=pk, tier=Tier.CORPORATE
    )


@require_http_methods(["GET", "POST"])
def new_risk_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """A member of SLT proposes a new risk for the corporate register: the risk form, and the
    case for adding it."""
    register = _corporate_register(pk)
    if not permissions.can_propose_new_risk(request.user, register):
        raise PermissionDenied(
            "Only a member of SLT proposes a new corporate risk. To suggest one, report it to "
            "the register's owner."
        )
    guide = scheme_guide(scheme_id=register.organisation.scheme_id)
    form = NewRiskProposalForm(
        request.POST if request.method == "POST" else None,
        register=register,
        guide=guide,
        people=organisation_people(organisation_id=register.organisation_id, keep=[]),
    )
    if form.is_bound and form.is_valid():
        try:
            proposal = new_risks.new_risk_propose(
                register=register, by=request.user, fields=form.risk_fields(), case=form.case_text
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                f"{proposal.title} is proposed to SLT; the Insurance Manager has been told. "
                "Another member of SLT decides.",
            )
            return redirect(proposal)
    return render(
        request,
        "escalation/new_risk_form.html",
        {"form": form, "register": register, "scheme": scheme_for_script(guide)},
    )


def _viewable(request: HttpRequest, pk: int) -> NewRiskProposal:
    proposal = get_object_or_404(
        NewRiskProposal.objects.select_related(
            "register__organisation", "proposed_by", "proposed_owner", "decided_by", "risk"
        ),
        pk=pk,
    )
    if not permissions.can_view_new_risk(request.user, proposal):
        raise PermissionDenied("You do not have access to this proposal.")
    return proposal


def _page(request: HttpRequest, proposal: NewRiskProposal, *, decision_form=None):
    user = request.user
    can_decide = permissions.can_decide_new_risk(user, proposal)
    if decision_form is None and can_decide:
        decision_form = DecisionForm(to_register=proposal.register, new_risk=True)
    risk = proposal.as_risk()
    risk.category_label = category_label(
        category_labels(proposal.register.organisation_id), risk.category
    )
    return render(
        request,
        "escalation/new_risk_detail.html",
        {
            "proposal": proposal,
            "risk": risk,
            "bands": scheme_bands(scheme_id=proposal.register.organisation.scheme_id),
            "can_decide": can_decide,
            "records_for_slt": permissions.records_for_slt(user, proposal.register),
            "decision_form": decision_form,
        },
        status=400 if decision_form is not None and decision_form.is_bound else 200,
    )


@require_GET
def new_risk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposed risk as its proposer filled it in, their case, and SLT's decision."""
    return _page(request, _viewable(request, pk))


@require_POST
def new_risk_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _viewable(request, pk)
    if not permissions.decides_new_risk(request.user, proposal):
        raise PermissionDenied(
            "SLT decides a proposed corporate risk, or the Insurance Manager records its "
            "decision; the member who proposed it cannot."
        )
    form = DecisionForm(request.POST, to_register=proposal.register, new_risk=True)
    if form.is_valid():
        try:
            decided = new_risks.new_risk_decide(
                proposal=proposal,
                by=request.user,
                accept=form.accept,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            proposal = _viewable(request, pk)
        else:
            if decided.status == ProposalStatus.ACCEPTED:
                messages.success(
                    request, f"{decided.risk.reference} {decided.title} is on {decided.register}."
                )
                return redirect(decided.risk)
            messages.success(request, f"{decided.title} is not added: the proposer is told why.")
            return redirect(decided)
    return _page(request, proposal, decision_form=form)


@require_http_methods(["GET", "POST"])
def corporate_risk_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a corporate risk outright, recording SLT's decision: the register's owner and the
    Insurance Manager. The risk's owner and the other members of SLT propose its closure."""
    risk = get_object_or_404(
        Risk.objects.select_related("register__organisation", "owner"),
        pk=pk,
        register__tier=Tier.CORPORATE,
    )
    if not can_close_risk(request.user, risk):
        if not can_view_risk(request.user, risk):
            raise PermissionDenied("You do not have access to this risk.")
        if not risk.is_open:
            raise PermissionDenied(f"{risk.reference} is already closed.")
        raise PermissionDenied(
            f"{risk.reference} comes off the corporate register by SLT's decision: the "
            "register's owner or the Insurance Manager records it. Propose its closure from "
            "the risk's page."
        )
    form = RiskCloseForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            closures.corporate_risk_close(
                risk=risk, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason" if error.code == "reason_required" else None, error)
        else:
            messages.success(
                request,
                f"{risk.reference} closed and off the corporate register. It stays on record "
                "with your reason; the Monitoring Officer has been told.",
            )
            return redirect(risk)
    return render(request, "registers/risk_close.html", {"risk": risk, "form": form})


@require_http_methods(["GET", "POST"])
def corporate_risk_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The corporate register's owner (or the Insurance Manager) adds a risk directly: the
    risk form, as on any register, and the Monitoring Officer is told."""
    register = _corporate_register(pk)
    if not can_change_register(request.user, register):
        raise PermissionDenied(
            "Only the register's owner and the Insurance Manager can add risks to this "
            "register. To suggest a new risk, report it to the register's owner."
        )
    guide = scheme_guide(scheme_id=register.organisation.scheme_id)
    form = RiskForm(
        request.POST if request.method == "POST" else None,
        register=register,
        guide=guide,
        people=organisation_people(organisation_id=register.organisation_id),
    )
    if form.is_bound and form.is_valid():
        try:
            risk = new_risks.corporate_risk_add(
                register=register, by=request.user, fields=form.risk_fields()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{risk.reference} {risk.title} added to {register}.")
            return redirect(risk)
    return render(
        request,
        "registers/risk_form.html",
        {
            "form": form,
            "register": register,
            "scheme": scheme_for_script(guide),
            "cancel_url": register.get_absolute_url(),
        },
    )
