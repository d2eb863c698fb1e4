"""Import a police-style register spreadsheet in a real browser: upload, map, preview, confirm."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from registers.models import Risk
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LONG_CONTROLS = "\n".join(
    [
        "• Force-wide business continuity plan, reviewed annually by the Chief Officer group "
        "and tested through a live exercise",
        "• Mutual aid agreements with the neighbouring forces for public order and firearms",
        "• Monthly performance board scrutiny of call handling times and abandoned calls",
    ]
)


def police_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Corporate Risk Register"
    sheet.append(["Office of the Police and Crime Commissioner: Corporate Risk Register 2026/27"])
    sheet.append([])
    sheet.append(
        [
            "Risk ID",
            "Risk",
            "Description",
            "Risk Owner",
            "Inherent Likelihood",
            "Inherent Impact",
            "Residual Risk Rating",
            "Key Controls and Activities",
            "Q1 Trending",
        ]
    )
    sheet.append(
        [
            "CRR18",
            "Loss of 999 call handling",
            "Failure of the control room systems",
            "Supt A Smith",
            4,
            5,
            "Critical",
            LONG_CONTROLS,
            "Static",
        ]
    )
    sheet.append(
        [
            "CRR19",
            "Vetting backlog",
            "Officers deployed before vetting is complete",
            "insurance",
            3,
            4,
            "High",
            "- Weekly backlog review\n- Temporary vetting staff",
            "Improving",
        ]
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_import_a_police_register(page: Page, live_server, org):
    register = org.corporate
    sign_in(page, live_server, "chief")
    page.goto(f"{live_server.url}{register.get_absolute_url()}")
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import risks from a spreadsheet")).to_be_visible()
    assert serious_violations(page) == []

    # A file that is not a spreadsheet is refused with the reason.
    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "register.xlsx", "mimeType": XLSX, "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}
    )
    page.get_by_role("button", name="Upload and continue").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("nothing has been saved")
    expect(alert).to_contain_text("is not an Excel workbook (.xlsx) or a CSV file")
    alert.get_by_role("link", name="Spreadsheet").click()
    expect(page.get_by_label("Spreadsheet")).to_be_focused()

    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "police-register.xlsx", "mimeType": XLSX, "buffer": police_workbook()}
    )
    page.get_by_role("button", name="Upload and continue").click()

    # The mapping: the headings are found below the title row, the columns guessed.
    expect(page.get_by_role("heading", name="Map the columns")).to_be_visible()
    expect(page.get_by_label("Row of headings")).to_have_value("3")
    expect(page.get_by_label("Column A “Risk ID”")).to_have_value("reference")
    expect(page.get_by_label("Column B “Risk”")).to_have_value("title")
    expect(page.get_by_label("Column G “Residual Risk Rating”")).to_have_value("residual_rating")
    expect(page.get_by_label("Column H “Key Controls and Activities”")).to_have_value("controls")
    expect(page.get_by_label("Column I “Q1 Trending”")).to_have_value("trend")
    assert serious_violations(page) == []

    # The owner nobody has is asked for; without a choice the page says so and keeps the rest.
    page.get_by_label("Column C “Description”").select_option("consequence")
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose who owns the risks of “Supt A Smith”")
    expect(page.get_by_label("Column C “Description”")).to_have_value("consequence")
    page.get_by_label("Column C “Description”").select_option("event")
    # By keyboard: focus the owner select and pick "No owner".
    owner = page.get_by_label("Risks owned by “Supt A Smith”")
    owner.focus()
    owner.press("ArrowDown")
    expect(owner).to_have_value("none")
    page.get_by_role("button", name="Preview the import").press("Enter")

    # The preview: every row, the rating word kept and the risk left not scored.
    expect(page.get_by_role("heading", name="Check the import")).to_be_visible()
    expect(page.get_by_text("2 rows: 2 new risks, 0 updates")).to_be_visible()
    first = page.get_by_role("row", name="Loss of 999 call handling")
    expect(first).to_contain_text("CRR18")
    expect(first).to_contain_text("4 × 5 = 20")
    expect(first).to_contain_text("Not scored (Critical)")
    expect(first).to_contain_text("No owner")
    second = page.get_by_role("row", name="Vetting backlog")
    expect(second).to_contain_text("Not scored (High)")
    assert serious_violations(page) == []
    assert not Risk.objects.exists()

    page.get_by_role("button", name="Import 2 risks").click()
    expect(page.get_by_role("status")).to_have_text("Imported: 2 created, 0 updated.")
    expect(page.get_by_role("row", name="Loss of 999 call handling")).to_contain_text("CRR18")

    risk = Risk.objects.get(reference="CRR18")
    assert risk.register == register
    assert risk.owner is None
    assert risk.residual_likelihood is None
    assert risk.imported_rating == "Critical"
    assert risk.imported_trend == "Static"
    assert (risk.inherent_likelihood, risk.inherent_impact) == (4, 5)
    assert risk.actions.count() == 3
    assert Risk.objects.get(reference="CRR19").owner == org.people["insurance"]
