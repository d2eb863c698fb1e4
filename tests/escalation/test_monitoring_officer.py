"""The Monitoring Officer is told, exactly once, of every risk that joins or leaves the corporate
register, by whichever path (docs/domain.md#escalation-decisions): an escalation decided, a
de-escalation, a closure proposal decided, a closure outright, a new risk proposed by SLT and
decided, a risk added directly by the register's owner. A risk is never deleted (there is no
path to delete one), and moves below the corporate register are not theirs to hear of."""

import pytest
from django.urls import reverse

from escalation.closures import closure_decide, closure_propose, corporate_risk_close
from escalation.models import Notification
from escalation.new_risks import corporate_risk_add, new_risk_decide, new_risk_propose
from escalation.services import proposal_create, proposal_decide, risk_de_escalate
from registers.models import Risk
from tests.escalation.test_new_risks import fields, slt_member
from tests.factories import RiskFactory
from tests.registers.test_risk_edit import new_risk_data

pytestmark = pytest.mark.django_db

TICKS = {2: "A statutory duty is at stake", 3: "Beyond the directorate"}


def monitoring_told(org) -> int:
    return Notification.objects.filter(recipient=org.people["monitoring"]).count()


def corporate_risk(org, **extra) -> Risk:
    return RiskFactory(
        register=org.corporate,
        owner=org.people["director"],
        residual_likelihood=4,
        residual_impact=5,
        **extra,
    )


def directorate_risk(org) -> Risk:
    return RiskFactory(
        register=org.directorate_register,
        owner=org.people["director"],
        residual_likelihood=5,
        residual_impact=5,
    )


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "declined"])
def test_an_escalation_decided_into_the_corporate_register(org, accept):
    proposal = proposal_create(risk=directorate_risk(org), by=org.people["director"], ticks=TICKS)
    Notification.objects.all().delete()
    proposal_decide(
        proposal=proposal, by=org.people["chief"], accept=accept, reason="" if accept else "No"
    )
    assert monitoring_told(org) == 1


def test_an_escalation_decided_into_a_directorate_register_is_not_theirs(org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        residual_likelihood=5,
        residual_impact=5,
    )
    proposal = proposal_create(risk=risk, by=org.people["head"], ticks=TICKS)
    proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
    assert monitoring_told(org) == 0


def test_a_de_escalation_from_the_corporate_register(org):
    risk = corporate_risk(org)
    risk_de_escalate(
        risk=risk, to_register=org.directorate_register, by=org.people["chief"], reason="Held"
    )
    assert monitoring_told(org) == 1


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "declined"])
def test_a_closure_proposal_decided(org, accept):
    proposal = closure_propose(risk=corporate_risk(org), by=org.people["director"], reason="Done")
    assert monitoring_told(org) == 0  # told of the decision, not of the proposal
    closure_decide(
        proposal=proposal, by=org.people["chief"], accept=accept, reason="" if accept else "No"
    )
    assert monitoring_told(org) == 1


@pytest.mark.parametrize("who", ["chief", "insurance"])
def test_a_corporate_risk_closed_outright(org, who):
    risk = corporate_risk(org)
    corporate_risk_close(risk=risk, by=org.people[who], reason="Agreed by SLT on 3 March")
    risk.refresh_from_db()
    assert not risk.is_open
    [told] = Notification.objects.filter(recipient=org.people["monitoring"])
    assert "Agreed by SLT on 3 March" in told.message


def test_a_corporate_risk_closed_outright_through_its_page(org, client):
    risk = corporate_risk(org)
    client.force_login(org.people["chief"])
    # The register's own close page sends a corporate risk to the page that tells them.
    old = client.get(reverse("registers:risk-close", kwargs={"pk": risk.pk}))
    url = reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk})
    assert old.status_code == 302 and old.url == url
    response = client.post(url, {"reason": "Agreed by SLT"})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert not risk.is_open and monitoring_told(org) == 1


def test_the_corporate_close_page_refuses_who_may_not_close_outright(org, client):
    risk = corporate_risk(org)
    client.force_login(org.people["director"])  # the risk's own owner
    url = reverse("escalation:corporate-risk-close", kwargs={"pk": risk.pk})
    assert client.post(url, {"reason": "Mine"}).status_code == 403
    below = RiskFactory(register=org.service_register, owner=org.people["officer"])
    client.force_login(org.people["insurance"])
    assert (
        client.get(reverse("escalation:corporate-risk-close", kwargs={"pk": below.pk})).status_code
        == 404
    )
    risk.refresh_from_db()
    assert risk.is_open and monitoring_told(org) == 0


def test_a_closure_below_the_corporate_register_is_not_theirs(org, client):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    client.force_login(org.people["officer"])
    client.post(reverse("registers:risk-close", kwargs={"pk": risk.pk}), {"reason": "Done"})
    risk.refresh_from_db()
    assert not risk.is_open and monitoring_told(org) == 0


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "declined"])
def test_a_new_corporate_risk_proposed_and_decided(org, accept):
    proposal = new_risk_propose(
        register=org.corporate, by=slt_member(org, "director"), fields=fields(org), case="Why"
    )
    assert monitoring_told(org) == 1  # told of the proposal, as of escalations'
    new_risk_decide(
        proposal=proposal, by=org.people["chief"], accept=accept, reason="" if accept else "No"
    )
    assert monitoring_told(org) == 2


def test_a_risk_added_directly_by_the_register_owner(org):
    risk = corporate_risk_add(register=org.corporate, by=org.people["chief"], fields=fields(org))
    assert risk.register == org.corporate
    [told] = Notification.objects.filter(recipient=org.people["monitoring"])
    assert risk.reference in told.subject


def test_a_risk_added_through_the_register_page(org, client):
    client.force_login(org.people["chief"])
    old = client.get(reverse("registers:risk-create", kwargs={"pk": org.corporate.pk}))
    url = reverse("escalation:corporate-risk-create", kwargs={"pk": org.corporate.pk})
    assert old.status_code == 302 and old.url == url
    assert client.get(url).status_code == 200
    response = client.post(url, new_risk_data(org))
    assert response.status_code == 302
    assert Risk.objects.filter(register=org.corporate).count() == 1
    assert monitoring_told(org) == 1


def test_the_direct_add_page_is_refused_to_a_member_of_slt(org, client):
    client.force_login(slt_member(org, "director"))
    url = reverse("escalation:corporate-risk-create", kwargs={"pk": org.corporate.pk})
    assert client.get(url).status_code == 403


def test_the_monitoring_officer_who_decides_is_not_told_of_their_own_decision(org):
    """ "Exactly once" counts the others: whoever acts is never notified of their own act."""
    risk = corporate_risk(org)
    monitoring = slt_member(org, "monitoring")
    risk_de_escalate(risk=risk, to_register=org.directorate_register, by=monitoring, reason="Held")
    assert monitoring_told(org) == 0
