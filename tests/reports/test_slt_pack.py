"""The quarterly SLT pack: what it reads from the corporate register's approved snapshots,
its three versions (full, public without exempt risks, confidential appendix), the PDF and
the preview page, who may read them, and a query count that does not grow with the risks."""

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from common.people import person_name
from escalation import services as escalation_services
from escalation.models import Proposal
from registers import services
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    MovementKind,
    Risk,
    RiskMovement,
    Tier,
)
from registers.periods import Quarter, quarter_considered
from reports.packs import latest_approved_quarter, pack_filename, slt_pack, slt_pack_pdf
from tests.factories import ActionFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
QUARTER = Quarter(2026, 2)  # 2026/27 Q2, the pack's quarter
TREND_COLUMNS = ["2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"]
# SLT approves the corporate register once in each of the four quarters.
APPROVALS = {
    Quarter(2025, 3): datetime(2025, 11, 10, 10, tzinfo=LONDON),
    Quarter(2025, 4): datetime(2026, 2, 10, 10, tzinfo=LONDON),
    Quarter(2026, 1): datetime(2026, 5, 12, 10, tzinfo=LONDON),
    Quarter(2026, 2): datetime(2026, 8, 11, 10, tzinfo=LONDON),
}
BETWEEN_Q1_AND_Q2 = datetime(2026, 7, 20, 9, tzinfo=LONDON)
AFTER_Q2 = datetime(2026, 10, 5, 9, tzinfo=LONDON)
CLOSURE_REASON = "The contract ended in July and the supplier exit is complete."
DE_ESCALATION_REASON = "Now managed within the directorate: residual amber and falling."

# Each risk's expected trend text in the four columns of the 2026/27 Q2 pack.
TRENDS = {
    "CRR-01": ["New", "↑ Up 3", "↓ Down 6", "→ Steady"],
    "CRR-02": ["New", "→ Steady", "→ Steady", "↑ Up 7"],
    "CRR-03": ["N/A", "N/A", "New", "→ Steady"],
    "CRR-04": ["N/A", "N/A", "N/A", "New"],
    "CRR-05": ["N/A", "N/A", "N/A", "New"],
    "CRR-08": ["New", "→ Steady", "→ Steady", "→ Steady"],
}
PUBLISHED = ["CRR-01", "CRR-02", "CRR-03", "CRR-04", "CRR-05"]
EXEMPT = "CRR-08"

READ_EVERYTHING = ["chief", "insurance", "s151", "monitoring", "audit"]
READ_NOTHING = ["director", "head", "officer"]


@dataclass
class History:
    risks: dict
    open_proposal: Proposal
    exempt_proposal: Proposal
    decided_proposal: Proposal


def approve(org, quarter):
    services.register_approve(register=org.corporate, by=org.people["chief"], at=APPROVALS[quarter])


def corporate(org, reference, title, **fields):
    return RiskFactory(
        register=org.corporate,
        reference=reference,
        title=title,
        owner=org.people["director"],
        event=f"If {title.lower()} goes wrong",
        consequence=f"the council may suffer from {title.lower()}",
        impact=f"Impact of {title.lower()} on residents",
        **fields,
    )


def rescore(risk, **scores):
    Risk.objects.filter(pk=risk.pk).update(**scores)


def moved_at(risk, kind, when):
    RiskMovement.objects.filter(risk=risk, kind=kind).update(moved_at=when)


def propose(org, title, *, exempt=False, proposed_at):
    risk = RiskFactory(
        register=org.directorate_register,
        owner=org.people["director"],
        title=title,
        residual_likelihood=4,
        residual_impact=4,
        exempt=exempt,
    )
    proposal = escalation_services.proposal_create(
        risk=risk,
        by=org.people["director"],
        ticks={2: "A statutory duty is at stake", 3: "Needs more than the directorate has"},
        case=f"{title} needs SLT's attention.",
    )
    Proposal.objects.filter(pk=proposal.pk).update(proposed_at=proposed_at)
    proposal.refresh_from_db()
    return proposal


def decline(org, proposal, *, at):
    escalation_services.proposal_decide(
        proposal=proposal, by=org.people["chief"], accept=False, reason="SLT declined it"
    )
    Proposal.objects.filter(pk=proposal.pk).update(decided_at=at)


