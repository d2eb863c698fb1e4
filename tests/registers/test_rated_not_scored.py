"""Risks imported with a rating word and no score: the rating mapped onto a band of the risk
appetite, so they sort and filter with that band and print "<rating> (rated, not scored)",
never "Not scored" at the bottom; still not scored, nothing invented."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest

from registers.imports.mapping import find_header_row, guess_mapping, sheet_headings
from registers.imports.plan import build_plan
from registers.imports.proposals import propose_value_maps
from registers.imports.reader import read_table
from registers.imports.valuemaps import ValueMap, rating_band
from scoring.matrix import COVENTRY, Band
from tests.factories import RiskFactory, police_scheme
from tests.registers.test_register_page import page_url, references

pytestmark = pytest.mark.django_db

POLICE = (
    Band("low", "Low", 1, "#00b050", True),
    Band("medium", "Medium", 5, "#ffc000", True),
    Band("high", "High", 10, "#ff6600", True),
    Band("critical", "Critical", 20, "#c00000", False),
)


@pytest.mark.parametrize(
    ("word", "bands", "band"),
    [
        ("Critical", COVENTRY, "red"),
        ("High", COVENTRY, "amber"),
        ("Medium", COVENTRY, "amber"),
        ("Low", COVENTRY, "green"),
        ("Red", COVENTRY, "red"),
        ("A", COVENTRY, "amber"),
        ("12", COVENTRY, "amber"),
        ("High", POLICE, "high"),
        ("Critical", POLICE, "critical"),
        ("Amber", POLICE, "medium"),
        ("Purple", COVENTRY, None),
        ("30", COVENTRY, None),
    ],
)
def test_a_rating_word_stands_for_a_band(word, bands, band):
    assert rating_band(word, bands) == band


def police_csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            ["Ref", "Risk", "L", "I", "Risk Rating"],
            ["CRR18", "Core skills", "", "", "Critical"],
            ["CRR19", "Vetting", "1", "2", ""],
        ]
    )
    return out.getvalue().encode()


def plan(register, value_maps=None):
    table = read_table(data=police_csv(), filename="police.csv")
    header_row = find_header_row(table.rows)
    mapping = guess_mapping(sheet_headings(table.rows, header_row)[0])
    if value_maps is None:
        value_maps = propose_value_maps(table=table, header_row=header_row, mapping=mapping)
    return build_plan(
        register=register,
        table=table,
        header_row=header_row,
        mapping=mapping,
        value_maps=value_maps,
    )


def test_an_imported_rating_keeps_its_band_and_stays_not_scored(org):
    import_plan = plan(org.corporate)
    assert import_plan.ok, import_plan.problems
    critical = import_plan.rows[0].fields
    assert critical["imported_rating"] == "Critical"
    assert critical["imported_band"] == "red"
    assert "residual_likelihood" not in critical


def test_a_rating_mapped_onto_a_band_the_scheme_lacks_is_a_problem(org):
    bad = {4: ValueMap(target="residual_rating", rule="r", values={"Critical": "purple"})}
    import_plan = plan(org.corporate, value_maps=bad)
    assert [(p.row, p.column) for p in import_plan.problems] == [(1, "Risk Rating")]
    assert "a band the risk appetite does not have (purple)" in import_plan.problems[0].message


@pytest.fixture
def register_with_a_rated_risk(client, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-GREEN", residual_likelihood=1, residual_impact=2)
    RiskFactory(register=register, reference="AC-AMBER", residual_likelihood=2, residual_impact=4)
    RiskFactory(
        register=register,
        reference="AC-RATED",
        residual_likelihood=None,
        residual_impact=None,
        imported_rating="Critical",
        imported_band="red",
    )
    RiskFactory(
        register=register, reference="AC-NONE", residual_likelihood=None, residual_impact=None
    )
    client.force_login(org.people["head"])
    return register


def test_a_rated_risk_sorts_with_its_band_not_below_the_green_ones(
    client, register_with_a_rated_risk
):
    register = register_with_a_rated_risk
    assert references(client.get(page_url(register, sort="-residual"))) == [
        "AC-RATED",
        "AC-AMBER",
        "AC-GREEN",
        "AC-NONE",
    ]
    assert references(client.get(page_url(register, sort="residual"))) == [
        "AC-GREEN",
        "AC-AMBER",
        "AC-RATED",
        "AC-NONE",
    ]


@pytest.mark.parametrize(("band", "expected"), [("red", ["AC-RATED"]), ("none", ["AC-NONE"])])
def test_a_rated_risk_filters_with_its_band(client, register_with_a_rated_risk, band, expected):
    response = client.get(page_url(register_with_a_rated_risk, residual_band=band))
    assert references(response) == expected


def test_a_rated_risk_prints_its_rating_saying_it_is_not_scored(client, register_with_a_rated_risk):
    html = unescape(client.get(page_url(register_with_a_rated_risk)).content.decode())
    assert "Critical (rated, not scored)" in html
    assert html.count("Not scored</span>") == 1  # AC-NONE only


def test_a_rated_risk_sorts_by_the_organisations_own_bands(client, org):
    org.organisation.scheme = police_scheme()
    org.organisation.save()
    register = org.service_register
    RiskFactory(register=register, reference="AC-HIGH", residual_likelihood=3, residual_impact=4)
    RiskFactory(
        register=register,
        reference="AC-CRIT",
        residual_likelihood=None,
        residual_impact=None,
        imported_rating="Critical",
        imported_band="critical",
    )
    client.force_login(org.people["head"])
    assert references(client.get(page_url(register, sort="-residual"))) == ["AC-CRIT", "AC-HIGH"]
