"""The risk appetite in a browser: the Insurance Manager drafts the statement by keyboard
(Finance at Cautious, tolerance 9; People at Open, 12), a mistake is shown in the error
summary and put right, SLT's chief executive approves it, and a Finance risk at 12 then says
it is outside the appetite while a People risk at 12 does not."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.appetite import ensure_appetite_levels
from registers.models import AppetiteStatement, StatementStatus
from tests.e2e.test_accessibility import equal_access, wcag_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_drafting_and_approving_a_statement(page: Page, live_server, org):
    ensure_appetite_levels()
    finance = RiskFactory(
        register=org.corporate, category="finance", residual_likelihood=3, residual_impact=4
    )
    people = RiskFactory(
        register=org.corporate, category="people", residual_likelihood=3, residual_impact=4
    )

    sign_in(page, live_server, "insurance")
    page.get_by_role("link", name="Reports").click()
    page.get_by_role("link", name="The risk appetite statement").click()
    expect(page.get_by_text("No statement has been approved yet")).to_be_visible()
    page.get_by_role("link", name="Draft the next version").click()
    page.get_by_label("The statement").fill("Cautious with public money.")
    page.get_by_label("Finance: appetite level").select_option(
        label="Cautious (default tolerance 9)"
    )
    page.get_by_label("Finance: tolerance").fill("30")
    page.get_by_label("People: appetite level").select_option(label="Open (default tolerance 12)")
    page.get_by_role("button", name="Save the draft").click()
    # The error summary takes the focus and links to the field.
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    assert wcag_violations(page) + equal_access(page) == []
    summary.get_by_role("link", name="Finance: tolerance").click()
    expect(page.get_by_label("Finance: tolerance")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("9")
    page.keyboard.press("Enter")  # submits the form from the box
    expect(page.get_by_role("heading", name="Risk appetite, version 1")).to_be_visible()
    finance_row = page.get_by_role("row", name="Finance Cautious 9")
    expect(finance_row).to_be_visible()
    expect(page.get_by_role("row", name="People Open 12")).to_be_visible()
    assert wcag_violations(page) == []
    assert AppetiteStatement.objects.get().status == StatementStatus.DRAFT

    # SLT's chief executive approves it at the meeting, today.
    page.context.clear_cookies()
    sign_in(page, live_server, "chief")
    page.goto(f"{live_server.url}/appetite/")
    page.get_by_role("link", name="Approve draft version 1").click()
    expect(page.get_by_label("Day")).to_have_value(str(timezone.localdate().day))
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Approve version 1").click()
    expect(page.get_by_text("Version 1 approved.")).to_be_visible()
    expect(page.get_by_text("Version 1, approved by SLT on")).to_be_visible()
    statement = AppetiteStatement.objects.get()
    assert (statement.status, statement.approved_by) == (
        StatementStatus.APPROVED,
        org.people["chief"],
    )

    page.goto(f"{live_server.url}{finance.get_absolute_url()}")
    expect(page.get_by_text("Outside appetite (Finance: Cautious, tolerance 9)")).to_be_visible()
    page.goto(f"{live_server.url}{people.get_absolute_url()}")
    expect(page.get_by_text("Within appetite (People: Open, tolerance 12)")).to_be_visible()
    expect(page.get_by_text("Outside appetite")).to_have_count(0)
