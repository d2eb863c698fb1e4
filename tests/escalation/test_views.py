"""Escalation pages: who may propose, see, decide, withdraw and de-escalate; the queue and
its filters; the notifications; and how escalation shows on the risk and register pages."""

from html import escape
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from escalation import services
from escalation.models import Notification, Proposal, ProposalStatus
from registers.models import MovementKind, RiskMovement, RiskStatus, Tier
from tests.conftest import person
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

EVERYONE = [
    "chief",
    "insurance",
    "audit",
    "s151",
    "monitoring",
    "committee",
    "director",
    "other_director",
    "head",
    "officer",
    "other_officer",
]


def everyone_but(*names):
    return [who for who in EVERYONE if who not in names]


# The service risk is owned by "officer" on "head"'s Adult Care service register.
MAY_PROPOSE_SERVICE_RISK = ["officer", "head"]
# Those who may see the service risk (registers.permissions.can_view_risk): its owner, its
# register's owner, the directorate's leadership and those who see every register.
MAY_SEE_SERVICE_RISK = [
    "officer",
    "head",
    "director",
    "chief",
    "insurance",
    "audit",
    "s151",
    "monitoring",
]

# Two judged factors ticked; with factor 1 (a red residual) three hold: the checklist's
# recommend_at, so no case is needed.
TICKS = {2: "A statutory duty is at stake", 3: "Needs the directorate budget"}


# Helpers ------------------------------------------------------------------------------------


def service_risk(org, **fields):
    """A red residual risk (4 by 4) with no target, on the Adult Care service register, owned
    by the officer: factor 1 holds and factors 2 to 8 are for a person to answer."""
    return RiskFactory(
        **{
            "register": org.service_register,
            "owner": org.people["officer"],
            "title": "Care home closures",
            "residual_likelihood": 4,
            "residual_impact": 4,
            **fields,
        }
    )


def directorate_risk(org, **fields):
    return service_risk(
        org,
        **{
            "register": org.directorate_register,
            "owner": org.people["director"],
            "title": "Social care workforce",
            **fields,
        },
    )


def corporate_risk(org, **fields):
    return service_risk(
        org,
        **{
            "register": org.corporate,
            "owner": org.people["chief"],
            "title": "Council finances",
            **fields,
        },
    )


def close(risk):
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, "Gone", timezone.now()
    risk.save()


def propose(org, risk, *, by="officer", ticks=None, case=""):
    return services.proposal_create(
        risk=risk, by=org.people[by], ticks=TICKS if ticks is None else ticks, case=case
    )


def decide(org, proposal, *, by="director", accept=True, reason=""):
    return services.proposal_decide(
        proposal=proposal, by=org.people[by], accept=accept, reason=reason
    )


def form_data(ticks=None, case="", **extra):
    data = {"case": case}
    for number, note in (TICKS if ticks is None else ticks).items():
        data[f"factor_{number}"] = "on"
        data[f"note_{number}"] = note
    return {**data, **extra}


def create_url(risk_or_pk):
    pk = getattr(risk_or_pk, "pk", risk_or_pk)
    return reverse("escalation:proposal-create", kwargs={"pk": pk})


def detail_url(proposal_or_pk):
    pk = getattr(proposal_or_pk, "pk", proposal_or_pk)
    return reverse("escalation:proposal-detail", kwargs={"pk": pk})


def decide_url(proposal_or_pk):
    pk = getattr(proposal_or_pk, "pk", proposal_or_pk)
    return reverse("escalation:proposal-decide", kwargs={"pk": pk})


def withdraw_url(proposal_or_pk):
    pk = getattr(proposal_or_pk, "pk", proposal_or_pk)
    return reverse("escalation:proposal-withdraw", kwargs={"pk": pk})


def de_escalate_url(risk_or_pk):
    pk = getattr(risk_or_pk, "pk", risk_or_pk)
    return reverse("escalation:risk-de-escalate", kwargs={"pk": pk})


def page(response):
    return response.content.decode()


ACCEPT = {"decision": ProposalStatus.ACCEPTED, "reason": ""}


@pytest.fixture
def risk(org):
    return service_risk(org)


@pytest.fixture
def proposal(org, risk):
    """The officer's open proposal of the service risk to the People directorate register."""
    return propose(org, risk)


@pytest.fixture
def corporate_proposal(org):
    """The director's open proposal of a People directorate risk to the corporate register."""
    return propose(org, directorate_risk(org), by="director")


