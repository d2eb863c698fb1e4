"""Who may propose, decide, withdraw and de-escalate (decided here, never in templates).

- Propose a risk for escalation: its owner or its register's owner, while the risk is open
  and its register has a tier above it.
- Decide a proposal: the receiving register's owner (a director for a directorate register);
  for the corporate register also any member of SLT, and the Insurance Manager, who records
  SLT's decision.
- De-escalate a risk: whoever may decide escalations into the register it is on.
- Withdraw a proposal: the person who made it.
- See a proposal: anyone who may see its risk, its proposer and those who may decide it.
Internal Audit and committee members change nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from escalation.models import Proposal
from registers import roles
from registers.models import Register, Risk, Tier
from registers.permissions import (
    can_view_risk,
    is_insurance_manager,
    is_read_only,
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
    if register.tier != Tier.CORPORATE:
        return False
    if user.is_superuser:
        return True
    slt_or_insurance = roles.SLT in role_names(user) or is_insurance_manager(user)
    return slt_or_insurance and _organisation_id(user) == register.organisation_id


def records_for_slt(user: AbstractBaseUser, register: Register) -> bool:
    """The Insurance Manager records a corporate decision on SLT's behalf."""
    return (
        register.tier == Tier.CORPORATE
        and register.owner_id != user.pk
        and roles.SLT not in role_names(user)
        and is_insurance_manager(user)
    )


def can_decide(user: AbstractBaseUser, proposal: Proposal) -> bool:
    return proposal.is_open and can_decide_for(user, proposal.to_register)


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
