"""The demo's new corporate risk proposed by a member of SLT, waiting for another member's
decision at the quarter's meeting (docs/domain.md#new-corporate-risks). Made through the service,
so every rule, record and notification applies."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from escalation.models import NewRiskProposal
from escalation.new_risks import new_risk_propose
from escalation.notify import without_email
from registers import roles
from registers.history import history_aware_update, history_redate
from registers.models import Horizon, Organisation, PolicyCategory, Register, Response, Tier
from registers.periods import Quarter

NEW_RISK_TITLE = "Artificial intelligence in council services"
NEW_RISK_CASE = (
    "Scanning the horizon: services are starting to use generative AI tools without a council "
    "policy, and the Government expects councils to use AI to save money within three years. "
    "The risk cuts across every directorate, so it belongs on the corporate register."
)


def load_new_risk_proposal(*, organisation: Organisation, today: date) -> int:
    """A Director who sits on SLT proposed a new corporate risk a few days ago, owned by the
    Monitoring Officer. Once; returns how many were made."""
    if NewRiskProposal.objects.filter(register__organisation=organisation).exists():
        return 0
    corporate = Register.objects.filter(organisation=organisation, tier=Tier.CORPORATE).first()
    people = get_user_model().objects.filter(profile__organisation=organisation, is_active=True)
    proposer = people.filter(groups__name=roles.DIRECTORS).filter(groups__name=roles.SLT)
    proposer = proposer.order_by("username").first()
    owner = people.filter(groups__name=roles.MONITORING_OFFICER).first()
    if corporate is None or proposer is None or owner is None:
        return 0
    fields = {
        "title": NEW_RISK_TITLE,
        "event": "If services adopt artificial intelligence tools without controls",
        "consequence": "personal data may leak and decisions may be made unlawfully or unfairly",
        "impact": "resulting in harm to residents, fines, legal challenge and loss of trust",
        "category": PolicyCategory.INFORMATION,
        "owner": owner,
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "target_likelihood": 2,
        "target_impact": 3,
        "target_date": today + timedelta(days=365),
        "response": Response.TREAT,
        "response_rationale": "An AI policy, a register of tools in use and training for staff "
        "cost little against the harm.",
        "horizon": Horizon.LONG,
        "exempt": False,
        "next_review_due": None,
        "exposure_low": 100_000,
        "exposure_high": 750_000,
        "financial_link": "",
        "financial_link_detail": "",
    }
    with without_email():
        proposal = new_risk_propose(
            register=corporate, by=proposer, fields=fields, case=NEW_RISK_CASE
        )
    # Proposed within the quarter SLT is about to consider, a few days before today.
    days = min(3, (today - Quarter.containing(today).start).days)
    proposed_at = proposal.proposed_at - timedelta(days=days)
    rows = {"pk": proposal.pk}
    history_aware_update(NewRiskProposal, rows, proposed_at=proposed_at)
    history_redate(NewRiskProposal, rows, when=proposed_at, history_type="+")
    return 1
