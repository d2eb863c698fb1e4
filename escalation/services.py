"""Escalation's writes: propose, decide, withdraw, de-escalate. Each runs in one transaction,
locks the rows it decides on, checks its rules after the lock, and raises
``ValidationError(message, code=...)`` with nothing written when a rule refuses it.

Rejection codes: ``risk_closed``, ``top_tier``, ``no_receiving_register``, ``not_allowed``,
``open_proposal_exists``, ``unknown_factor``, ``note_required``, ``case_required``,
``already_decided``, ``not_receiving_owner``, ``reason_required``, ``risk_moved``,
``not_proposer``, ``not_lower``, ``not_escalation``. Closing a corporate risk by SLT's
decision is in ``escalation.closures``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from common.people import person_name
from escalation import permissions
from escalation.checklist import Evaluation
from escalation.models import Checklist, Proposal, ProposalStatus
from escalation.notify import notify, people_with_role
from escalation.selectors import bands_for, checklist_for, evaluate_risk
from registers import roles
from registers.models import MovementKind, Register, Risk, Tier
from registers.permissions import is_read_only
from registers.services import risk_move, save_with_history
from scoring import matrix


def _locked_risk(risk: Risk) -> Risk:
    return (
        # Lock the risk row only: PostgreSQL cannot lock the nullable side of an outer join.
        Risk.objects.select_for_update(of=("self",))
        .select_related("register", "register__organisation", "owner")
        .get(pk=risk.pk)
    )


def _insurance_managers(register: Register):
    return people_with_role(organisation_id=register.organisation_id, role=roles.INSURANCE_MANAGER)


def _monitoring_officers_for(register: Register):
    """The Monitoring Officers, told of SLT's decisions on escalations into and removals from
    the corporate register (docs/domain.md#escalation-decisions); nobody for a lower register."""
    if register.tier != Tier.CORPORATE:
        return []
    return people_with_role(organisation_id=register.organisation_id, role=roles.MONITORING_OFFICER)


@transaction.atomic
def proposal_create(
    *,
    risk: Risk,
    by: AbstractBaseUser,
    ticks: Mapping[int, str],
    case: str = "",
    today: date | None = None,
) -> Proposal:
    """Propose escalating ``risk`` to the register one tier up.

    ``ticks`` maps each judged factor the proposer says holds to their note. The derived
    factors are answered from the risk's scores; the answers, the scores and the bands are
    snapshotted on the proposal. Below the checklist's recommendation the proposer must make
    their case in words.
    """
    risk = _locked_risk(risk)
    receiving = _register_to_propose_to(risk=risk, by=by)
    checklist = checklist_for(receiving=receiving)
    bands = bands_for(risk)
    evaluation = evaluate_risk(
        risk=risk, checklist=checklist, bands=bands, today=today, ticks=dict(ticks)
    )
    case = _checked_case(evaluation=evaluation, ticks=ticks, case=case)
    residual = matrix.band_or_none(risk.residual_likelihood, risk.residual_impact, bands)
    proposal = _proposal_snapshot(
        risk=risk,
        receiving=receiving,
        checklist=checklist,
        evaluation=evaluation,
        case=case,
        by=by,
        inherent=matrix.band_or_none(risk.inherent_likelihood, risk.inherent_impact, bands),
        residual=residual,
    )
    _save_proposal(proposal=proposal, by=by)
    _notify_proposed(proposal=proposal, evaluation=evaluation, residual=residual, by=by)
    return proposal


def _register_to_propose_to(*, risk: Risk, by: AbstractBaseUser) -> Register:
    """The register one tier up, once the rules allow the proposal: an open risk below the
    corporate register, proposed by its owner or its register's owner, with a register above
    it and no other proposal awaiting decision."""
    if not risk.is_open:
        raise ValidationError("This risk is closed: it cannot be escalated.", code="risk_closed")
    if risk.register.tier == Tier.CORPORATE:
        raise ValidationError(
            "This risk is on the corporate register: there is no higher register.",
            code="top_tier",
        )
    if is_read_only(by) or by.pk not in (risk.owner_id, risk.register.owner_id):
        raise ValidationError(
            "Only the risk's owner or its register's owner may propose it for escalation.",
            code="not_allowed",
        )
    receiving = risk.register.escalates_to
    if receiving is None:
        raise ValidationError(
            "There is no register above this one to escalate to: ask an administrator to set "
            "up the directorate register.",
            code="no_receiving_register",
        )
    if Proposal.objects.filter(risk=risk, status=ProposalStatus.OPEN).exists():
        raise ValidationError(
            "This risk already has a proposal awaiting decision.", code="open_proposal_exists"
        )
    return receiving


def _checked_case(*, evaluation: Evaluation, ticks: Mapping[int, str], case: str) -> str:
    """The proposer's case, trimmed, once their ticks hold up: only judged factors ticked,
    each with a note, and a case in words when too few factors hold for the checklist to
    recommend escalation."""
    judged = set(evaluation.judged_numbers)
    unknown = sorted(set(ticks) - judged)
    if unknown:
        raise ValidationError(
            f"Factor {', '.join(map(str, unknown))} is not one a person answers for this risk.",
            code="unknown_factor",
        )
    missing_notes = [a.number for a in evaluation.answers if a.number in ticks and not a.note]
    if missing_notes:
        raise ValidationError(
            f"Add a note to factor {', '.join(map(str, missing_notes))}: say why it holds.",
            code="note_required",
        )
    case = (case or "").strip()
    if not evaluation.recommended and not case:
        raise ValidationError(
            f"Only {evaluation.held} of the factors hold; the policy looks for "
            f"{evaluation.recommend_at} or more. Make your case for escalation in words.",
            code="case_required",
        )
    return case


def _proposal_snapshot(
    *,
    risk: Risk,
    receiving: Register,
    checklist: Checklist,
    evaluation: Evaluation,
    case: str,
    by: AbstractBaseUser,
    inherent: matrix.Band | None,
    residual: matrix.Band | None,
) -> Proposal:
    """The proposal, unsaved, with the answers, the scores and their bands as they stand
    now, so that a later change of the risk or of the scheme never rewrites it."""
    return Proposal(
        risk=risk,
        from_register=risk.register,
        to_register=receiving,
        checklist=checklist,
        answers=[answer.as_dict() for answer in evaluation.answers],
        factors_held=evaluation.held,
        recommend_at=evaluation.recommend_at,
        case=case,
        proposed_by=by,
        **Proposal.scores_of(risk=risk),
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        target_date=risk.target_date,
        inherent_band_label=inherent.label if inherent else "",
        residual_band_key=residual.key if residual else "",
        residual_band_label=residual.label if residual else "",
    )


def _save_proposal(*, proposal: Proposal, by: AbstractBaseUser) -> None:
    """Save the proposal with its history. Of two proposals for one risk at once, the
    database lets one through; the other is refused as ``open_proposal_exists``, its
    savepoint rolled back so the caller's transaction stays usable."""
    try:
        with transaction.atomic():
            save_with_history(proposal, by=by, reason="Proposed")
    except IntegrityError as clash:
        raise ValidationError(
            "This risk already has a proposal awaiting decision.", code="open_proposal_exists"
        ) from clash


def _notify_proposed(
    *,
    proposal: Proposal,
    evaluation: Evaluation,
    residual: matrix.Band | None,
    by: AbstractBaseUser,
) -> None:
    """Tell the receiving register's owner and the Insurance Manager, and for the corporate
    register the Section 151 and Monitoring Officers too."""
    risk, receiving = proposal.risk, proposal.to_register
    recipients = [*_insurance_managers(receiving), receiving.owner]
    if receiving.tier == Tier.CORPORATE:
        for role in (roles.S151_OFFICER, roles.MONITORING_OFFICER):
            recipients += people_with_role(organisation_id=receiving.organisation_id, role=role)
    residual_words = f"{residual.label} {proposal.residual_score}" if residual else "not scored"
    notify(
        recipients=recipients,
        subject=f"Escalation proposed: {risk.reference} {risk.title} to {receiving}",
        message=(
            f"{person_name(by)} proposes escalating {risk.reference} {risk.title} from "
            f"{risk.register} to {receiving}. Residual score: {residual_words}. "
            f"{evaluation.held} of {len(evaluation.answers)} factors hold."
        ),
        url=proposal.get_absolute_url(),
        proposal=proposal,
        actor=by,
    )


def already_decided(proposal: Proposal) -> ValidationError:
    """The refusal of a second decision on a proposal, naming the first."""
    who = person_name(proposal.decided_by) if proposal.decided_by else "Someone"
    when = timezone.localtime(proposal.decided_at).strftime("%-d %b %Y %H:%M")
    return ValidationError(
        f"This proposal was already {proposal.get_status_display().lower()} by {who} on "
        f"{when}. Nothing has been changed.",
        code="already_decided",
    )


def _locked_proposal(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("to_register", "from_register", "risk", "proposed_by", "decided_by")
        .get(pk=proposal.pk)
    )


@transaction.atomic
def proposal_decide(
    *, proposal: Proposal, by: AbstractBaseUser, accept: bool, reason: str = ""
) -> Proposal:
    """Accept or decline a proposal, as the receiving register's owner (or, for the corporate
    register, SLT or the Insurance Manager recording SLT's decision).

    On accept the risk moves to the receiving register, keeping its reference and history;
    the move is recorded with where it came from. A decline needs a reason. Of two decisions
    at once, the first wins and the second is refused with ``already_decided``.
    """
    proposal = _locked_proposal(proposal)
    if proposal.is_closure:
        raise ValidationError(
            "This is a proposal to close the risk: decide it as a closure.", code="not_escalation"
        )
    reason = _checked_decision_reason(proposal=proposal, by=by, accept=accept, reason=reason)
    decided_by_words = person_name(by)
    proposal.recorded_for_slt = permissions.records_for_slt(by, proposal.to_register)
    if proposal.recorded_for_slt:
        decided_by_words = f"the Strategic Leadership Team (recorded by {person_name(by)})"
    if accept:
        _move_accepted_risk(
            proposal=proposal, by=by, reason=reason, decided_by_words=decided_by_words
        )
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.decision_reason = reason
    save_with_history(proposal, by=by, reason=proposal.get_status_display())
    _notify_decided(
        proposal=proposal, accept=accept, reason=reason, decided_by_words=decided_by_words, by=by
    )
    return proposal


def _checked_decision_reason(
    *, proposal: Proposal, by: AbstractBaseUser, accept: bool, reason: str
) -> str:
    """The decision's reason, trimmed, once the rules allow the decision: a proposal still
    open, decided by whoever may decide for the receiving register, with a reason to
    decline."""
    if not proposal.is_open:
        raise already_decided(proposal)
    if not permissions.can_decide_for(by, proposal.to_register):
        raise ValidationError(
            f"Only the owner of {proposal.to_register} can decide this proposal"
            + (
                ", or SLT and the Insurance Manager for the corporate register."
                if proposal.to_register.tier == Tier.CORPORATE
                else "."
            ),
            code="not_receiving_owner",
        )
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ValidationError(
            "Say why the proposal is declined: the reason is kept and sent to the proposer.",
            code="reason_required",
        )
    return reason


def _move_accepted_risk(
    *, proposal: Proposal, by: AbstractBaseUser, reason: str, decided_by_words: str
) -> None:
    """Move the accepted risk up, locking its row after the proposal's (always in that
    order), provided it is still open and still on the register it was proposed from."""
    risk = _locked_risk(proposal.risk)
    if not risk.is_open:
        raise ValidationError(
            "The risk has been closed since it was proposed: decline the proposal instead.",
            code="risk_closed",
        )
    if risk.register_id != proposal.from_register_id:
        raise ValidationError(
            f"The risk has moved to {risk.register} since it was proposed: decline this "
            "proposal and propose it again from there.",
            code="risk_moved",
        )
    risk_move(
        risk=risk,
        to_register=proposal.to_register,
        kind=MovementKind.ESCALATED,
        by=by,
        reason=reason,
        history_reason=f"Escalated from {proposal.from_register} to "
        f"{proposal.to_register}: accepted by {decided_by_words}",
    )


def _notify_decided(
    *,
    proposal: Proposal,
    accept: bool,
    reason: str,
    decided_by_words: str,
    by: AbstractBaseUser,
) -> None:
    """Tell the proposer, the risk's owner and the Insurance Manager what was decided, by
    whom, and why; for the corporate register the Monitoring Officer too
    (docs/domain.md#escalation-decisions)."""
    risk = proposal.risk
    verdict = "accepted" if accept else "declined"
    notify(
        recipients=[
            proposal.proposed_by,
            risk.owner,
            *_insurance_managers(proposal.to_register),
            *_monitoring_officers_for(proposal.to_register),
        ],
        subject=f"Escalation {verdict}: {risk.reference} {risk.title}",
        message=(
            f"The proposal to escalate {risk.reference} {risk.title} to {proposal.to_register} "
            f"was {verdict} by {decided_by_words}." + (f" Reason: {reason}" if reason else "")
        ),
        url=proposal.get_absolute_url(),
        proposal=proposal,
        actor=by,
    )


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, by: AbstractBaseUser, reason: str) -> Proposal:
    """The proposer takes back an open proposal, saying why."""
    proposal = _locked_proposal(proposal)
    if not proposal.is_open:
        raise already_decided(proposal)
    if not permissions.can_withdraw(by, proposal):
        raise ValidationError(
            "Only the person who made the proposal can withdraw it.", code="not_proposer"
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the proposal is withdrawn.", code="reason_required")
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.decision_reason = reason
    save_with_history(proposal, by=by, reason="Withdrawn")
    risk = proposal.risk
    what = "close" if proposal.is_closure else "escalate"
    notify(
        recipients=[proposal.to_register.owner, *_insurance_managers(proposal.to_register)],
        subject=f"{proposal.get_kind_display()} withdrawn: {risk.reference} {risk.title}",
        message=f"{person_name(by)} withdrew the proposal to {what} {risk.reference} "
        f"{risk.title}"
        + ("" if proposal.is_closure else f" to {proposal.to_register}")
        + f". Reason: {reason}",
        url=proposal.get_absolute_url(),
        proposal=proposal,
        actor=by,
    )
    return proposal


def _is_below(register: Register, target: Register) -> bool:
    if target.organisation_id != register.organisation_id or target.pk == register.pk:
        return False
    if register.tier == Tier.CORPORATE:
        return target.tier != Tier.CORPORATE
    if register.tier == Tier.DIRECTORATE:
        return (
            target.tier in (Tier.SERVICE, Tier.PROJECT)
            and target.directorate_id == register.directorate_id
        )
    return False


@transaction.atomic
def risk_de_escalate(
    *, risk: Risk, to_register: Register, by: AbstractBaseUser, reason: str
) -> Risk:
    """Move a risk from a higher register back to a lower one, keeping the reason.

    Whoever may decide escalations into the risk's register may de-escalate from it. A risk
    with a proposal awaiting decision is refused until that is decided or withdrawn.
    """
    risk = _locked_risk(risk)
    if not risk.is_open:
        raise ValidationError("This risk is closed.", code="risk_closed")
    if not permissions.can_de_escalate(by, risk):
        raise ValidationError(
            f"Only the owner of {risk.register} can de-escalate its risks"
            + (
                ", or SLT and the Insurance Manager for the corporate register."
                if risk.register.tier == Tier.CORPORATE
                else "."
            ),
            code="not_allowed",
        )
    if not _is_below(risk.register, to_register):
        raise ValidationError(
            f"{to_register} is not below {risk.register}: choose a lower register.",
            code="not_lower",
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "Say why the risk is de-escalated: the reason is kept on record.",
            code="reason_required",
        )
    if Proposal.objects.filter(risk=risk, status=ProposalStatus.OPEN).exists():
        raise ValidationError(
            "This risk has an escalation proposal awaiting decision: decide or withdraw it first.",
            code="open_proposal_exists",
        )
    from_register = risk.register
    risk_move(
        risk=risk,
        to_register=to_register,
        kind=MovementKind.DE_ESCALATED,
        by=by,
        reason=reason,
        history_reason=f"De-escalated from {from_register} to {to_register}: {reason}",
    )
    notify(
        recipients=[
            risk.owner,
            to_register.owner,
            *_insurance_managers(to_register),
            *_monitoring_officers_for(from_register),
        ],
        subject=f"Risk de-escalated: {risk.reference} {risk.title}",
        message=f"{person_name(by)} de-escalated {risk.reference} {risk.title} from "
        f"{from_register} to {to_register}. Reason: {reason}",
        url=risk.get_absolute_url(),
        actor=by,
    )
    return risk
