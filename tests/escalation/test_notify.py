"""Who is told about proposals and decisions: in the app, and by email after the commit."""

import logging

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.urls import reverse

from escalation.models import Notification, Proposal, ProposalStatus
from escalation.notify import notify
from escalation.services import (
    proposal_create,
    proposal_decide,
    proposal_withdraw,
    risk_de_escalate,
)
from tests.conftest import person
from tests.factories import OrganisationFactory, RiskFactory

pytestmark = pytest.mark.django_db

TICKS = {2: "A statutory duty is at stake", 3: "Needs the directorate's budget"}
BASE_URL = "https://risks.testshire.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.RISKREG_BASE_URL = BASE_URL


def red_risk(org, register=None, owner="officer", **fields):
    return RiskFactory(
        register=register or org.service_register,
        owner=org.people[owner],
        residual_likelihood=4,
        residual_impact=4,
        **{"title": "Care market failure", **fields},
    )


def notified(proposal=None, subject_start=""):
    rows = Notification.objects.filter(subject__startswith=subject_start)
    if proposal is not None:
        rows = rows.filter(proposal=proposal)
    return sorted(rows.values_list("recipient__username", flat=True))


def emailed():
    return sorted(address for message in mail.outbox for address in message.to)


def propose_to_directorate(org, capture, risk=None, by="head"):
    with capture(execute=True):
        return proposal_create(risk=risk or red_risk(org), by=org.people[by], ticks=TICKS)


def propose_to_corporate(org, capture, by="director"):
    risk = red_risk(org, register=org.directorate_register, owner="director")
    with capture(execute=True):
        return proposal_create(risk=risk, by=org.people[by], ticks=TICKS)


# Proposals