def build_history(org) -> History:
    """Four approved quarters with every kind of change between them (see ``TRENDS``)."""
    people = org.people
    budget = corporate(org, "CRR-01", "Budget gap", residual_likelihood=3, residual_impact=3)
    cyber = corporate(org, "CRR-02", "Cyber attack", residual_likelihood=3, residual_impact=3)
    contract = corporate(org, "CRR-06", "Contract exit")
    leisure = corporate(org, "CRR-07", "Leisure trust")
    security = corporate(org, EXEMPT, "Counter-terrorism protection", exempt=True)
    approve(org, Quarter(2025, 3))

    rescore(budget, residual_likelihood=4)  # 9 -> 12
    approve(org, Quarter(2025, 4))

    rescore(budget, residual_likelihood=2)  # 12 -> 6
    workforce = corporate(org, "CRR-03", "Workforce")
    approve(org, Quarter(2026, 1))

    # Between the 2026/27 Q1 and Q2 approvals.
    rescore(
        cyber,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=4,
        residual_impact=4,
    )  # inherent 16 -> 20, residual 9 -> 16
    data_centre = corporate(
        org,
        "CRR-04",
        "Data centre failure",
        next_review_due=date(2026, 8, 1),  # overdue when SLT approves on 11 August
    )
    escalated = RiskFactory(
        register=org.directorate_register,
        reference="CRR-05",
        title="Adult care market",
        owner=people["director"],
    )
    services.risk_move(
        risk=escalated,
        to_register=org.corporate,
        kind=MovementKind.ESCALATED,
        by=people["chief"],
        reason="It affects the whole council",
        history_reason="Escalated",
    )
    moved_at(escalated, MovementKind.ESCALATED, BETWEEN_Q1_AND_Q2)
    services.risk_close(risk=contract, by=people["chief"], reason=CLOSURE_REASON)
    moved_at(contract, MovementKind.REMOVED, BETWEEN_Q1_AND_Q2)
    services.risk_move(
        risk=Risk.objects.get(pk=leisure.pk),
        to_register=org.directorate_register,
        kind=MovementKind.DE_ESCALATED,
        by=people["chief"],
        reason=DE_ESCALATION_REASON,
        history_reason="De-escalated",
    )
    moved_at(leisure, MovementKind.DE_ESCALATED, BETWEEN_Q1_AND_Q2)
    open_proposal = propose(org, "Social care workforce", proposed_at=BETWEEN_Q1_AND_Q2)
    exempt_proposal = propose(org, "Depot security", exempt=True, proposed_at=BETWEEN_Q1_AND_Q2)
    decline(org, exempt_proposal, at=AFTER_Q2)
    decided_proposal = propose(
        org, "Pothole claims", proposed_at=datetime(2026, 5, 20, tzinfo=LONDON)
    )
    decline(org, decided_proposal, at=datetime(2026, 6, 1, tzinfo=LONDON))
    approve(org, Quarter(2026, 2))

    today = timezone.localdate()
    ActionFactory(
        risk=cyber,
        kind=ActionKind.ACTION,
        description="Patch the firewalls",
        owner=people["head"],
        due_date=today - timedelta(days=10),
        status=ActionStatus.IN_PROGRESS,
    )
    ActionFactory(
        risk=cyber,
        kind=ActionKind.CONTROL,
        description="Multi-factor authentication",
        owner=people["head"],
        status=ActionStatus.DONE,
    )
    ActionFactory(
        risk=cyber,
        kind=ActionKind.ACTION,
        description="Old cancelled plan",
        due_date=today - timedelta(days=100),
        status=ActionStatus.CANCELLED,
    )
    ActionFactory(
        risk=security,
        kind=ActionKind.ACTION,
        description="Install hostile vehicle barriers",
        due_date=today - timedelta(days=5),
        status=ActionStatus.OPEN,
    )
    return History(
        risks={
            risk.reference: risk
            for risk in (
                budget,
                cyber,
                workforce,
                data_centre,
                escalated,
                contract,
                leisure,
                security,
            )
        },
        open_proposal=open_proposal,
        exempt_proposal=exempt_proposal,
        decided_proposal=decided_proposal,
    )


