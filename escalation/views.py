"""Escalation pages: propose from the risk page (an escalation, or a corporate risk's
closure), the queue, a proposal and its decision, de-escalation, and the in-app
notifications."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.forms import add_service_error
from escalation import closures, permissions, selectors, services
from escalation.forms import (
    ClosureProposalForm,
    DecisionForm,
    DeEscalateForm,
    ProposalForm,
    WithdrawForm,
)
from escalation.models import Notification, Proposal, ProposalStatus
from registers import roles
from registers.models import Directorate, Register, Risk, Tier
from registers.permissions import can_view_risk, is_read_only, role_names, sees_everything
from scoring import matrix
from scoring.selectors import scheme_bands


def _risk(pk: int) -> Risk:
    return get_object_or_404(
        Risk.objects.select_related("register__organisation", "register__owner", "owner"), pk=pk
    )


def _refused(user, risk: Risk, who_may: str) -> PermissionDenied:
    if not can_view_risk(user, risk):
        return PermissionDenied("You do not have access to this risk.")
    if is_read_only(user):
        return PermissionDenied("Your role can read the registers but not change them.")
    if not risk.is_open:
        return PermissionDenied(f"{risk.reference} is closed.")
    return PermissionDenied(who_may)


@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist for moving the risk up a tier: the factors the product answers from the
    scores, the ones the proposer ticks with a note, the recommendation, and the proposal."""
    risk = _risk(pk)
    if risk.register.tier == Tier.CORPORATE and can_view_risk(request.user, risk):
        raise PermissionDenied("This risk is on the corporate register: there is nowhere higher.")
    if not permissions.can_propose(request.user, risk):
        raise _refused(
            request.user,
            risk,
            f"Only the owner of {risk.reference} or the owner of {risk.register} can propose "
            "it for escalation.",
        )
    open_proposal = risk.proposals.filter(status=ProposalStatus.OPEN).first()
    if open_proposal is not None:
        messages.info(request, f"{risk.reference} already has a proposal awaiting decision.")
        return redirect(open_proposal)
    receiving = risk.register.escalates_to
    if receiving is None:
        raise Http404("There is no register above this one.")
    bands = selectors.bands_for(risk)
    checklist = selectors.checklist_for(receiving=receiving)
    today = timezone.localdate()
    evaluation = selectors.evaluate_risk(risk=risk, checklist=checklist, bands=bands, today=today)
    form = ProposalForm(request.POST or None, evaluation=evaluation)
    if form.is_bound and form.is_valid():
        try:
            proposal = services.proposal_create(
                risk=risk,
                by=request.user,
                ticks=form.ticks(),
                case=form.cleaned_data["case"],
                today=today,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"{risk.reference} is proposed for escalation to {receiving}. "
                f"{receiving.owner.get_full_name() or receiving.owner} and the Insurance Manager "
                "have been told.",
            )
            return redirect(proposal)
    residual = risk.residual_score
    return render(
        request,
        "escalation/proposal_form.html",
        {
            "risk": risk,
            "receiving": receiving,
            "checklist": checklist,
            "evaluation": evaluation,
            "derived_held": sum(a.holds for a in evaluation.answers if a.derived),
            "form": form,
            "bands": bands,
            "residual_band": matrix.band_for(residual, bands) if residual is not None else None,
            "horizon_end": selectors.next_quarter_end(today),
        },
    )


