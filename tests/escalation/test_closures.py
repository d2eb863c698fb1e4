"""Closing a corporate risk goes through SLT: its owner proposes, SLT (or the Insurance Manager
recording SLT's decision) accepts or declines; other registers keep direct closure."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from common.people import person_name
from escalation.closures import closure_decide, closure_propose
from escalation.models import Notification, Proposal, ProposalKind, ProposalStatus
from escalation.permissions import can_propose_closure, decides_proposal
from escalation.selectors import closure_proposals_pending, proposals_for_slt
from escalation.services import proposal_decide
from registers.models import MovementKind, RiskMovement, RiskStatus
from registers.permissions import can_close_risk
from registers.services import risk_close
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db


def corporate_risk(org, **fields):
    fields = {
        "register": org.corporate,
        "owner": org.people["director"],
        "residual_likelihood": 3,
        "residual_impact": 4,
        **fields,
    }
    return RiskFactory(**fields)


def propose(org, risk=None, *, reason="The contract ended in March; nothing is left to manage."):
    return closure_propose(
        risk=risk or corporate_risk(org), by=org.people["director"], reason=reason
    )


# The rule of who closes a risk outright ------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "closes"),
    [
        ("chief", True),  # the register's owner, for SLT
        ("insurance", True),  # recording SLT's decision
        ("director", False),  # the risk's own owner proposes instead
        ("audit", False),
        ("committee", False),
        ("officer", False),
        ("s151", False),
    ],
)
def test_who_closes_a_corporate_risk_outright(org, who, closes):
    assert can_close_risk(org.people[who], corporate_risk(org)) is closes


def test_an_slt_member_who_owns_the_risk_proposes_rather_than_closes(org):
    risk = corporate_risk(org, owner=org.people["chief"])
    assert not can_close_risk(org.people["chief"], risk)
    assert can_close_risk(org.people["insurance"], risk)


def test_below_the_corporate_register_its_owner_still_closes_directly(org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    assert can_close_risk(org.people["officer"], risk)
    risk_close(risk=risk, by=org.people["officer"], reason="Merged into AC-02")
    risk.refresh_from_db()
    assert risk.status == RiskStatus.CLOSED


def test_the_owner_cannot_close_a_corporate_risk_through_the_service(org):
    risk = corporate_risk(org)
    with pytest.raises(ValidationError) as refused:
        risk_close(risk=risk, by=org.people["director"], reason="Done")
    assert refused.value.code == "slt_decides"
    risk.refresh_from_db()
    assert risk.is_open


# Proposing -----------------------------------------------------------------------------------


def test_closing_a_corporate_risk_by_its_owner_makes_a_proposal_not_a_closure(org, client):
    risk = corporate_risk(org)
    client.force_login(org.people["director"])
    response = client.post(
        reverse("escalation:closure-propose", kwargs={"pk": risk.pk}),
        {"reason": "The new data centre removed the single point of failure."},
    )
    proposal = Proposal.objects.get(risk=risk)
    assert response.status_code == 302
    assert response.url == proposal.get_absolute_url()
    assert proposal.kind == ProposalKind.CLOSURE and proposal.is_open
    assert proposal.case == "The new data centre removed the single point of failure."
    assert proposal.residual_score == 12
    risk.refresh_from_db()
    assert risk.is_open and risk.register == org.corporate
    assert not RiskMovement.objects.filter(risk=risk).exists()
    told = set(Notification.objects.filter(proposal=proposal).values_list("recipient__username"))
    assert told == {("insurance",), ("chief",)}


def test_the_owners_close_page_is_refused_and_points_at_the_proposal(org, client):
    risk = corporate_risk(org)
    client.force_login(org.people["director"])
    response = client.post(
        reverse("registers:risk-close", kwargs={"pk": risk.pk}), {"reason": "Done"}
    )
    assert response.status_code == 403
    assert b"Propose its closure" in response.content
    risk.refresh_from_db()
    assert risk.is_open


@pytest.mark.parametrize(
    ("reason", "code"),
    [("   ", "reason_required")],
)
def test_a_proposal_needs_a_reason(org, reason, code):
    with pytest.raises(ValidationError) as refused:
        propose(org, reason=reason)
    assert refused.value.code == code
    assert not Proposal.objects.exists()


def test_only_the_owner_proposes_and_only_on_the_corporate_register(org):
    risk = corporate_risk(org)
    with pytest.raises(ValidationError) as refused:
        closure_propose(risk=risk, by=org.people["insurance"], reason="Gone")
    assert refused.value.code == "not_allowed"
    service = RiskFactory(register=org.service_register, owner=org.people["officer"])
    with pytest.raises(ValidationError) as refused:
        closure_propose(risk=service, by=org.people["officer"], reason="Gone")
    assert refused.value.code == "not_corporate"
    assert not Proposal.objects.exists()


def test_one_open_proposal_at_a_time(org):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        propose(org, proposal.risk)
    assert refused.value.code == "open_proposal_exists"


def test_a_closed_risk_is_not_proposed(org):
    risk = corporate_risk(org)
    risk_close(risk=risk, by=org.people["chief"], reason="Gone")
    with pytest.raises(ValidationError) as refused:
        propose(org, risk)
    assert refused.value.code == "risk_closed"


# Deciding ------------------------------------------------------------------------------------


def test_slt_accepts_and_the_risk_closes_with_the_reason(org):
    proposal = propose(org)
    decided = closure_decide(proposal=proposal, by=org.people["chief"], accept=True)
    risk = decided.risk
    risk.refresh_from_db()
    assert decided.status == ProposalStatus.ACCEPTED and not decided.recorded_for_slt
    assert risk.status == RiskStatus.CLOSED
    assert risk.closure_reason.startswith("The contract ended in March")
    assert risk.closed_by == org.people["chief"]
    move = RiskMovement.objects.get(risk=risk)
    assert move.kind == MovementKind.REMOVED and move.from_register == org.corporate
    told = set(Notification.objects.filter(proposal=proposal).values_list("recipient__username"))
    assert {("director",), ("insurance",), ("monitoring",)} <= told


def test_the_insurance_manager_records_slts_decision(org):
    proposal = propose(org)
    decided = closure_decide(proposal=proposal, by=org.people["insurance"], accept=True)
    assert decided.recorded_for_slt
    decided.risk.refresh_from_db()
    assert "Strategic Leadership Team (recorded by" in decided.risk.closure_reason


def test_slt_declines_with_a_reason_and_the_risk_stays_open(org):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        closure_decide(proposal=proposal, by=org.people["chief"], accept=False)
    assert refused.value.code == "reason_required"
    decided = closure_decide(
        proposal=proposal, by=org.people["chief"], accept=False, reason="Keep it a year more."
    )
    assert decided.status == ProposalStatus.DECLINED
    assert decided.decision_reason == "Keep it a year more."
    decided.risk.refresh_from_db()
    assert decided.risk.is_open
    message = Notification.objects.get(proposal=proposal, recipient=org.people["director"])
    assert "declined" in message.message and "Keep it a year more." in message.message


@pytest.mark.parametrize("who", ["director", "audit", "s151", "officer"])
def test_others_cannot_decide(org, who):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        closure_decide(proposal=proposal, by=org.people[who], accept=True)
    assert refused.value.code == "not_allowed"
    proposal.refresh_from_db()
    assert proposal.is_open


def test_a_second_decision_is_refused(org):
    proposal = propose(org)
    closure_decide(proposal=proposal, by=org.people["chief"], accept=True)
    with pytest.raises(ValidationError) as refused:
        closure_decide(proposal=proposal, by=org.people["insurance"], accept=False, reason="No")
    assert refused.value.code == "already_decided"


def test_an_escalation_decision_does_not_take_a_closure(org):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        proposal_decide(proposal=proposal, by=org.people["chief"], accept=True)
    assert refused.value.code == "not_escalation"


def test_the_pending_closures_are_listed_for_the_slt_pack_and_not_as_escalations(org):
    first = propose(org)
    second = propose(org, corporate_risk(org))
    closure_decide(proposal=second, by=org.people["chief"], accept=False, reason="Not yet")
    assert list(closure_proposals_pending(register=org.corporate)) == [first]
    assert list(proposals_for_slt(organisation_id=org.organisation.pk)) == []


# The pages -----------------------------------------------------------------------------------


def test_the_decision_page_decides_a_closure(org, client, django_assert_max_num_queries):
    proposal = propose(org)
    client.force_login(org.people["chief"])
    with django_assert_max_num_queries(20):
        page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert b"Accept: the risk closes" in page.content
    response = client.post(
        reverse("escalation:proposal-decide", kwargs={"pk": proposal.pk}),
        {"decision": "accepted", "reason": ""},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED


def test_the_owner_may_not_decide_their_own_proposal(org, client):
    proposal = propose(org)
    client.force_login(org.people["director"])
    response = client.post(
        reverse("escalation:proposal-decide", kwargs={"pk": proposal.pk}),
        {"decision": "accepted"},
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_open


def test_the_proposal_form(org, client, django_assert_max_num_queries):
    risk = corporate_risk(org)
    url = reverse("escalation:closure-propose", kwargs={"pk": risk.pk})
    client.force_login(org.people["director"])
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.status_code == 200
    assert b'for="id_reason"' in page.content
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert b"error-summary" in empty.content
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("director", 200), ("chief", 403), ("insurance", 403), ("audit", 403), ("officer", 403)],
)
def test_who_may_open_the_proposal_form(org, client, who, status):
    risk = corporate_risk(org)
    client.force_login(org.people[who])
    response = client.get(reverse("escalation:closure-propose", kwargs={"pk": risk.pk}))
    assert response.status_code == status


def test_the_risk_page_offers_the_owner_a_proposal_and_slt_a_closure(org, client):
    risk = corporate_risk(org)
    client.force_login(org.people["director"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert reverse("escalation:closure-propose", kwargs={"pk": risk.pk}) in page
    assert reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk}) not in page
    client.force_login(org.people["chief"])
    page = client.get(risk.get_absolute_url()).content.decode()
    assert reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk}) in page


def slt_member(org, name):
    from django.contrib.auth import get_user_model

    org.people[name].groups.add(Group.objects.get_or_create(name="Strategic Leadership Team")[0])
    return get_user_model().objects.get(pk=org.people[name].pk)


def test_another_member_of_slt_proposes_the_closure_rather_than_closing_it(org, client):
    """A corporate risk comes off the register by SLT's decision: one member closing a
    colleague's risk alone would be one person's decision, so they propose it, and another
    member (or the Insurance Manager recording SLT's decision) decides."""
    member = slt_member(org, "other_director")
    risk = corporate_risk(org)
    assert not can_close_risk(member, risk)
    assert can_propose_closure(member, risk)
    client.force_login(member)
    page = client.get(risk.get_absolute_url()).content.decode()
    assert reverse("escalation:closure-propose", kwargs={"pk": risk.pk}) in page
    assert (
        client.get(reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk})).status_code
        == 403
    )
    with pytest.raises(ValidationError) as refused:
        risk_close(risk=risk, by=member, reason="Done")
    assert refused.value.code == "slt_decides"
    proposal = closure_propose(risk=risk, by=member, reason="The programme ended.")
    told = set(Notification.objects.filter(proposal=proposal).values_list("recipient__username"))
    assert told == {("insurance",), ("chief",), ("director",)}  # the risk's owner too
    assert not decides_proposal(member, proposal)  # not the member who proposed it
    assert not decides_proposal(org.people["director"], proposal)  # nor the risk's owner
    with pytest.raises(ValidationError) as refused:
        closure_decide(proposal=proposal, by=member, accept=True)
    assert refused.value.code == "not_allowed"
    closure_decide(proposal=proposal, by=org.people["chief"], accept=True)
    risk.refresh_from_db()
    assert not risk.is_open