@pytest.fixture
def history(org):
    return build_history(org)


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace folded, so text that wraps in a table cell still matches."""
    return re.sub(r"\s+", " ", text)


# The pack's data --------------------------------------------------------------------------


def test_latest_approved_quarter(org):
    assert latest_approved_quarter(organisation=org.organisation) is None
    approve(org, Quarter(2025, 4))
    approve(org, Quarter(2025, 3))
    assert latest_approved_quarter(organisation=org.organisation) == Quarter(2025, 4)


def test_a_quarter_without_an_approval_is_a_clear_error(org, history):
    # A quarter that can no longer be approved (a draft is only for the quarter under review).
    with pytest.raises(ValueError, match="no approved snapshot in 2025/26 Q1"):
        slt_pack(organisation=org.organisation, quarter=Quarter(2025, 1), variant="full")
    with pytest.raises(ValueError, match="not a pack variant"):
        slt_pack(organisation=org.organisation, quarter=QUARTER, variant="draft")


def test_every_risk_with_its_four_quarters_of_trend(org, history):
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")

    assert [q.label for q in pack.trend_quarters] == TREND_COLUMNS
    assert {risk.reference: [c.trend.text for c in risk.trends] for risk in pack.risks} == TRENDS
    # Highest residual first: the cyber attack (16) leads.
    assert pack.risks[0].reference == "CRR-02"
    cyber = pack.risks[0]
    assert (cyber.inherent.text, cyber.residual.text) == ("Red 20", "Red 16")
    assert [c.description for c in cyber.controls] == ["Multi-factor authentication"]
    assert [(a.description, a.overdue) for a in cyber.actions] == [("Patch the firewalls", True)]
    assert pack.approved_by == person_name(org.people["chief"])
    assert pack.approved_at == APPROVALS[QUARTER]
    assert pack.previous_quarter == Quarter(2026, 1)


def test_what_changed_since_the_previous_quarter(org, history):
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")

    assert [(r.reference, r.arrival_text) for r in pack.arrivals] == [
        ("CRR-04", "New risk"),
        ("CRR-05", "Escalated from People directorate"),
    ]
    assert [(d.reference, d.what, d.reason) for d in pack.departures] == [
        ("CRR-06", "Closed and removed", CLOSURE_REASON),
        ("CRR-07", "De-escalated to People directorate", DE_ESCALATION_REASON),
    ]
    assert [change.reference for change in pack.rescored] == ["CRR-02"]
    cyber = pack.rescored[0]
    assert (cyber.inherent_before.text, cyber.inherent_after.text) == ("Red 16", "Red 20")
    assert (cyber.residual_before.text, cyber.residual_after.text) == ("Amber 9", "Red 16")
    movement = pack.movement
    assert (movement.new, movement.escalated_in, movement.closed, movement.de_escalated) == (
        1,
        1,
        1,
        1,
    )
    assert (movement.up, movement.down, movement.steady) == (1, 0, 3)


def test_proposals_open_at_the_end_of_a_past_quarter(org, history):
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")

    assert [(p.title, p.decided_after) for p in pack.proposals] == [
        ("Social care workforce", "Still awaiting decision"),
        ("Depot security", "Declined on 5 Oct 2026"),
    ]
    assert "30 September 2026" in pack.proposals_as_at


def test_proposals_of_the_current_quarter_are_those_open_now(org):
    corporate(org, "CRR-01", "Budget gap")
    services.register_approve(register=org.corporate, by=org.people["chief"])
    proposal = propose(org, "Social care workforce", proposed_at=timezone.now())
    quarter = Quarter.containing(timezone.localdate())

    pack = slt_pack(organisation=org.organisation, quarter=quarter, variant="full")

    assert [p.pk for p in pack.proposals] == [proposal.pk]
    assert pack.proposals_as_at == "open now"
    assert [r.trends[-1].trend.text for r in pack.risks] == ["New"]


def test_overdue_reviews_and_actions(org, history):
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")

    assert [r.reference for r in pack.overdue_reviews] == ["CRR-04"]
    assert [(a.reference, a.description) for a in pack.overdue_actions] == [
        ("CRR-02", "Patch the firewalls"),
        (EXEMPT, "Install hostile vehicle barriers"),
    ]


def test_the_public_version_leaves_exempt_risks_out_of_every_section(org, history):
    full = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")
    public = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="public")

    assert [r.reference for r in public.risks] == [
        r.reference for r in full.risks if r.reference != EXEMPT
    ]
    assert public.total == full.total - 1
    assert sum(public.residual_counts.values()) == sum(full.residual_counts.values()) - 1
    assert sum(public.inherent_counts.values()) == sum(full.inherent_counts.values()) - 1
    assert sum(b.count for b in public.band_counts) == public.total
    assert [p.title for p in public.proposals] == ["Social care workforce"]
    assert EXEMPT not in [a.reference for a in public.overdue_actions]
    assert public.movement.steady == full.movement.steady - 1
    # The exempt corporate risk and the exempt risk proposed for escalation.
    assert public.withheld == 2
    assert public.marking == "Public version: 2 exempt risks withheld"
    assert public.withheld_text == "2 risks withheld as exempt from publication"


def test_the_appendix_carries_only_the_exempt_risks(org, history):
    appendix = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="appendix")

    assert [r.reference for r in appendix.risks] == [EXEMPT]
    assert [p.title for p in appendix.proposals] == ["Depot security"]
    assert [a.reference for a in appendix.overdue_actions] == [EXEMPT]
    assert appendix.departures == [] and appendix.arrivals == []
    assert appendix.marking == "CONFIDENTIAL appendix: exempt risks"


def test_a_risk_marked_exempt_after_approval_is_still_withheld(org, history):
    Risk.objects.filter(reference="CRR-01").update(exempt=True)

    public = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="public")

    assert "CRR-01" not in [r.reference for r in public.risks]
    assert public.withheld == 3


# The PDF ----------------------------------------------------------------------------------


def test_the_pdf_prints_every_risk_with_its_trend_and_the_changes(org, history):
    pdf = slt_pack_pdf(organisation=org.organisation, quarter=QUARTER, variant="full")
    pages = pdf_pages(pdf)
    text = flat(" ".join(pages))

    assert pdf.startswith(b"%PDF")
    assert "Quarterly corporate risk report to the Strategic Leadership Team" in text
    assert "OFFICIAL: internal" in pages[0]
    assert "Page 1 of" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    for page in pages:
        assert "Testshire Council · SLT risk pack 2026/27 Q2" in page  # the running header
    for column in TREND_COLUMNS:
        assert column in text
    for reference, trends in TRENDS.items():
        row = re.search(rf"{reference} .*?(?=CRR-0\d |$)", text).group(0)
        found = re.findall(r"N/A|New(?! risk)|[↑↓] (?:Up|Down) \d+|→ Steady", row)
        assert found[:4] == trends, reference
    assert "Exempt from publication".upper() in text.upper()
    # What changed: new, escalated, closed with its reason, de-escalated, re-scored.
    assert "Escalated from People directorate" in text
    assert CLOSURE_REASON in text
    assert DE_ESCALATION_REASON in text
    assert "Red 16 → Red 20" in text
    assert "Amber 9 → Red 16" in text
    assert "Social care workforce" in text
    escalations = text[text.index("4. Escalations awaiting SLT") : text.index("5. Overdue")]
    assert "Social care workforce" in escalations
    assert "Pothole claims" not in escalations  # decided before the quarter ended
    assert "Patch the firewalls" in text
    assert "Old cancelled plan" not in text


def test_the_public_pdf_withholds_exempt_risks_and_says_how_many(org, history):
    pages = pdf_pages(
        slt_pack_pdf(organisation=org.organisation, quarter=QUARTER, variant="public")
    )
    text = flat(" ".join(pages))

    assert "Public version: 2 exempt risks withheld" in pages[0]
    assert "2 risks withheld as exempt from publication" in text
    for reference in PUBLISHED:
        assert reference in text
    assert EXEMPT not in text
    assert "Counter-terrorism" not in text
    assert "Depot security" not in text
    assert "hostile vehicle" not in text


def test_the_appendix_pdf_carries_the_exempt_risks(org, history):
    pages = pdf_pages(
        slt_pack_pdf(organisation=org.organisation, quarter=QUARTER, variant="appendix")
    )
    text = flat(" ".join(pages))

    assert "CONFIDENTIAL appendix: exempt risks" in pages[0]
    assert EXEMPT in text and "Counter-terrorism protection" in text
    assert "Depot security" in text
    for reference in PUBLISHED:
        assert reference not in text


# Pages: who may read what -----------------------------------------------------------------


def pack_url(name="reports:slt-pack", **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse(name)}?{query}" if query else reverse(name)


@pytest.mark.parametrize("who", READ_EVERYTHING)
@pytest.mark.parametrize("variant", ["full", "public", "appendix"])
def test_pack_readers_read_every_version(client, org, history, who, variant):
    client.force_login(org.people[who])

    page = client.get(pack_url(quarter="2026/27 Q2", variant=variant))
    pdf = client.get(pack_url("reports:slt-pack-pdf", quarter="2026/27 Q2", variant=variant))

    assert page.status_code == 200
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (f'inline; filename="SLT-pack-2026-27-Q2-{variant}.pdf"')


@pytest.mark.parametrize("variant", ["full", "appendix"])
def test_committee_members_read_the_public_version_only(client, org, history, variant):
    client.force_login(org.people["committee"])

    assert client.get(pack_url(variant="public")).status_code == 200
    assert client.get(pack_url("reports:slt-pack-pdf", variant="public")).status_code == 200
    refused = client.get(pack_url(variant=variant))
    assert refused.status_code == 403
    assert "public version of the SLT pack only" in refused.content.decode()
    assert client.get(pack_url("reports:slt-pack-pdf", variant=variant)).status_code == 403


def test_a_superuser_without_a_profile_reads_the_organisations_pack(
    client, org, history, django_user_model
):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)

    response = client.get(pack_url(variant="appendix"))

    assert response.status_code == 200
    assert response.context["pack"].organisation == org.organisation


def test_committee_members_get_the_public_version_by_default(client, org, history):
    client.force_login(org.people["committee"])

    response = client.get(pack_url())

    assert response.status_code == 200
    assert response.context["pack"].variant == "public"
    assert EXEMPT not in response.content.decode()


@pytest.mark.parametrize("who", READ_NOTHING)
def test_owners_heads_and_directors_read_no_pack(client, org, history, who):
    client.force_login(org.people[who])

    for name in ("reports:slt-pack", "reports:slt-pack-pdf"):
        for variant in ("full", "public", "appendix"):
            response = client.get(pack_url(name, variant=variant))
            assert response.status_code == 403
            assert "The SLT pack is read by" in response.content.decode()


@pytest.mark.parametrize("name", ["reports:index", "reports:slt-pack", "reports:slt-pack-pdf"])
def test_signed_out_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_only_get_is_allowed(client, org, history):
    client.force_login(org.people["chief"])

    for name in ("reports:index", "reports:slt-pack", "reports:slt-pack-pdf"):
        assert client.post(reverse(name)).status_code == 405


# The index --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", READ_EVERYTHING)
def test_the_index_lists_every_approved_quarter_in_every_version(client, org, history, who):
    client.force_login(org.people[who])

    response = client.get(reverse("reports:index"))
    page = response.content.decode()

    assert response.status_code == 200
    for approved in APPROVALS:
        for variant in ("full", "public", "appendix"):
            query = f"quarter={approved.label.replace('/', '%2F').replace(' ', '+')}"
            assert f"{reverse('reports:slt-pack')}?{query}&amp;variant={variant}" in page
            assert f"{reverse('reports:slt-pack-pdf')}?{query}&amp;variant={variant}" in page


def test_the_index_offers_committee_members_the_public_versions(client, org, history):
    client.force_login(org.people["committee"])

    page = client.get(reverse("reports:index")).content.decode()

    assert "variant=public" in page
    assert "variant=full" not in page and "variant=appendix" not in page


@pytest.mark.parametrize("who", READ_NOTHING)
def test_the_index_offers_others_no_pack(client, org, history, who):
    client.force_login(org.people[who])

    response = client.get(reverse("reports:index"))
    page = response.content.decode()

    assert response.status_code == 200
    assert reverse("reports:slt-pack") not in page
    assert "There are no reports for your role" in page


def test_the_index_offers_the_draft_when_no_quarter_is_approved(client, org):
    client.force_login(org.people["chief"])

    response = client.get(reverse("reports:index"))
    page = response.content.decode()

    assert "No approved pack yet" in page
    quarter = quarter_considered(timezone.localdate())
    assert response.context["drafts"][0][0] == quarter
    assert f"{quarter.label} (draft)" in page


def test_the_navigation_leads_to_the_reports(client, org):
    client.force_login(org.people["officer"])

    page = client.get(reverse("web:home")).content.decode()

    assert f'href="{reverse("reports:index")}"' in page


# The preview page -------------------------------------------------------------------------


def test_the_preview_shows_what_the_pdf_shows(client, org, history):
    client.force_login(org.people["insurance"])

    response = client.get(pack_url(quarter="2026/27 Q2", variant="full"))
    page = flat(response.content.decode())

    assert response.context["pack"].quarter == QUARTER
    assert "Quarterly corporate risk report to the Strategic Leadership Team" in page
    assert "OFFICIAL: internal" in page
    for column in TREND_COLUMNS:
        assert column in page
    for reference, trends in TRENDS.items():
        row = re.search(rf'id="slt-risk-{reference.lower()}".*?</tr>', page).group(0)
        cells = re.findall(r'class="trend slt-trend[^"]*">(.*?)</td>', row)
        assert [re.sub(r"<[^>]+>", "", cell) for cell in cells] == trends, reference
    assert "Escalated from People directorate" in page
    assert CLOSURE_REASON in page
    assert "Exempt from publication" in page
    pdf_link = pack_url("reports:slt-pack-pdf", quarter="2026%2F27+Q2", variant="full")
    assert f'href="{pdf_link.replace("&", "&amp;")}"' in page


def test_the_public_preview_withholds_exempt_risks(client, org, history):
    client.force_login(org.people["chief"])

    page = client.get(pack_url(quarter="2026/27 Q2", variant="public")).content.decode()

    assert "2 risks withheld as exempt from publication" in page
    assert EXEMPT not in page
    assert "Depot security" not in page


def test_the_quarter_under_review_is_shown_by_default(client, org, history):
    client.force_login(org.people["chief"])

    response = client.get(reverse("reports:slt-pack"))

    pack = response.context["pack"]
    assert pack.quarter == quarter_considered(timezone.localdate())
    assert pack.variant == "full"
    assert pack.draft is (pack.quarter != QUARTER)


@pytest.mark.parametrize("name", ["reports:slt-pack", "reports:slt-pack-pdf"])
def test_a_quarter_that_is_not_one_is_a_400_with_the_reason(client, org, history, name):
    client.force_login(org.people["chief"])

    response = client.get(pack_url(name, quarter="2026 Q2"))

    assert response.status_code == 400
    assert "is not a quarter: write it like 2026/27 Q2" in response.content.decode()


@pytest.mark.parametrize("name", ["reports:slt-pack", "reports:slt-pack-pdf"])
def test_a_quarter_without_an_approval_is_a_404_with_the_reason(client, org, history, name):
    client.force_login(org.people["chief"])

    response = client.get(pack_url(name, quarter="2024/25 Q1"))

    assert response.status_code == 404
    assert "SLT did not approve the corporate register in 2024/25 Q1" in (response.content.decode())


def test_an_unknown_version_is_a_400(client, org, history):
    client.force_login(org.people["chief"])

    response = client.get(pack_url(variant="draft"))

    assert response.status_code == 400
    assert "is not a version of the pack" in response.content.decode()


def test_before_any_approval_the_quarter_under_review_is_a_draft(client, org):
    client.force_login(org.people["chief"])

    response = client.get(reverse("reports:slt-pack"))

    assert response.status_code == 200
    assert response.context["pack"].draft
    assert "Draft pack for SLT's meeting" in response.content.decode()


def test_no_corporate_register_is_said_plainly(client, org):
    org.corporate.delete()
    client.force_login(org.people["chief"])

    response = client.get(reverse("reports:slt-pack"))

    assert response.status_code == 404
    assert "Your organisation has no corporate register yet." in response.content.decode()


def test_the_filename_names_the_quarter_and_version():
    assert pack_filename(quarter=QUARTER, variant="public") == "SLT-pack-2026-27-Q2-public.pdf"
    assert pack_filename(quarter=Quarter(2099, 4), variant="full") == (
        "SLT-pack-2099-00-Q4-full.pdf"
    )


# Bounded queries --------------------------------------------------------------------------

# slt_pack: the corporate register, the snapshots, their risk rows, the bands, the risks, their
# actions (with owners), the movements, the escalations and the closures proposed to SLT, the
# new corporate risks proposed by SLT's members, the Section 151 Officer's review, the red risks
# on lower registers, the open risks' exposure.
PACK_MAX_QUERIES = 13
# The pages add the session, the user, their roles, profile and organisation, the approved
# quarters and (the HTML pages) the unread-notifications count; by default they show the
# quarter under review, a draft, which reads the register as approval would freeze it (the
# risks, the previous snapshot and its rows, the movements in, the bands, the snapshots again),
# and the risk appetite in force (its lines, one query).
PAGE_MAX_QUERIES = 29


def corporate_register_of(org, count):
    """``count`` corporate risks with a control and two actions each, approved in two
    quarters."""
    other_people = [org.people[name] for name in ("director", "head", "officer")]
    risks = []
    for n in range(count):
        risk = corporate(
            org,
            f"CRR-{n:03d}",
            f"Risk {n}",
            exempt=n % 7 == 0,
            residual_likelihood=1 + n % 5,
            residual_impact=1 + (n // 5) % 5,
        )
        risks.append(risk)
    Action.objects.bulk_create(
        Action(
            risk=risk,
            kind=kind,
            description=f"{kind} for {risk.reference}",
            owner=other_people[i % 3],
            due_date=date(2026, 1, 1),
            status=ActionStatus.OPEN,
        )
        for risk in risks
        for i, kind in enumerate([ActionKind.CONTROL, ActionKind.ACTION, ActionKind.ACTION])
    )
    approve(org, Quarter(2026, 1))
    Risk.objects.filter(register=org.corporate).update(residual_likelihood=5)
    approve(org, Quarter(2026, 2))
    propose(org, "Social care workforce", proposed_at=BETWEEN_Q1_AND_Q2)


@pytest.mark.parametrize("count", [5, 40])
@pytest.mark.parametrize("variant", ["full", "public", "appendix"])
def test_the_pack_costs_the_same_queries_for_5_or_40_risks(
    org, count, variant, django_assert_max_num_queries
):
    corporate_register_of(org, count)

    with django_assert_max_num_queries(PACK_MAX_QUERIES):
        pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant=variant)
        # Everything the templates read is loaded.
        for risk in pack.risks:
            assert risk.controls and risk.actions

    expected = {"full": count, "public": count - (count + 6) // 7, "appendix": (count + 6) // 7}
    assert pack.total == expected[variant]


@pytest.mark.parametrize("count", [5, 40])
@pytest.mark.parametrize("name", ["reports:index", "reports:slt-pack", "reports:slt-pack-pdf"])
def test_the_pages_cost_the_same_queries_for_5_or_40_risks(client, org, count, name):
    corporate_register_of(org, count)
    client.force_login(org.people["insurance"])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name))

    assert response.status_code == 200
    assert len(queries) <= PAGE_MAX_QUERIES, [q["sql"] for q in queries.captured_queries]


def test_another_organisations_snapshots_are_not_read(org, history):
    other = RegisterFactory(tier=Tier.CORPORATE, prefix="OTHER")
    services.register_approve(register=other, by=other.owner, at=APPROVALS[Quarter(2025, 3)])
    services.register_approve(
        register=other, by=other.owner, at=datetime(2026, 11, 1, tzinfo=LONDON)
    )

    assert latest_approved_quarter(organisation=org.organisation) == QUARTER
    pack = slt_pack(organisation=org.organisation, quarter=QUARTER, variant="full")
    assert {risk.reference for risk in pack.risks} == set(TRENDS)
