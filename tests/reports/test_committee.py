"""The annual report to the Audit and Procurement Committee: what it says about a year of the
corporate register (read back from the PDF), its variants, its narrative, who may read and
write it, and its bounded queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from common.people import person_name
from escalation.models import Checklist, Proposal, ProposalStatus
from registers.models import (
    ActionKind,
    ActionStatus,
    MovementKind,
    Risk,
    RiskMovement,
    RiskStatus,
    Tier,
)
from registers.services import register_approve
from reports.committee import (
    ReportUnavailable,
    committee_introduction_save,
    committee_opinion_save,
    committee_report,
    committee_report_pdf,
    committee_years,
)
from reports.models import CommitteeNarrative
from tests.factories import ActionFactory, OrganisationFactory, RiskFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
YEAR = 2025  # 2025/26: over by the time the tests run (today is after 31 March 2026)
TODAY = date(2026, 11, 21)


def at(year, month, day, hour=12):
    return datetime(year, month, day, hour, tzinfo=LONDON)


def rescore(risk, likelihood, impact):
    Risk.objects.filter(pk=risk.pk).update(residual_likelihood=likelihood, residual_impact=impact)


def due(risk, day):
    Risk.objects.filter(pk=risk.pk).update(next_review_due=day)


def move(risk, *, kind, to, by, when, reason=""):
    """A risk moved on or off a register on a given day, as the services record it."""
    from_register = risk.register
    if kind == MovementKind.REMOVED:
        Risk.objects.filter(pk=risk.pk).update(
            status=RiskStatus.CLOSED, closed_at=when, closed_by=by, closure_reason=reason
        )
    else:
        Risk.objects.filter(pk=risk.pk).update(register=to)
    RiskMovement.objects.create(
        risk=risk,
        kind=kind,
        from_register=from_register,
        to_register=to,
        reason=reason,
        moved_by=by,
        moved_at=when,
    )
    risk.refresh_from_db()


def propose(risk, *, org, when, status, decided=None, reason=""):
    return Proposal.objects.create(
        risk=risk,
        from_register=risk.register,
        to_register=org.corporate,
        checklist=Checklist.objects.get(receiving_tier=Tier.CORPORATE),
        answers=[],
        factors_held=3,
        recommend_at=3,
        proposed_by=risk.register.owner,
        proposed_at=when,
        residual_likelihood=risk.residual_likelihood,
        residual_impact=risk.residual_impact,
        status=status,
        decided_by=org.people["chief"] if decided else None,
        decided_at=decided,
        decision_reason=reason,
    )


@dataclass
class Year:
    """The 2025/26 year of the `org` fixture's corporate register (see ``build_year``)."""

    org: object
    risks: dict
    chief_name: str


CLOSE_REASON = "The leisure contract ended and the service came back in-house."
DE_ESCALATE_REASON = "The recruitment campaign filled the posts; the directorate manages it."
DECLINE_REASON = "Managed well at directorate level."
WITHDRAW_REASON = "Risk reduced once the funding was agreed."

# Each risk's trend in Q1..Q4 of 2025/26, as the report must print it.
EXPECTED_TRENDS = {
    "CRR-01": ["↑ Up 7", "→ Steady", "↓ Down 4", "→ Steady"],
    "CRR-02": ["→ Steady", "→ Steady", "N/A", "N/A"],
    "CRR-03": ["↓ Down 2", "N/A", "N/A", "N/A"],
    "CRR-04": ["→ Steady", "→ Steady", "→ Steady", "→ Steady"],
    "CRR-05": ["New", "↑ Up 4", "→ Steady", "↓ Down 4"],
    "DIR-PEOPLE-01": ["N/A", "New", "→ Steady", "↑ Up 4"],
}
EXEMPT = {"CRR-04", "DIR-PLACE-03"}