@require_http_methods(["GET", "POST"])
def closure_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose to SLT that a corporate risk comes off the register, with the reason
    (docs/domain.md#closing-a-corporate-risk)."""
    risk = _risk(pk)
    if not permissions.can_propose_closure(request.user, risk):
        raise _refused(
            request.user,
            risk,
            f"Only the owner of {risk.reference} proposes its closure: SLT and the Insurance "
            "Manager close a corporate risk directly."
            if risk.register.tier == Tier.CORPORATE
            else f"{risk.reference} is not on the corporate register: close it directly.",
        )
    open_proposal = risk.proposals.filter(status=ProposalStatus.OPEN).first()
    if open_proposal is not None:
        messages.info(request, f"{risk.reference} already has a proposal awaiting decision.")
        return redirect(open_proposal)
    form = ClosureProposalForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            proposal = closures.closure_propose(
                risk=risk, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"The closure of {risk.reference} is proposed to SLT; the Insurance Manager "
                "has been told. The risk stays open until SLT decides.",
            )
            return redirect(proposal)
    return render(request, "escalation/closure_form.html", {"risk": risk, "form": form})


@require_GET
def proposal_queue(request: HttpRequest) -> HttpResponse:
    """Proposals the user may see: the Insurance Manager's pre-SLT round across the
    organisation, a director's proposals into their directorate register, one's own."""
    status = request.GET.get("status", ProposalStatus.OPEN)
    if status not in ProposalStatus.values and status != "":
        status = ProposalStatus.OPEN
    tier = request.GET.get("tier", "")
    if tier not in (Tier.DIRECTORATE, Tier.CORPORATE):
        tier = ""
    profile = getattr(request.user, "profile", None)
    directorates = (
        list(Directorate.objects.filter(organisation_id=profile.organisation_id))
        if profile and sees_everything(request.user)
        else []
    )
    directorate_id = request.GET.get("directorate", "")
    # isdigit() alone admits "²", which int() refuses.
    directorate_id = (
        int(directorate_id) if directorate_id.isascii() and directorate_id.isdigit() else None
    )
    if directorate_id not in {d.pk for d in directorates}:
        directorate_id = None
    proposals = selectors.queue(
        user=request.user, status=status, tier=tier, directorate_id=directorate_id
    )
    # The corporate register, to offer a member of SLT the proposal of a new risk for it.
    corporate = (
        Register.objects.filter(
            organisation_id=profile.organisation_id, tier=Tier.CORPORATE
        ).first()
        if profile and roles.SLT in role_names(request.user)
        else None
    )
    page = Paginator(proposals, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "escalation/proposal_queue.html",
        {
            "page": page,
            "status": status,
            "tier": tier,
            "directorate_id": directorate_id,
            "directorates": directorates,
            "statuses": ProposalStatus.choices,
            "query": query.urlencode(),
            "new_risks": selectors.new_risks_for_queue(user=request.user, status=status, tier=tier),
            "may_propose_new_risk": corporate is not None
            and permissions.can_propose_new_risk(request.user, corporate),
            "corporate": corporate,
        },
    )


def _proposal_page(request, proposal: Proposal, *, decision_form=None, withdraw_form=None):
    user = request.user
    can_decide = permissions.can_decide(user, proposal)
    risk = proposal.risk
    bands = scheme_bands(scheme_id=proposal.to_register.organisation.scheme_id)
    return render(
        request,
        "escalation/proposal_detail.html",
        {
            "proposal": proposal,
            "risk": risk,
            "bands": bands,
            "can_decide": can_decide,
            "records_for_slt": permissions.records_for_slt(user, proposal.to_register),
            "can_withdraw": permissions.can_withdraw(user, proposal),
            "decision_form": decision_form
            or (
                DecisionForm(to_register=proposal.to_register, closure=proposal.is_closure)
                if can_decide
                else None
            ),
            "withdraw_form": withdraw_form or WithdrawForm(),
        },
        status=400 if (decision_form or withdraw_form) else 200,
    )


def _viewable_proposal(request, pk: int) -> Proposal:
    try:
        proposal = selectors.proposal_for_page(pk=pk)
    except Proposal.DoesNotExist as missing:
        raise Http404("No such proposal.") from missing
    if not permissions.can_view_proposal(request.user, proposal):
        raise PermissionDenied("You do not have access to this proposal.")
    return proposal


@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal as made (factors, notes, scores then and now) and its decision."""
    return _proposal_page(request, _viewable_proposal(request, pk))


@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _viewable_proposal(request, pk)
    if not permissions.decides_proposal(request.user, proposal):
        raise PermissionDenied(_who_decides(proposal))
    form = DecisionForm(request.POST, to_register=proposal.to_register, closure=proposal.is_closure)
    if form.is_valid():
        decide = closures.closure_decide if proposal.is_closure else services.proposal_decide
        try:
            decided = decide(
                proposal=proposal,
                by=request.user,
                accept=form.accept,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            if error.code == "already_decided":
                proposal = selectors.proposal_for_page(pk=pk)
        else:
            risk = decided.risk
            if decided.is_closure:
                messages.success(request, _closure_outcome(decided))
            elif decided.status == ProposalStatus.ACCEPTED:
                messages.success(request, f"{risk.reference} is now on {decided.to_register}.")
            else:
                messages.success(request, f"The escalation of {risk.reference} is declined.")
            return redirect(decided)
    return _proposal_page(request, proposal, decision_form=form)


def _who_decides(proposal: Proposal) -> str:
    if proposal.is_closure:
        return (
            "SLT decides the closure of a corporate risk, or the Insurance Manager records its "
            "decision; the risk's owner cannot."
        )
    corporate = proposal.to_register.tier == Tier.CORPORATE
    return f"Only the owner of {proposal.to_register} can decide this proposal" + (
        ", or SLT and the Insurance Manager." if corporate else "."
    )


def _closure_outcome(proposal: Proposal) -> str:
    risk = proposal.risk
    if proposal.status == ProposalStatus.ACCEPTED:
        return f"{risk.reference} is closed and off {proposal.to_register}, with its reason."
    return f"The closure of {risk.reference} is declined: it stays open."


@require_POST
def proposal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _viewable_proposal(request, pk)
    if proposal.proposed_by_id != request.user.pk or is_read_only(request.user):
        raise PermissionDenied("Only the person who made the proposal can withdraw it.")
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_withdraw(
                proposal=proposal, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The proposal is withdrawn.")
            return redirect(proposal)
    return _proposal_page(request, proposal, withdraw_form=form)


@require_http_methods(["GET", "POST"])
def risk_de_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a risk from a directorate or the corporate register back down, with a reason."""
    risk = _risk(pk)
    if not permissions.can_de_escalate(request.user, risk):
        raise _refused(
            request.user,
            risk,
            f"Only the owner of {risk.register} can de-escalate its risks"
            + (
                ", or SLT and the Insurance Manager."
                if risk.register.tier == Tier.CORPORATE
                else "."
            ),
        )
    targets = selectors.de_escalation_targets(risk=risk)
    form = DeEscalateForm(request.POST or None, targets=targets)
    if form.is_bound and form.is_valid():
        try:
            services.risk_de_escalate(
                risk=risk,
                to_register=form.cleaned_data["to_register"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, f"{risk.reference} is now on {form.cleaned_data['to_register']}."
            )
            return redirect(risk)
    return render(
        request,
        "escalation/de_escalate_form.html",
        {
            "risk": risk,
            "form": form,
            "came_from": selectors.came_from_register_id(risk=risk),
            "open_proposal": risk.proposals.filter(status=ProposalStatus.OPEN).first(),
        },
    )


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "escalation/notification_list.html",
        {"notifications": selectors.notifications_for(user=request.user)},
    )


@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a notification read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    # The address is one the app wrote, but never follow it off this site.
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("escalation:notifications")


@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(request, "All notifications are marked as read.")
    return redirect("escalation:notifications")
