"""The Insurance Manager keeps the organisation's categories of risk in a real browser, by
keyboard: add one, rename it, move it, retire it; and a new risk is then offered it."""

import pytest
from playwright.sync_api import Page, expect

from registers.models import RiskCategory
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_insurance_manager_keeps_the_categories_by_keyboard(page: Page, live_server, org):
    sign_in(page, live_server, "insurance")
    page.goto(f"{live_server.url}/organisation/")
    page.get_by_role("link", name="Categories of risk").click()
    expect(page.get_by_role("heading", name="Categories of risk", level=1)).to_be_visible()
    assert serious_violations(page) == []

    # Add by typing and pressing Enter.
    name = page.locator("#id_label")
    name.focus()
    name.type("Design")
    name.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Design added.")
    expect(page.get_by_role("rowheader", name="Design")).to_be_visible()

    # A name already taken is refused, the error summary linking to the field.
    page.locator("#id_label").fill("finance")
    page.locator("#id_label").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is already a category called finance")
    summary.get_by_role("link", name="Name").press("Enter")
    expect(page.locator("#id_label")).to_be_focused()
    assert serious_violations(page) == []

    # Rename it, move it up, retire it: each by keyboard.
    page.get_by_role("link", name="Rename Design").press("Enter")
    new_name = page.locator("#id_rename-label")
    new_name.fill("Design and build")
    new_name.press("Enter")
    expect(page.get_by_role("rowheader", name="Design and build")).to_be_visible()
    page.get_by_role("button", name="Move Design and build up").press("Enter")
    expect(page.get_by_role("status")).to_have_text("Design and build moved up.")
    page.get_by_role("button", name="Retire Design and build").press("Enter")
    row = page.get_by_role("row", name="Design and build")
    expect(row).to_contain_text("Retired")
    expect(row.get_by_role("button", name="Bring Design and build back")).to_be_visible()
    design = RiskCategory.objects.get(organisation=org.organisation, key="design")
    assert (design.label, design.order, design.active) == ("Design and build", 10, False)

    # Retired: no longer offered for a new risk; brought back, it is.
    page.goto(f"{live_server.url}/registers/{org.service_register.pk}/risks/new/")
    expect(page.get_by_label("Category").locator("option", has_text="Design")).to_have_count(0)
    page.goto(f"{live_server.url}/organisation/categories/")
    page.get_by_role("button", name="Bring Design and build back").press("Enter")
    page.goto(f"{live_server.url}/registers/{org.service_register.pk}/risks/new/")
    expect(
        page.get_by_label("Category").locator("option", has_text="Design and build")
    ).to_have_count(1)
