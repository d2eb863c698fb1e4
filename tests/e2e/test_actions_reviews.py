"""Add an action and record a review through a real browser."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from registers import services
from registers.due import add_months
from registers.models import Action, PolicyCategory, RiskReview
from registers.review_questions import SERVICE
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(page: Page, live_server, username: str) -> None:
    sign_in(page, live_server, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


@pytest.mark.browser_context_args(locale="en-US", timezone_id="America/New_York")
def test_add_a_planned_action_to_a_risk(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.service_register, owner=org.people["officer"], title="Care home closures"
    )
    head = org.people["head"]
    signed_in(page, live_server, "officer")
    page.goto(live_server.url + reverse("registers:action-create", kwargs={"pk": risk.pk}))
    expect(page.get_by_role("heading", name="Add an action")).to_be_visible()

    page.get_by_label("Planned action").check()
    page.get_by_label("Description").fill("Agree contingency places with two neighbouring homes")
    # The owner by type-ahead, with the keyboard only: type, Down to the suggestion, Enter.
    owner = page.get_by_role("combobox", name="Owner", exact=True)
    owner.focus()  # the risk's owner is offered first: arriving selects their name
    owner.press_sequentially(head.get_full_name(), delay=20)
    suggestion = page.get_by_role("option", name=f"{head.get_full_name()}, Officer")
    expect(suggestion).to_be_visible()
    expect(owner).to_have_attribute("aria-expanded", "true")
    owner.press("ArrowDown")
    expect(suggestion).to_have_attribute("aria-selected", "true")
    expect(owner).to_have_attribute("aria-activedescendant", suggestion.get_attribute("id"))
    owner.press("Enter")
    expect(owner).to_have_value(f"{head.get_full_name()}, Officer")
    expect(owner).to_have_attribute("aria-expanded", "false")
    page.get_by_label("Cost in pounds").fill("4000")
    page.get_by_role("button", name="Add action").click()

    # A planned action needs a due date: the form says so and keeps what was typed.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Give a due date")
    expect(page.get_by_label("Description")).to_have_value(
        "Agree contingency places with two neighbouring homes"
    )
    summary.get_by_role("link", name="Due date").click()
    due_date = page.get_by_role("group", name="Due date")
    expect(due_date.get_by_label("Day")).to_be_focused()
    # Day, month and year in their own boxes: the same in this en-US browser as anywhere.
    due = timezone.localdate() + timedelta(days=45)
    due_date.get_by_label("Day").fill(str(due.day))
    due_date.get_by_label("Month").fill(str(due.month))
    due_date.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Add action").click()

    action = Action.objects.get(risk=risk)
    expect(page).to_have_url(re.compile(rf"/risks/{risk.pk}/#action-{action.pk}$"))
    expect(page.get_by_role("status").first).to_contain_text(
        f"Planned action added to {risk.reference}."
    )
    row = page.locator(f"#action-{action.pk}")
    expect(row).to_contain_text("Agree contingency places with two neighbouring homes")
    expect(row).to_contain_text(head.get_full_name())
    expect(row).to_contain_text("Not started")
    assert action.owner == head
    assert action.due_date == due
    assert action.history.get().history_user == org.people["officer"]


def test_record_a_review_answering_the_questions(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        residual_likelihood=4,
        residual_impact=4,
    )
    signed_in(page, live_server, "head")
    page.goto(live_server.url + reverse("registers:risk-review", kwargs={"pk": risk.pk}))
    expect(page.get_by_role("heading", name="Record a review")).to_be_visible()
    expect(page.get_by_role("row", name="Residual")).to_contain_text("Red 16")

    # Leave one question blank: it is refused with the other answers kept.
    for number, question in enumerate(SERVICE, start=1):
        if number != 3:
            page.get_by_label(question).fill(f"Answer to question {number}")
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_role("alert")).to_contain_text("Answer this question.")
    expect(page.get_by_label(SERVICE[0])).to_have_value("Answer to question 1")

    page.get_by_label(SERVICE[2]).fill("Yes: the scores are still right")
    page.get_by_label("Notes (optional)").fill("Discussed at the service leadership meeting")
    page.get_by_role("button", name="Record review").click()

    next_due = add_months(timezone.localdate(), org.service_register.review_interval_months)
    expect(page).to_have_url(re.compile(rf"/risks/{risk.pk}/$"))
    expect(page.get_by_role("status").first).to_contain_text(
        f"The next review is due on {date_format(next_due, 'j F Y')}."
    )
    review = RiskReview.objects.get(risk=risk)
    assert review.reviewed_by == org.people["head"]
    assert review.answers[2] == {
        "question": SERVICE[2],
        "answer": "Yes: the scores are still right",
    }
    assert (review.residual_likelihood, review.residual_impact) == (4, 4)
    assert review.residual_band_label == "Red"


def test_the_pages_have_no_serious_accessibility_violations(page: Page, live_server, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["head"])
    action = ActionFactory(risk=risk, owner=org.people["head"])
    report = services.risk_report_submit(
        register=org.service_register,
        by=org.people["officer"],
        title="Care provider failure",
        event="If a provider fails",
        consequence="visits go uncovered",
        impact="harm to vulnerable adults",
        category=PolicyCategory.CUSTOMERS_CITIZENS,
    )
    signed_in(page, live_server, "head")
    register_pk = org.service_register.pk
    pages = [
        (reverse("registers:action-create", kwargs={"pk": risk.pk}), "Add action"),
        (reverse("registers:action-edit", kwargs={"pk": action.pk}), None),
        (reverse("registers:risk-review", kwargs={"pk": risk.pk}), "Record review"),
        (
            reverse("registers:report-create", kwargs={"pk": register_pk}),
            "Send to the register owner",
        ),
        (reverse("registers:report-detail", kwargs={"pk": report.pk}), "Decline"),
        (reverse("registers:register-reports", kwargs={"pk": register_pk}), None),
        (reverse("registers:my-reports"), None),
        (reverse("registers:register-settings", kwargs={"pk": register_pk}), None),
        (
            reverse("reports:register-approval", kwargs={"pk": register_pk}),
            "Approve the register",
        ),
    ]
    for path, submit in pages:
        page.goto(live_server.url + path)
        assert serious_violations(page) == [], path
        if submit:  # and with the form's errors showing
            page.get_by_role("button", name=submit).click()
            expect(page.get_by_role("alert")).to_be_visible()
            assert serious_violations(page) == [], f"{path} with errors"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_owner_is_a_plain_select(page: Page, live_server, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    head = org.people["head"]
    signed_in(page, live_server, "officer")
    page.goto(live_server.url + reverse("registers:action-create", kwargs={"pk": risk.pk}))
    page.get_by_label("Control in place").check()
    page.get_by_label("Description").fill("Weekly checks of the lift")
    page.get_by_label("Owner", exact=True).select_option(label=f"{head.get_full_name()}, Officer")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("status").first).to_contain_text("Control in place added")
    assert Action.objects.get(risk=risk).owner == head


def test_record_a_review_with_no_change_in_one_step(page: Page, live_server, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    signed_in(page, live_server, "officer")
    page.goto(live_server.url + reverse("registers:risk-review", kwargs={"pk": risk.pk}))
    no_change = page.get_by_role(
        "button", name="No change: scores, controls and actions still right"
    )
    expect(no_change).to_be_visible()

    # Someone raises the residual score after the page opened: confirming is refused, the
    # page shows the scores as they now are, and the note typed is kept.
    services.risk_update(
        risk=risk,
        by=org.people["head"],
        version=risk.version,
        changes={"residual_likelihood": 5, "residual_impact": 4},
    )
    page.get_by_label("Note (optional)", exact=True).fill("Checked with the care homes team")
    no_change.click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("no review has been recorded")
    expect(summary).to_be_focused()
    expect(page.get_by_role("row", name="Residual")).to_contain_text("Red 20")
    expect(page.get_by_label("Note (optional)", exact=True)).to_have_value(
        "Checked with the care homes team"
    )
    assert not RiskReview.objects.exists()
    assert serious_violations(page) == []

    # Confirming again, by keyboard, records the review in one step.
    no_change.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/risks/{risk.pk}/$"))
    next_due = add_months(timezone.localdate(), org.service_register.review_interval_months)
    expect(page.get_by_role("status").first).to_contain_text(
        f"Review of {risk.reference} recorded (no change). The next review is due on "
        f"{date_format(next_due, 'j F Y')}."
    )
    page.get_by_role("button", name=re.compile("no change$")).click()
    expect(page.locator("#reviews")).to_contain_text("Checked with the care homes team")
    review = RiskReview.objects.get(risk=risk)
    assert review.no_change and review.answers == []
    assert (review.residual_likelihood, review.residual_impact) == (5, 4)
    assert review.notes == "Checked with the care homes team"