def build_year(org) -> Year:
    """A year of the corporate register with every kind of trend, arrival and removal.

    2024/25 Q4 (the start): CRR-01 amber 9, CRR-02 red 16, CRR-03 green 4, CRR-04 red 20
    (exempt). Q1: CRR-01 up to 16, CRR-03 down to 2, CRR-05 raised (12). Q2: CRR-03 closed,
    DIR-PEOPLE-01 escalated in from the People directorate (16), CRR-05 up to 16. Q3: CRR-02
    de-escalated, CRR-01 down to 12. Q4: DIR-PEOPLE-01 up to 20, CRR-05 down to 12. Every
    quarter approved by the chief executive. Actions and escalation proposals around them.
    """
    people = org.people
    chief = people["chief"]

    def corporate_risk(reference, title, likelihood, impact, **extra):
        return RiskFactory(
            register=org.corporate,
            reference=reference,
            title=title,
            owner=chief,
            residual_likelihood=likelihood,
            residual_impact=impact,
            inherent_likelihood=5,
            inherent_impact=5,
            **{"next_review_due": date(2025, 6, 30), **extra},
        )

    risks = {
        "CRR-01": corporate_risk("CRR-01", "Cybersecurity", 3, 3),
        "CRR-02": corporate_risk("CRR-02", "Workforce capacity", 4, 4),
        "CRR-03": corporate_risk("CRR-03", "Leisure contract", 2, 2),
        "CRR-04": corporate_risk("CRR-04", "Site security", 4, 5, exempt=True),
    }
    register_approve(register=org.corporate, by=chief, at=at(2025, 3, 14))

    # Q1
    rescore(risks["CRR-01"], 4, 4)
    rescore(risks["CRR-03"], 1, 2)
    risks["CRR-05"] = corporate_risk(
        "CRR-05", "Temporary accommodation costs", 3, 4, next_review_due=date(2025, 7, 31)
    )
    due(risks["CRR-02"], date(2025, 5, 31))  # late at the Q1 approval
    register_approve(register=org.corporate, by=chief, at=at(2025, 6, 12))

    # Q2
    move(
        risks["CRR-03"],
        kind=MovementKind.REMOVED,
        to=None,
        by=people["insurance"],
        when=at(2025, 8, 1),
        reason=CLOSE_REASON,
    )
    risks["DIR-PEOPLE-01"] = RiskFactory(
        register=org.directorate_register,
        reference="DIR-PEOPLE-01",
        title="Adult social care market failure",
        owner=people["director"],
        residual_likelihood=4,
        residual_impact=4,
        next_review_due=None,
    )
    propose(
        risks["DIR-PEOPLE-01"],
        org=org,
        when=at(2025, 7, 1),
        status=ProposalStatus.ACCEPTED,
        decided=at(2025, 7, 20),
    )
    move(
        risks["DIR-PEOPLE-01"],
        kind=MovementKind.ESCALATED,
        to=org.corporate,
        by=chief,
        when=at(2025, 7, 20),
    )
    rescore(risks["CRR-05"], 4, 4)
    for reference in ("CRR-01", "CRR-02", "CRR-05"):
        due(risks[reference], date(2025, 12, 31))
    due(risks["CRR-04"], date(2025, 9, 1))  # late at the Q2 approval
    register_approve(register=org.corporate, by=chief, at=at(2025, 9, 11))

    # Q3
    move(
        risks["CRR-02"],
        kind=MovementKind.DE_ESCALATED,
        to=org.directorate_register,
        by=chief,
        when=at(2025, 11, 3),
        reason=DE_ESCALATE_REASON,
    )
    rescore(risks["CRR-01"], 3, 4)
    for reference in ("CRR-01", "CRR-04", "CRR-05", "DIR-PEOPLE-01"):
        due(risks[reference], date(2026, 1, 31))
    register_approve(register=org.corporate, by=chief, at=at(2025, 12, 11))

    # Q4
    rescore(risks["DIR-PEOPLE-01"], 4, 5)
    rescore(risks["CRR-05"], 3, 4)
    for reference in ("CRR-04", "CRR-05", "DIR-PEOPLE-01"):
        due(risks[reference], date(2026, 6, 30))
    due(risks["CRR-01"], date(2026, 2, 28))  # late at the Q4 approval
    register_approve(register=org.corporate, by=chief, at=at(2026, 3, 12))

    # After the year: CRR-05 closed in 2026/27 (not a removal of 2025/26).
    move(
        risks["CRR-05"],
        kind=MovementKind.REMOVED,
        to=None,
        by=people["insurance"],
        when=at(2026, 5, 1),
        reason="Closed the next year.",
    )

    # Planned actions (and a control, which is not counted).
    def action(reference, status, *, due_date=None, completed_on=None, kind=ActionKind.ACTION):
        ActionFactory(
            risk=risks[reference],
            kind=kind,
            status=status,
            due_date=due_date,
            completed_on=completed_on,
        )

    action("CRR-01", ActionStatus.DONE, due_date=date(2025, 12, 1), completed_on=date(2025, 10, 1))
    action("CRR-01", ActionStatus.DONE, due_date=date(2026, 2, 1), completed_on=date(2026, 5, 1))
    action("CRR-01", ActionStatus.IN_PROGRESS, due_date=date(2026, 1, 15))
    action("CRR-01", ActionStatus.OPEN, due_date=date(2026, 6, 1))
    action("CRR-01", ActionStatus.CANCELLED, due_date=date(2025, 6, 1))
    action("CRR-01", ActionStatus.DONE, due_date=date(2025, 6, 1), completed_on=date(2025, 7, 1))
    action("CRR-01", ActionStatus.DONE, completed_on=date(2025, 4, 10))
    action(
        "CRR-01",
        ActionStatus.DONE,
        completed_on=date(2025, 5, 1),
        due_date=date(2025, 5, 1),
        kind=ActionKind.CONTROL,
    )
    action("CRR-04", ActionStatus.OPEN, due_date=date(2025, 9, 1))
    action("CRR-04", ActionStatus.DONE, due_date=date(2025, 12, 1), completed_on=date(2025, 11, 1))
    action("CRR-03", ActionStatus.DONE, due_date=date(2025, 7, 1), completed_on=date(2025, 6, 1))
    ActionFactory(  # on a directorate risk: not the committee's
        risk=RiskFactory(register=org.other_directorate_register, reference="DIR-PLACE-09"),
        status=ActionStatus.OPEN,
        due_date=date(2025, 5, 1),
    )

    # Escalation proposals to the corporate register.
    def place_risk(reference, title, **extra):
        return RiskFactory(
            register=org.other_directorate_register,
            reference=reference,
            title=title,
            owner=people["other_director"],
            **extra,
        )

    propose(
        place_risk("DIR-PLACE-01", "Highways drainage"),
        org=org,
        when=at(2025, 8, 5),
        status=ProposalStatus.DECLINED,
        decided=at(2025, 8, 20),
        reason=DECLINE_REASON,
    )
    propose(
        RiskFactory(
            register=org.directorate_register,
            reference="DIR-PEOPLE-02",
            title="Children's placements budget",
        ),
        org=org,
        when=at(2025, 10, 1),
        status=ProposalStatus.WITHDRAWN,
        decided=at(2025, 10, 10),
        reason=WITHDRAW_REASON,
    )
    propose(
        place_risk("DIR-PLACE-02", "Bridge maintenance backlog"),
        org=org,
        when=at(2026, 2, 10),
        status=ProposalStatus.OPEN,
    )
    propose(
        place_risk("DIR-PLACE-03", "Depot security", exempt=True),
        org=org,
        when=at(2025, 12, 1),
        status=ProposalStatus.DECLINED,
        decided=at(2025, 12, 8),
        reason="Held at directorate level.",
    )
    propose(  # the year before: not counted
        place_risk("DIR-PLACE-04", "Street lighting"),
        org=org,
        when=at(2025, 3, 1),
        status=ProposalStatus.DECLINED,
        decided=at(2025, 3, 5),
        reason="Not corporate.",
    )
    return Year(org=org, risks=risks, chief_name=person_name(chief))


