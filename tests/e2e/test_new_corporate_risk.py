"""A new corporate risk through a real browser: a member of SLT proposes it from the corporate
register's page, by keyboard where it matters; another member finds it in the queue and accepts
it; the risk is on the register with the proposed owner and a history saying who did what."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from common.people import person_name
from escalation.models import NewRiskProposal, Notification, ProposalStatus
from registers.models import Risk
from tests.e2e.test_escalation import decide, proposal_status, sign_out, signed_in

pytestmark = pytest.mark.django_db(transaction=True)

CASE = "Heat waves are lengthening; care homes and schools have no plan for them."


def score(page: Page, group: str, value: int) -> None:
    """Choose a score by its label, as a person clicks it (an impact is a button-like label)."""
    radio = page.get_by_role("group", name=group).get_by_role(
        "radio", name=re.compile(f"^{value}( |$)")
    )
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    expect(radio).to_be_checked()


def test_a_member_proposes_and_another_accepts(page: Page, live_server, org):
    slt = Group.objects.get_or_create(name="Strategic Leadership Team")[0]
    org.people["director"].groups.add(slt)
    owner = org.people["other_director"]

    signed_in(page, live_server, "director")
    page.goto(live_server.url + org.corporate.get_absolute_url())
    page.get_by_role("link", name="Propose a new risk to SLT").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Propose a new risk")

    # Sent empty: the error summary takes the focus and names what is missing, the case too.
    page.get_by_role("button", name="Propose to SLT").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Give the risk a short title")
    expect(summary).to_contain_text("Say why SLT should add the risk")

    page.get_by_label("Title").fill("Extreme heat")
    page.get_by_label("Category").select_option(label="Environmental")
    page.get_by_label("Time horizon").select_option("long")
    page.get_by_role("textbox", name="Event").fill("If summers keep getting hotter")
    page.get_by_role("textbox", name="Consequence").fill("vulnerable residents may fall ill")
    page.get_by_role("textbox", name="Impact").fill("resulting in deaths and admissions")
    score(page, "Inherent likelihood", 4)
    score(page, "Inherent impact", 4)
    score(page, "Residual likelihood", 3)
    score(page, "Residual impact", 4)
    picker = page.get_by_role("combobox", name=re.compile("^Risk owner"))
    picker.focus()
    picker.press_sequentially(owner.get_full_name(), delay=20)
    suggestion = page.get_by_role("option", name=re.compile(f"^{owner.get_full_name()}"))
    expect(suggestion).to_be_visible()
    picker.press("ArrowDown")
    picker.press("Enter")
    page.get_by_role("radio", name=re.compile("^Treat:")).check()
    page.get_by_label("Why this response").fill("A heat plan costs little.")
    page.get_by_label("Why SLT should add it").fill(CASE)
    page.get_by_role("button", name="Propose to SLT").click()

    proposal = NewRiskProposal.objects.get()
    expect(page).to_have_url(live_server.url + proposal.get_absolute_url())
    expect(proposal_status(page)).to_contain_text("Awaiting decision")
    expect(page.locator("[data-new-risk-case]")).to_have_text(CASE)
    expect(page.locator("[data-horizon]")).to_have_text("Long term (over three years)")
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    assert not Risk.objects.filter(title="Extreme heat").exists()
    sign_out(page)

    # Another member (the Chief Executive) finds it in the queue and accepts it.
    signed_in(page, live_server, "chief")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Escalations").click()
    page.get_by_role("link", name="Extreme heat").click()
    decide(page, accept=True)
    risk = Risk.objects.get(title="Extreme heat")
    expect(page).to_have_url(live_server.url + risk.get_absolute_url())
    expect(page.get_by_role("status").filter(has_text="is on")).to_contain_text(
        f"{risk.reference} Extreme heat is on Corporate."
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.risk == risk
    assert risk.owner == owner and risk.register == org.corporate and risk.horizon == "long"
    reason = risk.history.get().history_change_reason
    assert person_name(org.people["director"]) in reason
    assert person_name(org.people["chief"]) in reason
    told = Notification.objects.filter(subject__startswith="New corporate risk accepted")
    assert set(told.values_list("recipient__username", flat=True)) == {
        "director",
        "other_director",
        "insurance",
        "monitoring",
    }