def test_a_proposal_to_a_directorate_tells_the_insurance_manager_and_the_director(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    assert notified(proposal) == ["director", "insurance"]
    assert emailed() == ["director@example.org", "insurance@example.org"]
    row = Notification.objects.get(recipient=org.people["director"])
    assert row.url == proposal.get_absolute_url()
    assert row.read_at is None
    assert row.subject == (
        f"Escalation proposed: {proposal.risk.reference} Care market failure to People directorate"
    )
    assert "Residual score: Red 16. 3 of 8 factors hold." in row.message


def test_every_insurance_manager_of_the_organisation_is_told_and_no_one_else(
    org, django_capture_on_commit_callbacks
):
    second = person(org.organisation, "insurance2", roles=["Insurance Manager"])
    gone = person(org.organisation, "insurance_gone", roles=["Insurance Manager"])
    gone.is_active = False
    gone.save()
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    person(elsewhere, "insurance_elsewhere", roles=["Insurance Manager"])
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    assert notified(proposal) == ["director", "insurance", "insurance2"]
    assert second.email in emailed()
    assert len(mail.outbox) == 3


def test_a_proposal_to_corporate_also_tells_the_statutory_officers(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_corporate(org, django_capture_on_commit_callbacks)
    assert notified(proposal) == ["chief", "insurance", "monitoring", "s151"]
    assert emailed() == [
        "chief@example.org",
        "insurance@example.org",
        "monitoring@example.org",
        "s151@example.org",
    ]


def test_the_person_who_acts_is_never_told(org, django_capture_on_commit_callbacks):
    # The Insurance Manager owns the risk and proposes it: told as IM, except that they acted.
    risk = red_risk(org, owner="insurance")
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks, risk, "insurance")
    assert notified(proposal) == ["director"]
    assert emailed() == ["director@example.org"]


def test_someone_without_an_email_is_told_in_the_app_only(org, django_capture_on_commit_callbacks):
    director = org.people["director"]
    director.email = ""
    director.save()
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    assert notified(proposal) == ["director", "insurance"]
    assert emailed() == ["insurance@example.org"]


def test_each_email_goes_to_one_person_and_links_to_the_proposal(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_corporate(org, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4
    link = f"{BASE_URL}{proposal.get_absolute_url()}"
    assert proposal.get_absolute_url().startswith("/")
    for message in mail.outbox:
        assert len(message.to) == 1
        assert not message.cc and not message.bcc
        assert link in message.body
        assert message.subject.startswith("Escalation proposed: ")


def test_no_email_before_the_transaction_commits(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        proposal_create(risk=red_risk(org), by=org.people["head"], ticks=TICKS)
    assert len(callbacks) == 1
    assert mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 2


def test_a_rolled_back_change_sends_no_email(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify(
                    recipients=[org.people["director"]],
                    subject="Never",
                    message="Rolled back",
                    url="/x/",
                )
                raise RuntimeError("undo")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []
    assert not Notification.objects.filter(subject="Never").exists()


def test_a_mail_server_that_is_down_is_logged_and_the_proposal_stands(
    org, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refuse(self, messages):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with caplog.at_level(logging.ERROR, logger="escalation.notify"):
        proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert notified(proposal) == ["director", "insurance"]
    (record,) = [r for r in caplog.records if r.name == "escalation.notify"]
    assert record.levelno == logging.ERROR
    assert "director@example.org" in record.getMessage()
    assert isinstance(record.exc_info[1], ConnectionRefusedError)


# Decisions, withdrawals and de-escalations


def test_a_decision_tells_the_proposer_the_risk_owner_and_the_insurance_manager(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(
            proposal=proposal, by=org.people["director"], accept=False, reason="Service copes"
        )
    assert notified(proposal, "Escalation declined") == ["head", "insurance", "officer"]
    assert emailed() == ["head@example.org", "insurance@example.org", "officer@example.org"]
    row = Notification.objects.get(recipient=org.people["head"], subject__contains="declined")
    assert row.message.endswith("Reason: Service copes")
    assert all(f"{BASE_URL}{proposal.get_absolute_url()}" in m.body for m in mail.outbox)


def test_the_decider_is_not_told_of_their_own_decision(org, django_capture_on_commit_callbacks):
    proposal = propose_to_corporate(org, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(proposal=proposal, by=org.people["insurance"], accept=True)
    # Proposer and risk owner are the same person, told once; the IM recorded it.
    assert notified(proposal, "Escalation accepted") == ["director", "monitoring"]
    assert emailed() == ["director@example.org", "monitoring@example.org"]
    row = Notification.objects.get(
        recipient=org.people["director"], subject__startswith="Escalation accepted"
    )
    assert "by the Strategic Leadership Team (recorded by" in row.message


@pytest.mark.parametrize("accept", [True, False])
def test_slt_s_decision_on_an_escalation_to_corporate_tells_the_monitoring_officer(
    org, django_capture_on_commit_callbacks, accept
):
    proposal = propose_to_corporate(org, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(proposal=proposal, by=org.people["chief"], accept=accept, reason="Met")
    verdict = "accepted" if accept else "declined"
    assert notified(proposal, f"Escalation {verdict}") == ["director", "insurance", "monitoring"]
    row = Notification.objects.get(
        recipient=org.people["monitoring"],
        proposal=proposal,
        subject__startswith=f"Escalation {verdict}",
    )
    assert f"to Corporate was {verdict} by" in row.message
    assert "monitoring@example.org" in emailed()


def test_a_decision_below_the_corporate_register_does_not_tell_the_monitoring_officer(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(proposal=proposal, by=org.people["director"], accept=True)
    assert "monitoring" not in notified(proposal, "Escalation accepted")


def test_a_de_escalation_off_the_corporate_register_tells_the_monitoring_officer(
    org, django_capture_on_commit_callbacks
):
    risk = red_risk(org, register=org.corporate, owner="director")
    with django_capture_on_commit_callbacks(execute=True):
        risk_de_escalate(
            risk=risk,
            to_register=org.directorate_register,
            by=org.people["chief"],
            reason="Back within the directorate's reach",
        )
    assert notified(subject_start="Risk de-escalated") == ["director", "insurance", "monitoring"]
    assert "monitoring@example.org" in emailed()


def test_a_withdrawal_tells_the_receiving_owner_and_the_insurance_manager(
    org, django_capture_on_commit_callbacks
):
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_withdraw(proposal=proposal, by=org.people["head"], reason="Resolved")
    assert notified(proposal, "Escalation withdrawn") == ["director", "insurance"]
    assert emailed() == ["director@example.org", "insurance@example.org"]


def test_a_de_escalation_tells_the_risk_owner_the_new_owner_and_the_insurance_manager(
    org, django_capture_on_commit_callbacks
):
    risk = red_risk(org, register=org.directorate_register, owner="officer")
    with django_capture_on_commit_callbacks(execute=True):
        risk_de_escalate(
            risk=risk, to_register=org.service_register, by=org.people["director"], reason="Down"
        )
    assert notified(subject_start="Risk de-escalated") == ["head", "insurance", "officer"]
    assert emailed() == ["head@example.org", "insurance@example.org", "officer@example.org"]
    assert all(f"{BASE_URL}{risk.get_absolute_url()}" in m.body for m in mail.outbox)


def test_a_refused_decision_tells_no_one(org, django_capture_on_commit_callbacks):
    proposal = propose_to_directorate(org, django_capture_on_commit_callbacks)
    before = Notification.objects.count()
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError, match="Say why"),
    ):
        proposal_decide(proposal=proposal, by=org.people["director"], accept=False, reason="")
    assert callbacks == [] and mail.outbox == []
    assert Notification.objects.count() == before


@pytest.mark.parametrize(
    "title", ["Care market\r\nfailure", "Care market\nfailure", "Care\tmarket failure"]
)
def test_a_title_with_a_line_break_is_proposed_decided_and_emailed_on_one_line(
    client, org, django_capture_on_commit_callbacks, title
):
    """A line break in a title once made proposing and deciding answer 500 after the proposal
    was saved, and no email went: an email header cannot hold one."""
    risk = red_risk(org, title=title)
    client.force_login(org.people["head"])
    data = {"case": "", **{f"factor_{n}": "on" for n in TICKS}}
    data |= {f"note_{n}": note for n, note in TICKS.items()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("escalation:proposal-create", args=[risk.pk]), data)
    assert response.status_code == 302
    proposal = Proposal.objects.get(risk=risk)
    client.force_login(org.people["director"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("escalation:proposal-decide", args=[proposal.pk]),
            {"decision": ProposalStatus.ACCEPTED},
        )
    assert response.status_code == 302
    subjects = [message.subject for message in mail.outbox]
    assert any(s.startswith("Escalation proposed: ") for s in subjects)
    assert any(s.startswith("Escalation accepted: ") for s in subjects)
    assert all("Care market failure" in s and "\n" not in s and "\r" not in s for s in subjects)
    assert not Notification.objects.filter(subject__contains="\n").exists()
