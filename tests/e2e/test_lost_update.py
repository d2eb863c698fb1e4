"""The lost update, by two people in two real browsers: the owner of a risk and the owner of its
register both edit it (the risk, or one of its actions); the second save is refused, showing
what the first changed and keeping what the second typed; saved again, both changes are kept,
each in one history row naming its author."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, expect

from common.people import person_name
from registers.models import Action, ActionKind, ActionStatus, Risk
from tests.e2e.test_risk_edit import officers_risk
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_people_edit_the_same_risk_and_neither_change_is_lost(
    browser: Browser, live_server, org
):
    risk = officers_risk(org)
    created = risk.history.get()
    edit_url = live_server.url + reverse("registers:risk-edit", kwargs={"pk": risk.pk})
    # Two people, each in their own browser context (own cookies, own session), both of whom
    # may change the risk: its owner and the register's owner.
    officer_context, head_context = browser.new_context(), browser.new_context()
    try:
        officer, head = officer_context.new_page(), head_context.new_page()
        sign_in(officer, live_server, "officer")
        sign_in(head, live_server, "head")
        officer.goto(edit_url)
        head.goto(edit_url)
        expect(officer.get_by_label("Title")).to_have_value("Care home closures")
        expect(head.get_by_label("Title")).to_have_value("Care home closures")

        # The officer renames the risk and saves first.
        officer.get_by_label("Title").fill("Care home closures in the north of the city")
        officer.get_by_role("button", name="Save changes").click()
        expect(officer).to_have_url(live_server.url + risk.get_absolute_url())

        # The head, on the form as it was, rescores the residual likelihood and saves.
        head.get_by_role("group", name="Residual likelihood").get_by_role(
            "radio", name="5 Highly likely to happen"
        ).check()
        head.get_by_role("button", name="Save changes").click()
        alert = head.get_by_role("alert")
        expect(alert).to_contain_text(
            f"Not saved: {person_name(org.people['officer'])} changed this risk while you "
            "were editing it"
        )
        expect(alert).to_contain_text("Title: you started from")
        expect(alert).to_contain_text("Care home closures in the north of the city")
        expect(alert).to_be_focused()
        # What the head chose is still chosen; the officer's title is now in the form.
        expect(
            head.get_by_role("group", name="Residual likelihood").get_by_role(
                "radio", name="5 Highly likely to happen"
            )
        ).to_be_checked()
        expect(head.get_by_label("Title")).to_have_value(
            "Care home closures in the north of the city"
        )
        risk.refresh_from_db()
        assert (risk.title, risk.residual_likelihood, risk.version) == (
            "Care home closures in the north of the city",
            3,
            2,
        )

        # Saved again, having seen the officer's change: both are kept.
        head.get_by_role("button", name="Save changes").click()
        expect(head).to_have_url(live_server.url + risk.get_absolute_url())
    finally:
        officer_context.close()
        head_context.close()

    risk.refresh_from_db()
    assert risk.title == "Care home closures in the north of the city"
    assert (risk.residual_likelihood, risk.version) == (5, 3)
    changes = list(
        Risk.history.filter(id=risk.pk)
        .exclude(history_id=created.history_id)
        .order_by("history_date", "history_id")
    )
    # Exactly two rows, the refused save wrote none; each names its author.
    assert [(row.history_user, row.history_change_reason, row.version) for row in changes] == [
        (org.people["officer"], "Edited", 2),
        (org.people["head"], "Edited", 3),
    ]
    assert (changes[0].title, changes[0].residual_likelihood) == (
        "Care home closures in the north of the city",
        3,
    )
    assert (changes[1].title, changes[1].residual_likelihood) == (
        "Care home closures in the north of the city",
        5,
    )


def test_two_people_edit_the_same_action_and_neither_change_is_lost(
    browser: Browser, live_server, org
):
    """The same for a risk's action, edited by the risk's owner and the register's owner."""
    risk = officers_risk(org)
    action = ActionFactory(
        risk=risk,
        kind=ActionKind.ACTION,
        description="Agree contingency places with two homes",
        owner=org.people["officer"],
        due_date=timezone.localdate() + timedelta(days=45),
    )
    added = action.history.get()
    edit_url = live_server.url + reverse("registers:action-edit", kwargs={"pk": action.pk})
    officer_context, head_context = browser.new_context(), browser.new_context()
    try:
        officer, head = officer_context.new_page(), head_context.new_page()
        sign_in(officer, live_server, "officer")
        sign_in(head, live_server, "head")
        officer.goto(edit_url)
        head.goto(edit_url)
        for page in (officer, head):
            expect(page.get_by_label("Description")).to_have_value(
                "Agree contingency places with two homes"
            )

        # The officer rewrites the description and saves first.
        officer.get_by_label("Description").fill("Agree contingency places with three homes")
        officer.get_by_role("button", name="Save changes").click()
        expect(officer).to_have_url(live_server.url + action.get_absolute_url())

        # The head, on the form as it was, starts the action and notes how it is going.
        head.get_by_label("Status").select_option(label="In progress")
        head.get_by_label("Evaluation notes").fill("First home signed")
        head.get_by_role("button", name="Save changes").click()
        alert = head.locator("#stale-edit")
        expect(alert).to_have_attribute("role", "alert")
        expect(alert).to_contain_text(
            f"Not saved: {person_name(org.people['officer'])} changed this action while you "
            "were editing it"
        )
        expect(alert).to_contain_text("Description: you started from")
        expect(alert).to_contain_text("Agree contingency places with three homes")
        expect(alert).to_be_focused()
        # What the head typed is still there; the officer's description is now in the form.
        expect(head.get_by_label("Status")).to_have_value(ActionStatus.IN_PROGRESS)
        expect(head.get_by_label("Evaluation notes")).to_have_value("First home signed")
        expect(head.get_by_label("Description")).to_have_value(
            "Agree contingency places with three homes"
        )
        action.refresh_from_db()
        assert (action.status, action.evaluation_notes, action.version) == (
            ActionStatus.OPEN,
            "",
            2,
        )

        # Saved again, having seen the officer's change: both are kept.
        head.get_by_role("button", name="Save changes").click()
        expect(head).to_have_url(live_server.url + action.get_absolute_url())
    finally:
        officer_context.close()
        head_context.close()

    action.refresh_from_db()
    assert action.description == "Agree contingency places with three homes"
    assert (action.status, action.evaluation_notes, action.version) == (
        ActionStatus.IN_PROGRESS,
        "First home signed",
        3,
    )
    changes = list(
        Action.history.filter(id=action.pk)
        .exclude(history_id=added.history_id)
        .order_by("history_date", "history_id")
    )
    # Exactly two rows, the refused save wrote none; each names its author.
    assert [(row.history_user, row.history_change_reason, row.version) for row in changes] == [
        (org.people["officer"], "Edited", 2),
        (org.people["head"], "Edited", 3),
    ]
