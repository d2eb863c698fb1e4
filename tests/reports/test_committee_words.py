"""The committee report as the policy asks: each corporate risk as a register entry (description,
impacts, inherent and residual scores, mitigations, who is responsible); Internal Audit's
independent opinion, which the Insurance Manager cannot write; the confidential appendix
(Part B) for committee members and nobody signed out."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from registers.models import ActionKind, ActionStatus
from reports.committee import (
    committee_introduction_save,
    committee_opinion_save,
    committee_report,
    committee_report_pdf,
)
from reports.models import CommitteeNarrative
from reports.permissions import can_write_introduction, can_write_opinion
from tests.factories import ActionFactory
from tests.reports.test_committee import TODAY, YEAR, build_year, flat, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(org):
    """The year of the corporate register that test_committee builds (CRR-04 exempt)."""
    return build_year(org)


PAGE = "reports:committee-report"
PDF = "reports:committee-report-pdf"
OPINION = "reports:committee-opinion"
NARRATIVE = "reports:committee-narrative"


# Each risk as the register describes it --------------------------------------------------------


def test_each_risk_is_described_with_its_scores_mitigations_and_owner(year):
    risk = year.risks["CRR-01"]
    risk.event = "If a ransomware attack succeeds"
    risk.consequence = "systems are encrypted for weeks"
    risk.impact = "and services to residents stop"
    risk.save()
    ActionFactory(
        risk=risk, kind=ActionKind.CONTROL, status=ActionStatus.OPEN, description="Offline backups"
    )
    ActionFactory(
        risk=risk,
        kind=ActionKind.ACTION,
        status=ActionStatus.CANCELLED,
        description="A cancelled plan",
    )
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="full", today=TODAY
    )
    entry = next(r for r in report.risks if r.reference == "CRR-01")
    assert (entry.event, entry.consequence, entry.impact) == (
        "If a ransomware attack succeeds",
        "systems are encrypted for weeks",
        "and services to residents stop",
    )
    assert entry.inherent.text == "Red 25" and entry.inherent.parts == "L5 × I5"
    assert entry.residual.text == "Amber 12"
    assert "Offline backups" in [c.description for c in entry.controls]
    assert "A cancelled plan" not in [a.description for a in entry.actions]
    pdf = committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="full")
    text = flat(pdf_text(pdf))
    section = text[text.index("The corporate risks in detail") :]
    assert "If a ransomware attack succeeds" in section
    assert "Offline backups" in section
    assert "Inherent (without controls)" in section and "Residual (with mitigations)" in section
    assert "Responsible" in section


def test_the_public_version_describes_no_exempt_risk(year):
    public = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="public", today=TODAY
    )
    appendix = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="appendix", today=TODAY
    )
    assert "CRR-04" not in {r.reference for r in public.risks}
    assert public.withheld == 2  # CRR-04, and DIR-PLACE-03 proposed for escalation
    assert {r.reference for r in appendix.risks} == {"CRR-04"}
    assert appendix.risks[0].event  # the appendix describes it in full


# Who writes which words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "opinion", "introduction"),
    [
        ("audit", True, False),
        ("insurance", False, True),
        ("chief", False, False),
        ("committee", False, False),
        ("s151", False, False),
    ],
)
def test_who_writes_the_opinion_and_the_introduction(org, who, opinion, introduction):
    user = org.people[who]
    assert can_write_opinion(user) is opinion
    assert can_write_introduction(user) is introduction


def test_internal_audit_can_write_the_opinion_and_the_insurance_manager_cannot(org):
    audit, insurance = org.people["audit"], org.people["insurance"]
    with pytest.raises(ValidationError) as refused:
        committee_opinion_save(
            organisation=org.organisation, year=YEAR, opinion="Mine", version=0, by=insurance
        )
    assert refused.value.code == "not_allowed"
    assert not CommitteeNarrative.objects.exists()
    narrative = committee_opinion_save(
        organisation=org.organisation,
        year=YEAR,
        opinion="Adequate, with reviews to tighten.",
        version=0,
        by=audit,
    )
    assert narrative.opinion == "Adequate, with reviews to tighten."
    assert narrative.opinion_by == audit and narrative.opinion_at is not None
    assert narrative.history.first().history_change_reason == "Opinion written"


def test_the_opinion_is_printed_with_its_author(year):
    audit = year.org.people["audit"]
    audit.first_name, audit.last_name = "Priya", "Shah"
    audit.save()
    committee_opinion_save(
        organisation=year.org.organisation,
        year=YEAR,
        opinion="The control environment is adequate.",
        version=0,
        by=audit,
    )
    report = committee_report(
        organisation=year.org.organisation, year=YEAR, variant="public", today=TODAY
    )
    assert report.opinion_by == "Priya Shah"
    text = flat(
        pdf_text(
            committee_report_pdf(organisation=year.org.organisation, year=YEAR, variant="public")
        )
    )
    assert "Internal Audit's independent opinion" in text
    assert "Priya Shah, Internal Audit" in text


def test_an_overtaken_opinion_is_refused_and_the_introduction_does_not_get_in_its_way(org):
    audit, insurance = org.people["audit"], org.people["insurance"]
    first = committee_opinion_save(
        organisation=org.organisation, year=YEAR, opinion="One", version=0, by=audit
    )
    # The Insurance Manager saves the introduction meanwhile: a different part.
    committee_introduction_save(
        organisation=org.organisation,
        year=YEAR,
        introduction="Intro",
        version=first.version,
        by=insurance,
    )
    second = committee_opinion_save(
        organisation=org.organisation, year=YEAR, opinion="Two", version=first.version, by=audit
    )
    assert (second.introduction, second.opinion) == ("Intro", "Two")
    with pytest.raises(ValidationError) as refused:  # a colleague's edit from the first version
        committee_opinion_save(
            organisation=org.organisation, year=YEAR, opinion="Three", version=1, by=audit
        )
    assert refused.value.code == "stale"
    second.refresh_from_db()
    assert second.opinion == "Two"


def test_an_opinion_started_before_any_was_written_is_not_overwritten(org):
    audit = org.people["audit"]
    committee_opinion_save(
        organisation=org.organisation, year=YEAR, opinion="First in", version=0, by=audit
    )
    with pytest.raises(ValidationError) as refused:
        committee_opinion_save(
            organisation=org.organisation, year=YEAR, opinion="Second", version=0, by=audit
        )
    assert refused.value.code == "stale"


# The pages ---------------------------------------------------------------------------------------


def post_opinion(client, user, **data):
    client.force_login(user)
    fields = {"year": "2025/26", "variant": "public", "version": "0", "opinion": ""}
    return client.post(reverse(OPINION), {**fields, **data})


def test_internal_audit_writes_the_opinion_from_the_report_page(
    client, org, django_assert_max_num_queries
):
    audit = org.people["audit"]
    client.force_login(audit)
    with django_assert_max_num_queries(20):
        page = client.get(reverse(PAGE), {"year": "2025/26", "variant": "full"})
    html = page.content.decode()
    assert reverse(OPINION) in html and reverse(NARRATIVE) not in html
    assert 'for="id_opinion"' in html
    response = post_opinion(client, audit, opinion="Adequate.")
    assert response.status_code == 302
    narrative = CommitteeNarrative.objects.get(organisation=org.organisation, year=YEAR)
    assert narrative.opinion == "Adequate." and narrative.opinion_by == audit
    assert (
        "independent opinion of the 2025/26 report is saved"
        in client.get(response["Location"]).content.decode()
    )


@pytest.mark.parametrize("who", ["insurance", "chief", "committee", "s151", "director"])
def test_nobody_but_internal_audit_may_post_the_opinion(client, org, who):
    response = post_opinion(client, org.people[who], opinion="Mine now.")
    assert response.status_code == 403
    assert not CommitteeNarrative.objects.exists()


def test_an_overtaken_opinion_keeps_what_was_typed_and_shows_theirs(client, org):
    audit = org.people["audit"]
    committee_opinion_save(
        organisation=org.organisation, year=YEAR, opinion="A colleague's words", version=0, by=audit
    )
    response = post_opinion(client, audit, opinion="My words", version="0")
    assert response.status_code == 409
    html = response.content.decode()
    assert "My words" in html  # nothing lost
    assert "A colleague&#x27;s words" in html or "A colleague's words" in html
    assert "error-summary" in html
    form = response.context["opinion_form"]
    assert form["version"].value() == "1"  # saving again goes through
    assert post_opinion(client, audit, opinion="My words", version="1").status_code == 302


def test_the_opinion_address_takes_posts_only(client, org):
    client.force_login(org.people["audit"])
    assert client.get(reverse(OPINION)).status_code == 405


# Part B ------------------------------------------------------------------------------------------


def test_a_committee_member_reads_the_confidential_appendix(client, year):
    client.force_login(year.org.people["committee"])
    page = client.get(reverse(PAGE), {"year": "2025/26", "variant": "appendix"})
    assert page.status_code == 200
    assert "CRR-04" in page.content.decode()
    pdf = client.get(reverse(PDF), {"year": "2025/26", "variant": "appendix"})
    assert pdf.status_code == 200
    assert "CRR-04" in pdf_text(pdf.content)


def test_an_anonymous_reader_gets_nothing(client, year):
    for name in (PAGE, PDF):
        for variant in ("appendix", "public", "full"):
            response = client.get(reverse(name), {"year": "2025/26", "variant": variant})
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
            assert b"CRR-04" not in response.content


def test_the_public_version_says_how_many_were_withheld(client, year):
    client.force_login(year.org.people["committee"])
    page = client.get(reverse(PAGE), {"year": "2025/26", "variant": "public"})
    html = flat(page.content.decode())
    assert "2 risks exempt from publication are left out of this public version" in html
    assert "CRR-04" not in html
