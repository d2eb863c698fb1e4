"""Closing a corporate risk through a real browser: its owner proposes the closure from the
risk page, the risk stays open, and SLT's decision closes it with the reason."""

import re

import pytest
from playwright.sync_api import Page, expect

from escalation.models import Proposal, ProposalStatus
from registers.models import RiskStatus
from tests.e2e.test_escalation import proposal_status, sign_out, signed_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "The contract ended in March and the supplier's obligations are discharged."


def test_the_owner_proposes_and_slt_closes(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.corporate,
        owner=org.people["director"],
        title="Leisure contract",
        residual_likelihood=2,
        residual_impact=3,
    )

    # The owner is offered a proposal, not a closure; an empty reason is refused, kept open.
    signed_in(page, live_server, "director")
    page.goto(live_server.url + risk.get_absolute_url())
    expect(page.get_by_role("link", name="Close risk")).to_have_count(0)
    page.get_by_role("link", name="Propose closure to SLT").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Propose closing {risk.reference} · {risk.title}"
    )
    page.get_by_role("button", name="Propose the closure to SLT").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Say why the risk can come off the corporate register."
    )
    expect(page.locator(".error-summary")).to_be_focused()
    page.get_by_label("Why can the risk come off the corporate register?").fill(REASON)
    page.get_by_role("button", name="Propose the closure to SLT").click()

    proposal = Proposal.objects.get(risk=risk)
    expect(page).to_have_url(live_server.url + proposal.get_absolute_url())
    expect(proposal_status(page)).to_contain_text("The Strategic Leadership Team decides")
    expect(page.locator("[data-closure-reason]")).to_have_text(REASON)
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    risk.refresh_from_db()
    assert risk.is_open
    sign_out(page)

    # The chief executive, for SLT, accepts from the proposal page.
    signed_in(page, live_server, "chief")
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("radio", name=re.compile("^Accept: the risk closes")).check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("status").filter(has_text="is closed")).to_contain_text(
        f"{risk.reference} is closed and off Corporate, with its reason."
    )
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert risk.status == RiskStatus.CLOSED and risk.closure_reason.startswith(REASON)
