"""Closing a corporate risk goes through SLT (docs/domain.md#closing-a-corporate-risk): its
owner proposes the closure with a reason; SLT, or the Insurance Manager recording SLT's
decision, accepts it (the risk closes with the reason) or declines it, saying why. The
proposal is an escalation ``Proposal`` of kind ``closure``, so one open proposal per risk,
the history, the queue and the notifications are those of escalation.

Closing a corporate risk outright (``corporate_risk_close``) records a decision SLT took in its
meeting: the register's owner or the Insurance Manager closes it, and the Monitoring Officer is
told, as of every removal from the corporate register.

Rejection codes: ``risk_closed``, ``not_corporate``, ``not_allowed``, ``reason_required``,
``open_proposal_exists``, ``already_decided``, and ``registers.services.risk_close``'s.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from common.people import person_name
from escalation import permissions
from escalation.models import Proposal, ProposalKind, ProposalStatus
from escalation.notify import notify, people_with_role
from escalation.selectors import bands_for
from escalation.services import already_decided
from registers import roles
from registers.models import Register, Risk, Tier
from registers.services import risk_close, save_with_history
from scoring import matrix


def _insurance_managers(register: Register):
    return people_with_role(organisation_id=register.organisation_id, role=roles.INSURANCE_MANAGER)


def _monitoring_officers(register: Register):
    return people_with_role(organisation_id=register.organisation_id, role=roles.MONITORING_OFFICER)


def _reason(reason: str, *, words: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(words, code="reason_required")
    return reason


@transaction.atomic
def closure_propose(*, risk: Risk, by: AbstractBaseUser, reason: str) -> Proposal:
    """Propose closing a corporate risk, as its owner or as a member of SLT who may not close
    it outright, with the reason to close it.

    The risk stays open and on the register until SLT decides; the scores and bands of the
    moment are kept on the proposal. The Insurance Manager, who puts it to SLT, the register's
    owner and the risk's owner (when someone else proposes) are told.
    """
    risk = (
        Risk.objects.select_for_update(of=("self",))
        .select_related("register", "register__organisation", "owner")
        .get(pk=risk.pk)
    )
    if not risk.is_open:
        raise ValidationError("This risk is already closed.", code="risk_closed")
    if risk.register.tier != Tier.CORPORATE:
        raise ValidationError(
            "Only a corporate risk's closure goes to SLT: close this risk directly.",
            code="not_corporate",
        )
    if not permissions.can_propose_closure(by, risk):
        raise ValidationError(
            "The risk's owner or a member of SLT proposes its closure; the register's owner "
            "and the Insurance Manager close it directly.",
            code="not_allowed",
        )
    reason = _reason(reason, words="Say why the risk can come off the corporate register.")
    proposal = _closure_snapshot(risk=risk, by=by, reason=reason)
    try:
        with transaction.atomic():
            save_with_history(proposal, by=by, reason="Closure proposed")
    except IntegrityError as clash:
        raise ValidationError(
            "This risk already has a proposal awaiting decision.", code="open_proposal_exists"
        ) from clash
    register = risk.register
    notify(
        recipients=[*_insurance_managers(register), register.owner, risk.owner],
        subject=f"Closure proposed: {risk.reference} {risk.title}",
        message=f"{person_name(by)} proposes closing {risk.reference} {risk.title} and taking "
        f"it off {register}. SLT decides. Reason: {reason}",
        url=proposal.get_absolute_url(),
        proposal=proposal,
        actor=by,
    )
    return proposal


def _closure_snapshot(*, risk: Risk, by: AbstractBaseUser, reason: str) -> Proposal:
    if Proposal.objects.filter(risk=risk, status=ProposalStatus.OPEN).exists():
        raise ValidationError(
            "This risk already has a proposal awaiting decision.", code="open_proposal_exists"
        )
    bands = bands_for(risk)
    inherent = matrix.band_or_none(risk.inherent_likelihood, risk.inherent_impact, bands)
    residual = matrix.band_or_none(risk.residual_likelihood, risk.residual_impact, bands)
    return Proposal(
        kind=ProposalKind.CLOSURE,
        risk=risk,
        from_register=risk.register,
        to_register=risk.register,
        case=reason,
        proposed_by=by,
        **Proposal.scores_of(risk=risk),
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        target_date=risk.target_date,
        inherent_band_label=inherent.label if inherent else "",
        residual_band_key=residual.key if residual else "",
        residual_band_label=residual.label if residual else "",
    )


@transaction.atomic
def closure_decide(
    *, proposal: Proposal, by: AbstractBaseUser, accept: bool, reason: str = ""
) -> Proposal:
    """Accept or decline a proposal to close a corporate risk, as SLT (or the Insurance
    Manager recording SLT's decision, marked so).

    Accepting closes the risk with the proposer's reason (and the decision's note, if any),
    through ``registers.services.risk_close``, which also keeps it on the register's ledger.
    Declining needs a reason. Of two decisions at once the first wins; the second is refused
    with ``already_decided``. The proposer, the risk's owner, the Insurance Manager and the
    Monitoring Officer (told of corporate decisions) are told.
    """
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("to_register", "risk", "proposed_by", "decided_by")
        .get(pk=proposal.pk, kind=ProposalKind.CLOSURE)
    )
    if not proposal.is_open:
        raise already_decided(proposal)
    if not permissions.decides_proposal(by, proposal):
        raise ValidationError(
            "SLT decides the closure of a corporate risk (or the Insurance Manager records "
            "SLT's decision); neither the risk's owner nor the member who proposed it can.",
            code="not_allowed",
        )
    note = (reason or "").strip()
    if not accept:
        note = _reason(note, words="Say why the risk stays open: the reason goes to its owner.")
    proposal.recorded_for_slt = permissions.records_for_slt(by, proposal.to_register)
    decided_by_words = person_name(by)
    if proposal.recorded_for_slt:
        decided_by_words = f"the Strategic Leadership Team (recorded by {person_name(by)})"
    if accept:
        _close_accepted(proposal=proposal, by=by, note=note, decided_by_words=decided_by_words)
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.decision_reason = note
    save_with_history(proposal, by=by, reason=f"Closure {proposal.get_status_display().lower()}")
    risk = proposal.risk
    verdict = "accepted: the risk is closed" if accept else "declined: the risk stays open"
    monitoring = _monitoring_officers(proposal.to_register)
    notify(
        recipients=[
            proposal.proposed_by,
            risk.owner,
            *_insurance_managers(proposal.to_register),
            *monitoring,
        ],
        subject=f"Closure {'accepted' if accept else 'declined'}: {risk.reference} {risk.title}",
        message=f"The proposal to close {risk.reference} {risk.title} was {verdict}, by "
        f"{decided_by_words}." + (f" Reason: {note}" if note else ""),
        url=proposal.get_absolute_url(),
        proposal=proposal,
        actor=by,
    )
    return proposal


def _close_accepted(
    *, proposal: Proposal, by: AbstractBaseUser, note: str, decided_by_words: str
) -> None:
    risk = Risk.objects.select_for_update(of=("self",)).get(pk=proposal.risk_id)
    if not risk.is_open:
        raise ValidationError(
            "The risk has been closed since the proposal was made: decline the proposal.",
            code="risk_closed",
        )
    reason = f"{proposal.case} (closure agreed by {decided_by_words}"
    reason += f": {note})" if note else ")"
    proposal.risk = risk_close(risk=risk, by=by, reason=reason)


@transaction.atomic
def corporate_risk_close(*, risk: Risk, by: AbstractBaseUser, reason: str) -> Risk:
    """Close a corporate risk outright: the record of a decision SLT took in its meeting, by
    the register's owner or the Insurance Manager (``registers.permissions.can_close_risk``).

    ``registers.services.risk_close`` closes it, keeps the reason and the removal on the
    register's ledger, and refuses whoever may not (``slt_decides``). The risk's owner, the
    Insurance Manager and the Monitoring Officer, told of every removal from the corporate
    register, are told.
    """
    risk = Risk.objects.select_related("register").get(pk=risk.pk)
    if risk.register.tier != Tier.CORPORATE:
        raise ValidationError(
            "This risk is not on the corporate register: close it from its page.",
            code="not_corporate",
        )
    risk = risk_close(risk=risk, by=by, reason=reason)
    register = risk.register
    recorded = permissions.records_for_slt(by, register)
    decided_by_words = person_name(by)
    if recorded:
        decided_by_words = f"the Strategic Leadership Team (recorded by {person_name(by)})"
    notify(
        recipients=[risk.owner, *_insurance_managers(register), *_monitoring_officers(register)],
        subject=f"Corporate risk closed: {risk.reference} {risk.title}",
        message=f"{risk.reference} {risk.title} was closed and taken off {register} by "
        f"{decided_by_words}. Reason: {risk.closure_reason}",
        url=risk.get_absolute_url(),
        actor=by,
    )
    return risk
