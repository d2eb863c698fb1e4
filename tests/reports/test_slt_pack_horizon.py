"""What SLT needs to scan the horizon and review the effectiveness of actions (the policy's
Roles) in its pack: each planned action's evaluation and cost, the cost of a risk's mitigation
beside its exposure, each risk's horizon (in the register pack too), and the new corporate risks
proposed by SLT's members among the proposed changes."""

from decimal import Decimal

import pytest
from django.utils import timezone

from escalation.new_risks import new_risk_decide, new_risk_propose
from registers import services
from registers.models import ActionKind, ActionStatus, Horizon
from registers.periods import Quarter
from reports.packs import slt_pack, slt_pack_pdf
from reports.packs.register_pack import register_pack, register_pack_pdf
from tests.escalation.test_new_risks import fields, slt_member
from tests.factories import ActionFactory
from tests.reports.test_slt_pack import corporate, flat, pdf_pages

pytestmark = pytest.mark.django_db


def this_quarter() -> Quarter:
    return Quarter.containing(timezone.localdate())


@pytest.fixture
def costed(org):
    """A corporate risk on a long horizon with a costed, evaluated action, an uncosted one,
    and a costed control; the register approved this quarter."""
    risk = corporate(
        org,
        "CRR-01",
        "Climate adaptation",
        horizon=Horizon.LONG,
        exposure_low=1_000_000,
        exposure_high=4_000_000,
        residual_likelihood=4,
        residual_impact=4,
    )
    ActionFactory(
        risk=risk,
        kind=ActionKind.ACTION,
        description="Flood defences at the depot",
        status=ActionStatus.IN_PROGRESS,
        cost=Decimal("250000"),
        evaluation_notes="Half built; the first storm was held back.",
    )
    ActionFactory(
        risk=risk,
        kind=ActionKind.ACTION,
        description="Heat plan for care homes",
        status=ActionStatus.OPEN,
        cost=None,
        evaluation_notes="",
    )
    ActionFactory(
        risk=risk,
        kind=ActionKind.CONTROL,
        description="Drainage inspections",
        status=ActionStatus.OPEN,
        cost=Decimal("12500"),
    )
    services.register_approve(register=org.corporate, by=org.people["chief"])
    return risk


def test_the_pack_carries_each_planned_actions_evaluation_and_cost(org, costed):
    pack = slt_pack(organisation=org.organisation, quarter=this_quarter(), variant="full")
    [risk] = pack.risks
    by_description = {action.description: action for action in risk.actions}
    defences = by_description["Flood defences at the depot"]
    assert (defences.cost, defences.evaluation) == (
        Decimal("250000"),
        "Half built; the first storm was held back.",
    )
    heat = by_description["Heat plan for care homes"]
    assert (heat.cost, heat.evaluation) == (None, "")
    assert risk.mitigation_cost.total == Decimal("262500")
    assert risk.mitigation_cost.uncosted == 1
    assert risk.exposure_text == "£1,000,000 to £4,000,000"
    assert risk.horizon == "Long term (over three years)"


def test_the_pdf_prints_them_beside_the_exposure(org, costed):
    text = flat(
        " ".join(
            pdf_pages(
                slt_pack_pdf(organisation=org.organisation, quarter=this_quarter(), variant="full")
            )
        )
    )
    assert "costs £250,000" in text
    assert "Evaluation: Half built; the first storm was held back." in text
    assert "no cost given" in text
    assert "Evaluation: not yet evaluated" in text
    assert (
        "Controls and actions cost £262,500 (1 with no cost given); estimated exposure "
        "£1,000,000 to £4,000,000." in text
    )
    assert "Horizon: Long term (over three years)" in text


def test_the_register_pack_prints_the_horizon(org, costed):
    pack = register_pack(register=org.corporate, quarter=this_quarter())
    assert [row.horizon for row in pack.rows] == ["Long term (over three years)"]
    text = flat(" ".join(pdf_pages(register_pack_pdf(pack=pack))))
    assert "Horizon: Long term (over three years)" in text


def test_a_new_risk_proposed_by_a_member_is_among_the_proposed_changes(org, costed):
    proposal = new_risk_propose(
        register=org.corporate, by=slt_member(org, "director"), fields=fields(org), case="Why now"
    )
    exempt = new_risk_propose(
        register=org.corporate,
        by=slt_member(org, "director"),
        fields=fields(org, title="Site security", exempt=True),
        case="Sensitive",
    )
    full = slt_pack(organisation=org.organisation, quarter=this_quarter(), variant="full")
    assert [(p.title, p.horizon, p.residual.score) for p in full.new_risks] == [
        (proposal.title, "Long term (over three years)", 15),
        ("Site security", "Long term (over three years)", 15),
    ]
    public = slt_pack(organisation=org.organisation, quarter=this_quarter(), variant="public")
    assert [p.title for p in public.new_risks] == [proposal.title]
    text = flat(
        " ".join(
            pdf_pages(
                slt_pack_pdf(organisation=org.organisation, quarter=this_quarter(), variant="full")
            )
        )
    )
    changes = text[text.index("3. What changed") : text.index("4. Escalations awaiting SLT")]
    assert "New risks proposed by SLT members" in changes
    assert proposal.title in changes and "Why now" in changes
    new_risk_decide(proposal=exempt, by=org.people["chief"], accept=False, reason="Held")
    again = slt_pack(organisation=org.organisation, quarter=this_quarter(), variant="full")
    assert [p.title for p in again.new_risks] == [proposal.title]  # decided: off the list
