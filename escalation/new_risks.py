"""A new corporate risk proposed by a member of SLT, decided by SLT
(docs/domain.md#new-corporate-risks): any member of SLT fills in the risk as a proposal; another
member (or the Insurance Manager recording SLT's decision) accepts it, and the risk is raised on
the corporate register with the proposed owner, its history saying who proposed it and who
decided, or declines it with a reason. The register's owner (and the Insurance Manager) may
still add a risk directly (``corporate_risk_add``); the Monitoring Officer is told of every
risk that joins the corporate register, either way.

Rejection codes: ``not_corporate``, ``not_allowed``, ``case_required``, ``reason_required``,
``already_decided``, and those of ``registers.services.risk_create``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.people import person_name
from escalation import permissions
from escalation.models import NewRiskProposal, ProposalStatus
from escalation.notify import notify, people_with_role
from registers import roles
from registers.models import Register, Tier
from registers.permissions import can_change_register
from registers.services import risk_create, save_with_history

# The risk form's fields that are not kept on a proposal: the reference is drawn when the risk
# is raised, the title, horizon and owner have columns of their own.
NOT_IN_FIELDS = ("reference", "title", "horizon", "owner")


def _people(register: Register, role: str):
    return people_with_role(organisation_id=register.organisation_id, role=role)


def _decided_by_words(by: AbstractBaseUser, register: Register) -> tuple[bool, str]:
    recorded = permissions.records_for_slt(by, register)
    if recorded:
        return True, f"the Strategic Leadership Team (recorded by {person_name(by)})"
    return False, person_name(by)


@transaction.atomic
def new_risk_propose(
    *, register: Register, by: AbstractBaseUser, fields: dict, case: str
) -> NewRiskProposal:
    """Propose a new risk for the corporate register, as a member of SLT.

    ``fields`` are the risk form's cleaned fields (the owner among them). The proposed risk is
    checked as a risk would be, so that SLT decides on one that can be raised. The Insurance
    Manager (who puts it to SLT), the register's owner, the proposed owner and the Section 151
    and Monitoring Officers (told of proposals to the corporate register) are told.
    """
    if register.tier != Tier.CORPORATE:
        raise ValidationError(
            "Only the corporate register takes proposals of new risks.", code="not_corporate"
        )
    if not permissions.can_propose_new_risk(by, register):
        raise ValidationError(
            "Only a member of SLT proposes a new corporate risk.", code="not_allowed"
        )
    case = (case or "").strip()
    if not case:
        raise ValidationError(
            "Say why SLT should add the risk to the corporate register.", code="case_required"
        )
    proposal = NewRiskProposal(
        register=register,
        title=fields["title"],
        horizon=fields["horizon"],
        proposed_owner=fields["owner"],
        fields={k: v for k, v in fields.items() if k not in NOT_IN_FIELDS},
        case=case,
        proposed_by=by,
    )
    proposal.as_risk().full_clean(exclude=["reference"], validate_unique=False)
    save_with_history(proposal, by=by, reason="New corporate risk proposed")
    notify(
        recipients=[
            *_people(register, roles.INSURANCE_MANAGER),
            register.owner,
            proposal.proposed_owner,
            *_people(register, roles.S151_OFFICER),
            *_people(register, roles.MONITORING_OFFICER),
        ],
        subject=f"New corporate risk proposed: {proposal.title}",
        message=f"{person_name(by)} proposes adding {proposal.title} to {register}, owned by "
        f"{person_name(proposal.proposed_owner)}. SLT decides. Why: {case}",
        url=proposal.get_absolute_url(),
        actor=by,
    )
    return proposal


def _locked(proposal: NewRiskProposal) -> NewRiskProposal:
    return (
        NewRiskProposal.objects.select_for_update(of=("self",))
        .select_related("register", "proposed_by", "proposed_owner", "decided_by")
        .get(pk=proposal.pk)
    )


def _already_decided(proposal: NewRiskProposal) -> ValidationError:
    when = timezone.localtime(proposal.decided_at).strftime("%-d %b %Y %H:%M")
    return ValidationError(
        f"This proposal was already {proposal.get_status_display().lower()} by "
        f"{person_name(proposal.decided_by)} on {when}. Nothing has been changed.",
        code="already_decided",
    )


@transaction.atomic
def new_risk_decide(
    *, proposal: NewRiskProposal, by: AbstractBaseUser, accept: bool, reason: str = ""
) -> NewRiskProposal:
    """Accept or decline a proposed corporate risk, as SLT: any member but its proposer, or the
    Insurance Manager recording SLT's decision (marked so).

    Accepting raises the risk on the corporate register with the proposed owner and fields, its
    first history row naming who proposed it and who decided. Declining needs a reason. Of two
    decisions at once the first wins. The proposer, the proposed owner, the Insurance Manager
    and the Monitoring Officer (told of SLT's decisions on the corporate register) are told.
    """
    proposal = _locked(proposal)
    if not proposal.is_open:
        raise _already_decided(proposal)
    if not permissions.decides_new_risk(by, proposal):
        raise ValidationError(
            "SLT decides a proposed corporate risk (or the Insurance Manager records SLT's "
            "decision); the member who proposed it cannot.",
            code="not_allowed",
        )
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ValidationError(
            "Say why the risk is not added: the reason goes to the member who proposed it.",
            code="reason_required",
        )
    register = proposal.register
    proposal.recorded_for_slt, decided_by_words = _decided_by_words(by, register)
    if accept:
        proposal.risk = risk_create(
            register=register,
            by=by,
            reason=f"Added by SLT's decision: proposed by {person_name(proposal.proposed_by)}, "
            f"accepted by {decided_by_words}",
            **proposal.risk_fields(),
        )
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.decided_by, proposal.decided_at = by, timezone.now()
    proposal.decision_reason = reason
    save_with_history(proposal, by=by, reason=f"New risk {proposal.get_status_display().lower()}")
    _notify_decided(proposal=proposal, by=by, decided_by_words=decided_by_words)
    return proposal


def _notify_decided(
    *, proposal: NewRiskProposal, by: AbstractBaseUser, decided_by_words: str
) -> None:
    register, risk = proposal.register, proposal.risk
    if risk is not None:
        verdict = f"accepted: it is on {register} as {risk.reference}"
        url = risk.get_absolute_url()
    else:
        verdict = "declined"
        url = proposal.get_absolute_url()
    reason = proposal.decision_reason
    notify(
        recipients=[
            proposal.proposed_by,
            proposal.proposed_owner,
            *_people(register, roles.INSURANCE_MANAGER),
            *_people(register, roles.MONITORING_OFFICER),
        ],
        subject=f"New corporate risk {proposal.get_status_display().lower()}: {proposal.title}",
        message=f"The proposal to add {proposal.title} to {register} was {verdict}, by "
        f"{decided_by_words}." + (f" Reason: {reason}" if reason else ""),
        url=url,
        actor=by,
    )


@transaction.atomic
def corporate_risk_add(*, register: Register, by: AbstractBaseUser, fields: dict):
    """Add a risk to the corporate register directly, as its owner or the Insurance Manager
    (``registers.permissions.can_change_register``), telling the Monitoring Officer, the
    Insurance Manager and the risk's owner that it joined the register."""
    if register.tier != Tier.CORPORATE:
        raise ValidationError(
            "Only the corporate register's risks are added here.", code="not_corporate"
        )
    if not can_change_register(by, register):
        raise ValidationError(
            "Only the register's owner and the Insurance Manager add a corporate risk "
            "directly; a member of SLT proposes one.",
            code="not_allowed",
        )
    risk = risk_create(register=register, by=by, **fields)
    notify(
        recipients=[
            risk.owner,
            *_people(register, roles.INSURANCE_MANAGER),
            *_people(register, roles.MONITORING_OFFICER),
        ],
        subject=f"Added to the corporate register: {risk.reference} {risk.title}",
        message=f"{person_name(by)} added {risk.reference} {risk.title} to {register}, owned "
        f"by {person_name(risk.owner) if risk.owner else 'nobody yet'}.",
        url=risk.get_absolute_url(),
        actor=by,
    )
    return risk