@pytest.fixture
def year(org) -> Year:
    return build_year(org)


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    return re.sub(r"[ \t]+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def risk_row(text: str, reference: str) -> str:
    """The text of a risk's row in the table of every corporate risk, joined on one line."""
    heading = r"Every corporate risk of the year|The exempt corporate risks"
    table = re.split(heading, flat(text), maxsplit=1)[1].split("Risks added", 1)[0]
    match = re.search(rf"{re.escape(reference)} (.*?)(?= (?:CRR|DIR)-[A-Z0-9-]*\d\d |$)", table)
    assert match, f"{reference} not in the table"
    return match.group(1)


# The report read back from the PDF -------------------------------------------------------------


def test_every_corporate_risk_has_its_four_quarter_trend_in_the_pdf(year):
    text = pdf_text(
        committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="full")
    )
    for reference, trends in EXPECTED_TRENDS.items():
        row = risk_row(text, reference)
        assert re.search(r"\s".join(re.escape(t) for t in trends), row), (reference, row)
    assert "DIR-PLACE-09" not in text  # a directorate risk never on the corporate register


def test_the_report_reads_the_trends_and_residuals_from_the_snapshots(year):
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="full", today=TODAY
    )
    by_reference = {risk.reference: risk for risk in report.risks}
    assert sorted(by_reference) == sorted(EXPECTED_TRENDS)
    for reference, trends in EXPECTED_TRENDS.items():
        assert [cell.text for cell in by_reference[reference].trends] == trends
    # At the start of the year (the 2024/25 Q4 approval) if on the register then.
    assert by_reference["CRR-01"].start_residual.text == "Amber 9"
    assert by_reference["CRR-03"].start_residual.text == "Green 4"
    assert by_reference["CRR-05"].start_residual is None
    assert by_reference["DIR-PEOPLE-01"].start_residual is None
    # At the year's end, or when last on the register.
    assert by_reference["CRR-01"].residual.text == "Amber 12"
    assert by_reference["CRR-01"].at_year_end
    assert by_reference["DIR-PEOPLE-01"].residual.text == "Red 20"
    assert by_reference["CRR-02"].residual.text == "Red 16"
    assert not by_reference["CRR-02"].at_year_end
    assert by_reference["CRR-02"].as_of.label == "2025/26 Q2"
    assert by_reference["CRR-02"].left.what == "De-escalated to People directorate"
    assert by_reference["CRR-03"].residual.text == "Green 2"
    assert by_reference["CRR-03"].left.what == "Closed and removed"
    # Closed in the next year: at the year's end it was still on the register.
    assert by_reference["CRR-05"].left is None and by_reference["CRR-05"].at_year_end


