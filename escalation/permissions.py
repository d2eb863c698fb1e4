"""Who may propose, decide, withdraw and de-escalate (decided here, never in templates).

- Propose a risk for escalation: its owner or its register's owner, while the risk is open
  and its register has a tier above it.
- Decide a proposal: the receiving register's owner (a director for a directorate register);
  for the corporate register also any member of SLT, and the Insurance Manager, who records
  SLT's decision.
- De-escalate a risk: whoever may decide escalations into the register it is on.
- Propose closing a corporate risk: its owner, and any member of SLT who may not close it
  outright; decide it: SLT, or the Insurance Manager recording SLT's decision, never the risk's
  owner (``registers.permissions.can_close_risk`` says who closes a risk).
- Propose a new corporate risk: any member of SLT; decide it: SLT or the Insurance Manager
  recording SLT's decision, never the member who proposed it.
- Withdraw a proposal: the person who made it.
- See a proposal: anyone who may see its risk, its proposer and those who may decide it.
- Challenge a risk's assessment: anyone who may see the open risk, but its owner and its
  register's owner (who answer challenges, and re-score it directly). Answer a challenge:
  the risk's owner or its register's owner, while the challenge and the risk are open. See
  one: its challenger and anyone who may see the risk.
Internal Audit and committee members change nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from escalation.models import Challenge, NewRiskProposal, Proposal, ProposalKind
from registers import roles
from registers.models import Register, Risk, Tier
from registers.permissions import (
    can_change_risk,
    can_close_risk,
    can_propose_corporate_risk,
    can_view_risk,
    decides_for_slt,
    is_insurance_manager,
    is_read_only,
    is_slt_member,
    role_names,
    sees_everything,
)
from scoring.matrix import Seniority


def _organisation_id(user) -> int | None:
    profile = getattr(user, "profile", None)
    return profile.organisation_id if profile else None


def can_propose(user: AbstractBaseUser, risk: Risk) -> bool:
    if is_read_only(user) or not risk.is_open or risk.register.tier == Tier.CORPORATE:
        return False
    return user.pk in (risk.owner_id, risk.register.owner_id)


def can_decide_for(user: AbstractBaseUser, register: Register) -> bool:
    """Decide escalations into ``register`` (and de-escalate risks from it)."""
    if is_read_only(user):
        return False
    if register.owner_id == user.pk:
        return True
    return decides_for_slt(user, register)


def records_for_slt(user: AbstractBaseUser, register: Register) -> bool:
    """The Insurance Manager records a corporate decision on SLT's behalf."""
    return (
        register.tier == Tier.CORPORATE
        and register.owner_id != user.pk
        and roles.SLT not in role_names(user)
        and is_insurance_manager(user)
    )


def can_propose_closure(user: AbstractBaseUser, risk: Risk) -> bool:
    """Propose closing a corporate risk: its owner, who may change it but not close it, and
    any member of SLT who may not close it outright."""
    if risk.register.tier != Tier.CORPORATE or not risk.is_open:
        return False
    if can_close_risk(user, risk):
        return False
    return can_change_risk(user, risk) or is_slt_member(user, risk.register)


def decides_proposal(user: AbstractBaseUser, proposal: Proposal) -> bool:
    """Whoever decides a proposal of this kind, open or already decided (the service says
    which): for a closure SLT, but neither the risk's owner nor the member who proposed it."""
    if proposal.kind == ProposalKind.CLOSURE:
        risk = proposal.risk
        return user.pk not in (risk.owner_id, proposal.proposed_by_id) and decides_for_slt(
            user, proposal.to_register
        )
    return can_decide_for(user, proposal.to_register)


def can_propose_new_risk(user: AbstractBaseUser, register: Register) -> bool:
    """Propose a new risk for the corporate register: any member of SLT."""
    return can_propose_corporate_risk(user, register)


def decides_new_risk(user: AbstractBaseUser, proposal: NewRiskProposal) -> bool:
    """Decide a proposed new corporate risk, open or already decided: SLT (its register's owner
    or any member) or the Insurance Manager recording SLT's decision, but never the member
    who proposed it (docs/domain.md#new-corporate-risks)."""
    return proposal.proposed_by_id != user.pk and decides_for_slt(user, proposal.register)


