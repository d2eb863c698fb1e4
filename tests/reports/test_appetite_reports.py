"""The risk appetite in the pages and the reports, tried as a new user would: Finance at
Cautious (tolerance 9) and People at Open (tolerance 12); a Finance risk at 12 is outside the
appetite, a People risk at 12 is not, on the risk page, the register, the SLT pack, the
committee report and the collation; a statement approved in Q3 changes nothing of Q2's
approved pack (docs/domain.md#risk-appetite)."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from common.people import person_name
from registers import services
from registers.appetite import Tolerance, appetite_rules, compare, ensure_appetite_levels
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.models import AppetiteLevel, RegisterSnapshot, Response
from registers.periods import Quarter
from registers.selectors import organisation_bands
from reports.collation import directorate_collation
from reports.collation_checks import OUTSIDE_APPETITE_WITHOUT_REASON, OWNER_SENIORITY, risk_issues
from reports.committee import committee_report
from reports.models import StoredPack
from reports.packs import slt_pack, slt_pack_pdf
from reports.packs.stored import stored_packs_store
from scoring.matrix import COVENTRY
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
Q2 = Quarter(2026, 2)
STATEMENT_ONE = datetime(2026, 7, 1, 12, tzinfo=LONDON)
Q2_APPROVAL = datetime(2026, 8, 11, 10, tzinfo=LONDON)
STATEMENT_TWO = datetime(2026, 10, 15, 12, tzinfo=LONDON)  # in Q3
LATER = datetime(2026, 11, 20, 9, tzinfo=LONDON)


def statement(org, lines, *, at):
    ensure_appetite_levels()
    draft = appetite_draft_start(organisation=org.organisation, by=org.people["insurance"], at=at)
    appetite_draft_save(
        statement=draft,
        by=org.people["insurance"],
        summary="",
        lines={k: (AppetiteLevel.objects.get(key=lv), t) for k, (lv, t) in lines.items()},
    )
    return appetite_approve(
        statement=draft,
        by=org.people["insurance"],
        decided_by=org.people["chief"],
        decided_on=at.date(),
        at=at,
    )


@pytest.fixture
def appetite(org):
    """Statement 1 (Finance Cautious 9, People Open 12) in force from 1 July 2026; a Finance
    and a People corporate risk both at a residual 12; SLT approves Q2 on 11 August."""
    statement(org, {"finance": ("cautious", 9), "people": ("open", 12)}, at=STATEMENT_ONE)
    risks = {}
    for reference, category in (("CRR-01", "finance"), ("CRR-02", "people")):
        risks[reference] = RiskFactory(
            register=org.corporate,
            reference=reference,
            title=f"{category.capitalize()} pressure",
            category=category,
            owner=org.people["director"],
            inherent_likelihood=4,
            inherent_impact=5,
            residual_likelihood=3,
            residual_impact=4,
            response=Response.TREAT,
            response_rationale=f"Treating the {category} pressure through the budget round.",
        )
        ActionFactory(risk=risks[reference], kind="control", description="Monthly monitoring")
    services.register_approve(register=org.corporate, by=org.people["chief"], at=Q2_APPROVAL)
    org.risks = risks
    return org


def test_the_risk_page_says_which_risk_is_outside_and_why(client, appetite):
    client.force_login(appetite.people["chief"])
    finance = client.get(appetite.risks["CRR-01"].get_absolute_url()).content.decode()
    people = client.get(appetite.risks["CRR-02"].get_absolute_url()).content.decode()
    assert "Outside appetite (Finance: Cautious, tolerance 9)" in finance
    assert "outside_appetite" not in people and "Outside appetite" not in people
    assert "Within appetite (People: Open, tolerance 12)" in people
    assert "is outside the risk appetite" in finance  # the warning, with the tolerance
    assert "(12, Finance: Cautious, tolerance 9)" in finance


def test_the_register_and_its_filter_and_export(client, appetite):
    client.force_login(appetite.people["chief"])
    url = reverse("registers:register-detail", args=[appetite.corporate.pk])
    page = client.get(url).content.decode()
    assert page.count("outside appetite (Finance: Cautious, tolerance 9)") == 1
    outside = client.get(url, {"outside_appetite": "yes"})
    within = client.get(url, {"outside_appetite": "no"})
    assert [row.risk.reference for row in outside.context["rows"]] == ["CRR-01"]
    assert [row.risk.reference for row in within.context["rows"]] == ["CRR-02"]
    export = client.get(
        reverse("registers:register-export", args=[appetite.corporate.pk])
    ).content.decode("utf-8-sig")
    assert "Outside appetite (Finance: Cautious, tolerance 9)" in export
    assert "Within appetite (People: Open, tolerance 12)" in export
    across = client.get(reverse("registers:risks-across"), {"outside_appetite": "on"})
    assert [risk.reference for risk, *_ in across.context["rows"]] == ["CRR-01"]


def test_the_approved_quarter_records_the_statement_and_each_verdict(appetite):
    snapshot = RegisterSnapshot.objects.get(register=appetite.corporate)
    assert snapshot.appetite_statement.version == 1
    rows = {row.reference: row for row in snapshot.risks.all()}
    assert (rows["CRR-01"].category, rows["CRR-01"].appetite_level) == ("finance", "Cautious")
    assert (rows["CRR-01"].appetite_tolerance, rows["CRR-01"].outside_appetite) == (9, True)
    assert (rows["CRR-02"].appetite_tolerance, rows["CRR-02"].outside_appetite) == (12, False)


def pack_sections(org):
    pack = slt_pack(organisation=org.organisation, quarter=Q2, variant="full", now=LATER)
    html = render_to_string("reports/_slt_register.html", {"pack": pack})
    return pack, html.split('id="slt-appetite"', 1)[1]


def test_both_risks_are_in_the_right_sections_of_the_slt_pack(appetite):
    pack, appetite_section = pack_sections(appetite)
    assert {risk.reference for risk in pack.risks} == {"CRR-01", "CRR-02"}
    [finance] = pack.appetite.categories
    assert (finance.label, finance.appetite_text) == ("Finance", "Cautious, tolerance 9")
    [listed] = finance.risks
    assert (listed.reference, listed.owner_name, listed.response) == (
        "CRR-01",
        person_name(appetite.people["director"]),
        "Treat",
    )
    assert listed.rationale.startswith("Treating the finance pressure")
    assert "CRR-01" in appetite_section and "CRR-02" not in appetite_section
    assert "version 1, approved by SLT on 1 July 2026" in appetite_section
    assert pack.outside_appetite == 1


def test_a_statement_approved_in_q3_changes_nothing_of_q2s_approved_pack(appetite, monkeypatch):
    rendered = []

    def fake_pdf(*, organisation, quarter, variant, now=None):
        pack = slt_pack(organisation=organisation, quarter=quarter, variant=variant, now=LATER)
        body = render_to_string("reports/_slt_register.html", {"pack": pack})
        rendered.append(body)
        return body.encode()

    monkeypatch.setattr("reports.packs.stored.slt_pack_pdf", fake_pdf)
    stored_packs_store(snapshot=RegisterSnapshot.objects.get(register=appetite.corporate))
    stored = {p.variant: bytes(p.content) for p in StoredPack.objects.all()}
    before, before_section = pack_sections(appetite)

    # Q3: SLT moves Finance to Open, 12: the Finance risk is now within the appetite.
    statement(appetite, {"finance": ("open", 12), "people": ("open", 12)}, at=STATEMENT_TWO)
    now = appetite_rules(
        bands=organisation_bands(organisation_ids=[appetite.organisation.pk]), on=LATER.date()
    )
    assert now.verdict(appetite.risks["CRR-01"]).outside is False

    after, after_section = pack_sections(appetite)
    assert after.appetite == before.appetite and after_section == before_section
    assert after.appetite.version == 1
    assert {p.variant: bytes(p.content) for p in StoredPack.objects.all()} == stored
    # Rebuilt from the snapshots now, the stored full pack's section reads the same.
    fake_pdf(organisation=appetite.organisation, quarter=Q2, variant="full")
    assert rendered[-1].encode() == stored["full"]


def test_the_committee_report_counts_breaches_by_category_and_names_the_versions(appetite):
    report = committee_report(
        organisation=appetite.organisation, year=2026, variant="full", today=LATER.date()
    )
    [finance] = report.appetite.categories
    assert finance.label == "Finance"
    assert finance.by_quarter == [None, 1, None, None]
    assert finance.risks_in_year == 1
    assert [(s.version, s.approved_on, s.quarters) for s in report.appetite.statements] == [
        (1, date(2026, 7, 1), ["2026/27 Q2"])
    ]
    html = render_to_string("reports/_committee_appetite.html", {"report": report})
    assert "version 1, approved by SLT on 1 July 2026 (2026/27 Q2)" in html


def test_the_collation_checks_reasons_and_seniority(appetite):
    register = appetite.directorate_register
    outside = RiskFactory(
        register=register,
        reference="DIR-PEOPLE-01",
        category="finance",
        owner=appetite.people["director"],
        residual_likelihood=3,
        residual_impact=4,
        response=Response.TREAT,
        response_rationale="",
    )
    junior = RiskFactory(
        register=appetite.service_register,
        reference="AC-01",
        category="people",
        owner=appetite.people["officer"],
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=2,
        residual_impact=3,
    )
    result = directorate_collation(organisation=appetite.organisation, today=LATER.date())
    found = {
        risk.reference: {(issue.check, issue.detail) for issue in risk.issues}
        for directorate in result.directorates
        for reg in directorate.registers
        for risk in reg.risks_with_issues
    }
    assert (
        OUTSIDE_APPETITE_WITHOUT_REASON,
        "Outside appetite (Finance: Cautious, tolerance 9), no reason documented",
    ) in found[outside.reference]
    assert (OWNER_SENIORITY, "Red risk owned at Officer level, not Director") in found[
        junior.reference
    ]


def test_the_new_checks_in_words():
    finance = Tolerance("Finance", "Cautious", 9)
    common = {
        "owner_id": 1,
        "next_review_due": None,
        "response": Response.TREAT,
        "tolerate_reason": None,
        "inherent_score": 16,
        "has_control": True,
        "today": date(2026, 11, 1),
    }
    outside = compare(residual=12, tolerance=finance, bands=COVENTRY)
    inside = compare(residual=9, tolerance=finance, bands=COVENTRY)
    assert risk_issues(**common, residual_score=12, appetite=outside, has_reason=True) == ()
    assert risk_issues(**common, residual_score=9, appetite=inside, has_reason=False) == ()
    [issue] = risk_issues(**common, residual_score=12, appetite=outside, has_reason=False)
    assert issue.check == OUTSIDE_APPETITE_WITHOUT_REASON
    [issue] = risk_issues(**common, residual_score=9, owner_seniority=1, bands=COVENTRY)
    assert issue.check == OWNER_SENIORITY
    assert risk_issues(**common, residual_score=9, owner_seniority=4, bands=COVENTRY) == ()


def test_the_pdf_prints_the_section(appetite):
    pdf = slt_pack_pdf(organisation=appetite.organisation, quarter=Q2, variant="full", now=LATER)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Outside the risk appetite" in text
    assert "Finance: Cautious, tolerance 9" in text
