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
from registers.models import Action, Category, RiskReview
from registers.review_questions import SERVICE
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(page: Page, live_server, username: str) -> None:
    sign_in(page, live_server, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


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
    page.get_by_label("Owner", exact=True).select_option(label=f"{head.get_full_name()}, Officer")
    page.get_by_label("Cost in pounds").fill("4000")
    page.get_by_role("button", name="Add action").click()

    # A planned action needs a due date: the form says so and keeps what was typed.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Give a due date")
    expect(page.get_by_label("Description")).to_have_value(
        "Agree contingency places with two neighbouring homes"
    )
    summary.get_by_role("link", name="Due date").click()
    expect(page.get_by_label("Due date")).to_be_focused()
    due = timezone.localdate() + timedelta(days=45)
    page.get_by_label("Due date").fill(due.isoformat())
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
        category=Category.CUSTOMERS_CITIZENS,
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