def test_added_and_removed_risks_with_where_from_and_reasons(year):
    text = flat(
        pdf_text(
            committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="full")
        )
    )
    added = text.split("Risks added during the year", 1)[1].split("Risks removed", 1)[0]
    assert re.search(r"CRR-05 Temporary accommodation costs 2025/26 Q1 New risk", added)
    assert re.search(
        r"DIR-PEOPLE-01 Adult social care market failure 2025/26 Q2 Escalated from People "
        r"directorate",
        added,
    )
    assert "CRR-01" not in added  # on the register when the year began
    removed = text.split("Risks removed during the year", 1)[1].split("How well", 1)[0]
    assert re.search(r"CRR-03 Leisure contract 1 Aug 2025 Closed", removed)
    assert flat(CLOSE_REASON) in removed
    assert re.search(r"CRR-02 Workforce capacity 3 Nov 2025 De-escalated to People", removed)
    assert DE_ESCALATE_REASON in removed
    assert "Closed the next year" not in text


def test_start_and_end_of_year_heat_maps_and_band_counts(year):
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="full", today=TODAY
    )
    assert report.start.quarter.label == "2024/25 Q4" and not report.start_is_first_snapshot
    assert report.end.quarter.label == "2025/26 Q4"
    assert report.start.counts == {(3, 3): 1, (4, 4): 1, (2, 2): 1, (4, 5): 1}
    assert report.end.counts == {(3, 4): 2, (4, 5): 2}
    counts = {c.label: (c.start, c.end) for c in report.band_counts}
    assert counts == {"Red": (2, 2), "Amber": (1, 2), "Green": (1, 0)}
    assert sum(c.start for c in report.band_counts) == report.start.total == 4
    assert sum(c.end for c in report.band_counts) == report.end.total == 4
    assert (report.outside_appetite_start, report.outside_appetite_end) == (2, 2)
    text = flat(
        pdf_text(
            committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="full")
        )
    )
    assert "Start of the year: 2024/25 Q4" in text and "End of the year: 2025/26 Q4" in text
    assert re.search(r"Red outside the risk appetite 2 2 0 Amber 1 2 \+1 Green 1 0 -1", text)
    assert re.search(r"All risks 4 4 0", text)


def test_process_figures_add_up(year):
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="full", today=TODAY
    )
    process = report.process
    assert process.quarters_approved == 4
    assert [a.approved_on for a in process.approvals] == [
        date(2025, 6, 12),
        date(2025, 9, 11),
        date(2025, 12, 11),
        date(2026, 3, 12),
    ]
    assert {a.approved_by for a in process.approvals} == {year.chief_name}
    # Rows per approved quarter: 5, 5, 4, 4; late: CRR-02 (Q1), CRR-04 (Q2), CRR-01 (Q4);
    # DIR-PEOPLE-01 had no review date when it arrived in Q2.
    assert [(r.risks, r.on_time, r.late, r.no_date) for r in process.reviews] == [
        (5, 4, 1, 0),
        (5, 3, 1, 1),
        (4, 4, 0, 0),
        (4, 3, 1, 0),
    ]
    total = process.reviews_total
    assert (total.risks, total.on_time, total.late, total.no_date) == (18, 14, 3, 1)
    assert total.on_time + total.late + total.no_date == total.risks
    assert total.on_time_percent == 78
    actions = process.actions
    assert actions.completed == 5
    assert (
        actions.completed_by_due_date,
        actions.completed_late,
        actions.completed_without_due_date,
    ) == (3, 1, 1)
    assert actions.overdue == 3
    counts = {status: count for status, _, count in process.escalation_counts}
    assert counts == {"accepted": 1, "declined": 2, "withdrawn": 1, "open": 1}
    assert sum(counts.values()) == process.escalations_proposed == 5

    text = flat(
        pdf_text(
            committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="full")
        )
    )
    process_text = text.split("How well the risk management process ran", 1)[1]
    assert "It was approved in 4 of the 4 quarters" in process_text
    assert f"Approved on 12 June 2025 by {year.chief_name}" in process_text
    assert "14 of the 18 risk entries" in process_text and "(78%)" in process_text
    assert re.search(r"The year 18 14 3 1 78%", process_text)
    assert re.search(
        r"Completed in the year 5 by their due date 3 after their due date 1 with no due date 1 "
        r"Overdue at the year's end \(31 March 2026\) 3",
        process_text,
    )
    assert re.search(
        r"Proposed 5 Accepted 1 Declined 2 Withdrawn 1 Awaiting decision 1", process_text
    )
    assert DECLINE_REASON in process_text and WITHDRAW_REASON in process_text
    assert "Street lighting" not in text  # proposed the year before


