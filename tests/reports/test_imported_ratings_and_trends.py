"""Imported risks in the packs: a risk rated but not scored prints its rating word marked
"(rated, not scored)" and counts in its rating's band in the SLT pack, the register packs and
the committee report, never "Not scored" at the bottom; the trend its sheet gave per quarter
fills the packs' trend columns for quarters with no snapshot, until snapshots replace it
(docs/domain.md#spreadsheets)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string

from registers.approvals import residual_rating_word
from registers.models import RiskSnapshot
from registers.periods import Quarter
from registers.services import register_approve
from registers.trends import imported_trend_by_quarter
from reports.committee import committee_report
from reports.packs import slt_pack
from reports.packs.register_pack import register_pack
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
QUARTER = Quarter(2026, 2)  # 2026/27 Q2: trend columns 2025/26 Q3 ... 2026/27 Q2
APPROVED_AT = datetime(2026, 8, 11, 10, tzinfo=LONDON)
AFTER = datetime(2026, 10, 5, 9, tzinfo=LONDON)


def rated_and_scored(register):
    """CRR18 imported as "Critical" (rated, not scored) with a trend per quarter; CRR19 scored
    green (1 × 2); CRR20 not scored at all."""
    rated = RiskFactory(
        register=register,
        reference="CRR18",
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
        imported_rating="Inherent: High; Critical",
        imported_band="red",
        imported_trend="Q3 Trending: New; Q4 Trending: ↑; Q1 Trending: →; Q2 Trending: ↓",
    )
    scored = RiskFactory(
        register=register, reference="CRR19", residual_likelihood=1, residual_impact=2
    )
    unscored = RiskFactory(
        register=register,
        reference="CRR20",
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    return rated, scored, unscored


@pytest.mark.parametrize(
    ("text", "by_quarter"),
    [
        ("Q1: New; Q2: ↑; Q3: →", {1: "New", 2: "↑", 3: "→"}),
        ("Q1 2025/26: Up; Quarter 4: Down", {1: "Up", 4: "Down"}),
        ("Rising", {}),  # a single trend column names no quarter
        ("Column 7: Up; Q2: ", {}),
        ("", {}),
    ],
)
def test_an_imported_trend_is_read_per_quarter(text, by_quarter):
    assert imported_trend_by_quarter(text) == by_quarter


def test_the_residual_rating_word_leaves_out_the_inherent_rating():
    assert residual_rating_word("Inherent: High; Critical") == "Critical"
    assert residual_rating_word("Critical") == "Critical"
    assert residual_rating_word("Inherent: High") == ""


def test_a_snapshot_carries_the_rating_its_band_and_the_imported_trend(org):
    rated, scored, _ = rated_and_scored(org.corporate)
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    row = RiskSnapshot.objects.get(risk=rated)
    assert row.residual_score is None  # still not scored: nothing invented
    assert (row.residual_band_key, row.residual_band_label) == ("red", "Red")
    assert row.residual_rated_as == "Critical"
    assert row.imported_trend == rated.imported_trend
    assert RiskSnapshot.objects.get(risk=scored).residual_rated_as == ""


def test_the_slt_pack_prints_the_rating_counts_it_in_its_band_and_sorts_it_there(org):
    rated_and_scored(org.corporate)
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full", now=AFTER)
    by_reference = {risk.reference: risk for risk in pack.risks}
    assert by_reference["CRR18"].residual.text == "Critical (rated, not scored)"
    assert by_reference["CRR20"].residual.text == "Not scored"
    assert [risk.reference for risk in pack.risks] == ["CRR18", "CRR19", "CRR20"]
    counts = {band.label: band.count for band in pack.band_counts}
    assert counts == {"Red": 1, "Amber": 0, "Green": 1}
    assert pack.not_scored == 1  # CRR20 only
    html = render_to_string(
        "reports/slt_pack.html", {"pack": pack, "organisation": org.organisation}
    )
    assert "Critical (rated, not scored)" in html


def test_the_slt_pack_shows_imported_trends_for_quarters_without_a_snapshot(org):
    rated_and_scored(org.corporate)
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full", now=AFTER)
    trends = {risk.reference: [cell.text for cell in risk.trends] for risk in pack.risks}
    # 2025/26 Q3 and Q4 and 2026/27 Q1 have no snapshot: the sheet's words stand in; the
    # approved quarter is the snapshot's.
    assert trends["CRR18"] == ["Imported: New", "Imported: ↑", "Imported: →", "New"]
    assert trends["CRR19"] == ["N/A", "N/A", "N/A", "New"]


def test_a_snapshot_replaces_the_imported_trend_of_its_quarter(org):
    rated, _, _ = rated_and_scored(org.corporate)
    chief = org.people["chief"]
    register_approve(register=org.corporate, by=chief, at=datetime(2026, 5, 12, 10, tzinfo=LONDON))
    register_approve(register=org.corporate, by=chief, at=APPROVED_AT)
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full", now=AFTER)
    cells = next(risk.trends for risk in pack.risks if risk.risk_id == rated.pk)
    # Q1 is approved now: its snapshot's "New" replaces the sheet's "→"; Q2 compares the two
    # ratings (no scores), so it cannot say up or down.
    assert [cell.text for cell in cells] == [
        "Imported: New",
        "Imported: ↑",
        "New",
        "Not comparable",
    ]


def test_the_register_pack_prints_the_rating_and_sorts_it_in_its_band(org):
    rated_and_scored(org.corporate)
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    pack = register_pack(register=org.corporate, quarter=QUARTER, now=AFTER)
    assert [(row.reference, row.residual.text) for row in pack.rows] == [
        ("CRR18", "Critical (rated, not scored)"),
        ("CRR19", "Green 2"),
        ("CRR20", "Not scored"),
    ]
    html = render_to_string(
        "reports/register_pack.html", {"pack": pack, "organisation": org.organisation}
    )
    assert "Critical (rated, not scored)" in html


def test_a_draft_register_pack_reads_the_rating_too(org):
    rated_and_scored(org.corporate)
    pack = register_pack(register=org.corporate, quarter=QUARTER, now=AFTER)
    assert pack.draft
    assert pack.rows[0].residual.text == "Critical (rated, not scored)"


def test_the_committee_report_prints_the_rating_counts_it_and_shows_imported_trends(org):
    rated_and_scored(org.corporate)
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    report = committee_report(
        organisation=org.organisation, year=2026, variant="full", today=date(2026, 10, 5)
    )
    by_reference = {risk.reference: risk for risk in report.risks}
    rated = by_reference["CRR18"]
    assert rated.residual.text == "Critical (rated, not scored)"
    assert rated.residual.colour != "#ffffff"  # coloured as its band
    # Q1 was not approved: the sheet's word stands in; Q3 and Q4 are yet to come, so the
    # sheet's words for them (from an earlier year) never show.
    assert [cell.text for cell in rated.trends] == ["Imported: →", "New", "Not yet", "Not yet"]
    assert [cell.text for cell in by_reference["CRR19"].trends] == [
        "Not approved",
        "New",
        "Not yet",
        "Not yet",
    ]
    counts = {count.label: count.end for count in report.band_counts}
    assert counts["Red"] == 1 and counts["Not scored"] == 1


def test_a_lower_register_risk_rated_red_is_among_the_red_risks_below_the_corporate(org):
    rated_and_scored(org.corporate)
    RiskFactory(
        register=org.directorate_register,
        reference="DIR-07",
        residual_likelihood=3,
        residual_impact=5,  # Red 15
    )
    RiskFactory(
        register=org.directorate_register,
        reference="DIR-08",
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
        imported_rating="Critical",
        imported_band="red",
    )
    register_approve(register=org.corporate, by=org.people["chief"], at=APPROVED_AT)
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full", now=AFTER)
    reds = [
        (risk.reference, risk.residual.text) for group in pack.lower_reds for risk in group.risks
    ]
    # Red's floor (15) ties with DIR-07's score: the reference decides.
    assert reds == [("DIR-07", "Red 15"), ("DIR-08", "Critical (rated, not scored)")]
