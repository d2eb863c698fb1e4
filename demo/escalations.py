"""Escalation history for the demo organisation: one escalation accepted some weeks ago, one
proposal waiting for a director and one waiting for SLT (the Insurance Manager's pre-SLT
round), made through the services so every rule and record applies, then dated back."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from escalation.models import Notification, Proposal
from escalation.notify import without_email
from escalation.services import proposal_create, proposal_decide
from registers.history import history_aware_update, history_redate
from registers.models import Register, Risk, RiskMovement, Tier

# Notes for the factors a person ticks: 2, 3 and 5 hold in every demo proposal.
DEMO_TICKS = {
    2: "It puts a statutory duty at risk if it happens.",
    3: "The fix needs budget and people beyond this register's owner.",
    5: "It would draw local press and councillor attention.",
}


def _red_risk(register: Register, *, skip: set[int]) -> Risk | None:
    """The register's open risk with the highest red residual score, not already used."""
    return (
        Risk.objects.filter(register=register)
        .open()
        .with_scores()
        .filter(residual_score__gte=15)
        .exclude(pk__in=skip)
        .select_related("register", "owner")
        .order_by("-residual_score", "reference")
        .first()
    )


def _date_back(proposal: Proposal, days: int, *, decided_days: int | None = None) -> None:
    """Date the proposal (and, once decided, the risk's move) back: a correction of the
    record, so the proposal's and the risk's histories are dated back with them."""
    now = timezone.now()
    proposed_at = now - timedelta(days=days)
    proposal_rows = {"pk": proposal.pk}
    history_aware_update(Proposal, proposal_rows, proposed_at=proposed_at)
    history_redate(Proposal, proposal_rows, when=proposed_at, history_type="+")
    Notification.objects.filter(proposal=proposal).update(
        created_at=F("created_at") - timedelta(days=days)
    )
    if decided_days is not None:
        decided_at = now - timedelta(days=decided_days)
        history_aware_update(Proposal, proposal_rows, decided_at=decided_at)
        history_redate(Proposal, proposal_rows, when=decided_at, history_type="~")
        RiskMovement.objects.filter(risk=proposal.risk, to_register=proposal.to_register).update(
            moved_at=decided_at
        )
        risk_rows = {"pk": proposal.risk_id}
        history_redate(
            Risk, risk_rows, when=decided_at, history_change_reason__startswith="Escalated"
        )
        # Its history must still start with its creation, before the proposal.
        history_redate(Risk, risk_rows, when=proposed_at - timedelta(days=60), history_type="+")


def load_escalation_demo(*, organisation) -> int:
    """Seed the demo's escalations once; return how many proposals were created."""
    if Proposal.objects.filter(to_register__organisation=organisation).exists():
        return 0
    registers = Register.objects.filter(organisation=organisation).select_related("owner")
    services = list(registers.filter(tier=Tier.SERVICE).order_by("name"))
    directorate_registers = {
        r.directorate_id: r for r in registers.filter(tier=Tier.DIRECTORATE).order_by("name")
    }
    used: set[int] = set()
    made = 0
    with without_email():
        # An escalation proposed 50 days ago and accepted 40 days ago, and one proposed 6 days
        # ago waiting for its director: from services in different directorates.
        plans = [(50, 40), (6, None)]  # (proposed days ago, accepted days ago or None)
        seen_directorates: set[int] = set()
        for service_register in services:
            if not plans or service_register.directorate_id in seen_directorates:
                continue
            receiving = directorate_registers.get(service_register.directorate_id)
            risk = _red_risk(service_register, skip=used)
            if receiving is None or risk is None:
                continue
            proposed_days, accepted_days = plans.pop(0)
            proposal = proposal_create(risk=risk, by=service_register.owner, ticks=DEMO_TICKS)
            if accepted_days is not None:
                proposal_decide(
                    proposal=proposal,
                    by=receiving.owner,
                    accept=True,
                    reason="Agreed at the directorate leadership team.",
                )
            _date_back(proposal, proposed_days, decided_days=accepted_days)
            used.add(risk.pk)
            seen_directorates.add(service_register.directorate_id)
            made += 1
        # A directorate risk proposed to SLT ten days ago: the pre-SLT round.
        for receiving in directorate_registers.values():
            risk = _red_risk(receiving, skip=used)
            if risk is None:
                continue
            proposal = proposal_create(risk=risk, by=receiving.owner, ticks=DEMO_TICKS)
            _date_back(proposal, 10)
            made += 1
            break
    return made
