"""The Insurance Manager sets the chasing ladder, and a person chooses a weekly digest, through
a real browser and by keyboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from reminders.models import DigestPreference, Frequency, ReminderSettings
from tests.e2e.test_accessibility import wcag_violations
from tests.e2e.test_sign_in import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_insurance_manager_sets_the_ladder(page: Page, live_server, org):
    sign_in(page, live_server, "insurance")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.get_by_role("link", name=re.compile("Notifications")).first.click()
    page.get_by_role("link", name="Reminder settings for the organisation").click()
    expect(page.get_by_role("heading", name="Reminder settings")).to_be_visible()

    lead = page.get_by_label("Reminders before the due date (days)")
    lead.fill("30, a week")
    page.get_by_label("Tell the Insurance Manager after (days overdue)").fill("14")
    page.get_by_role("button", name="Save reminder settings").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Give whole numbers of days from 1 to 365")
    expect(summary).to_contain_text("no sooner than the register")
    expect(lead).to_have_value("30, a week")
    assert wcag_violations(page) == []

    summary.get_by_role("link", name="Reminders before the due date (days)").click()
    expect(lead).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("30, 7, 1")
    page.get_by_label("Tell the Insurance Manager after (days overdue)").fill("42")
    page.get_by_label("Then every (days)").fill("10")
    page.get_by_label("Then every (days)").press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Reminder settings saved")
    settings = ReminderSettings.objects.get(organisation=org.organisation)
    assert (settings.lead_days, settings.repeat_days) == ("30, 7, 1", 10)
    expect(lead).to_have_value("30, 7, 1")


def test_a_person_chooses_a_weekly_digest_by_keyboard(page: Page, live_server, org):
    sign_in(page, live_server, "officer")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{live_server.url}/notifications/")
    page.get_by_role("link", name="daily or weekly digest").click()
    daily = page.get_by_role("radio", name=re.compile("^Daily"))
    expect(daily).to_be_checked()
    daily.focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=re.compile("^Weekly"))).to_be_checked()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").first).to_contain_text("Your digest will come weekly.")
    assert DigestPreference.objects.get(user=org.people["officer"]).frequency == Frequency.WEEKLY