def test_public_version_leaves_exempt_risks_out_everywhere_and_says_how_many(year):
    organisation = year.org.organisation
    report = committee_report(organisation=organisation, year=YEAR, variant="public", today=TODAY)
    assert report.withheld == 2
    assert "CRR-04" not in {r.reference for r in report.risks}
    assert {c.label: (c.start, c.end) for c in report.band_counts} == {
        "Red": (1, 1),
        "Amber": (1, 2),
        "Green": (1, 0),
    }
    assert (report.start.total, report.end.total) == (3, 3)
    total = report.process.reviews_total
    assert (total.risks, total.on_time, total.late, total.no_date) == (14, 11, 2, 1)
    assert (report.process.actions.completed, report.process.actions.overdue) == (4, 2)
    assert report.process.escalations_proposed == 4

    text = pdf_text(committee_report_pdf(organisation=organisation, year=YEAR, variant="public"))
    for secret in ("CRR-04", "Site security", "DIR-PLACE-03", "Depot security", "Exempt"):
        assert secret not in text
    flat_text = flat(text)
    assert "Public version: 2 risks exempt from publication withheld" in flat_text
    assert "2 risks exempt from publication are left out of this public version" in flat_text
    for reference in set(EXPECTED_TRENDS) - EXEMPT:
        assert reference in text


def test_confidential_appendix_carries_only_the_exempt_risks(year):
    organisation = year.org.organisation
    report = committee_report(organisation=organisation, year=YEAR, variant="appendix", today=TODAY)
    assert [r.reference for r in report.risks] == ["CRR-04"]
    assert [e.reference for e in report.process.escalations] == ["DIR-PLACE-03"]
    assert (report.process.actions.completed, report.process.actions.overdue) == (1, 1)
    text = pdf_text(committee_report_pdf(organisation=organisation, year=YEAR, variant="appendix"))
    flat_text = flat(text)
    assert "Confidential appendix: not for publication" in flat_text
    assert re.search(r"→ Steady\s+→ Steady\s+→ Steady\s+→ Steady", risk_row(text, "CRR-04"))
    assert "Depot security" in text
    for public in ("CRR-01", "CRR-05", "DIR-PEOPLE-01", "Cybersecurity", "Highways drainage"):
        assert public not in text


def test_full_version_marks_the_exempt_risks(year):
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="full", today=TODAY
    )
    assert (
        report.marking == "Internal: not for publication. Includes 2 risks exempt from publication."
    )
    assert {r.reference for r in report.risks if r.exempt} == {"CRR-04"}


def test_narrative_is_printed_introduction_first_opinion_near_the_end(year):
    organisation = year.org.organisation
    committee_introduction_save(
        organisation=organisation,
        year=YEAR,
        introduction="This report looks back on the corporate register in 2025/26.",
        version=0,
        by=year.org.people["insurance"],
    )
    committee_opinion_save(
        organisation=organisation,
        year=YEAR,
        opinion="In my opinion the process is effective but reviews slipped in two quarters.",
        version=0,
        by=year.org.people["audit"],
    )
    text = flat(
        pdf_text(committee_report_pdf(organisation=organisation, year=YEAR, variant="full"))
    )
    intro = text.index("This report looks back on the corporate register in 2025/26.")
    opinion = text.index("In my opinion the process is effective")
    assert text.index("Introduction") < intro < text.index("How the corporate register moved")
    assert text.index("How well the risk management process ran") < opinion
    assert text.index("Internal Audit's independent opinion") < opinion
    assert "audit, Internal Audit" in text[opinion:] or "Internal Audit," in text[opinion:]
    appendix = pdf_text(
        committee_report_pdf(organisation=organisation, year=YEAR, variant="appendix")
    )
    assert "In my opinion" not in appendix  # the words are the report's, not the appendix's


