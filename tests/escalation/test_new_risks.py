"""A new corporate risk proposed by a member of SLT and decided by SLT: the proposal, the
decision (by another member, or the Insurance Manager recording it), who is told, and the pages."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from escalation import permissions
from escalation.models import NewRiskProposal, Notification, ProposalStatus
from escalation.new_risks import new_risk_decide, new_risk_propose
from escalation.selectors import new_risks_for_queue, new_risks_pending
from registers.models import Horizon, Risk
from tests.registers.test_risk_edit import new_risk_data

pytestmark = pytest.mark.django_db

SLT = "Strategic Leadership Team"


def slt_member(org, name: str):
    """``name`` of the org, made a member of SLT, fetched afresh (no cached roles)."""
    user = org.people[name]
    user.groups.add(Group.objects.get_or_create(name=SLT)[0])
    return get_user_model().objects.get(pk=user.pk)


def fields(org, **changes) -> dict:
    values = {
        "title": "Loss of the ageing council housing stock",
        "event": "If the stock's condition keeps declining",
        "consequence": "homes may become unfit to let",
        "impact": "resulting in homelessness costs and reputational damage",
        "category": "finance",
        "owner": org.people["other_director"],
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "residual_likelihood": 3,
        "residual_impact": 5,
        "target_likelihood": None,
        "target_impact": None,
        "target_date": None,
        "response": "treat",
        "response_rationale": "A stock condition survey and a capital programme.",
        "horizon": Horizon.LONG,
        "exempt": False,
        "next_review_due": None,
        "exposure_low": 2_000_000,
        "exposure_high": 5_000_000,
        "financial_link": "",
        "financial_link_detail": "",
    }
    return values | changes


def propose(org, by=None, **changes) -> NewRiskProposal:
    return new_risk_propose(
        register=org.corporate,
        by=by or slt_member(org, "director"),
        fields=fields(org, **changes),
        case="Government policy on decent homes tightens from 2028.",
    )


def told(**filters) -> set[str]:
    return set(Notification.objects.filter(**filters).values_list("recipient__username", flat=True))


# Who may propose and decide -----------------------------------------------------------------


def test_any_member_of_slt_may_propose_a_new_corporate_risk(org):
    member = slt_member(org, "director")
    assert permissions.can_propose_new_risk(member, org.corporate)
    assert permissions.can_propose_new_risk(org.people["chief"], org.corporate)
    assert not permissions.can_propose_new_risk(member, org.directorate_register)


@pytest.mark.parametrize("who", ["insurance", "director", "officer", "audit", "s151"])
def test_who_is_not_on_slt_may_not_propose(org, who):
    assert not permissions.can_propose_new_risk(org.people[who], org.corporate)
    with pytest.raises(ValidationError) as refused:
        propose(org, by=org.people[who])
    assert refused.value.code == "not_allowed"
    assert not NewRiskProposal.objects.exists()


def test_a_member_of_slt_who_is_also_internal_audit_may_not_propose(org):
    auditor = slt_member(org, "audit")
    assert not permissions.can_propose_new_risk(auditor, org.corporate)


def test_a_proposal_needs_its_case(org):
    with pytest.raises(ValidationError) as refused:
        new_risk_propose(
            register=org.corporate,
            by=org.people["chief"],
            fields=fields(org),
            case="  ",
        )
    assert refused.value.code == "case_required"


def test_a_proposed_risk_is_checked_as_a_risk_is(org):
    with pytest.raises(ValidationError) as refused:
        propose(org, exposure_low=5_000_000, exposure_high=1_000)
    assert "exposure_high" in refused.value.message_dict or refused.value.messages
    assert not NewRiskProposal.objects.exists()


# Proposing ------------------------------------------------------------------------------------


def test_proposing_keeps_the_risk_and_tells_those_who_put_it_to_slt(org):
    proposal = propose(org)
    assert proposal.is_open and proposal.risk is None
    assert (
        proposal.horizon == Horizon.LONG and proposal.proposed_owner == org.people["other_director"]
    )
    risk = proposal.as_risk()
    assert (risk.residual_score, risk.exposure_high, risk.category) == (15, 5_000_000, "finance")
    assert not Risk.objects.filter(title=proposal.title).exists()
    assert told() == {"insurance", "chief", "other_director", "s151", "monitoring"}
    [row] = proposal.history.all()
    assert row.history_user_id == org.people["director"].pk
    assert row.history_change_reason == "New corporate risk proposed"


# Deciding --------------------------------------------------------------------------------------


def test_another_member_accepts_and_the_risk_joins_the_register_with_its_owner(org):
    proposal = propose(org)
    Notification.objects.all().delete()
    decided = new_risk_decide(proposal=proposal, by=org.people["chief"], accept=True)
    risk = decided.risk
    assert decided.status == ProposalStatus.ACCEPTED and not decided.recorded_for_slt
    assert risk.register == org.corporate and risk.owner == org.people["other_director"]
    assert risk.reference.startswith("CRR-") and risk.horizon == Horizon.LONG
    assert (risk.residual_likelihood, risk.residual_impact, risk.exposure_low) == (3, 5, 2_000_000)
    [first] = risk.history.all()
    assert first.history_user_id == org.people["chief"].pk
    assert "proposed by" in first.history_change_reason
    assert org.people["director"].get_full_name() in first.history_change_reason
    assert org.people["chief"].get_full_name() in first.history_change_reason
    assert told() == {"director", "other_director", "insurance", "monitoring"}


def test_the_member_who_proposed_it_cannot_decide_it(org):
    member = slt_member(org, "director")
    proposal = propose(org, by=member)
    assert not permissions.can_decide_new_risk(member, proposal)
    with pytest.raises(ValidationError) as refused:
        new_risk_decide(proposal=proposal, by=member, accept=True)
    assert refused.value.code == "not_allowed"
    proposal.refresh_from_db()
    assert proposal.is_open


@pytest.mark.parametrize("who", ["officer", "s151", "audit", "other_director"])
def test_who_is_not_slt_cannot_decide(org, who):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        new_risk_decide(proposal=proposal, by=org.people[who], accept=True)
    assert refused.value.code == "not_allowed"


def test_the_insurance_manager_records_slts_decision(org):
    proposal = propose(org, by=org.people["chief"])
    decided = new_risk_decide(proposal=proposal, by=org.people["insurance"], accept=True)
    assert decided.recorded_for_slt
    [first] = decided.risk.history.all()
    assert "the Strategic Leadership Team (recorded by" in first.history_change_reason


def test_declining_needs_a_reason_and_tells_the_proposer_why(org):
    proposal = propose(org)
    with pytest.raises(ValidationError) as refused:
        new_risk_decide(proposal=proposal, by=org.people["chief"], accept=False)
    assert refused.value.code == "reason_required"
    Notification.objects.all().delete()
    decided = new_risk_decide(
        proposal=proposal, by=org.people["chief"], accept=False, reason="Already covered by CRR-03"
    )
    assert decided.status == ProposalStatus.DECLINED and decided.risk is None
    assert not Risk.objects.filter(title=proposal.title).exists()
    assert told() == {"director", "other_director", "insurance", "monitoring"}
    assert "Already covered by CRR-03" in Notification.objects.first().message


def test_a_second_decision_is_refused(org):
    proposal = propose(org)
    new_risk_decide(proposal=proposal, by=org.people["chief"], accept=True)
    with pytest.raises(ValidationError) as refused:
        new_risk_decide(proposal=proposal, by=org.people["insurance"], accept=False, reason="No")
    assert refused.value.code == "already_decided"
    assert Risk.objects.filter(title=proposal.title).count() == 1


# Pages -----------------------------------------------------------------------------------------


def test_a_member_proposes_through_the_page(org, client):
    member = slt_member(org, "director")
    client.force_login(member)
    url = reverse("escalation:new-risk-propose", kwargs={"pk": org.corporate.pk})
    assert client.get(url).status_code == 200
    data = new_risk_data(org, owner=org.people["other_director"].pk, horizon="long")
    response = client.post(url, data | {"case": "Seen on the horizon."})
    proposal = NewRiskProposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert proposal.title == data["title"] and proposal.horizon == "long"
    assert proposal.case == "Seen on the horizon."


def test_the_page_asks_for_the_case(org, client):
    client.force_login(slt_member(org, "director"))
    url = reverse("escalation:new-risk-propose", kwargs={"pk": org.corporate.pk})
    response = client.post(url, new_risk_data(org))
    assert response.status_code == 200
    assert "Say why SLT should add the risk" in response.content.decode()
    assert not NewRiskProposal.objects.exists()


def test_the_page_is_refused_to_who_is_not_on_slt_and_absent_below_corporate(org, client):
    client.force_login(org.people["insurance"])
    url = reverse("escalation:new-risk-propose", kwargs={"pk": org.corporate.pk})
    assert client.get(url).status_code == 403
    client.force_login(org.people["chief"])
    below = reverse("escalation:new-risk-propose", kwargs={"pk": org.directorate_register.pk})
    assert client.get(below).status_code == 404


def test_another_member_decides_through_the_page(org, client):
    proposal = propose(org)
    client.force_login(org.people["chief"])
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert "Long term" in page.content.decode()
    response = client.post(
        reverse("escalation:new-risk-decide", kwargs={"pk": proposal.pk}),
        {"decision": "accepted", "reason": ""},
    )
    proposal.refresh_from_db()
    assert response.status_code == 302 and response.url == proposal.risk.get_absolute_url()


def test_the_proposer_sees_the_page_without_the_decision(org, client):
    member = slt_member(org, "director")
    proposal = propose(org, by=member)
    client.force_login(member)
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200 and "Record decision" not in page.content.decode()
    refused = client.post(
        reverse("escalation:new-risk-decide", kwargs={"pk": proposal.pk}),
        {"decision": "accepted"},
    )
    assert refused.status_code == 403


def test_an_officer_cannot_see_the_proposal(org, client):
    proposal = propose(org)
    client.force_login(org.people["officer"])
    assert client.get(proposal.get_absolute_url()).status_code == 403


def test_the_queue_and_the_pending_list_show_the_proposal(org, client):
    proposal = propose(org)
    assert list(new_risks_pending(register=org.corporate)) == [proposal]
    assert list(new_risks_for_queue(user=org.people["insurance"])) == [proposal]
    assert list(new_risks_for_queue(user=org.people["officer"])) == []
    assert list(new_risks_for_queue(user=org.people["insurance"], tier="directorate")) == []
    client.force_login(org.people["insurance"])
    page = client.get(reverse("escalation:queue")).content.decode()
    assert proposal.title in page


def test_the_corporate_register_page_offers_slt_members_the_proposal(org, client):
    client.force_login(slt_member(org, "director"))
    page = client.get(org.corporate.get_absolute_url()).content.decode()
    assert reverse("escalation:new-risk-propose", kwargs={"pk": org.corporate.pk}) in page
    client.force_login(org.people["officer"])
    page = client.get(org.corporate.get_absolute_url()).content.decode()
    assert "Propose a new risk to SLT" not in page


# Queries: a fixed number whatever the council holds -------------------------------------------

# The form pages: the session, the user, their roles and profile, the register, the scheme's
# bands and descriptors, the people who may own a risk, the organisation's categories, the
# unread count.
FORM_MAX_QUERIES = 12
# The proposal's page: the session, the user, their roles and profile, the proposal with its
# people and register, the scheme's bands, the organisation's category labels, the unread count.
PROPOSAL_MAX_QUERIES = 7
# Closing a corporate risk outright: the session, the user, their roles, the risk, the unread
# count.
CLOSE_MAX_QUERIES = 5


@pytest.mark.parametrize("others", [2, 30])
def test_the_pages_take_a_fixed_number_of_queries(
    org, client, others, django_assert_max_num_queries
):
    from tests.factories import RiskFactory

    member = slt_member(org, "director")
    for _ in range(others):
        propose(org, by=org.people["chief"])
        RiskFactory(register=org.corporate, owner=org.people["director"])
    proposal = propose(org, by=member)
    risk = RiskFactory(register=org.corporate, owner=org.people["director"])
    client.force_login(member)
    with django_assert_max_num_queries(FORM_MAX_QUERIES):
        client.get(reverse("escalation:new-risk-propose", kwargs={"pk": org.corporate.pk}))
    client.force_login(org.people["chief"])
    with django_assert_max_num_queries(PROPOSAL_MAX_QUERIES):
        assert client.get(proposal.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(FORM_MAX_QUERIES):
        client.get(reverse("escalation:corporate-risk-create", kwargs={"pk": org.corporate.pk}))
    with django_assert_max_num_queries(CLOSE_MAX_QUERIES):
        client.get(reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk}))
