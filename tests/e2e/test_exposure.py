"""A risk's financial exposure in a real browser: the owner records it on the risk form, an
error keeps what was typed, and the Section 151 Officer reads the totals by directorate; the
pages have no serious accessibility violations (docs/domain.md#financial-exposure)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from registers.models import FinancialLink
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_risk_edit import edit_url, officers_risk
from tests.e2e.test_sign_in import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_owner_records_an_exposure_and_the_s151_officer_sees_it(page: Page, live_server, org):
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))

    section = page.locator(".form-section").filter(has_text="Financial exposure (optional)")
    section.get_by_label("Lowest estimate (£)").fill("£900,000")
    section.get_by_label("Highest estimate (£)").fill("100,000")
    section.get_by_role("radio", name="An assumption of the Medium Term Financial Strategy").check()
    section.get_by_label("Which budget line or MTFS assumption").fill("Care fees rise by 3%")
    page.get_by_role("button", name="Save changes").click()

    # Refused: the summary names the problem and links to the field; nothing typed is lost.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("The highest estimate must be at least the lowest.")
    summary.get_by_role("link", name="The highest estimate must be at least the lowest.").click()
    expect(section.get_by_label("Highest estimate (£)")).to_be_focused()
    expect(section.get_by_label("Lowest estimate (£)")).to_have_value("£900,000")
    assert serious_violations(page) == []

    section.get_by_label("Highest estimate (£)").fill("1,500,000")
    page.get_by_role("button", name="Save changes").click()
    # (The fragment of the summary's link stays on the address through the redirect.)
    expect(page).to_have_url(re.compile(re.escape(live_server.url + risk.get_absolute_url())))
    expect(page.locator("[data-exposure]")).to_contain_text("£900,000 to £1,500,000")
    risk.refresh_from_db()
    assert (risk.exposure_low, risk.exposure_high, risk.financial_link) == (
        900_000,
        1_500_000,
        FinancialLink.MTFS,
    )

    page.context.clear_cookies()
    sign_in(page, live_server, "s151")
    page.goto(live_server.url + reverse("reports:s151-review"))
    totals = page.get_by_role("table", name="Estimated exposure by directorate")
    expect(totals.get_by_role("row", name="People")).to_contain_text("£900,000 to £1,500,000")
    mtfs = page.get_by_role("table", name="Risks to the Medium Term Financial Strategy")
    expect(mtfs).to_contain_text("Care fees rise by 3%")
    assert serious_violations(page) == []