def test_a_year_in_progress_says_so_and_counts_overdue_actions_to_today(org):
    chief = org.people["chief"]
    risk = RiskFactory(register=org.corporate, reference="CRR-01", owner=chief)
    ActionFactory(risk=risk, status=ActionStatus.OPEN, due_date=date(2026, 10, 1))
    ActionFactory(risk=risk, status=ActionStatus.OPEN, due_date=date(2026, 12, 1))
    register_approve(register=org.corporate, by=chief, at=at(2026, 5, 20))
    report = committee_report(organisation=org.organisation, year=2026, variant="full", today=TODAY)
    assert not report.year_over and report.as_at == TODAY
    assert [a.state for a in report.process.approvals] == [
        "approved",
        "missed",
        "in_progress",
        "not_started",
    ]
    assert report.process.quarters_due == 2
    assert report.start_is_first_snapshot  # no snapshot before: the first is the start
    assert report.added == []  # the first snapshot is the baseline, not additions
    assert [c.text for c in report.risks[0].trends] == [
        "New",
        "Not approved",
        "Not yet",
        "Not yet",
    ]
    assert report.process.actions.overdue == 1
    text = flat(
        pdf_text(committee_report_pdf(organisation=org.organisation, year=2026, variant="full"))
    )
    assert "The year is in progress" in text
    assert "Latest: 2026/27 Q1 (year in progress)" in text


def test_a_year_without_approvals_says_so(org):
    text = flat(
        pdf_text(committee_report_pdf(organisation=org.organisation, year=2024, variant="full"))
    )
    assert "not approved in any quarter of 2024/25" in text
    assert "It was approved in 0 of the 4 quarters" in text


def test_an_organisation_without_a_corporate_register_has_no_report(db):
    organisation = OrganisationFactory(name="Empty Council", slug="empty")
    with pytest.raises(ReportUnavailable, match="no corporate register"):
        committee_report(organisation=organisation, year=YEAR, variant="full")


def test_an_unknown_variant_is_refused(org):
    with pytest.raises(ValueError, match="not a report variant"):
        committee_report(organisation=org.organisation, year=YEAR, variant="secret")


def test_years_offered_run_from_the_first_approval_to_this_year(year):
    assert committee_years(organisation=year.org.organisation, today=TODAY) == [2026, 2025, 2024]


# The narrative service and model ---------------------------------------------------------------


def test_narrative_edits_are_kept_in_history(org):
    insurance = org.people["insurance"]
    first = committee_introduction_save(
        organisation=org.organisation, year=YEAR, introduction=" First ", version=0, by=insurance
    )
    second = committee_introduction_save(
        organisation=org.organisation,
        year=YEAR,
        introduction="Second",
        version=first.version,
        by=insurance,
    )
    assert first.pk == second.pk and CommitteeNarrative.objects.count() == 1
    assert [h.introduction for h in second.history.order_by("history_date")] == ["First", "Second"]
    assert second.history.first().history_user == insurance
    assert second.updated_by == insurance


def test_narrative_year_is_validated(org):
    with pytest.raises(ValidationError):
        committee_introduction_save(
            organisation=org.organisation,
            year=1066,
            introduction="",
            version=0,
            by=org.people["insurance"],
        )


def test_narrative_is_in_the_admin_with_its_history(client, org):
    from tests.factories import UserFactory

    assert admin.site.is_registered(CommitteeNarrative)
    narrative = committee_introduction_save(
        organisation=org.organisation,
        year=YEAR,
        introduction="x",
        version=0,
        by=org.people["insurance"],
    )
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    base = "admin:reports_committeenarrative"
    assert client.get(reverse(f"{base}_changelist"), {"q": "x"}).status_code == 200
    assert client.get(reverse(f"{base}_change", args=[narrative.pk])).status_code == 200
    assert client.get(reverse(f"{base}_history", args=[narrative.pk])).status_code == 200


# The pages: who may read and write ------------------------------------------------------------

PAGE = "reports:committee-report"
PDF = "reports:committee-report-pdf"
NARRATIVE = "reports:committee-narrative"
PACK_READERS = ["chief", "insurance", "s151", "monitoring", "audit"]
NO_READERS = ["director", "head", "officer"]


