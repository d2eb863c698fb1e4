"""The register page in a real browser: filter by band, then open a heat-map cell by keyboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_by_band_then_open_a_heat_map_cell(page: Page, live_server, org):
    register = org.service_register
    for title, inherent, residual in [
        ("Care home closures", (5, 5), (4, 5)),
        ("Social worker vacancies", (5, 4), (5, 3)),
        ("Day centre roof", (3, 3), (2, 3)),
    ]:
        RiskFactory(
            register=register,
            title=title,
            inherent_likelihood=inherent[0],
            inherent_impact=inherent[1],
            residual_likelihood=residual[0],
            residual_impact=residual[1],
        )
    sign_in(page, live_server, "head")
    page.goto(f"{live_server.url}{register.get_absolute_url()}")
    risks = page.get_by_role("table", name=re.compile("^Risks on Adult Care service"))
    expect(risks.get_by_role("row")).to_have_count(4)  # the header and three risks

    page.get_by_label("Residual band").select_option(label="Red")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"residual_band=red"))
    expect(page.get_by_text("Showing 1–2 of 2 risks")).to_be_visible()
    expect(risks.get_by_role("row", name="Day centre roof")).to_have_count(0)
    expect(risks.get_by_role("row", name="Care home closures")).to_contain_text("Red 20")

    residual_map = page.get_by_role("table", name="Residual risk (after controls)")
    cell = residual_map.get_by_role("link", name="Likelihood 4, impact 5, Red: 1 risk")
    cell.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"residual_likelihood=4&residual_impact=5"))
    expect(page).to_have_url(re.compile(r"residual_band=red"))
    expect(page.get_by_label("Residual band")).to_have_value("red")
    expect(page.get_by_text("Showing 1–1 of 1 risk")).to_be_visible()
    expect(risks.get_by_role("row", name="Care home closures")).to_be_visible()
    expect(risks.get_by_role("row", name="Social worker vacancies")).to_have_count(0)
    expect(
        residual_map.get_by_role("link", name="Likelihood 4, impact 5, Red: 1 risk, shown")
    ).to_have_attribute("aria-current", "true")

    page.get_by_role("link", name="Show every cell").click()
    expect(page.get_by_text("Showing 1–2 of 2 risks")).to_be_visible()