# Proposing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", MAY_PROPOSE_SERVICE_RISK)
def test_the_risk_and_register_owners_may_propose(client, org, risk, who):
    client.force_login(org.people[who])
    response = client.get(create_url(risk))
    assert response.status_code == 200
    assert "Propose escalation to People directorate" in page(response)
    response = client.post(create_url(risk), form_data())
    proposal = Proposal.objects.get(risk=risk)
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.proposed_by == org.people[who]


@pytest.mark.parametrize("who", everyone_but(*MAY_PROPOSE_SERVICE_RISK))
def test_everyone_else_is_refused_the_proposal_form(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 403
    assert client.post(create_url(risk), form_data()).status_code == 403
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_a_corporate_risk_cannot_be_proposed_by_anyone(client, org, who):
    # Owned by the officer, so the risk's owner is refused too.
    risk = corporate_risk(org, owner=org.people["officer"])
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 403
    assert client.post(create_url(risk), form_data()).status_code == 403
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("who", MAY_PROPOSE_SERVICE_RISK)
def test_a_closed_risk_cannot_be_proposed(client, org, risk, who):
    close(risk)
    client.force_login(org.people[who])
    assert client.get(create_url(risk)).status_code == 403
    assert client.post(create_url(risk), form_data()).status_code == 403
    assert not Proposal.objects.exists()


def test_a_missing_risk_is_404_and_other_methods_405(client, org, risk):
    client.force_login(org.people["officer"])
    assert client.get(create_url(999999)).status_code == 404
    assert client.post(create_url(999999), form_data()).status_code == 404
    assert client.put(create_url(risk)).status_code == 405


def test_a_risk_with_an_open_proposal_goes_to_it(client, org, risk, proposal):
    client.force_login(org.people["head"])
    response = client.get(create_url(risk))
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    response = client.post(create_url(risk), form_data(case="Again"))
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert Proposal.objects.get() == proposal


def test_the_form_shows_the_derived_and_judged_factors(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.get(create_url(risk))
    form = response.context["form"]
    # Factor 1 is answered from the red residual; with no dated target factor 8 is judged.
    assert [answer.number for answer, *_ in form.judged_rows()] == [2, 3, 4, 5, 6, 7, 8]
    assert 'name="factor_1"' not in page(response)
    assert 'name="factor_8"' in page(response)
    assert "1 of 8 factors hold" in page(response)


def test_proposing_keeps_the_answers_scores_and_tells_the_deciders(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), form_data(case="It is getting worse"))
    proposal = Proposal.objects.get()
    assert response["Location"] == detail_url(proposal)
    assert proposal.status == ProposalStatus.OPEN
    assert proposal.from_register == org.service_register
    assert proposal.to_register == org.directorate_register
    assert proposal.factors_held == 3
    assert proposal.recommend_at == 3
    assert proposal.case == "It is getting worse"
    assert (proposal.residual_likelihood, proposal.residual_impact) == (4, 4)
    notes = {a["number"]: a["note"] for a in proposal.answers if a["holds"] and not a["derived"]}
    assert notes == TICKS
    # The risk stays where it is until the proposal is decided.
    risk.refresh_from_db()
    assert risk.register == org.service_register
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"director", "insurance"}


def test_a_ticked_factor_without_a_note_is_refused_and_keeps_what_was_typed(client, org, risk):
    client.force_login(org.people["officer"])
    data = form_data(
        ticks={2: "", 3: "Needs the directorate budget"},
        case="The case in my own words",
    )
    response = client.post(create_url(risk), data)
    assert response.status_code == 200
    content = page(response)
    assert "Say why this factor holds." in content
    assert response.context["form"].errors["note_2"] == ["Say why this factor holds."]
    assert "Needs the directorate budget" in content
    assert "The case in my own words" in content
    assert 'name="factor_2" id="id_factor_2" data-factor-tick checked' in content
    assert 'name="factor_3" id="id_factor_3" data-factor-tick checked' in content
    assert not Proposal.objects.exists()


def test_below_the_recommendation_a_case_is_required(client, org, risk):
    client.force_login(org.people["officer"])
    # Factor 1 and factor 2: two of eight hold, below recommend_at (3).
    response = client.post(create_url(risk), form_data(ticks={2: "A statutory duty"}))
    assert response.status_code == 200
    content = page(response)
    assert "Make your case for escalation in words." in content
    assert "Only 2 of the factors hold" in content
    assert "A statutory duty" in content
    assert not Proposal.objects.exists()
    # With a case it goes.
    response = client.post(
        create_url(risk), form_data(ticks={2: "A statutory duty"}, case="Members are asking")
    )
    assert response.status_code == 302
    assert Proposal.objects.get().factors_held == 2