def get(client, user, name, **params):
    client.force_login(user)
    return client.get(reverse(name), params)


@pytest.mark.parametrize("who", PACK_READERS)
@pytest.mark.parametrize("variant", ["full", "public", "appendix"])
def test_pack_readers_read_every_variant(client, org, who, variant):
    user = org.people[who]
    page = get(client, user, PAGE, year="2026/27", variant=variant)
    assert page.status_code == 200
    assert page.context["report"].variant == variant
    pdf = get(client, user, PDF, year="2026/27", variant=variant)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    name = {"full": "internal", "public": "public", "appendix": "confidential-appendix"}[variant]
    assert pdf["Content-Disposition"] == (
        f'inline; filename="Committee-risk-report-2026-27-{name}.pdf"'
    )


def test_committee_members_read_the_public_version_and_the_confidential_appendix(client, org):
    member = org.people["committee"]
    assert get(client, member, PAGE).context["report"].variant == "public"  # their default
    for name in (PAGE, PDF):
        assert get(client, member, name, variant="public").status_code == 200
        assert get(client, member, name, variant="appendix").status_code == 200
        assert get(client, member, name, variant="full").status_code == 403
    page = get(client, member, PAGE, variant="public")
    assert [value for value, _ in page.context["variants"]] == ["public", "appendix"]


@pytest.mark.parametrize("who", NO_READERS)
def test_directors_heads_and_officers_read_no_committee_report(client, org, who):
    for name in (PAGE, PDF):
        for variant in ("full", "public", "appendix"):
            response = get(client, org.people[who], name, variant=variant)
            assert response.status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, org):
    response = client.get(reverse(PAGE))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_defaults_to_the_current_financial_year(client, org):
    page = get(client, org.people["chief"], PAGE)
    report = page.context["report"]
    today = timezone.localdate()
    assert report.year == (today.year if today.month >= 4 else today.year - 1)
    assert report.variant == "full"


@pytest.mark.parametrize("bad", ["2026", "2026/28", "last year", "2026/27 Q1"])
def test_a_bad_year_is_a_400_with_the_reason(client, org, bad):
    chief = org.people["chief"]
    page = get(client, chief, PAGE, year=bad)
    assert page.status_code == 400
    assert "financial year" in page.content.decode()
    pdf = get(client, chief, PDF, year=bad)
    assert pdf.status_code == 400 and b"financial year" in pdf.content


def test_a_bad_variant_is_a_400(client, org):
    response = get(client, org.people["chief"], PAGE, variant="everything")
    assert response.status_code == 400
    assert "not a version of the report" in response.content.decode()


def test_the_page_shows_the_report_and_the_narrative_form_to_the_insurance_manager(client, year):
    committee_introduction_save(
        organisation=year.org.organisation,
        year=YEAR,
        introduction="Words for the committee.",
        version=0,
        by=year.org.people["insurance"],
    )
    page = get(client, year.org.people["insurance"], PAGE, year="2025/26")
    html = page.content.decode()
    assert page.status_code == 200
    assert reverse(NARRATIVE) in html and "Words for the committee." in html
    assert reverse("reports:committee-opinion") not in html  # Internal Audit's to write
    for reference, trends in EXPECTED_TRENDS.items():
        assert reference in html
        assert all(trend in html for trend in trends)
    assert 'href="/reports/committee/pdf/?year=2025%2F26&amp;variant=full"' in html


@pytest.mark.parametrize("who", ["audit", "chief", "s151", "committee"])
def test_only_the_insurance_manager_sees_the_narrative_form(client, org, who):
    page = get(client, org.people[who], PAGE, variant="public")
    assert page.status_code == 200
    assert reverse(NARRATIVE) not in page.content.decode()


def post_narrative(client, user, **data):
    client.force_login(user)
    fields = {"year": "2025/26", "variant": "public", "version": "0", "introduction": ""}
    return client.post(reverse(NARRATIVE), {**fields, **data})


def test_the_insurance_manager_saves_the_narrative_and_returns_to_the_report(client, org):
    insurance = org.people["insurance"]
    response = post_narrative(
        client, insurance, introduction="An introduction.", opinion="Ignored: not theirs."
    )
    assert response.status_code == 302
    assert response["Location"] == "/reports/committee/?year=2025%2F26&variant=public"
    narrative = CommitteeNarrative.objects.get(organisation=org.organisation, year=YEAR)
    assert (narrative.introduction, narrative.opinion) == ("An introduction.", "")
    assert narrative.introduction_by == narrative.updated_by == insurance
    page = client.get(response["Location"])
    assert "introduction of the 2025/26 report is saved" in page.content.decode()
    post_narrative(client, insurance, introduction="Changed.", version=str(narrative.version))
    assert narrative.history.count() == 2


