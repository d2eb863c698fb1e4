"""Controls and their assurance in the reports: the SLT pack prints each control's type,
rating and key flag; the committee report counts the red and amber corporate risks whose key
controls are assured, by line; the collation counts key controls unassured for a year
(docs/domain.md#controls-and-assurance)."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from registers import control_rules, services
from registers.assurance import assurance_record
from registers.models import Action, ActionKind, ActionStatus, ControlType, Effectiveness
from reports.collation import directorate_collation
from reports.collation_checks import KEY_CONTROL_UNASSURED
from reports.committee import committee_report
from reports.packs import slt_pack
from tests.factories import RiskFactory
from tests.reports.test_collation import clean_risk, issues_of
from tests.reports.test_slt_pack import QUARTER, flat, pack_url
from tests.reports.test_slt_pack import history as history

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def control(risk, *, key=True, effectiveness=Effectiveness.EFFECTIVE, **fields):
    return Action.objects.create(
        risk=risk,
        kind=ActionKind.CONTROL,
        status=fields.pop("status", ActionStatus.DONE),
        description=fields.pop("description", "A control"),
        owner=risk.owner,
        key_control=key,
        effectiveness=effectiveness,
        **fields,
    )


def assure(control, by, line, given_on):
    assurance_record(
        control=control,
        by=by,
        line=line,
        source="A review",
        given_on=given_on,
        conclusion="It works.",
    )


# The SLT pack ---------------------------------------------------------------------------------


def test_the_slt_pack_prints_each_controls_type_rating_and_key_flag(client, org, history):
    Action.objects.filter(description="Multi-factor authentication").update(
        control_type=ControlType.PREVENTIVE,
        effectiveness=Effectiveness.PARTLY_EFFECTIVE,
        key_control=True,
    )
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")
    cyber = next(risk for risk in pack.risks if risk.reference == "CRR-02")
    [mfa] = cyber.controls
    assert (mfa.control_type_label, mfa.effectiveness_label, mfa.key_control) == (
        "Preventive",
        "Partly effective",
        True,
    )
    assert all(action.effectiveness_label == "" for action in cyber.actions)

    client.force_login(org.people["insurance"])
    page = flat(client.get(pack_url(quarter="2026/27 Q2", variant="full")).content.decode())
    row = re.search(r'id="slt-risk-crr-02".*?</tr>', page).group(0)
    assert re.search(
        r"Key control:</strong> Multi-factor authentication "
        r"<span[^>]*>\(preventive; partly effective\)",
        row,
    )


# The committee report ---------------------------------------------------------------------------

YEAR = 2025  # 2025/26: April 2025 to March 2026
YEAR_END = date(2026, 3, 31)
WINDOW_FROM = date(2025, 3, 31)


def test_the_committee_report_counts_red_and_amber_risks_by_the_line_assuring_their_key_controls(
    client, org
):
    people = org.people
    audit, insurance, owner = people["audit"], people["insurance"], people["director"]

    def corporate(reference, residual):
        return RiskFactory(
            register=org.corporate,
            reference=reference,
            owner=owner,
            residual_likelihood=residual[0],
            residual_impact=residual[1],
        )

    by_third = corporate("CRR-01", (4, 4))
    assure(control(by_third), audit, "third", date(2025, 6, 1))
    weakest_first = corporate("CRR-02", (4, 4))
    assure(control(weakest_first), audit, "third", date(2025, 6, 1))
    assure(control(weakest_first), owner, "first", date(2026, 1, 10))
    too_old = corporate("CRR-03", (3, 3))
    assure(control(too_old), audit, "third", WINDOW_FROM - timedelta(days=1))
    on_the_edge = corporate("CRR-04", (3, 3))
    assure(control(on_the_edge), insurance, "second", WINDOW_FROM)
    no_key = corporate("CRR-05", (3, 3))
    control(no_key, key=False)
    green = corporate("CRR-06", (1, 2))
    control(green)
    after_year_end = corporate("CRR-07", (3, 3))
    assure(control(after_year_end), audit, "third", YEAR_END + timedelta(days=1))
    services.register_approve(
        register=org.corporate, by=people["chief"], at=datetime(2025, 11, 10, 10, tzinfo=LONDON)
    )

    report = committee_report(
        organisation=org.organisation, year=YEAR, variant="full", today=date(2026, 6, 1)
    )
    counted = report.key_control_assurance
    assert (counted.window_from, counted.window_to) == (WINDOW_FROM, YEAR_END)
    red, amber = counted.rows
    assert (red.band_label, red.risks, red.third, red.second, red.first) == ("Red", 2, 1, 0, 1)
    assert (red.unassured, red.no_key_control) == (0, 0)
    assert (amber.band_label, amber.risks, amber.third, amber.second, amber.first) == (
        "Amber",
        4,
        0,
        1,
        0,
    )
    assert (amber.unassured, amber.no_key_control) == (2, 1)
    assert (counted.risks, counted.assured) == (6, 3)

    client.force_login(people["insurance"])
    page = flat(client.get("/reports/committee/", {"year": "2025/26"}).content.decode())
    assert "Assurance over key controls" in page
    assert "Of the 6 red and amber corporate risks at the end of the year, 3 had every key" in page


# The collation --------------------------------------------------------------------------------


def test_the_collation_counts_a_key_control_unassured_for_a_year_and_a_day(org):
    today = timezone.localdate()
    people = org.directorate_register
    assured = clean_risk(people, "DP-ASSURED")
    assure(control(assured), org.people["audit"], "third", today - timedelta(days=365))
    edge = clean_risk(people, "DP-EDGE")
    cutoff = control_rules.assurance_cutoff(today)  # the same date a year before
    assure(control(edge), org.people["audit"], "third", cutoff)
    stale = clean_risk(people, "DP-STALE")
    a_year_and_a_day = cutoff - timedelta(days=1)
    assure(control(stale), org.people["audit"], "third", a_year_and_a_day)
    never = clean_risk(people, "DP-NEVER")
    control(never)
    green = clean_risk(people, "DP-GREEN", residual_likelihood=1, residual_impact=2)
    control(green)
    cancelled = clean_risk(people, "DP-CANCELLED")
    control(cancelled, status=ActionStatus.CANCELLED)

    result = directorate_collation(organisation=org.organisation, today=today)
    for reference in ("DP-ASSURED", "DP-EDGE", "DP-GREEN", "DP-CANCELLED"):
        assert KEY_CONTROL_UNASSURED not in issues_of(result, reference), reference
    for reference in ("DP-STALE", "DP-NEVER"):
        assert issues_of(result, reference) == {KEY_CONTROL_UNASSURED}, reference