def test_a_note_without_a_tick_is_an_error(client, org, risk):
    client.force_login(org.people["officer"])
    response = client.post(create_url(risk), form_data(note_4="Beyond the service budget"))
    assert response.status_code == 200
    assert response.context["form"].errors["factor_4"] == [
        "You wrote a note: tick the factor if it holds, or clear the note."
    ]
    assert "Beyond the service budget" in page(response)
    assert not Proposal.objects.exists()


# A proposal's page ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_see_a_proposal(client, org, proposal, who):
    client.force_login(org.people[who])
    response = client.get(detail_url(proposal))
    if who in MAY_SEE_SERVICE_RISK:
        assert response.status_code == 200
        content = page(response)
        assert "Escalation of" in content and "Care home closures" in content
        assert ("Record decision" in content) is (who == "director")
        assert response.context["can_decide"] is (who == "director")
        assert ("Withdraw proposal" in content) is (who == "officer")
        assert response.context["can_withdraw"] is (who == "officer")
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", EVERYONE)
def test_who_sees_the_decision_form_of_a_corporate_proposal(client, org, corporate_proposal, who):
    client.force_login(org.people[who])
    response = client.get(detail_url(corporate_proposal))
    # The corporate proposal's risk is on the People directorate register.
    if who in ("other_director", "other_officer", "committee"):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    content = page(response)
    assert ("Record decision" in content) is (who in ("chief", "insurance"))
    assert ("recording the decision the Strategic Leadership Team made" in content) is (
        who == "insurance"
    )
    assert ("Withdraw proposal" in content) is (who == "director")