@pytest.mark.parametrize("who", ["audit", "committee", "chief", "s151", "director", "officer"])
def test_nobody_else_may_write_the_narrative(client, org, who):
    response = post_narrative(client, org.people[who], introduction="Mine now.")
    assert response.status_code == 403
    assert not CommitteeNarrative.objects.exists()


def test_the_narrative_address_takes_posts_only(client, org):
    client.force_login(org.people["insurance"])
    assert client.get(reverse(NARRATIVE)).status_code == 405


def test_a_narrative_for_a_bad_year_is_refused_with_the_reason(client, org):
    response = post_narrative(client, org.people["insurance"], year="2025/27", introduction="x")
    assert response.status_code == 400
    assert "financial year" in response.content.decode()
    assert not CommitteeNarrative.objects.exists()


# Bounded queries ------------------------------------------------------------------------------

# committee_report: the corporate register, the bands, the snapshots and their risks (two),
# the movements, the proposals, the exempt risks, the actions' figures, the narrative, and the
# risks' descriptions with their controls and actions (two), the key controls of the red and
# amber risks and their assurance (two).
REPORT_MAX_QUERIES = 13
# The page adds the session, the user, their roles, profile and organisation, the years on
# offer and the unread notifications.
PAGE_MAX_QUERIES = 20


def bulk_year(org, count: int) -> None:
    """``count`` corporate risks through a year: approved in every quarter, rescored, some
    closed, some exempt, each with actions, and as many escalation proposals."""
    chief = org.people["chief"]
    risks = Risk.objects.bulk_create(
        [
            Risk(
                register=org.corporate,
                organisation_id=org.corporate.organisation_id,
                reference=f"CRR-{n + 1:03d}",
                title=f"Risk {n + 1}",
                event="e",
                consequence="c",
                impact="i",
                category="finance",
                owner=chief,
                residual_likelihood=n % 5 + 1,
                residual_impact=3,
                exempt=n % 7 == 0,
                next_review_due=date(2025, 9, 1),
            )
            for n in range(count)
        ]
    )
    register_approve(register=org.corporate, by=chief, at=at(2025, 3, 10))
    for number, when in enumerate([at(2025, 6, 10), at(2025, 9, 10), at(2025, 12, 10)], 1):
        Risk.objects.filter(register=org.corporate).update(residual_impact=3 + number % 3)
        closing = risks[number::9]
        for risk in closing:
            move(risk, kind=MovementKind.REMOVED, to=None, by=chief, when=when, reason="Done")
        register_approve(register=org.corporate, by=chief, at=when)
    register_approve(register=org.corporate, by=chief, at=at(2026, 3, 10))
    for risk in risks:
        ActionFactory(risk=risk, status=ActionStatus.OPEN, due_date=date(2025, 10, 1))
        ActionFactory(
            risk=risk,
            status=ActionStatus.DONE,
            due_date=date(2025, 10, 1),
            completed_on=date(2025, 9, 1),
        )
        escalated = RiskFactory(register=org.directorate_register, exempt=risk.exempt)
        propose(escalated, org=org, when=at(2025, 8, 1), status=ProposalStatus.OPEN)


@pytest.mark.parametrize("count", [5, 40])
def test_the_report_costs_the_same_queries_whatever_its_size(
    org, count, django_assert_max_num_queries
):
    bulk_year(org, count)
    committee_introduction_save(
        organisation=org.organisation,
        year=YEAR,
        introduction="i",
        version=0,
        by=org.people["insurance"],
    )
    committee_opinion_save(
        organisation=org.organisation, year=YEAR, opinion="o", version=1, by=org.people["audit"]
    )
    for variant in ("full", "public", "appendix"):
        with django_assert_max_num_queries(REPORT_MAX_QUERIES):
            report = committee_report(
                organisation=org.organisation, year=YEAR, variant=variant, today=TODAY
            )
        assert report.risks


@pytest.mark.parametrize("count", [5, 40])
def test_the_page_costs_the_same_queries_whatever_its_size(
    client, org, count, django_assert_max_num_queries
):
    bulk_year(org, count)
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(PAGE_MAX_QUERIES):
        response = client.get(reverse(PAGE), {"year": "2025/26"})
    assert len(response.context["report"].risks) == count
