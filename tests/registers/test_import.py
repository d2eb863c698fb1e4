"""Spreadsheet import: reading files, guessing the mapping, planning rows, applying all or
nothing, the full export's round trip and the import_register command."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from registers.imports import apply as apply_module
from registers.imports.apply import apply_plan
from registers.imports.cells import split_items
from registers.imports.export import bullets, register_workbook
from registers.imports.mapping import find_header_row, guess_mapping, target_for_heading
from registers.imports.plan import build_plan
from registers.imports.reader import MAX_BYTES, MAX_COLUMNS, ImportFileError, read_table
from registers.models import Action, ActionKind, Horizon, PolicyCategory, Response, Risk
from registers.services import action_create, risk_close, risk_create
from registers.views.register import CSV_COLUMNS
from registers.warnings import risk_warnings
from scoring.selectors import scheme_bands
from tests.conftest import person
from tests.factories import OrganisationFactory, RegisterFactory, UserFactory

POLICE_HEADINGS = [
    "ID",
    "Risk Name",
    "Description",
    "Impact",
    "Key Controls and Activities",
    "Q1 Trending",
    "Q2 Trending",
    "Q3 Trending",
    "Residual Risk\nRating",
]


def xlsx_bytes(rows: list[list[object]], title: str = "Corporate Risks") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def police_rows() -> list[list[object]]:
    return [
        ["Corporate Risks"],
        [],
        POLICE_HEADINGS,
        [
            "CRR18",
            "Core Skills Resilience & Training",
            "A drop in officers trained in core skills.",
            "Unable to deploy enough staff to meet calls for service.",
            "- Contingency funding for extra courses\n- Scrutiny of non-attendance,\n"
            "so classrooms are full\n- Task & Finish group",
            "N/A",
            "New",
            "→",
            "Critical",
        ],
        [
            "CRR20",
            "Probation Data Sharing & Disclosure",
            "No central process for Parole Board requests.",
            "Legal costs and ICO fines.",
            "Information sharing agreement close to final.",
            "N/A",
            "N/A",
            "New",
            "High",
        ],
    ]


def plan_for(register, rows, owner_choices=None, importer=None):
    table = read_table(data=xlsx_bytes(rows), filename="risks.xlsx")
    header_row = find_header_row(table.rows)
    mapping = guess_mapping(table.rows[header_row])
    return build_plan(
        register=register,
        table=table,
        header_row=header_row,
        mapping=mapping,
        owner_choices=owner_choices,
        importer=importer,
    )


def messages(plan) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in plan.problems]


SCORED_HEADINGS = [
    "Reference",
    "Title",
    "Owner",
    "Category",
    "Inherent likelihood",
    "Inherent impact",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Response",
    "Response rationale",
    "Next review",
    "Controls",
]


def scored_row(reference="CRR-90", title="Flooding of the depot", **overrides):
    row = {
        "Reference": reference,
        "Title": title,
        "Owner": "",
        "Category": "Finance",
        "Inherent likelihood": 4,
        "Inherent impact": 4,
        "Residual likelihood": 3,
        "Residual impact": 2,
        "Residual score": None,
        "Response": "Treat",
        "Response rationale": None,
        "Next review": None,
        "Controls": None,
    }
    row.update(overrides)
    return [row[heading] for heading in SCORED_HEADINGS]


# Reading files


def test_reads_xlsx_first_sheet_with_title_rows():
    table = read_table(data=xlsx_bytes(police_rows()), filename="risks.xlsx")
    assert table.sheet_name == "Corporate Risks"
    assert table.rows[0] == ["Corporate Risks"]
    assert table.rows[1] == []
    assert table.rows[3][0] == "CRR18"
    assert find_header_row(table.rows) == 2


def test_formula_read_as_its_cached_value_never_evaluated():
    data = xlsx_bytes([["Ref", "Score"], ["CRR-01", "=2*3"]])
    # openpyxl writes no cached value; put one in as Excel would, and a different one, to
    # prove the cached value is read and the formula is not evaluated.
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b"<f>2*3</f><v />" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<f>2*3</f><v />", b"<f>2*3</f><v>7</v>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    table = read_table(data=buffer.getvalue(), filename="formula.xlsx")
    assert table.rows[1] == ["CRR-01", 7]


def test_csv_by_content_with_bom_and_semicolons():
    data = "\ufeff".encode() + csv_bytes([["Ref", "Title"], ["CRR-01", "Café"]], delimiter=";")
    table = read_table(data=data, filename="risks.xlsx")  # the name does not decide
    assert table.rows == [["Ref", "Title"], ["CRR-01", "Café"]]


def test_csv_in_cp1252():
    table = read_table(
        data=csv_bytes([["Ref", "Title"], ["A-1", "£5m – café"]], encoding="cp1252"),
        filename="x.csv",
    )
    assert table.rows[1] == ["A-1", "£5m – café"]


def test_png_renamed_xlsx_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        read_table(data=png, filename="risks.xlsx")


def test_broken_zip_is_refused():
    data = xlsx_bytes(police_rows())[:300]
    with pytest.raises(ImportFileError, match="could not be read as a spreadsheet"):
        read_table(data=data, filename="risks.xlsx")


def test_workbook_with_a_damaged_sheet_is_refused():
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(police_rows()))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='1'><c r="
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    with pytest.raises(ImportFileError, match="could not be read as a spreadsheet"):
        read_table(data=buffer.getvalue(), filename="risks.xlsx")


def test_blank_formatted_rows_below_the_table_are_not_counted():
    rows = [["Ref", "Title"]] + [[f"R-{n}", "t"] for n in range(4999)]
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    sheet.cell(row=7000, column=1).number_format = "0.00"  # a styled, empty cell far below
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert len(read_table(data=buffer.getvalue(), filename="ok.xlsx").rows) == 5000


def test_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ImportFileError, match="could not be read as a spreadsheet"):
        read_table(data=buffer.getvalue(), filename="risks.xlsx")


def test_too_big_is_refused():
    with pytest.raises(ImportFileError, match="largest that can be imported is 5 MB"):
        read_table(data=b"a,b\n" * (MAX_BYTES // 4 + 1), filename="big.csv")


def test_too_many_rows_is_refused_in_csv_and_xlsx():
    rows = [["Ref", "Title"]] + [[f"R-{n}", "t"] for n in range(5001)]
    with pytest.raises(ImportFileError, match="more than 5,000 rows"):
        read_table(data=csv_bytes(rows), filename="many.csv")
    with pytest.raises(ImportFileError, match="more than 5,000 rows"):
        read_table(data=xlsx_bytes(rows), filename="many.xlsx")


def test_exactly_the_row_limit_is_read():
    rows = [["Ref", "Title"]] + [[f"R-{n}", "t"] for n in range(4999)]
    assert len(read_table(data=csv_bytes(rows), filename="ok.csv").rows) == 5000


def test_too_many_columns_is_refused():
    with pytest.raises(ImportFileError, match=f"at most {MAX_COLUMNS} can be imported"):
        read_table(data=csv_bytes([[f"c{n}" for n in range(MAX_COLUMNS + 1)]]), filename="w.csv")


def test_empty_file_is_refused():
    with pytest.raises(ImportFileError, match="empty"):
        read_table(data=b"  \n", filename="empty.csv")


# Mapping


def test_police_headings_are_guessed():
    assert guess_mapping(POLICE_HEADINGS) == {
        0: "reference",
        1: "title",
        2: "event",
        3: "impact",
        4: "controls",
        5: "trend",  # every quarter's trend column: the risk's imported history
        6: "trend",
        7: "trend",
        8: "residual_rating",
    }


def test_our_csv_export_headings_map_exactly():
    mapping = guess_mapping(list(CSV_COLUMNS))
    by_heading = {CSV_COLUMNS[index]: target for index, target in mapping.items()}
    assert by_heading["Inherent likelihood"] == "inherent_likelihood"
    assert by_heading["Residual score"] == "residual_score"
    assert by_heading["Residual band"] == "residual_rating"
    assert by_heading["Next review"] == "next_review_due"
    assert by_heading["Status"] == ""
    assert by_heading["Review overdue"] == ""


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("Risk No.", "reference"),
        ("Risk Owner", "owner"),
        ("Gross Likelihood", "inherent_likelihood"),
        ("Gross Impact", "inherent_impact"),
        ("Net Impact", "residual_impact"),
        ("Current risk score", "residual_score"),
        ("Impact score", "residual_impact"),
        ("Impact", "impact"),
        ("Mitigations", "controls"),
        ("Treatment", "response"),
        ("Next review date", "next_review_due"),
        ("Cause", "event"),
        ("Inherent Risk Rating", "inherent_rating"),
        ("Target likelihood", "target_likelihood"),
        ("Further actions", "actions"),
        ("Colour of the folder", ""),
    ],
)
def test_common_headings(heading, target):
    assert target_for_heading(heading) == target


def test_header_row_without_recognised_headings_is_the_first_non_blank_row():
    assert find_header_row([[], [None, "x"], ["a", "b"]]) == 1


def test_controls_split_on_bullets_and_lines():
    assert split_items("- One\n- Two, which\ngoes on\n• Three") == [
        "One",
        "Two, which\ngoes on",
        "Three",
    ]
    assert split_items("First\n\nSecond") == ["First", "Second"]
    assert split_items(None) == []


def test_lines_indented_past_the_bullets_stay_with_their_item():
    # A list indented as a whole is still one item a bullet; a nested bullet is part of its
    # item, keeping its indentation past the two places.
    assert split_items("  - A\n  - B\n    - part of B\n      deeper\n  - C") == [
        "A",
        "B\n- part of B\n  deeper",
        "C",
    ]
    assert split_items("- A\n\n- B") == ["A", "B"]


@pytest.mark.parametrize(
    "items",
    [
        ["One"],
        ["Checks:\n- monthly audit\n- annual review", "1. First line\n2. Second line"],
        ["Paragraph one\n\nParagraph two\n   indented", "• Looks like a bullet"],
    ],
)
def test_the_full_exports_bullets_read_back_as_the_same_items(items):
    assert split_items(bullets(items)) == items


# Planning


def test_police_sheet_plans_not_scored_with_the_rating_kept(org):
    plan = plan_for(org.corporate, police_rows())
    assert plan.ok, messages(plan)
    assert plan.creates == 2 and plan.updates == 0
    first = plan.rows[0]
    assert first.row_number == 4
    assert first.reference == "CRR18"
    assert first.fields["imported_rating"] == "Critical"
    assert first.fields["imported_trend"] == "Q1: N/A; Q2: New; Q3: →"
    assert "residual_likelihood" not in first.fields
    assert first.not_scored_text == "not scored (Critical)"
    assert first.controls == [
        "Contingency funding for extra courses",
        "Scrutiny of non-attendance,\nso classrooms are full",
        "Task & Finish group",
    ]
    assert first.fields["consequence"] == ""  # left empty and flagged, never filled in
    assert first.fields["category"] == PolicyCategory.STRATEGIC
    assert {w.column for w in first.warnings} == {"Consequence", "Category"}


def test_missing_title_is_a_problem(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(title="")])
    assert messages(plan) == [(2, "Title", "No title: every risk needs one.")]


def test_no_title_column_is_a_problem(org):
    plan = plan_for(org.corporate, [["Reference", "Owner"], ["CRR-90", ""]])
    assert (1, "Title", "No column is mapped to Title: every risk needs one.") in messages(plan)
    assert not plan.ok


def test_score_out_of_range_is_a_problem(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Residual impact": 7})])
    assert messages(plan) == [
        (2, "Residual impact", "A score of 7: scores run from 1 to 5."),
    ]


def test_score_that_is_a_word_is_a_problem(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Inherent likelihood": "Hi"})])
    assert (2, "Inherent likelihood", "“Hi” is not a score from 1 to 5.") in messages(plan)


def test_likelihood_without_impact_is_a_problem(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Residual impact": None})])
    assert messages(plan) == [
        (2, "Residual impact", "The residual likelihood is given without the impact.")
    ]


def test_score_that_disagrees_with_likelihood_times_impact_is_a_problem(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Residual score": 9})])
    assert messages(plan) == [
        (
            2,
            "Residual score",
            "The residual score 9 is not likelihood × impact (3 × 2 = 6).",
        )
    ]
    agreeing = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{"Residual score": 6})])
    assert agreeing.ok


def test_lone_score_is_kept_as_text_not_scored(org):
    plan = plan_for(
        org.corporate,
        [["Ref", "Title", "Score"], ["CRR-90", "Lone score", 16], ["CRR-91", "Too big", 30]],
    )
    assert "residual_likelihood" not in plan.rows[0].fields
    assert plan.rows[0].fields["imported_rating"] == "Score 16"
    assert messages(plan) == [(3, "Score", "A score of 30: scores run from 1 to 25.")]


def test_inherent_and_residual_rating_words_both_kept(org):
    plan = plan_for(
        org.corporate,
        [
            ["Ref", "Title", "Inherent rating", "Residual rating"],
            ["CRR-90", "Words", "Red", "Amber"],
        ],
    )
    assert plan.ok
    assert plan.rows[0].fields["imported_rating"] == "Inherent: Red; Amber"


def test_duplicate_reference_in_the_file_is_a_problem_on_both_rows(org):
    plan = plan_for(
        org.corporate, [SCORED_HEADINGS, scored_row("CRR-90"), scored_row("crr-90", "Again")]
    )
    assert messages(plan) == [
        (2, "Reference", "CRR-90 is on more than one row (2, 3)."),
        (3, "Reference", "CRR-90 is on more than one row (2, 3)."),
    ]


TAKEN = "is taken: references are unique, so give this row another one, or leave it blank"


def taken_on(register, reference):
    return risk_create(
        register=register,
        by=register.owner,
        reference=reference,
        title="Care",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
    )


def test_reference_on_another_register_is_a_problem_naming_it_to_who_may_see_it(org):
    taken_on(org.service_register, "AC-01")
    plan = plan_for(
        org.corporate, [SCORED_HEADINGS, scored_row("AC-01")], importer=org.people["chief"]
    )
    assert messages(plan) == [
        (2, "Reference", "AC-01 is already a risk on another register (Adult Care service).")
    ]


def test_reference_on_a_register_the_importer_may_not_see_is_only_said_to_be_taken(org):
    taken_on(org.other_service_register, "HW-01")
    plan = plan_for(
        org.service_register, [SCORED_HEADINGS, scored_row("HW-01")], importer=org.people["head"]
    )
    assert messages(plan) == [(2, "Reference", f"HW-01 {TAKEN} for the next free one.")]
    assert "Highways" not in str(plan.problems)


def test_a_reference_another_organisation_uses_is_free_here(org):
    # References are unique per organisation: two bodies on one server may both use OTH-01,
    # and an import learns nothing of the other's registers.
    elsewhere = OrganisationFactory(name="Otherford Council", slug="otherford")
    confidential = RegisterFactory(
        organisation=elsewhere, name="Confidential Corporate Register", prefix="OTH"
    )
    theirs = taken_on(confidential, "OTH-01")
    superuser = UserFactory(username="root", is_superuser=True)
    for importer in (org.people["insurance"], superuser, None):
        plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row("oth-01")], importer=importer)
        assert plan.ok, messages(plan)
        assert (plan.creates, plan.rows[0].risk) == (1, None)
    apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    ours = Risk.objects.get(reference="OTH-01", organisation=org.organisation)
    assert ours.register == org.corporate and ours.pk != theirs.pk


def test_reference_on_this_register_updates(org):
    risk = risk_create(
        register=org.corporate,
        by=org.people["chief"],
        reference="CRR-90",
        title="Old title",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
    )
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row("crr-90")])
    assert plan.ok
    assert (plan.creates, plan.updates) == (0, 1)
    assert plan.rows[0].risk == risk
    assert "event" not in plan.rows[0].fields  # an update sets only what the sheet gives


def test_closed_risk_reference_is_a_problem(org):
    risk = risk_create(
        register=org.corporate,
        by=org.people["chief"],
        reference="CRR-90",
        title="Old",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
    )
    risk_close(risk=risk, by=org.people["chief"], reason="Gone")
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row("CRR-90")])
    assert messages(plan) == [(2, "Reference", "CRR-90 is closed and can no longer be changed.")]


@pytest.mark.parametrize(
    ("column", "value", "problem_column", "message"),
    [
        ("Category", "Weather", "Category", "“Weather” is not a category"),
        ("Response", "Ignore", "Response", "“Ignore” is not a response"),
        ("Next review", "31/02/2026", "Next review", "“31/02/2026” is not a date"),
        ("Response", "Tolerate", "Response rationale", "Tolerated without a reason"),
        ("Title", "x" * 201, "Title", "Longer than 200 characters (201)."),
    ],
)
def test_bad_values_are_problems(org, column, value, problem_column, message):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(**{column: value})])
    assert len(plan.problems) == 1
    assert plan.problems[0].row == 2
    assert plan.problems[0].column == problem_column
    assert plan.problems[0].message.startswith(message)


@pytest.mark.parametrize(
    ("heading", "limit"),
    [
        ("Description", 5000),
        ("Consequence", 5000),
        ("Impact", 5000),
        ("Response rationale", 5000),
        ("Controls", 10000),
        ("Planned actions", 10000),
    ],
)
def test_long_text_is_limited_field_by_field(org, heading, limit):
    assert plan_for(org.corporate, [["Title", heading], ["Flood", "x" * limit]]).ok
    plan = plan_for(org.corporate, [["Title", heading], ["Flood", "x" * (limit + 1)]])
    assert messages(plan) == [(2, heading, f"Longer than {limit:,} characters ({limit + 1:,}).")]


def test_words_and_dates_are_matched(org):
    plan = plan_for(
        org.corporate,
        [
            SCORED_HEADINGS,
            scored_row(
                "CRR-90",
                **{
                    "Category": "legal & regulatory",
                    "Response": "tolerate",
                    "Response rationale": "Cheaper to bear",
                    "Next review": "03/04/2027",
                },
            ),
            scored_row("CRR-91", **{"Next review": "2027-04-05", "Category": "Customers/citizens"}),
            scored_row("CRR-92", **{"Next review": date(2027, 4, 6)}),
        ],
    )
    assert plan.ok, messages(plan)
    first, second, third = (row.fields for row in plan.rows)
    assert first["category"] == PolicyCategory.LEGAL_REGULATORY
    assert first["response"] == Response.TOLERATE
    assert first["next_review_due"] == date(2027, 4, 3)
    assert second["next_review_due"] == date(2027, 4, 5)
    assert second["category"] == PolicyCategory.CUSTOMERS_CITIZENS
    assert third["next_review_due"] == date(2027, 4, 6)


def test_owner_matched_by_full_name_username_or_email(org):
    owner = person(org.organisation, "jbloggs")
    owner.first_name, owner.last_name, owner.email = "Joe", "Bloggs", "joe@example.org"
    owner.save()
    rows = [SCORED_HEADINGS]
    for n, name in enumerate(["joe bloggs", "JBLOGGS", "Joe@Example.org"]):
        rows.append(scored_row(f"CRR-9{n}", **{"Owner": name}))
    plan = plan_for(org.corporate, rows)
    assert plan.ok, messages(plan)
    assert [row.fields["owner"] for row in plan.rows] == [owner, owner, owner]


def test_unmatched_owner_is_kept_as_written_until_chosen(org):
    rows = [
        SCORED_HEADINGS,
        scored_row("CRR-90", **{"Owner": "ACC Operations"}),
        scored_row("CRR-91", **{"Owner": "ACC Operations"}),
        scored_row("CRR-92", **{"Owner": "Head of L&D"}),
    ]
    plan = plan_for(org.corporate, rows)
    assert plan.unmatched_owners == ["ACC Operations", "Head of L&D"]
    assert plan.ok  # a team or a job title never stops the import
    assert [row.fields["owner_as_written"] for row in plan.rows] == [
        "ACC Operations",
        "ACC Operations",
        "Head of L&D",
    ]
    assert [w.column for w in plan.warnings if "owner as written" in w.message] == ["Owner"] * 3

    director = org.people["director"]
    chosen = plan_for(org.corporate, rows, {"ACC Operations": director.pk, "Head of L&D": None})
    assert chosen.ok, messages(chosen)
    assert chosen.unmatched_owners == ["ACC Operations", "Head of L&D"]
    assert [row.fields["owner"] for row in chosen.rows] == [director, director, None]
    assert {row.fields["owner_as_written"] for row in chosen.rows} == {""}


def test_owner_choice_outside_the_organisation_is_a_problem(org):
    stranger = UserFactory(username="stranger")
    rows = [SCORED_HEADINGS, scored_row(**{"Owner": "ACC Operations"})]
    plan = plan_for(org.corporate, rows, {"ACC Operations": stranger.pk})
    assert [p.message for p in plan.problems] == [
        "The person chosen for “ACC Operations” cannot own it."
    ]


def test_two_columns_mapped_to_one_target_is_a_problem(org):
    table = read_table(data=xlsx_bytes([["Ref", "Title", "Name"], ["A", "B", "C"]]), filename="x")
    plan = build_plan(
        register=org.corporate,
        table=table,
        header_row=0,
        mapping={0: "reference", 1: "title", 2: "title"},
    )
    assert (1, "Name", "Two columns are mapped to Title; choose one.") in messages(plan)


# Applying


def test_apply_creates_risks_with_controls_and_history(org):
    chief = org.people["chief"]
    plan = plan_for(org.corporate, police_rows())
    result = apply_plan(plan=plan, register=org.corporate, by=chief, filename="police.xlsx")
    assert (result.created, result.updated) == (2, 0)
    risk = Risk.objects.get(reference="CRR18")
    assert risk.register == org.corporate
    assert risk.residual_likelihood is None and risk.inherent_likelihood is None
    assert risk.imported_rating == "Critical"
    assert risk.imported_trend == "Q1: N/A; Q2: New; Q3: →"
    assert list(
        risk.actions.filter(kind=ActionKind.CONTROL).values_list("description", flat=True)
    ) == [
        "Contingency funding for extra courses",
        "Scrutiny of non-attendance,\nso classrooms are full",
        "Task & Finish group",
    ]
    created = risk.history.get()
    assert created.history_user == chief
    assert created.history_change_reason.startswith("Imported from police.xlsx by ")
    warning = next(
        w
        for w in risk_warnings(
            risk=risk,
            bands=scheme_bands(scheme_id=org.organisation.scheme_id),
            owner_seniority=None,
            actions=[],
            today=date(2026, 11, 21),
        )
        if w.code == "not_scored"
    )
    assert "The imported sheet rated it “Critical”" in warning.message


def test_apply_refuses_a_plan_with_problems(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(title="")])
    with pytest.raises(ValidationError) as raised:
        apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    assert raised.value.code == "plan_has_problems"
    assert not Risk.objects.filter(reference="CRR-90").exists()


def test_apply_is_all_or_nothing(org, monkeypatch):
    plan = plan_for(org.corporate, police_rows())
    calls = []

    def failing_action_create(**kwargs):
        calls.append(kwargs)
        if len(calls) == 4:  # the first control of the second risk
            raise ValidationError("disk full", code="boom")
        return action_create(**kwargs)

    monkeypatch.setattr(apply_module, "action_create", failing_action_create)
    with pytest.raises(ValidationError):
        apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    assert len(calls) == 4
    assert not Risk.objects.filter(register=org.corporate).exists()
    assert not Action.objects.exists()


def test_reimport_updates_and_never_duplicates(org):
    chief = org.people["chief"]
    data = xlsx_bytes(police_rows())
    for _ in range(2):
        table = read_table(data=data, filename="police.xlsx")
        header = find_header_row(table.rows)
        plan = build_plan(
            register=org.corporate,
            table=table,
            header_row=header,
            mapping=guess_mapping(table.rows[header]),
        )
        result = apply_plan(plan=plan, register=org.corporate, by=chief)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert Risk.objects.filter(register=org.corporate).count() == 2
    assert Action.objects.filter(risk__reference="CRR18").count() == 3
    assert Risk.objects.get(reference="CRR18").history.count() == 1


def test_reimport_changes_fields_and_adds_only_new_controls(org):
    chief = org.people["chief"]
    apply_plan(plan=plan_for(org.corporate, police_rows()), register=org.corporate, by=chief)
    rows = police_rows()
    rows[3][1] = "Core skills training"
    rows[3][4] += "\n- A new control"
    rows[3][8] = "High"
    plan = plan_for(org.corporate, rows)
    assert (plan.creates, plan.updates) == (0, 2)
    result = apply_plan(plan=plan, register=org.corporate, by=chief, filename="q2.xlsx")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    risk = Risk.objects.get(reference="CRR18")
    assert risk.title == "Core skills training"
    assert risk.imported_rating == "High"
    assert risk.consequence == ""  # untouched by the update
    assert risk.actions.count() == 4
    assert risk.version == 2
    assert risk.history.first().history_change_reason.startswith("Imported from q2.xlsx")


def test_scores_from_the_sheet_are_stored(org):
    plan = plan_for(
        org.corporate,
        [SCORED_HEADINGS, scored_row(**{"Controls": "Sandbags\nPumps", "Residual score": 6})],
    )
    apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    risk = Risk.objects.get(reference="CRR-90")
    assert (risk.inherent_score, risk.residual_score) == (16, 6)
    assert risk.imported_rating == ""
    assert risk.category == PolicyCategory.FINANCE
    assert risk.response == Response.TREAT
    assert risk.actions.count() == 2


def test_rows_without_a_reference_get_generated_ones(org):
    plan = plan_for(org.corporate, [SCORED_HEADINGS, scored_row(""), scored_row("", "Second")])
    assert plan.ok
    apply_plan(plan=plan, register=org.corporate, by=org.people["chief"])
    assert sorted(
        Risk.objects.filter(register=org.corporate).values_list("reference", flat=True)
    ) == [
        "CRR-01",
        "CRR-02",
    ]


# Round trip through the full export


def test_round_trip_through_the_full_export(org):
    head = org.people["head"]
    officer = org.people["officer"]
    source, target = org.service_register, org.project_register
    first = risk_create(
        register=source,
        by=head,
        reference="AC-01",
        title="Care home closure",
        event="A provider fails",
        consequence="Residents move\nat short notice",
        impact="Harm and cost",
        category=PolicyCategory.PARTNERSHIPS,
        owner=officer,
        inherent_likelihood=4,
        inherent_impact=5,
        residual_likelihood=2,
        residual_impact=5,
        target_likelihood=1,
        target_impact=5,
        response=Response.TOLERATE,
        response_rationale="No alternative provider",
        horizon=Horizon.LONG,  # not the default: the export carries it and the import reads it
        next_review_due=date(2027, 1, 31),
        exposure_low=250_000,
        exposure_high=1_000_000,
        financial_link="mtfs",
        financial_link_detail="Care fees rise by 3% a year",
    )
    for text in ("Market oversight", "=Contingency plan", "Weekly checks:\n- visits\n- calls"):
        action_create(risk=first, by=head, kind=ActionKind.CONTROL, description=text)
    action_create(risk=first, by=head, kind=ActionKind.ACTION, description="Second provider")
    risk_create(
        register=source,
        by=head,
        reference="AC-02",
        title="Imported, not scored",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
        imported_rating="Critical",
        imported_trend="Worsening",
        owner_as_written="CMT",  # a team, kept as written, goes out and comes back so
        exposure_low=5_000,
        exposure_high=5_000,
        financial_link="budget",
        financial_link_detail="Agency staff",
    )

    workbook = load_workbook(io.BytesIO(register_workbook(register=source)))
    sheet = workbook.active
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        cell.value = re.sub(r"^AC-", "PRJ-CH-", cell.value)
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read_table(data=buffer.getvalue(), filename="export-full.xlsx")
    header = find_header_row(table.rows)
    mapping = guess_mapping(table.rows[header])
    assert "" not in mapping.values()  # every heading of the full export is recognised
    plan = build_plan(register=target, table=table, header_row=header, mapping=mapping)
    assert plan.ok, messages(plan)
    result = apply_plan(plan=plan, register=target, by=head)
    assert (result.created, result.updated) == (2, 0)

    compared = [
        field.name
        for field in Risk._meta.concrete_fields
        if field.name not in {"id", "register", "reference", "created_at", "updated_at", "version"}
    ]
    for original in Risk.objects.filter(register=source):
        copy = Risk.objects.get(reference=original.reference.replace("AC-", "PRJ-CH-"))
        for name in compared:
            assert getattr(copy, name) == getattr(original, name), name
        for kind in ActionKind.values:
            assert list(
                copy.actions.filter(kind=kind).order_by("pk").values_list("description", flat=True)
            ) == list(
                original.actions.filter(kind=kind)
                .order_by("pk")
                .values_list("description", flat=True)
            )


# The risk page


def test_risk_page_shows_the_imported_rating_and_trend(org, client):
    risk = risk_create(
        register=org.corporate,
        by=org.people["chief"],
        title="Imported",
        event="e",
        consequence="c",
        impact="i",
        category=PolicyCategory.PEOPLE,
        imported_rating="Critical",
        imported_trend="New",
    )
    client.force_login(org.people["chief"])
    page = client.get(reverse("web:risk-detail", args=[risk.pk])).content.decode()
    assert "Rating in the imported sheet" in page and "Critical" in page
    assert "Trend in the imported sheet" in page


# The command


def test_command_dry_run_changes_nothing(org, tmp_path):
    path = tmp_path / "police.xlsx"
    path.write_bytes(xlsx_bytes(police_rows()))
    out = io.StringIO()
    call_command("import_register", str(path), "--register", "crr", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "row 4: create CRR18 Core Skills Resilience & Training [not scored (Critical)]" in text
    assert "2 to create, 0 to update." in text
    assert "Dry run: nothing changed." in text
    assert not Risk.objects.exists()


def test_command_applies_as_the_named_user(org, tmp_path):
    path = tmp_path / "police.xlsx"
    path.write_bytes(xlsx_bytes(police_rows()))
    out = io.StringIO()
    call_command("import_register", str(path), "--register", "CRR", "--as", "insurance", stdout=out)
    assert "Imported: 2 created, 0 updated." in out.getvalue()
    assert Risk.objects.get(reference="CRR20").history.get().history_user == org.people["insurance"]


def test_command_with_problems_exits_1_and_changes_nothing(org, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([SCORED_HEADINGS, scored_row(**{"Residual impact": 7})]))
    with pytest.raises(CommandError) as raised:
        call_command("import_register", str(path), "--register", "CRR", stdout=io.StringIO())
    assert raised.value.returncode == 1
    assert "row 2, Residual impact: A score of 7" in str(raised.value)
    assert not Risk.objects.exists()


def test_command_refuses_a_file_that_is_not_a_spreadsheet(org, tmp_path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(CommandError, match="not an Excel workbook"):
        call_command("import_register", str(path), "--register", "CRR", stdout=io.StringIO())
