"""Registers laid out as their owners laid them out: grouped headings over sub-headings, other
scales, words for scores, abbreviations, trends per quarter, owners who are teams, categories
of their own; through the plan and through ``import_register`` (with and without a mapping
file)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from registers.imports.mapfile import MappingFileError, mapping_document, read_mapping_document
from registers.imports.mapping import find_header_row, guess_mapping, sheet_headings
from registers.imports.plan import build_plan
from registers.imports.proposals import propose_value_maps
from registers.imports.reader import read_table
from registers.imports.valuemaps import ValueMap, propose_score_map, scale_level, scale_rule
from registers.models import ActionKind, ImportUpload, Risk, RiskCategory
from tests.registers.test_import_views import (
    confirm_url,
    mapping_data,
    mapping_url,
    preview_url,
    upload_file,
)

pytestmark = pytest.mark.django_db


def xlsx_bytes(rows, merges=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


# A district council's corporate register: title rows, then "Risk if no action" and "Current
# risk" each over Impact / Likelihood / Score (impact first), owners written as teams.
DISTRICT = [
    ["Example District Council"],
    ["Corporate Risk Register 2026/27"],
    [],
    [
        "Ref",
        "Risk and effects",
        "Risk if no action",
        None,
        None,
        "Mitigation",
        "Current risk",
        None,
        None,
        "Risk owner",
        "Actions",
        "Comments",
    ],
    [None, None, "Impact", "Likelihood", "Score", None, "Impact", "Likelihood", "Score"],
    [
        "CR01",
        "Risk:- Failure to deliver the Local Plan. Delays at examination. "
        "Effects:- Speculative development; loss of appeals.",
        4,
        4,
        16,
        "- Project board\n- Monthly monitoring",
        3,
        2,
        6,
        "CMT",
        "Recruit a planning policy officer",
        "Reviewed in March",
    ],
    [
        "CR02",
        "Risk:- Cyber attack. Effects:- Loss of systems.",
        5,
        3,
        15,
        "Firewalls",
        4,
        2,
        8,
        "Head of ICT / Head of Finance",
        "- Backup testing\n- Phishing training",
        None,
    ],
]
DISTRICT_MERGES = ("A4:A5", "B4:B5", "C4:E4", "F4:F5", "G4:I4", "J4:J5", "K4:K5", "L4:L5")


def plan_for(org, data: bytes, filename: str, **extra):
    table = read_table(data=data, filename=filename)
    header_row = find_header_row(table.rows)
    headings, _depth = sheet_headings(table.rows, header_row)
    mapping = guess_mapping(headings)
    value_maps = propose_value_maps(table=table, header_row=header_row, mapping=mapping)
    return build_plan(
        register=org.corporate,
        table=table,
        header_row=header_row,
        mapping=mapping,
        value_maps=value_maps,
        **extra,
    )


def run_command(path, *args):
    out = io.StringIO()
    call_command("import_register", str(path), "--register", "CRR", *args, stdout=out)
    return out.getvalue()


# Headings


def test_grouped_headings_are_read_as_one_heading_each():
    table = read_table(data=xlsx_bytes(DISTRICT, DISTRICT_MERGES), filename="district.xlsx")
    header_row = find_header_row(table.rows)
    headings, depth = sheet_headings(table.rows, header_row)
    assert (header_row, depth) == (3, 2)
    assert headings[2:5] == [
        "Risk if no action / Impact",
        "Risk if no action / Likelihood",
        "Risk if no action / Score",
    ]
    assert headings[5] == "Mitigation"
    mapping = guess_mapping(headings)
    assert [mapping[index] for index in range(10)] == [
        "reference",
        "event",
        "inherent_impact",
        "inherent_likelihood",
        "inherent_score",
        "controls",
        "residual_impact",
        "residual_likelihood",
        "residual_score",
        "owner",
    ]
    assert mapping[10] == "actions"


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("L", "residual_likelihood"),
        ("I", "residual_impact"),
        ("LxI", "residual_score"),
        ("L x I", "residual_score"),
        ("Prob", "residual_likelihood"),
        ("Sev", "residual_impact"),
        ("RAG", "residual_rating"),
        ("Current Score", "residual_score"),
        ("Inherent L", "inherent_likelihood"),
        ("Target I", "target_impact"),
        ("Likelihood (1-10)", "residual_likelihood"),
        ("Impact (1-10)", "residual_impact"),
        ("Target / Likelihood", "target_likelihood"),
        ("Current risk / L x I", "residual_score"),
        ("Risk and effects", "event"),
    ],
)
def test_abbreviations_and_grouped_headings_map(heading, target):
    assert guess_mapping([heading]) == {0: target}


def test_every_trend_column_is_kept():
    mapping = guess_mapping(["Ref", "Risk", "Q1 Trending", "Q2 Trending", "Q3 Trending"])
    assert [mapping[index] for index in (2, 3, 4)] == ["trend", "trend", "trend"]


# Value maps


def test_a_ten_point_scale_is_mapped_by_a_stated_rule():
    value_map = propose_score_map(
        target="inherent_likelihood",
        heading="Likelihood (1-10)",
        values=["1.667", "3.333", "5", "6.667", "8.333", "10"],
    )
    assert value_map.rule == "1–10 → 1–5: ⌈x / 2⌉"
    assert value_map.values == {
        "1.667": 1,
        "3.333": 2,
        "5": 3,
        "6.667": 4,
        "8.333": 5,
        "10": 5,
    }
    assert value_map.level("7") == 4  # a value not seen when proposed, by the rule


@pytest.mark.parametrize(
    ("scale", "levels"),
    [(3, [1, 3, 5]), (4, [1, 2, 4, 5]), (6, [1, 2, 3, 4, 5, 5]), (10, [1, 1, 2, 2, 3])],
)
def test_scales_of_other_sizes(scale, levels):
    assert [scale_level(step, scale) for step in range(1, len(levels) + 1)] == levels
    assert scale_rule(scale).startswith(f"1–{scale} → 1–5")


def test_whole_numbers_without_another_scale_need_no_map_so_7_is_refused():
    assert propose_score_map(target="residual_likelihood", heading="L", values=["1", "7"]) is None


@pytest.mark.parametrize(
    ("target", "values", "expected"),
    [
        (
            "residual_likelihood",
            ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
            [1, 2, 3, 4, 5],
        ),
        ("residual_impact", ["Minor", "Serious", "Major"], [2, 3, 4]),
        ("residual_impact", ["Negligible", "Moderate", "Critical", "Catastrophic"], [1, 3, 5, 5]),
        ("inherent_impact", ["Low", "Med", "Medium", "High", "Very high"], [2, 3, 3, 4, 5]),
    ],
)
def test_word_scales(target, values, expected):
    value_map = propose_score_map(target=target, heading="", values=values)
    assert list(value_map.values.values()) == expected
    assert value_map.rule == "words → 1–5"


def test_an_unknown_word_is_proposed_with_no_level():
    value_map = propose_score_map(target="residual_impact", heading="", values=["Minor", "Huge"])
    assert value_map.values == {"Minor": 2, "Huge": None}


def test_a_value_map_survives_its_json():
    value_map = ValueMap(target="residual_impact", rule="r", values={"Minor": 2}, scale=10)
    assert ValueMap.from_json(json.loads(json.dumps(value_map.as_json()))) == value_map


# The district council's register, planned


def test_the_district_register_imports_with_every_score_control_and_action(org):
    plan = plan_for(org, xlsx_bytes(DISTRICT, DISTRICT_MERGES), "district.xlsx")
    assert plan.ok, plan.problems
    assert [row.row_number for row in plan.rows] == [6, 7]  # no heading row as a risk
    first, second = plan.rows
    assert first.fields["title"] == "Failure to deliver the Local Plan"
    assert first.fields["event"].startswith("Failure to deliver the Local Plan. Delays")
    assert first.fields["consequence"] == "Speculative development; loss of appeals."
    assert (first.fields["inherent_likelihood"], first.fields["inherent_impact"]) == (4, 4)
    assert (first.fields["residual_likelihood"], first.fields["residual_impact"]) == (2, 3)
    assert first.controls == ["Project board", "Monthly monitoring"]
    assert second.actions == ["Backup testing", "Phishing training"]
    assert first.fields["owner"] is None and first.fields["owner_as_written"] == "CMT"
    assert second.fields["owner_as_written"] == "Head of ICT / Head of Finance"
    assert plan.unmatched_owners == ["CMT", "Head of ICT / Head of Finance"]
    assert first.fields["impact"] == ""
    assert any("left empty, flagged as missing" in w.message for w in first.warnings)
    assert any("Title taken from the description" in w.message for w in first.warnings)


def test_an_owner_mapped_to_a_person_owns_the_risk(org):
    head = org.people["head"]
    plan = plan_for(
        org, xlsx_bytes(DISTRICT, DISTRICT_MERGES), "district.xlsx", owner_choices={"CMT": head.pk}
    )
    assert plan.rows[0].fields["owner"] == head
    assert plan.rows[0].fields["owner_as_written"] == ""


# A project register on 1-10 scales with categories of its own


PROJECT = [
    ["Risk No", "Description", "Category", "Owner", "Likelihood (1-10)", "Impact (1-10)"],
    [
        "P1",
        "Ground conditions worse than surveyed. Costs rise.",
        "Surveys",
        "Project Manager",
        1.667,
        10,
    ],
    ["P2", "Design changes late.", "Design", "Project Manager", 6.667, 3.333],
]


def test_the_project_register_maps_its_scales_and_categories(org):
    plan = plan_for(org, xlsx_bytes(PROJECT), "project.xlsx")
    assert plan.ok, plan.problems
    first, second = plan.rows
    assert (first.fields["residual_likelihood"], first.fields["residual_impact"]) == (1, 5)
    assert (second.fields["residual_likelihood"], second.fields["residual_impact"]) == (4, 2)
    # The sheet's own categories are proposed as new ones, added when the import is confirmed.
    assert (first.fields["category"], second.fields["category"]) == ("surveys", "design")
    assert plan.new_categories == {"Surveys": "surveys", "Design": "design"}
    rules = {heading: value_map.rule for heading, value_map in plan.value_maps}
    assert rules["Likelihood (1-10)"] == "1–10 → 1–5: ⌈x / 2⌉"
    assert rules["Category"] == "categories of the sheet's own → ours, or added as new ones"


# Words for scores, L/I abbreviations, trends


WORDS = [
    ["Description", "Likelihood", "Impact", "Priority"],
    ["Contractor goes into administration. Work stops.", "Possible", "Major", "High"],
    ["Planning consent delayed.", "Unlikely", "Minor", "Low"],
]


def test_words_for_scores_import(org):
    plan = plan_for(org, csv_bytes(WORDS), "words.csv")
    assert plan.ok, plan.problems
    assert plan.rows[0].fields["residual_likelihood"] == 3
    assert plan.rows[0].fields["residual_impact"] == 4
    assert plan.rows[0].fields["title"] == "Contractor goes into administration"


ABBREVIATED = [
    ["Ref", "Risk", "L", "I", "Current Score", "Target L", "Target I", "Target Score"],
    ["A1", "Data breach", "4", "3", "12", "2", "2", "4"],
    ["A2", "Flooding", "7", "2", "14", "", "", ""],
]


def test_a_likelihood_of_7_in_a_1_to_5_column_is_refused_naming_row_and_column(org, tmp_path):
    plan = plan_for(org, csv_bytes(ABBREVIATED), "abbreviated.csv")
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (3, "L", "A score of 7: scores run from 1 to 5.")
    ]
    path = tmp_path / "abbreviated.csv"
    path.write_bytes(csv_bytes(ABBREVIATED))
    with pytest.raises(CommandError) as raised:
        run_command(path)
    assert "row 3, L: A score of 7" in str(raised.value)
    assert not Risk.objects.exists()


POLICE = [
    ["Ref", "Risk", "Q1 Trending", "Q2 Trending", "Q3 Trending", "Risk Rating"],
    ["CRR18", "Core skills", "New", "↑", "→", "Critical"],
]


def test_trends_per_quarter_are_kept_together(org):
    plan = plan_for(org, csv_bytes(POLICE), "police.csv")
    assert plan.ok, plan.problems
    assert plan.rows[0].fields["imported_trend"] == "Q1: New; Q2: ↑; Q3: →"


# Through the command


def test_the_command_imports_the_district_register_as_proposed(org, tmp_path):
    path = tmp_path / "district.xlsx"
    path.write_bytes(xlsx_bytes(DISTRICT, DISTRICT_MERGES))
    out = run_command(path)
    assert "Imported: 2 created, 0 updated." in out
    assert "Risk if no action / Likelihood -> Inherent likelihood" in out
    risk = Risk.objects.get(reference="CR01")
    assert (risk.inherent_score, risk.residual_score) == (16, 6)
    assert risk.owner is None and risk.owner_as_written == "CMT"
    assert risk.actions.filter(kind=ActionKind.CONTROL).count() == 2
    assert risk.impact == ""


def test_the_command_states_the_value_maps_and_takes_a_mapping_file(org, tmp_path):
    path = tmp_path / "project.xlsx"
    path.write_bytes(xlsx_bytes(PROJECT))
    out = run_command(path, "--dry-run")
    assert "values of Likelihood (1-10): 1–10 → 1–5: ⌈x / 2⌉" in out
    mapping_file = tmp_path / "mapping.json"
    document = {
        "header_row": 1,
        "columns": {
            "A": "reference",
            "B": "event",
            "C": "category",
            "D": "owner",
            "E": "residual_likelihood",
            "F": "residual_impact",
        },
        "value_maps": {
            "C": {
                "target": "category",
                "rule": "ours",
                "values": {"Surveys": "environmental", "Design": "partnerships"},
            },
            "E": {"target": "residual_likelihood", "rule": "r", "scale": 10, "values": {}},
            "F": {"target": "residual_impact", "rule": "r", "scale": 10, "values": {}},
        },
        "owners": {"Project Manager": "head"},
    }
    mapping_file.write_text(json.dumps(document), encoding="utf-8")
    run_command(path, "--mapping", str(mapping_file))
    first = Risk.objects.get(reference="P1")
    assert first.category == "environmental"
    assert first.owner == org.people["head"]
    assert (first.residual_likelihood, first.residual_impact) == (1, 5)
    assert Risk.objects.get(reference="P2").category == "partnerships"


def test_a_mapping_file_round_trips(org):
    document = mapping_document(
        header_row=4,
        mapping={0: "reference", 2: "inherent_impact"},
        value_maps={2: ValueMap(target="inherent_impact", rule="r", values={"Minor": 2})},
        owners={"CMT": None, "Head of ICT": org.people["head"].pk},
        usernames={org.people["head"].pk: "head"},
    )
    assert document["columns"] == {"A": "reference", "C": "inherent_impact"}
    header_row, columns, value_maps, owners = read_mapping_document(
        json.loads(json.dumps(document)), people={"head": org.people["head"].pk}
    )
    assert (header_row, columns) == (4, {0: "reference", 2: "inherent_impact"})
    assert value_maps[2].values == {"Minor": 2}
    assert owners == {"CMT": None, "Head of ICT": org.people["head"].pk}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "one JSON object"),
        ({"columns": {"A": "nonsense"}}, "not something to import as"),
        ({"columns": {"1": "title"}}, "not a column letter"),
        ({"owners": {"CMT": "nobody"}}, "nobody here has the username nobody"),
        ({"value_maps": {"A": {"scale": 0}}}, "“scale” must be"),
    ],
)
def test_a_bad_mapping_file_is_refused_saying_why(document, message):
    with pytest.raises(MappingFileError, match=message):
        read_mapping_document(document, people={})


def test_sub_headings_may_name_their_scale():
    rows = [
        ["Risk No", "Description", "Current risk", None],
        [None, None, "Likelihood (1-10)", "Impact (1-10)"],
        ["P1", "Ground conditions", 1.667, 10],
    ]
    headings, depth = sheet_headings(rows, 0)
    assert depth == 2
    assert headings[2:] == ["Current risk / Likelihood (1-10)", "Current risk / Impact (1-10)"]
    assert guess_mapping(headings) == {
        0: "reference",
        1: "event",
        2: "residual_likelihood",
        3: "residual_impact",
    }


def test_a_data_row_under_the_headings_is_not_taken_for_sub_headings():
    rows = [["Ref", "Risk", "L", "I"], ["A1", "Flooding", "4", "3"]]
    assert sheet_headings(rows, 0) == (["Ref", "Risk", "L", "I"], 1)


# Every shape, as a new user would bring it: through the pages with the proposed mapping, and
# through the command.

SHAPES = {
    "district.xlsx": (lambda: xlsx_bytes(DISTRICT, DISTRICT_MERGES), {"CR01": (16, 6)}),
    "project.xlsx": (lambda: xlsx_bytes(PROJECT), {"P1": (None, 5), "P2": (None, 8)}),
    "words.csv": (lambda: csv_bytes(WORDS), {}),
    "abbreviated.csv": (lambda: csv_bytes([ABBREVIATED[0], ABBREVIATED[1]]), {"A1": (None, 12)}),
    "police.csv": (lambda: csv_bytes(POLICE), {"CRR18": (None, None)}),
}


def _scores(expected):
    return {
        risk.reference: (
            risk.inherent_score if expected[risk.reference][0] is not None else None,
            risk.residual_score,
        )
        for risk in Risk.objects.filter(reference__in=expected)
    }


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_imports_through_the_pages_with_the_proposed_mapping(client, org, name):
    build, expected = SHAPES[name]
    client.force_login(org.people["chief"])
    assert upload_file(client, org.corporate, build(), name).status_code == 302
    upload = ImportUpload.objects.get()
    response = client.get(mapping_url(upload))
    assert client.post(mapping_url(upload), mapping_data(response)).status_code == 302
    preview = client.get(preview_url(upload))
    assert preview.context["plan"].ok, preview.context["plan"].problems
    rows = len(preview.context["plan"].rows)
    client.post(confirm_url(upload))
    assert Risk.objects.filter(register=org.corporate).count() == rows
    assert _scores(expected) == expected


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_imports_through_the_command(org, tmp_path, name):
    build, expected = SHAPES[name]
    path = tmp_path / name
    path.write_bytes(build())
    out = run_command(path)
    assert "Imported:" in out
    assert _scores(expected) == expected


def test_the_command_writes_the_proposed_mapping_to_change_and_pass_back(org, tmp_path):
    path, mapping_file = tmp_path / "project.xlsx", tmp_path / "mapping.json"
    path.write_bytes(xlsx_bytes(PROJECT))
    run_command(path, "--dry-run", "--write-mapping", str(mapping_file))
    document = json.loads(mapping_file.read_text(encoding="utf-8"))
    assert document["header_row"] == 1
    assert document["columns"]["E"] == "residual_likelihood"
    assert document["value_maps"]["E"]["rule"] == "1–10 → 1–5: ⌈x / 2⌉"
    assert document["value_maps"]["C"]["values"] == {"Surveys": "+new", "Design": "+new"}
    document["value_maps"]["C"]["values"]["Design"] = "partnerships"  # changed by hand
    mapping_file.write_text(json.dumps(document), encoding="utf-8")
    out = run_command(path, "--mapping", str(mapping_file))
    assert "Categories to add: Surveys" in out
    assert Risk.objects.get(reference="P2").category == "partnerships"
    assert Risk.objects.get(reference="P1").category == "surveys"
    surveys = RiskCategory.objects.get(organisation=org.organisation, key="surveys")
    assert (surveys.label, surveys.active) == ("Surveys", True)
    assert not RiskCategory.objects.filter(organisation=org.organisation, key="design").exists()
    assert Risk.objects.get(reference="P1").residual_likelihood == 1
