"""Sign in through a real browser and find the registers on the home page."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, live_server, username: str, password: str = "password") -> None:
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_and_open_a_register(page: Page, live_server, org):
    RiskFactory(
        register=org.service_register,
        title="Care home closures",
        residual_likelihood=4,
        residual_impact=4,
    )
    sign_in(page, live_server, "head")
    expect(page.get_by_role("heading", name="Your risk work")).to_be_visible()
    page.get_by_role("link", name="Registers", exact=True).click()
    expect(page.get_by_role("heading", name="Risk registers")).to_be_visible()
    expect(page.get_by_role("link", name="Adult Care service")).to_be_visible()
    expect(page.get_by_role("link", name="Highways service")).to_have_count(0)
    page.get_by_role("link", name="Adult Care service").click()
    row = page.get_by_role("row", name="Care home closures")
    expect(row).to_contain_text("Red 16")


def test_a_wrong_password_is_refused(page: Page, live_server, org):
    sign_in(page, live_server, "head", password="wrong")
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    expect(page.get_by_label("Username")).to_have_value("head")