# Score changes between SLT's meetings ----------------------------------------------------------


def test_score_changes_since_slts_approval_are_listed_as_proposed_changes(
    org, django_assert_max_num_queries
):
    from escalation.selectors import score_changes_pending
    from registers.services import register_approve
    from registers.versions import save_next_version

    rescored, untouched, retitled = corporate_risk(org), corporate_risk(org), corporate_risk(org)
    register_approve(register=org.corporate, by=org.people["chief"])
    assert score_changes_pending(register=org.corporate) == []
    rescored.residual_likelihood = 2
    save_next_version(rescored, by=org.people["director"], reason="Edited")
    retitled.title = "A new title"
    save_next_version(retitled, by=org.people["director"], reason="Edited")
    corporate_risk(org)  # raised since: new, not a change to an approved score
    with django_assert_max_num_queries(4):
        (change,) = score_changes_pending(register=org.corporate)
    assert change.risk == rescored and untouched.pk != change.risk.pk
    assert (change.approved.residual_likelihood, change.risk.residual_likelihood) == (3, 2)
    assert change.changed_by == person_name(org.people["director"])


def test_no_score_changes_before_the_first_approval(org):
    from escalation.selectors import score_changes_pending

    corporate_risk(org)
    assert score_changes_pending(register=org.corporate) == []


def test_the_home_page_asks_slt_not_the_owner_to_decide(org):
    from escalation.selectors import awaiting_decision
    from registers import roles

    director = org.people["director"]
    director.groups.add(Group.objects.get_or_create(name=roles.SLT)[0])
    director = type(director).objects.get(pk=director.pk)  # roles read afresh
    proposal = propose(org)
    assert awaiting_decision(user=org.people["chief"]) == [proposal]
    assert awaiting_decision(user=director) == []