def can_decide_new_risk(user: AbstractBaseUser, proposal: NewRiskProposal) -> bool:
    return proposal.is_open and decides_new_risk(user, proposal)


def can_view_new_risk(user: AbstractBaseUser, proposal: NewRiskProposal) -> bool:
    """Its proposer and proposed owner, those who decide it, and those who see every
    register of its organisation."""
    if not user.is_authenticated:
        return False
    if user.pk in (proposal.proposed_by_id, proposal.proposed_owner_id):
        return True
    if decides_for_slt(user, proposal.register):
        return True
    return user.is_superuser or (
        sees_everything(user) and _organisation_id(user) == proposal.register.organisation_id
    )


def visible_new_risks(user: AbstractBaseUser) -> QuerySet[NewRiskProposal]:
    """The new corporate risks proposed that the escalation queue lists to ``user``."""
    if not user.is_authenticated:
        return NewRiskProposal.objects.none()
    if user.is_superuser:
        return NewRiskProposal.objects.all()
    organisation_id = _organisation_id(user)
    if organisation_id is not None and (sees_everything(user) or is_insurance_manager(user)):
        return NewRiskProposal.objects.filter(register__organisation_id=organisation_id)
    return NewRiskProposal.objects.filter(
        Q(proposed_by=user) | Q(proposed_owner=user) | Q(register__owner=user)
    )


def can_decide(user: AbstractBaseUser, proposal: Proposal) -> bool:
    return proposal.is_open and decides_proposal(user, proposal)


def can_withdraw(user: AbstractBaseUser, proposal: Proposal) -> bool:
    return proposal.is_open and not is_read_only(user) and proposal.proposed_by_id == user.pk


def can_de_escalate(user: AbstractBaseUser, risk: Risk) -> bool:
    if not risk.is_open or risk.register.tier not in (Tier.CORPORATE, Tier.DIRECTORATE):
        return False
    return can_decide_for(user, risk.register)


def can_view_proposal(user: AbstractBaseUser, proposal: Proposal) -> bool:
    return (
        proposal.proposed_by_id == user.pk
        or can_decide_for(user, proposal.to_register)
        or can_view_risk(user, proposal.risk)
    )


def visible_proposals(user: AbstractBaseUser) -> QuerySet[Proposal]:
    """The proposals a person's escalation queue lists.

    Everything in the organisation for those who see every register (the Insurance Manager's
    pre-SLT round, SLT, the statutory officers, Internal Audit); otherwise what they proposed,
    what concerns risks they own, and what they may decide: a director sees every proposal
    into their directorate's register.
    """
    if not user.is_authenticated:
        return Proposal.objects.none()
    if user.is_superuser:
        return Proposal.objects.all()
    organisation_id = _organisation_id(user)
    in_organisation = Proposal.objects.filter(to_register__organisation_id=organisation_id)
    if organisation_id is not None and sees_everything(user):
        return in_organisation
    rule = Q(proposed_by=user) | Q(risk__owner=user) | Q(to_register__owner=user)
    profile = getattr(user, "profile", None)
    if profile and profile.directorate_id and profile.seniority >= Seniority.DIRECTOR:
        rule |= Q(
            to_register__tier=Tier.DIRECTORATE, to_register__directorate=profile.directorate_id
        )
    return Proposal.objects.filter(rule)


def can_challenge(user: AbstractBaseUser, risk: Risk) -> bool:
    """Say the risk is not properly assessed (docs/domain.md#challenging-an-assessment)."""
    if is_read_only(user) or not risk.is_open or answers_challenges_on(user, risk):
        return False
    return can_view_risk(user, risk)


def answers_challenges_on(user: AbstractBaseUser, risk: Risk) -> bool:
    """The risk's owner and its register's owner answer challenges to its assessment."""
    return not is_read_only(user) and user.pk in (risk.owner_id, risk.register.owner_id)


def can_answer_challenge(user: AbstractBaseUser, challenge: Challenge) -> bool:
    risk = challenge.risk
    return challenge.is_open and risk.is_open and answers_challenges_on(user, risk)


def can_view_challenge(user: AbstractBaseUser, challenge: Challenge) -> bool:
    return challenge.raised_by_id == user.pk or can_view_risk(user, challenge.risk)
