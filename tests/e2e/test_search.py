"""Search from the navigation and the risks across registers page, in a real browser: a
Director finds a risk by a word, then narrows their directorate's risks to the red ones."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def risks(org):
    RiskFactory(
        register=org.service_register,
        reference="AC-01",
        title="Care home flooding",
        residual_likelihood=5,
        residual_impact=4,
        owner=org.people["officer"],
    )
    RiskFactory(
        register=org.directorate_register,
        reference="DIR-PEOPLE-01",
        title="Social worker vacancies",
        residual_likelihood=2,
        residual_impact=2,
    )
    RiskFactory(
        register=org.other_service_register,
        reference="HW-01",
        title="Road flooding",
        residual_likelihood=5,
        residual_impact=5,
    )


def test_search_from_the_navigation(page: Page, live_server, org, risks):
    sign_in(page, live_server, "director")
    box = page.get_by_role("searchbox", name="Search registers, risks and actions")
    box.fill("flooding")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=flooding"))
    expect(page.get_by_role("status")).to_contain_text("1 risk")
    group = page.get_by_role("region", name=re.compile("^Adult Care service"))
    expect(group.get_by_role("row", name=re.compile("Care home flooding"))).to_contain_text(
        "Red 20"
    )
    # The highways risk is on a register of another directorate: not found.
    expect(page.get_by_text("Road flooding")).to_have_count(0)
    assert serious_violations(page) == []
    group.get_by_role("link", name="Care home flooding").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Care home flooding")


def test_a_director_narrows_their_directorate_to_red_risks(page: Page, live_server, org, risks):
    sign_in(page, live_server, "director")
    page.get_by_role("link", name="Your directorate's open risks, side by side").click()
    expect(page.get_by_label("Directorate")).to_have_value(str(org.directorate.pk))
    table = page.get_by_role("table", name=re.compile("^Open risks across registers"))
    expect(table.get_by_role("row")).to_have_count(3)  # the header and two risks
    page.get_by_label("Residual band").select_option(label="Red")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"residual_band=red"))
    expect(page.get_by_text("Showing 1–1 of 1 risk")).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("Care home flooding"))).to_contain_text(
        "Adult Care service"
    )
    page.get_by_label("Residual band").select_option(label="Any band")
    page.get_by_label("Outside the risk appetite").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("Showing 1–1 of 1 risk")).to_be_visible()
    table.get_by_role("link", name="Register", exact=True).click()
    expect(page).to_have_url(re.compile(r"sort=register"))
    expect(page.get_by_role("columnheader", name="Register")).to_have_attribute(
        "aria-sort", "ascending"
    )
    assert serious_violations(page) == []
