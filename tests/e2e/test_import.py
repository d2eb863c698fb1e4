"""Import a police-style register spreadsheet in a real browser: upload, map, preview, confirm."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from registers.models import Risk, RiskCategory
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

    # The owner nobody has is kept as written unless someone is chosen; here, by keyboard,
    # "No owner".
    owner = page.get_by_label("Risks owned by “Supt A Smith”")
    expect(owner).to_have_value("")
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


def project_workbook() -> bytes:
    """A project register on 1-10 scales, with categories and owners of its own, under a
    grouped heading ("Current risk" over "Likelihood (1-10)" and "Impact (1-10)")."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Riverside regeneration: project risk register"])
    sheet.append(["Risk No", "Description", "Category", "Owner", "Current risk", None])
    sheet.append([None, None, None, None, "Likelihood (1-10)", "Impact (1-10)"])
    sheet.append(
        [
            "P1",
            "Ground conditions worse than surveyed. Costs rise.",
            "Surveys",
            "Project Manager",
            1.667,
            10,
        ]
    )
    sheet.append(
        ["P2", "Design changes come late. Rework.", "Design", "Project Manager", 6.667, 3.333]
    )
    for merge in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"):
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_mapping_step_shows_value_maps_to_confirm_or_change(page: Page, live_server, org):
    register = org.corporate
    sign_in(page, live_server, "chief")
    page.goto(f"{live_server.url}{register.get_absolute_url()}import/")
    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "riverside.xlsx", "mimeType": XLSX, "buffer": project_workbook()}
    )
    page.get_by_role("button", name="Upload and continue").click()

    # Grouped headings read as one each, the scales and categories mapped, all stated.
    expect(page.get_by_label("Row of headings")).to_have_value("2")
    expect(page.get_by_label("Column E “Current risk / Likelihood (1-10)”")).to_have_value(
        "residual_likelihood"
    )
    expect(page.get_by_label("Column F “Current risk / Impact (1-10)”")).to_have_value(
        "residual_impact"
    )
    scale = page.get_by_role(
        "group", name="How column E “Current risk / Likelihood (1-10)” is read"
    )
    expect(scale).to_contain_text("1–10 → 1–5: ⌈x / 2⌉")
    expect(scale.get_by_label("“6.667” is read as")).to_have_value("4")
    categories = page.get_by_role("group", name="How column C “Category” is read")
    # A category of the sheet's own is proposed as a new one, to keep or map onto one of ours.
    surveys = categories.get_by_label("“Surveys” is read as")
    expect(surveys).to_have_value("+new")
    expect(surveys.locator("option:checked")).to_have_text("A new category “Surveys”")
    # Changed by keyboard: "Design" is a partnership here.
    design = categories.get_by_label("“Design” is read as")
    design.focus()
    design.press("End")
    expect(design).to_have_value("partnerships")
    expect(page.get_by_label("Risks owned by “Project Manager”")).to_have_value("")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Preview the import").click()

    expect(page.get_by_role("heading", name="Values read through a map (3)")).to_be_visible()
    expect(page.get_by_text("“Design” → Partnerships")).to_be_visible()
    expect(page.get_by_text("“Surveys” → a new category “Surveys”")).to_be_visible()
    expect(page.get_by_role("heading", name="Categories to add (1)")).to_be_visible()
    expect(page.get_by_role("link", name="Download the mapping")).to_be_visible()
    expect(page.get_by_role("row", name="Ground conditions worse than surveyed")).to_contain_text(
        "1 × 5 = 5"
    )
    assert serious_violations(page) == []
    page.get_by_role("button", name="Import 2 risks").click()
    expect(page.get_by_role("status")).to_have_text("Imported: 2 created, 0 updated.")
    expect(page.get_by_role("row", name="Design changes come late")).to_contain_text(
        "“Project Manager” as written: no person assigned"
    )
    design_risk = Risk.objects.get(reference="P2")
    assert (design_risk.residual_likelihood, design_risk.residual_impact) == (4, 2)
    assert design_risk.category == "partnerships"
    # Surveys was added to the organisation's categories, with the import.
    surveys_risk = Risk.objects.get(reference="P1")
    assert surveys_risk.category == "surveys"
    added = RiskCategory.objects.get(organisation=register.organisation, key="surveys")
    assert (added.label, added.active) == ("Surveys", True)
    assert not RiskCategory.objects.filter(key="design").exists()
