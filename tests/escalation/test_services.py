"""Escalation's writes: propose, decide, withdraw, de-escalate; each refusal writes nothing."""

import threading
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase

from escalation.models import Checklist, Notification, Proposal, ProposalStatus
from escalation.seed import ensure_checklists
from escalation.services import (
    proposal_create,
    proposal_decide,
    proposal_withdraw,
    risk_de_escalate,
)
from registers.models import MovementKind, Risk, RiskMovement, Tier
from registers.services import risk_close
from scoring.seed import ensure_default_scheme
from tests.conftest import person
from tests.factories import (
    DirectorateFactory,
    OrganisationFactory,
    RegisterFactory,
    RiskFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

# Two judged factors ticked: with factor 1 (a red residual) three hold, the checklist's
# recommend_at, so no case is needed.
TICKS = {2: "A statutory duty is at stake", 3: "Needs the directorate's budget"}


def service_risk(org, **fields):
    """A red residual risk (16) on the Adult Care service register, owned by the officer, with
    no target: factor 1 holds, factor 8 is for a person to answer."""
    return RiskFactory(
        **{
            "register": org.service_register,
            "owner": org.people["officer"],
            "residual_likelihood": 4,
            "residual_impact": 4,
            **fields,
        }
    )


def directorate_risk(org, **fields):
    return service_risk(
        org, register=org.directorate_register, owner=org.people["director"], **fields
    )


def propose(org, risk=None, *, by="head", ticks=None, **kwargs):
    risk = risk or service_risk(org)
    return proposal_create(
        risk=risk, by=org.people[by], ticks=TICKS if ticks is None else ticks, **kwargs
    )


def propose_corporate(org, risk=None):
    return propose(org, risk or directorate_risk(org), by="director")


def ledger():
    """Everything a refused service must leave as it was."""
    return {
        "proposals": list(
            Proposal.objects.order_by("pk").values_list(
                "pk", "status", "decided_by", "decided_at", "decision_reason", "recorded_for_slt"
            )
        ),
        "proposal_history": Proposal.history.count(),
        "risks": list(
            Risk.objects.order_by("pk").values_list("pk", "register", "version", "status")
        ),
        "risk_history": Risk.history.count(),
        "movements": list(RiskMovement.objects.order_by("pk").values_list("pk", flat=True)),
        "notifications": Notification.objects.count(),
    }


def assert_refused(code, call):
    """``call`` raises ValidationError ``code`` and writes nothing: no rows, no emails."""
    before = ledger()
    outbox = len(mail.outbox)
    with (
        TestCase.captureOnCommitCallbacks(execute=True) as callbacks,
        pytest.raises(ValidationError) as excinfo,
    ):
        call()
    assert excinfo.value.code == code, excinfo.value.messages
    assert ledger() == before
    assert callbacks == [] and len(mail.outbox) == outbox
    return excinfo.value


# proposal_create


def test_a_proposal_snapshots_the_risk_and_the_answers(org):
    risk = service_risk(org, inherent_likelihood=5, inherent_impact=2, title="Care market")
    proposal = propose(org, risk, case="  Providers are failing  ")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert (proposal.from_register, proposal.to_register) == (
        org.service_register,
        org.directorate_register,
    )
    assert proposal.checklist.receiving_tier == Tier.DIRECTORATE
    assert proposal.proposed_by == org.people["head"]
    assert proposal.case == "Providers are failing"
    assert (proposal.residual_likelihood, proposal.residual_impact) == (4, 4)
    assert (proposal.inherent_likelihood, proposal.inherent_impact) == (5, 2)
    assert proposal.residual_band_key == "red" and proposal.residual_band_label == "Red"
    assert proposal.inherent_band_label == "Amber"
    assert (proposal.factors_held, proposal.recommend_at) == (3, 3)
    assert proposal.recommended is True
    assert [a["number"] for a in proposal.answers] == list(range(1, 9))
    assert [a["number"] for a in proposal.answers if a["holds"]] == [1, 2, 3]
    factor_2 = proposal.answers[1]
    assert factor_2["note"] == "A statutory duty is at stake"
    assert factor_2["derived"] is False
    assert factor_2["wording"].startswith("The risk could result in the Council being unable")
    assert proposal.answers[0]["derived"] is True
    assert proposal.answers[0]["wording"] == "The risk is an amber or red risk."
    assert proposal.answers[7]["derived"] is False  # no dated target: a person answers 8
    assert proposal.history.latest().history_change_reason == "Proposed"


def test_the_snapshot_survives_a_later_change_of_wording_and_scores(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    factor = Checklist.objects.get(receiving_tier=Tier.DIRECTORATE).factors.get(number=2)
    factor.wording = "Reworded"
    factor.save()
    Risk.objects.filter(pk=risk.pk).update(residual_likelihood=1, residual_impact=1)
    proposal.refresh_from_db()
    assert proposal.answers[1]["wording"] != "Reworded"
    assert proposal.residual_band_label == "Red" and proposal.residual_score == 16


def test_the_proposal_to_corporate_uses_the_corporate_checklist(org):
    proposal = propose_corporate(org)
    assert proposal.to_register == org.corporate
    assert proposal.checklist.receiving_tier == Tier.CORPORATE
    assert proposal.answers[0]["rule"] == "residual_outside_appetite"
    assert proposal.answers[0]["holds"] is True  # red 16


def test_a_project_register_escalates_to_its_directorate_register(org):
    risk = service_risk(org, register=org.project_register)
    proposal = propose(org, risk)
    assert proposal.from_register == org.project_register
    assert proposal.to_register == org.directorate_register
    proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
    risk.refresh_from_db()
    assert risk.register == org.directorate_register
    movement = RiskMovement.objects.get(risk=risk)
    assert (movement.from_register, movement.to_register) == (
        org.project_register,
        org.directorate_register,
    )


def test_the_risk_owner_may_propose(org):
    proposal = propose(org, by="officer")
    assert proposal.proposed_by == org.people["officer"]


@pytest.mark.parametrize(
    ("target_date", "factor_8_holds", "held"),
    [(date(2026, 4, 1), False, 2), (date(2026, 4, 2), True, 3)],
    ids=["green on the horizon", "green a day after"],
)
def test_a_dated_target_answers_factor_8_from_the_proposal_day(
    org, target_date, factor_8_holds, held
):
    risk = service_risk(org, target_likelihood=1, target_impact=2, target_date=target_date)
    # 1 Jan + three months = 1 Apr.
    proposal = propose(org, risk, ticks={2: "Statutory"}, case="Urgent", today=date(2026, 1, 1))
    factor_8 = proposal.answers[7]
    assert factor_8["derived"] is True and factor_8["holds"] is factor_8_holds
    assert proposal.factors_held == held
    assert (proposal.target_likelihood, proposal.target_impact) == (1, 2)
    assert proposal.target_date == target_date


def test_below_the_threshold_a_case_makes_the_proposal(org):
    proposal = propose(org, ticks={2: "Statutory"}, case="The minister asked")
    assert proposal.factors_held == 2 and proposal.recommended is False
    assert proposal.case == "The minister asked"


@pytest.mark.parametrize("case", ["", "   "])
def test_below_the_threshold_without_a_case_is_refused(org, case):
    risk = service_risk(org)
    error = assert_refused(
        "case_required",
        lambda: propose(org, risk, ticks={2: "Statutory"}, case=case),
    )
    assert "Only 2 of the factors hold" in error.messages[0]


def test_an_amber_risk_without_ticks_needs_a_case(org):
    risk = service_risk(org, residual_likelihood=2, residual_impact=3)  # amber 6: factor 1 only
    assert_refused("case_required", lambda: propose(org, risk, ticks={}))


@pytest.mark.parametrize("ticks", [{2: ""}, {2: "Statutory", 3: "   "}])
def test_every_ticked_factor_needs_a_note(org, ticks):
    risk = service_risk(org)
    error = assert_refused(
        "note_required", lambda: propose(org, risk, ticks=ticks, case="Even with a case")
    )
    assert str(max(ticks)) in error.messages[0]


@pytest.mark.parametrize("number", [1, 9])
def test_ticking_a_derived_or_unknown_factor_is_refused(org, number):
    risk = service_risk(org)
    error = assert_refused(
        "unknown_factor", lambda: propose(org, risk, ticks={**TICKS, number: "I say it holds"})
    )
    assert f"Factor {number} " in error.messages[0]


def test_factor_8_cannot_be_ticked_when_the_target_is_dated(org):
    risk = service_risk(org, target_likelihood=1, target_impact=1, target_date=date(2026, 2, 1))
    assert_refused(
        "unknown_factor",
        lambda: propose(org, risk, ticks={**TICKS, 8: "Not soon"}, today=date(2026, 1, 1)),
    )


def test_a_corporate_risk_cannot_be_escalated(org):
    risk = service_risk(org, register=org.corporate, owner=org.people["chief"])
    assert_refused("top_tier", lambda: propose(org, risk, by="chief"))


def test_a_closed_risk_cannot_be_escalated(org):
    risk = risk_close(risk=service_risk(org), by=org.people["head"], reason="Contract ended")
    assert_refused("risk_closed", lambda: propose(org, risk))


@pytest.mark.parametrize("who", ["other_officer", "director", "insurance", "chief"])
def test_only_the_risk_or_register_owner_may_propose(org, who):
    risk = service_risk(org)
    assert_refused("not_allowed", lambda: propose(org, risk, by=who))


def test_internal_audit_may_not_propose_even_a_risk_it_owns(org):
    risk = service_risk(org, owner=org.people["audit"])
    assert_refused("not_allowed", lambda: propose(org, risk, by="audit"))


def test_a_register_with_nothing_above_it_cannot_escalate(org):
    directorate = DirectorateFactory(organisation=org.organisation, name="Resources")
    service = ServiceFactory(directorate=directorate, name="Finance")
    register = RegisterFactory(
        organisation=org.organisation,
        tier=Tier.SERVICE,
        directorate=directorate,
        service=service,
        prefix="FIN",
        owner=org.people["head"],
    )
    risk = service_risk(org, register=register)
    assert_refused("no_receiving_register", lambda: propose(org, risk))


def test_a_second_open_proposal_for_the_risk_is_refused(org):
    risk = service_risk(org)
    propose(org, risk)
    assert_refused("open_proposal_exists", lambda: propose(org, risk, by="officer"))


def test_after_a_decline_the_risk_may_be_proposed_again(org):
    risk = service_risk(org)
    first = propose(org, risk)
    proposal_decide(proposal=first, by=org.people["director"], accept=False, reason="Not yet")
    second = propose(org, risk)
    assert second.pk != first.pk and second.is_open


# proposal_decide


def test_accepting_moves_the_risk_up_and_records_the_movement(org):
    risk = service_risk(org, reference="AC-07")
    proposal = propose(org, risk)
    decided = proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
    risk.refresh_from_db()
    assert risk.register == org.directorate_register
    assert risk.reference == "AC-07"
    assert risk.version == 2
    movement = RiskMovement.objects.get(risk=risk)
    assert movement.kind == MovementKind.ESCALATED
    assert movement.from_register == org.service_register
    assert movement.to_register == org.directorate_register
    assert movement.moved_by == org.people["director"]
    latest = risk.history.latest()
    assert latest.history_change_reason.startswith(
        "Escalated from Adult Care service to People directorate"
    )
    assert latest.history_user == org.people["director"]
    assert latest.register_id == org.directorate_register.pk
    decided.refresh_from_db()
    assert decided.status == ProposalStatus.ACCEPTED
    assert decided.decided_by == org.people["director"] and decided.decided_at is not None
    assert decided.recorded_for_slt is False


def test_declining_keeps_the_risk_where_it_is_and_keeps_the_reason(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    proposal_decide(
        proposal=proposal, by=org.people["director"], accept=False, reason="  Service can cope  "
    )
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_reason == "Service can cope"
    assert proposal.decided_by == org.people["director"]
    assert risk.register == org.service_register and risk.version == 1
    assert not RiskMovement.objects.exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_declining_without_a_reason_is_refused(org, reason):
    proposal = propose(org)
    assert_refused(
        "reason_required",
        lambda: proposal_decide(
            proposal=proposal, by=org.people["director"], accept=False, reason=reason
        ),
    )


@pytest.mark.parametrize("who", ["head", "other_director", "audit", "insurance", "chief"])
def test_only_the_receiving_owner_decides_a_directorate_proposal(org, who):
    proposal = propose(org)
    for accept in (True, False):
        assert_refused(
            "not_receiving_owner",
            lambda accept=accept: proposal_decide(
                proposal=proposal, by=org.people[who], accept=accept, reason="Because"
            ),
        )


@pytest.mark.parametrize("who", ["director", "s151", "monitoring", "audit", "committee"])
def test_who_may_not_decide_a_corporate_proposal(org, who):
    proposal = propose_corporate(org)
    assert_refused(
        "not_receiving_owner",
        lambda: proposal_decide(proposal=proposal, by=org.people[who], accept=True),
    )


def test_another_councils_insurance_manager_may_not_decide_a_corporate_proposal(org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    outsider = person(elsewhere, "outsider", roles=["Insurance Manager"])
    proposal = propose_corporate(org)
    assert_refused(
        "not_receiving_owner",
        lambda: proposal_decide(proposal=proposal, by=outsider, accept=True),
    )


def test_the_chief_executive_decides_a_corporate_proposal_as_owner(org):
    risk = directorate_risk(org)
    proposal = propose_corporate(org, risk)
    decided = proposal_decide(proposal=proposal, by=org.people["chief"], accept=True)
    assert decided.recorded_for_slt is False
    risk.refresh_from_db()
    assert risk.register == org.corporate
    assert "accepted by " + org.people["chief"].get_full_name() in (
        risk.history.latest().history_change_reason
    )


def test_the_insurance_manager_records_slts_corporate_decision(org):
    risk = directorate_risk(org)
    proposal = propose_corporate(org, risk)
    decided = proposal_decide(proposal=proposal, by=org.people["insurance"], accept=True)
    decided.refresh_from_db()
    assert decided.recorded_for_slt is True
    assert decided.decided_by == org.people["insurance"]
    risk.refresh_from_db()
    assert risk.register == org.corporate
    assert "accepted by the Strategic Leadership Team" in (
        risk.history.latest().history_change_reason
    )


def test_the_insurance_manager_records_an_slt_decline_too(org):
    proposal = propose_corporate(org)
    decided = proposal_decide(
        proposal=proposal, by=org.people["insurance"], accept=False, reason="SLT: not yet"
    )
    decided.refresh_from_db()
    assert decided.status == ProposalStatus.DECLINED and decided.recorded_for_slt is True


def test_an_slt_member_who_is_not_the_owner_decides_a_corporate_proposal(org):
    member = person(org.organisation, "slt_member", roles=["Strategic Leadership Team"])
    risk = directorate_risk(org)
    proposal = propose_corporate(org, risk)
    decided = proposal_decide(proposal=proposal, by=member, accept=True)
    assert decided.recorded_for_slt is False and decided.decided_by == member
    risk.refresh_from_db()
    assert risk.register == org.corporate


def test_a_decided_proposal_cannot_be_decided_again(org):
    proposal = propose(org)
    proposal_decide(proposal=proposal, by=org.people["director"], accept=False, reason="No")
    error = assert_refused(
        "already_decided",
        lambda: proposal_decide(proposal=proposal, by=org.people["director"], accept=True),
    )
    assert "already declined by" in error.messages[0]


def test_a_stale_copy_cannot_decide_again_and_the_risk_moves_once(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    first = Proposal.objects.get(pk=proposal.pk)
    second = Proposal.objects.get(pk=proposal.pk)
    proposal_decide(proposal=first, by=org.people["director"], accept=True)
    assert second.status == ProposalStatus.OPEN  # the stale copy still thinks it is open
    error = assert_refused(
        "already_decided",
        lambda: proposal_decide(
            proposal=second, by=org.people["director"], accept=False, reason="Too late"
        ),
    )
    assert "already accepted by" in error.messages[0]
    assert_refused(
        "already_decided",
        lambda: proposal_decide(proposal=second, by=org.people["director"], accept=True),
    )
    risk.refresh_from_db()
    assert risk.register == org.directorate_register and risk.version == 2
    assert RiskMovement.objects.filter(risk=risk, kind=MovementKind.ESCALATED).count() == 1
    assert RiskMovement.objects.count() == 1


def test_a_risk_moved_since_the_proposal_cannot_be_accepted(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    Risk.objects.filter(pk=risk.pk).update(register=org.project_register)
    assert_refused(
        "risk_moved",
        lambda: proposal_decide(proposal=proposal, by=org.people["director"], accept=True),
    )
    # Declining it, as the message says, still works.
    proposal_decide(proposal=proposal, by=org.people["director"], accept=False, reason="Moved")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED


def test_closing_a_risk_records_its_removal(org):
    risk = service_risk(org)
    closed = risk_close(risk=risk, by=org.people["head"], reason="Contract ended")
    movement = RiskMovement.objects.get(risk=risk)
    assert movement.kind == MovementKind.REMOVED
    assert movement.from_register == org.service_register and movement.to_register is None
    assert movement.reason == "Contract ended"
    assert movement.moved_by == org.people["head"]
    assert movement.moved_at == closed.closed_at


def test_a_risk_closed_since_the_proposal_cannot_be_accepted(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    risk_close(risk=risk, by=org.people["head"], reason="Contract ended")
    assert_refused(
        "risk_closed",
        lambda: proposal_decide(proposal=proposal, by=org.people["director"], accept=True),
    )
    assert list(RiskMovement.objects.values_list("kind", flat=True)) == [MovementKind.REMOVED]
    proposal_decide(proposal=proposal, by=org.people["director"], accept=False, reason="Closed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED


# proposal_withdraw


def test_the_proposer_withdraws_a_proposal(org):
    risk = service_risk(org)
    proposal = propose(org, risk)
    withdrawn = proposal_withdraw(proposal=proposal, by=org.people["head"], reason=" Resolved ")
    withdrawn.refresh_from_db()
    assert withdrawn.status == ProposalStatus.WITHDRAWN
    assert withdrawn.decision_reason == "Resolved"
    assert withdrawn.decided_by == org.people["head"] and withdrawn.decided_at is not None
    risk.refresh_from_db()
    assert risk.register == org.service_register and not RiskMovement.objects.exists()
    assert propose(org, risk).is_open  # a new proposal may follow


@pytest.mark.parametrize("who", ["officer", "director", "insurance"])
def test_only_the_proposer_may_withdraw(org, who):
    proposal = propose(org)
    assert_refused(
        "not_proposer",
        lambda: proposal_withdraw(proposal=proposal, by=org.people[who], reason="Mine now"),
    )


def test_withdrawing_needs_a_reason(org):
    proposal = propose(org)
    assert_refused(
        "reason_required",
        lambda: proposal_withdraw(proposal=proposal, by=org.people["head"], reason="  "),
    )


def test_a_decided_proposal_cannot_be_withdrawn_nor_a_withdrawn_one_decided(org):
    accepted = propose(org)
    proposal_decide(proposal=accepted, by=org.people["director"], accept=True)
    assert_refused(
        "already_decided",
        lambda: proposal_withdraw(proposal=accepted, by=org.people["head"], reason="Oops"),
    )
    withdrawn = propose(org)
    proposal_withdraw(proposal=withdrawn, by=org.people["head"], reason="Resolved")
    assert_refused(
        "already_decided",
        lambda: proposal_decide(proposal=withdrawn, by=org.people["director"], accept=True),
    )


# risk_de_escalate


def test_the_director_de_escalates_a_directorate_risk(org):
    risk = directorate_risk(org, reference="AC-03")
    moved = risk_de_escalate(
        risk=risk, to_register=org.service_register, by=org.people["director"], reason=" Managed "
    )
    moved.refresh_from_db()
    assert moved.register == org.service_register and moved.reference == "AC-03"
    assert moved.version == 2
    movement = RiskMovement.objects.get(risk=risk)
    assert movement.kind == MovementKind.DE_ESCALATED
    assert (movement.from_register, movement.to_register) == (
        org.directorate_register,
        org.service_register,
    )
    assert movement.reason == "Managed" and movement.moved_by == org.people["director"]
    assert moved.history.latest().history_change_reason == (
        "De-escalated from People directorate to Adult Care service: Managed"
    )


def test_a_long_de_escalation_reason_is_kept_in_full(org):
    """The reason goes into the risk's history change reason, which simple-history makes a
    varchar(100): PostgreSQL enforces the length, SQLite does not."""
    reason = (
        "The new provider contract is in place and the service has the budget to manage the "
        "remaining risk; the directorate will keep an eye on it at the quarterly review."
    )
    risk = directorate_risk(org)
    risk_de_escalate(
        risk=risk, to_register=org.service_register, by=org.people["director"], reason=reason
    )
    assert RiskMovement.objects.get(risk=risk).reason == reason
    assert Risk.objects.get(pk=risk.pk).register == org.service_register


def test_a_directorate_risk_may_go_to_a_project_register(org):
    risk = directorate_risk(org)
    risk_de_escalate(
        risk=risk, to_register=org.project_register, by=org.people["director"], reason="Project"
    )
    risk.refresh_from_db()
    assert risk.register == org.project_register


@pytest.mark.parametrize("who", ["insurance", "chief"])
def test_a_corporate_risk_may_go_to_any_lower_register(org, who):
    risk = service_risk(org, register=org.corporate, owner=org.people["chief"])
    risk_de_escalate(
        risk=risk, to_register=org.other_service_register, by=org.people[who], reason="Local now"
    )
    risk.refresh_from_db()
    assert risk.register == org.other_service_register
    assert RiskMovement.objects.get(risk=risk).kind == MovementKind.DE_ESCALATED


def test_movement_kinds_follow_a_risks_life(org):
    risk = service_risk(org)
    proposal_decide(proposal=propose(org, risk), by=org.people["director"], accept=True)
    risk_de_escalate(
        risk=risk, to_register=org.service_register, by=org.people["director"], reason="Down"
    )
    risk_close(risk=risk, by=org.people["head"], reason="Gone")
    kinds = list(
        RiskMovement.objects.filter(risk=risk).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == [MovementKind.ESCALATED, MovementKind.DE_ESCALATED, MovementKind.REMOVED]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("directorate_register", "other_service_register"),  # another directorate's service
        ("directorate_register", "directorate_register"),  # the same register
        ("directorate_register", "other_directorate_register"),  # sideways
        ("directorate_register", "corporate"),  # upwards
        ("corporate", "corporate"),  # corporate to corporate
    ],
)
def test_de_escalating_to_a_register_not_below_is_refused(org, start, target):
    risk = service_risk(org, register=getattr(org, start), owner=org.people["director"])
    by = org.people["director" if start == "directorate_register" else "chief"]
    assert_refused(
        "not_lower",
        lambda: risk_de_escalate(risk=risk, to_register=getattr(org, target), by=by, reason="Down"),
    )


def test_de_escalating_to_another_councils_register_is_refused(org):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    foreign = RegisterFactory(organisation=elsewhere, tier=Tier.CORPORATE, prefix="ELS")
    risk = service_risk(org, register=org.corporate, owner=org.people["chief"])
    assert_refused(
        "not_lower",
        lambda: risk_de_escalate(
            risk=risk, to_register=foreign, by=org.people["chief"], reason="Down"
        ),
    )


@pytest.mark.parametrize("who", ["head", "other_director", "insurance", "audit", "officer"])
def test_only_the_directorate_owner_de_escalates_a_directorate_risk(org, who):
    risk = directorate_risk(org)
    assert_refused(
        "not_allowed",
        lambda: risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people[who], reason="Down"
        ),
    )


def test_a_service_risk_has_nowhere_lower_to_go(org):
    risk = service_risk(org)
    assert_refused(
        "not_allowed",
        lambda: risk_de_escalate(
            risk=risk, to_register=org.project_register, by=org.people["head"], reason="Down"
        ),
    )


@pytest.mark.parametrize("reason", ["", "  "])
def test_de_escalating_needs_a_reason(org, reason):
    risk = directorate_risk(org)
    assert_refused(
        "reason_required",
        lambda: risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people["director"], reason=reason
        ),
    )


def test_a_risk_awaiting_a_decision_is_not_de_escalated(org):
    risk = directorate_risk(org)
    propose_corporate(org, risk)
    assert_refused(
        "open_proposal_exists",
        lambda: risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people["director"], reason="Down"
        ),
    )


def test_a_closed_risk_is_not_de_escalated(org):
    risk = risk_close(risk=directorate_risk(org), by=org.people["director"], reason="Gone")
    assert_refused(
        "risk_closed",
        lambda: risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people["director"], reason="Down"
        ),
    )


# Two decisions at once, in two threads with their own connections.


# Django's SQLite test database is "file:memorydb_default?mode=memory&cache=shared". In
# shared-cache mode SQLite locks tables, not the file, and a second connection's
# BEGIN IMMEDIATE fails at once with SQLITE_LOCKED ("database table is locked"): the busy
# timeout (20 s in settings) only retries SQLITE_BUSY. So the second thread gets an
# OperationalError instead of waiting for the first to commit. With a file database (the
# app's var/riskreg.sqlite3, or a test database given a TEST NAME) it waits and this passes.
SQLITE_IN_MEMORY = (
    "SQLite's shared-cache in-memory test database fails the second BEGIN IMMEDIATE at once "
    "with 'database table is locked' (SQLITE_LOCKED is not retried by the busy timeout); "
    "run on PostgreSQL or with a file test database (DATABASES TEST NAME)"
)


@pytest.fixture
def race_org(request, transactional_db):
    """A transactional test's flush removed what the migrations seeded: put it back first."""
    ensure_default_scheme()
    ensure_checklists()
    return request.getfixturevalue("org")


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_decisions_one_wins_the_other_is_refused(race_org):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(SQLITE_IN_MEMORY)
    org = race_org
    risk = service_risk(org)
    proposal = propose(org, risk)
    director = org.people["director"]
    barrier = threading.Barrier(2)
    outcomes = {}

    def decide(name, accept, reason):
        try:
            copy = Proposal.objects.get(pk=proposal.pk)  # each request loads its own copy
            barrier.wait(timeout=10)
            proposal_decide(proposal=copy, by=director, accept=accept, reason=reason)
            outcomes[name] = "decided"
        except Exception as error:  # any other error fails the assertions below
            outcomes[name] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=("accept", True, "")),
        threading.Thread(target=decide, args=("decline", False, "Service can cope")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)

    winners = [name for name, outcome in outcomes.items() if outcome == "decided"]
    assert len(winners) == 1, outcomes
    (loser,) = set(outcomes) - set(winners)
    refusal = outcomes[loser]
    assert isinstance(refusal, ValidationError), repr(refusal)
    assert refusal.code == "already_decided"

    proposal.refresh_from_db()
    risk.refresh_from_db()
    movements = RiskMovement.objects.filter(risk=risk)
    assert proposal.decided_by == director
    assert Proposal.history.filter(id=proposal.pk).count() == 2  # proposed, then one decision
    if winners == ["accept"]:
        assert proposal.status == ProposalStatus.ACCEPTED
        assert risk.register == org.directorate_register and risk.version == 2
        assert movements.count() == 1 and movements.get().kind == MovementKind.ESCALATED
    else:
        assert proposal.status == ProposalStatus.DECLINED
        assert proposal.decision_reason == "Service can cope"
        assert risk.register == org.service_register and risk.version == 1
        assert not movements.exists()
    verdict = "accepted" if winners == ["accept"] else "declined"
    other = "declined" if verdict == "accepted" else "accepted"
    assert Notification.objects.filter(subject__startswith=f"Escalation {verdict}").exists()
    assert not Notification.objects.filter(subject__startswith=f"Escalation {other}").exists()


def test_the_seeded_checklists_are_present_for_the_other_tests(org):
    """Guards the assumption the tests above make: the migration seeded both checklists."""
    assert set(Checklist.objects.values_list("receiving_tier", flat=True)) == {
        Tier.DIRECTORATE,
        Tier.CORPORATE,
    }
    assert Checklist.objects.get(receiving_tier=Tier.DIRECTORATE).recommend_at == 3
    factors = Checklist.objects.get(receiving_tier=Tier.DIRECTORATE).factors
    assert list(factors.exclude(rule="judgement").values_list("number", flat=True)) == [1, 8]