def test_a_missing_proposal_is_404(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(detail_url(999999)).status_code == 404
    assert client.post(decide_url(999999), ACCEPT).status_code == 404
    assert client.post(withdraw_url(999999), {"reason": "x"}).status_code == 404


def test_a_decided_proposal_offers_no_decision_or_withdrawal(client, org, proposal):
    decide(org, proposal, accept=False, reason="Manage it in the service")
    for who in ("director", "officer"):
        client.force_login(org.people[who])
        content = page(client.get(detail_url(proposal)))
        assert "Declined." in content
        assert "Manage it in the service" in content
        assert "Record decision" not in content
        assert "Withdraw proposal" not in content


# Deciding -----------------------------------------------------------------------------------


def test_the_director_accepts_a_proposal_into_their_register(client, org, risk, proposal):
    client.force_login(org.people["director"])
    response = client.post(decide_url(proposal), ACCEPT)
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == org.people["director"]
    assert not proposal.recorded_for_slt
    assert risk.register == org.directorate_register
    movement = RiskMovement.objects.get(risk=risk)
    assert movement.kind == MovementKind.ESCALATED
    assert (movement.from_register, movement.to_register) == (
        org.service_register,
        org.directorate_register,
    )
    content = page(client.get(response["Location"]))
    assert "Accepted." in content
    assert "See the risk on People directorate" in content


def test_the_director_declines_with_a_reason(client, org, risk, proposal):
    client.force_login(org.people["director"])
    response = client.post(
        decide_url(proposal),
        {"decision": ProposalStatus.DECLINED, "reason": "Manage it in the service"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_reason == "Manage it in the service"
    assert risk.register == org.service_register
    assert not RiskMovement.objects.exists()


@pytest.mark.parametrize("who", everyone_but("director"))
def test_only_the_directorate_registers_owner_decides_into_it(client, org, risk, proposal, who):
    client.force_login(org.people[who])
    assert client.post(decide_url(proposal), ACCEPT).status_code == 403
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert risk.register == org.service_register


def test_the_chief_accepts_a_corporate_proposal_in_their_own_name(client, org, corporate_proposal):
    client.force_login(org.people["chief"])
    response = client.post(decide_url(corporate_proposal), ACCEPT)
    assert response.status_code == 302
    corporate_proposal.refresh_from_db()
    assert corporate_proposal.status == ProposalStatus.ACCEPTED
    assert not corporate_proposal.recorded_for_slt
    assert corporate_proposal.risk.register == org.corporate
    assert "recorded by" not in page(client.get(response["Location"]))


def test_another_slt_member_may_decide_a_corporate_proposal(client, org, corporate_proposal):
    deputy = person(org.organisation, "deputy", roles=["Strategic Leadership Team"])
    client.force_login(deputy)
    response = client.post(
        decide_url(corporate_proposal),
        {"decision": ProposalStatus.DECLINED, "reason": "Directorate level is right"},
    )
    assert response.status_code == 302
    corporate_proposal.refresh_from_db()
    assert corporate_proposal.status == ProposalStatus.DECLINED
    assert not corporate_proposal.recorded_for_slt


def test_the_insurance_manager_records_slts_decision(client, org, corporate_proposal):
    client.force_login(org.people["insurance"])
    response = client.post(decide_url(corporate_proposal), ACCEPT)
    assert response.status_code == 302
    corporate_proposal.refresh_from_db()
    assert corporate_proposal.status == ProposalStatus.ACCEPTED
    assert corporate_proposal.recorded_for_slt
    assert corporate_proposal.decided_by == org.people["insurance"]
    assert corporate_proposal.risk.register == org.corporate
    content = page(client.get(response["Location"]))
    insurance = org.people["insurance"].get_full_name()
    assert f"the Strategic Leadership Team (recorded by {escape(insurance)})" in content


@pytest.mark.parametrize("who", everyone_but("chief", "insurance"))
def test_everyone_else_is_refused_a_corporate_decision(client, org, corporate_proposal, who):
    client.force_login(org.people[who])
    assert client.post(decide_url(corporate_proposal), ACCEPT).status_code == 403
    corporate_proposal.refresh_from_db()
    assert corporate_proposal.status == ProposalStatus.OPEN
    assert corporate_proposal.risk.register == org.directorate_register


def test_a_decline_without_a_reason_is_refused(client, org, risk, proposal):
    client.force_login(org.people["director"])
    response = client.post(decide_url(proposal), {"decision": ProposalStatus.DECLINED})
    assert response.status_code == 400
    assert "Say why the proposal is declined." in page(response)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert proposal.decided_by is None
    assert not Notification.objects.filter(subject__startswith="Escalation declined").exists()


def test_a_decision_without_a_choice_is_refused(client, org, proposal):
    client.force_login(org.people["director"])
    response = client.post(decide_url(proposal), {"reason": "Hmm"})
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_deciding_a_decided_proposal_says_so_and_changes_nothing(client, org, risk, proposal):
    decide(org, proposal, accept=True)
    decided_at = Proposal.objects.get().decided_at
    client.force_login(org.people["director"])
    response = client.post(
        decide_url(proposal), {"decision": ProposalStatus.DECLINED, "reason": "Changed my mind"}
    )
    assert response.status_code == 400
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_at == decided_at
    assert proposal.decision_reason == ""
    assert risk.register == org.directorate_register
    assert RiskMovement.objects.count() == 1
    # The person is told why nothing happened.
    assert "This proposal was already accepted by" in page(response)
    assert "Nothing has been changed." in page(response)


def test_deciding_is_post_only(client, org, proposal):
    client.force_login(org.people["director"])
    assert client.get(decide_url(proposal)).status_code == 405
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


# Withdrawing --------------------------------------------------------------------------------


def test_the_proposer_withdraws_with_a_reason(client, org, risk, proposal):
    client.force_login(org.people["officer"])
    response = client.post(withdraw_url(proposal), {"reason": "Resolved in the service"})
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.decision_reason == "Resolved in the service"
    assert proposal.decided_by == org.people["officer"]
    # Withdrawn, the risk can be proposed again.
    assert client.get(create_url(risk)).status_code == 200


@pytest.mark.parametrize("who", everyone_but("officer"))
def test_only_the_proposer_withdraws(client, org, proposal, who):
    client.force_login(org.people[who])
    assert client.post(withdraw_url(proposal), {"reason": "Not needed"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_a_withdrawal_without_a_reason_is_refused(client, org, proposal):
    client.force_login(org.people["officer"])
    response = client.post(withdraw_url(proposal), {"reason": "  "})
    assert response.status_code == 400
    assert "This field is required." in page(response)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_withdrawing_a_decided_proposal_changes_nothing(client, org, proposal):
    decide(org, proposal, accept=False, reason="No")
    client.force_login(org.people["officer"])
    response = client.post(withdraw_url(proposal), {"reason": "Too late"})
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_reason == "No"
    assert "This proposal was already declined by" in page(response)


def test_withdrawing_is_post_only(client, org, proposal):
    client.force_login(org.people["officer"])
    assert client.get(withdraw_url(proposal)).status_code == 405


# De-escalating ------------------------------------------------------------------------------

MAY_DE_ESCALATE_DIRECTORATE_RISK = ["director"]
MAY_DE_ESCALATE_CORPORATE_RISK = ["chief", "insurance"]


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_de_escalate_a_directorate_risk(client, org, who):
    risk = directorate_risk(org)
    client.force_login(org.people[who])
    expected_get = 200 if who in MAY_DE_ESCALATE_DIRECTORATE_RISK else 403
    assert client.get(de_escalate_url(risk)).status_code == expected_get
    response = client.post(
        de_escalate_url(risk),
        {"to_register": org.service_register.pk, "reason": "Back to the service"},
    )
    risk.refresh_from_db()
    if who in MAY_DE_ESCALATE_DIRECTORATE_RISK:
        assert response.status_code == 302
        assert risk.register == org.service_register
    else:
        assert response.status_code == 403
        assert risk.register == org.directorate_register
        assert not RiskMovement.objects.exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_de_escalate_a_corporate_risk(client, org, who):
    risk = corporate_risk(org)
    client.force_login(org.people[who])
    expected_get = 200 if who in MAY_DE_ESCALATE_CORPORATE_RISK else 403
    assert client.get(de_escalate_url(risk)).status_code == expected_get
    response = client.post(
        de_escalate_url(risk),
        {"to_register": org.directorate_register.pk, "reason": "A directorate matter"},
    )
    risk.refresh_from_db()
    if who in MAY_DE_ESCALATE_CORPORATE_RISK:
        assert response.status_code == 302
        assert risk.register == org.directorate_register
    else:
        assert response.status_code == 403
        assert risk.register == org.corporate


def test_any_slt_member_may_de_escalate_a_corporate_risk(client, org):
    risk = corporate_risk(org)
    deputy = person(org.organisation, "deputy", roles=["Strategic Leadership Team"])
    client.force_login(deputy)
    assert client.get(de_escalate_url(risk)).status_code == 200
    response = client.post(
        de_escalate_url(risk), {"to_register": org.service_register.pk, "reason": "Service-level"}
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.register == org.service_register


@pytest.mark.parametrize("who", EVERYONE)
def test_a_service_risk_cannot_be_de_escalated(client, org, risk, who):
    client.force_login(org.people[who])
    assert client.get(de_escalate_url(risk)).status_code == 403
    response = client.post(
        de_escalate_url(risk), {"to_register": org.project_register.pk, "reason": "Down"}
    )
    assert response.status_code == 403
    risk.refresh_from_db()
    assert risk.register == org.service_register


def test_a_closed_or_missing_risk_is_not_de_escalated(client, org):
    risk = directorate_risk(org)
    close(risk)
    client.force_login(org.people["director"])
    assert client.get(de_escalate_url(risk)).status_code == 403
    assert client.get(de_escalate_url(999999)).status_code == 404
    assert client.put(de_escalate_url(risk)).status_code == 405


def test_de_escalating_moves_the_risk_and_keeps_the_reason(client, org):
    risk = directorate_risk(org)
    client.force_login(org.people["director"])
    response = client.post(
        de_escalate_url(risk),
        {"to_register": org.project_register.pk, "reason": "The project board manages it"},
    )
    assert response.status_code == 302
    assert response["Location"] == risk.get_absolute_url()
    risk.refresh_from_db()
    assert risk.register == org.project_register
    movement = RiskMovement.objects.get(risk=risk)
    assert movement.kind == MovementKind.DE_ESCALATED
    assert movement.from_register == org.directorate_register
    assert movement.to_register == org.project_register
    assert movement.reason == "The project board manages it"
    assert movement.moved_by == org.people["director"]
    content = page(client.get(risk.get_absolute_url()))
    assert 'data-movement="de_escalated"' in content
    assert "The project board manages it" in content


def test_de_escalating_needs_a_reason(client, org):
    risk = directorate_risk(org)
    client.force_login(org.people["director"])
    response = client.post(de_escalate_url(risk), {"to_register": org.service_register.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    risk.refresh_from_db()
    assert risk.register == org.directorate_register


def test_the_choice_lists_only_the_directorates_lower_registers(client, org):
    risk = directorate_risk(org)
    client.force_login(org.people["director"])
    response = client.get(de_escalate_url(risk))
    choices = {pk for pk, _ in response.context["form"].fields["to_register"].choices}
    assert choices == {org.service_register.pk, org.project_register.pk}
    content = page(response)
    assert f'<option value="{org.service_register.pk}"' in content
    for elsewhere in (org.other_service_register, org.other_directorate_register, org.corporate):
        assert f'<option value="{elsewhere.pk}"' not in content


def test_the_corporate_choice_lists_every_lower_register(client, org):
    risk = corporate_risk(org)
    client.force_login(org.people["chief"])
    response = client.get(de_escalate_url(risk))
    choices = {pk for pk, _ in response.context["form"].fields["to_register"].choices}
    assert choices == {
        org.directorate_register.pk,
        org.other_directorate_register.pk,
        org.service_register.pk,
        org.project_register.pk,
        org.other_service_register.pk,
    }


@pytest.mark.parametrize("target", ["other_service_register", "other_directorate_register"])
def test_a_register_posted_by_hand_outside_the_directorate_is_refused(client, org, target):
    risk = directorate_risk(org)
    client.force_login(org.people["director"])
    response = client.post(
        de_escalate_url(risk),
        {"to_register": getattr(org, target).pk, "reason": "Somewhere else"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.context["form"].errors["to_register"][0]
    risk.refresh_from_db()
    assert risk.register == org.directorate_register
    assert not RiskMovement.objects.exists()


def test_a_risk_escalated_from_a_register_lists_it_first(client, org):
    risk_on_project = service_risk(org, register=org.project_register)
    decide(org, propose(org, risk_on_project, by="head"))
    client.force_login(org.people["director"])
    response = client.get(de_escalate_url(risk_on_project))
    first, *_ = response.context["form"].fields["to_register"].choices
    assert first[0] == org.project_register.pk
    assert "(escalated from here)" in page(response)


def test_a_risk_with_an_open_proposal_is_not_de_escalated(client, org, corporate_proposal):
    risk = corporate_proposal.risk
    client.force_login(org.people["director"])
    response = client.get(de_escalate_url(risk))
    assert "a proposal awaiting decision" in page(response)
    response = client.post(
        de_escalate_url(risk), {"to_register": org.service_register.pk, "reason": "Down"}
    )
    assert response.status_code == 200
    assert "decide or withdraw it first" in page(response)
    risk.refresh_from_db()
    assert risk.register == org.directorate_register


# The queue ----------------------------------------------------------------------------------


@pytest.fixture
def queue(org):
    """Four proposals, by reference:

    - AC-1: the officer's, of an Adult Care risk into the People directorate register;
    - HW-1: the other officer's, of a Highways risk into the Place directorate register;
    - DIR-1: the director's, of a People directorate risk into the corporate register;
    - PRJ-1: the head's, of a project risk into People, declined by the director.
    """
    ac = service_risk(org, reference="AC-1")
    hw = service_risk(
        org,
        reference="HW-1",
        register=org.other_service_register,
        owner=org.people["other_officer"],
    )
    dir_ = directorate_risk(org, reference="DIR-1")
    prj = service_risk(org, reference="PRJ-1", register=org.project_register)
    propose(org, ac)
    propose(org, hw, by="other_officer")
    propose(org, dir_, by="director")
    decide(org, propose(org, prj, by="head"), accept=False, reason="Not now")


def listed(response):
    return {proposal.risk.reference for proposal in response.context["page"].object_list}


def queue_url(**params):
    url = reverse("escalation:queue")
    return f"{url}?{urlencode(params)}" if params else url


QUEUE = {
    # Open proposals by default.
    "insurance": {"AC-1", "HW-1", "DIR-1"},
    "chief": {"AC-1", "HW-1", "DIR-1"},
    "audit": {"AC-1", "HW-1", "DIR-1"},
    "s151": {"AC-1", "HW-1", "DIR-1"},
    "monitoring": {"AC-1", "HW-1", "DIR-1"},
    "director": {"AC-1", "DIR-1"},
    "other_director": {"HW-1"},
    "head": set(),
    "officer": {"AC-1"},
    "other_officer": {"HW-1"},
    "committee": set(),
}


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_signed_in_sees_their_queue(client, org, queue, who):
    client.force_login(org.people[who])
    response = client.get(queue_url())
    assert response.status_code == 200
    assert listed(response) == QUEUE[who]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("insurance", {"AC-1", "HW-1", "DIR-1", "PRJ-1"}),
        ("director", {"AC-1", "DIR-1", "PRJ-1"}),
        ("head", {"PRJ-1"}),
        ("officer", {"AC-1", "PRJ-1"}),  # PRJ-1's risk is the officer's
        ("other_officer", {"HW-1"}),
        ("committee", set()),
    ],
)
def test_the_queue_with_any_status(client, org, queue, who, expected):
    client.force_login(org.people[who])
    assert listed(client.get(queue_url(status=""))) == expected


def test_the_queue_filters_by_status_and_tier(client, org, queue):
    client.force_login(org.people["insurance"])
    assert listed(client.get(queue_url(status="declined"))) == {"PRJ-1"}
    assert listed(client.get(queue_url(status="accepted"))) == set()
    assert listed(client.get(queue_url(tier="corporate"))) == {"DIR-1"}
    assert listed(client.get(queue_url(tier="directorate"))) == {"AC-1", "HW-1"}
    assert listed(client.get(queue_url(status="", tier="directorate"))) == {
        "AC-1",
        "HW-1",
        "PRJ-1",
    }
    # Nonsense falls back to the defaults.
    assert listed(client.get(queue_url(status="bogus", tier="bogus"))) == {
        "AC-1",
        "HW-1",
        "DIR-1",
    }


def test_the_queue_filters_by_directorate(client, org, queue):
    client.force_login(org.people["insurance"])
    people, place = org.directorate.pk, org.other_directorate.pk
    assert listed(client.get(queue_url(directorate=people))) == {"AC-1", "DIR-1"}
    assert listed(client.get(queue_url(directorate=place))) == {"HW-1"}
    assert listed(client.get(queue_url(directorate=place, tier="corporate"))) == set()
    assert listed(client.get(queue_url(directorate="x"))) == {"AC-1", "HW-1", "DIR-1"}


def test_the_directorate_filter_is_offered_only_to_those_who_see_everything(client, org, queue):
    client.force_login(org.people["insurance"])
    content = page(client.get(queue_url()))
    assert 'id="filter-directorate"' in content
    assert "Place" in content
    client.force_login(org.people["director"])
    response = client.get(queue_url(directorate=org.other_directorate.pk))
    assert 'id="filter-directorate"' not in page(response)
    # Posting it by hand neither widens nor narrows the director's queue.
    assert listed(response) == {"AC-1", "DIR-1"}


def test_the_queue_shows_each_proposal(client, org, queue):
    client.force_login(org.people["insurance"])
    content = page(client.get(queue_url(status="")))
    ac = Proposal.objects.get(risk__reference="AC-1")
    assert f'href="{ac.get_absolute_url()}"' in content
    assert "4 proposals." in content
    assert "3 of 8" in content


def test_the_queue_needs_sign_in(client, org):
    response = client.get(queue_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Notifications ------------------------------------------------------------------------------


def notification(user, subject="Escalation proposed", url="/escalations/1/", **fields):
    return Notification.objects.create(
        recipient=user, subject=subject, message="Something happened", url=url, **fields
    )


def open_url(notification):
    return reverse("escalation:notification-open", kwargs={"pk": notification.pk})


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_sees_only_their_own_notifications(client, org, who):
    for name in EVERYONE:
        notification(org.people[name], subject=f"For {name}")
    client.force_login(org.people[who])
    response = client.get(reverse("escalation:notifications"))
    assert response.status_code == 200
    assert [n.subject for n in response.context["notifications"]] == [f"For {who}"]
    assert f"For {who}" in page(response)


def test_no_notifications_yet(client, org):
    client.force_login(org.people["officer"])
    assert "No notifications yet." in page(client.get(reverse("escalation:notifications")))


def test_opening_a_notification_marks_it_read_and_follows_it(client, org, proposal):
    [mine] = Notification.objects.filter(recipient=org.people["director"])
    assert mine.read_at is None
    client.force_login(org.people["director"])
    response = client.get(open_url(mine))
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    mine.refresh_from_db()
    assert mine.read_at is not None
    # Opening it again leaves the time it was first read.
    first_read = mine.read_at
    client.get(open_url(mine))
    mine.refresh_from_db()
    assert mine.read_at == first_read


@pytest.mark.parametrize("who", everyone_but("director"))
def test_only_the_recipient_opens_a_notification(client, org, who):
    theirs = notification(org.people["director"])
    client.force_login(org.people[who])
    assert client.get(open_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_missing_notification_is_404(client, org):
    client.force_login(org.people["director"])
    url = reverse("escalation:notification-open", kwargs={"pk": 999999})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/escalations/", "javascript:alert(1)", ""]
)
def test_a_notification_never_leads_off_the_site(client, org, url):
    mine = notification(org.people["director"], url=url)
    client.force_login(org.people["director"])
    response = client.get(open_url(mine))
    assert response.status_code == 302
    assert response["Location"] == reverse("escalation:notifications")
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_mark_all_read_marks_only_ones_own(client, org):
    for _ in range(3):
        notification(org.people["director"])
    theirs = notification(org.people["officer"])
    client.force_login(org.people["director"])
    assert client.get(reverse("escalation:notifications-read")).status_code == 405
    assert Notification.objects.filter(read_at__isnull=True).count() == 4
    response = client.post(reverse("escalation:notifications-read"))
    assert response.status_code == 302
    assert response["Location"] == reverse("escalation:notifications")
    assert not Notification.objects.filter(recipient=org.people["director"], read_at=None)
    theirs.refresh_from_db()
    assert theirs.read_at is None


def unread_badge(count):
    return (
        f'Notifications <span class="badge text-bg-warning">{count}'
        '<span class="visually-hidden"> unread</span></span>'
    )


def test_the_menu_shows_the_unread_count(client, org):
    for _ in range(2):
        notification(org.people["director"])
    notification(org.people["director"], read_at=timezone.now())
    notification(org.people["officer"])
    client.force_login(org.people["director"])
    content = page(client.get(reverse("registers:organisation")))
    assert unread_badge(2) in content
    client.post(reverse("escalation:notifications-read"))
    content = page(client.get(reverse("registers:organisation")))
    assert "Notifications</a>" in content
    assert 'visually-hidden"> unread' not in content


# The risk and register pages ----------------------------------------------------------------


@pytest.mark.parametrize("who", MAY_SEE_SERVICE_RISK)
def test_the_propose_button_shows_only_for_the_risk_and_register_owners(client, org, risk, who):
    client.force_login(org.people[who])
    content = page(client.get(risk.get_absolute_url()))
    button = f'href="{create_url(risk)}">Propose escalation</a>'
    assert (button in content) is (who in MAY_PROPOSE_SERVICE_RISK)
    assert "De-escalate</a>" not in content
    assert "Not escalated. Its owner or Adult Care service" in content


def test_a_risk_with_an_open_proposal_says_so_instead_of_offering_another(
    client, org, risk, proposal
):
    client.force_login(org.people["officer"])
    content = page(client.get(risk.get_absolute_url()))
    assert "Propose escalation</a>" not in content
    assert "Proposed for escalation to People directorate" in content
    assert f'href="{proposal.get_absolute_url()}">See the proposal</a>' in content


def test_the_de_escalate_button_shows_for_the_directorate_registers_owner(client, org):
    risk = directorate_risk(org)
    for who in ("director", "head", "insurance", "chief"):
        client.force_login(org.people[who])
        content = page(client.get(risk.get_absolute_url()))
        assert (f'href="{de_escalate_url(risk)}"' in content) is (who == "director")


def test_after_acceptance_the_pages_show_where_the_risk_came_from_and_went(
    client, org, risk, proposal
):
    decide(org, proposal, accept=True)
    client.force_login(org.people["director"])

    directorate_page = page(client.get(org.directorate_register.get_absolute_url()))
    assert "Care home closures" in directorate_page
    assert "Escalated from Adult Care service" in directorate_page

    service_page = page(client.get(org.service_register.get_absolute_url()))
    assert "Escalated to higher registers" in service_page
    assert (
        f'<a href="{risk.get_absolute_url()}">{risk.reference} · Care home closures</a>: '
        "escalated to People directorate"
    ) in service_page

    risk_page = page(client.get(risk.get_absolute_url()))
    assert 'data-movement="escalated"' in risk_page
    assert (
        f'escalated from <a href="{org.service_register.get_absolute_url()}">Adult Care service</a>'
        f' to <a href="{org.directorate_register.get_absolute_url()}">People directorate</a>'
    ) in risk_page
    assert "Proposed escalation to People directorate (3 of 8 factors hold)" in risk_page
    assert "Escalated from Adult Care service to People directorate" in risk_page
    # The director may now de-escalate it; the officer may propose it to the corporate register.
    assert f'href="{de_escalate_url(risk)}"' in risk_page
    client.force_login(org.people["officer"])
    assert f'href="{create_url(risk)}">Propose escalation</a>' in page(
        client.get(risk.get_absolute_url())
    )


def test_the_risk_history_lists_declined_and_withdrawn_proposals(client, org, risk):
    decide(org, propose(org, risk), accept=False, reason="Manage it in the service")
    withdrawn = propose(org, risk, by="head")
    services.proposal_withdraw(proposal=withdrawn, by=org.people["head"], reason="Resolved")
    client.force_login(org.people["officer"])
    content = page(client.get(risk.get_absolute_url()))
    assert content.count("Proposed escalation to People directorate") == 2
    assert "Escalation to People directorate declined: Manage it in the service" in content
    assert "Escalation to People directorate withdrawn: Resolved" in content
    assert ": declined on" in content and ": withdrawn on" in content


def test_after_de_escalation_the_service_register_row_says_so(client, org):
    risk = directorate_risk(org, title="Social care workforce")
    services.risk_de_escalate(
        risk=risk, to_register=org.service_register, by=org.people["director"], reason="Back"
    )
    client.force_login(org.people["head"])
    content = page(client.get(org.service_register.get_absolute_url()))
    assert "Social care workforce" in content
    assert "De-escalated from People directorate" in content
    assert "Escalated to higher registers" not in content


def test_the_corporate_tier_says_it_is_the_highest(client, org):
    risk = corporate_risk(org)
    client.force_login(org.people["chief"])
    content = page(client.get(risk.get_absolute_url()))
    assert "On the corporate register: the highest tier." in content
    assert "Propose escalation</a>" not in content
    assert risk.register.tier == Tier.CORPORATE
