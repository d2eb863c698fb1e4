"""The financial exposure the Section 151 Officer and SLT read (docs/domain.md#financial-
exposure): totals by directorate, the risks tied to the MTFS, in the SLT pack's three versions
and on the Section 151 Officer's oversight page, at a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import FinancialLink, RiskStatus
from registers.periods import quarter_considered
from reports.exposure import organisation_exposure
from reports.packs import slt_pack
from scoring.selectors import scheme_bands
from tests.factories import RiskFactory
from tests.reports.test_cycle import S151_PAGE_MAX_QUERIES

pytestmark = pytest.mark.django_db

MTFS = FinancialLink.MTFS


def exposed(register, reference, low, high, **fields):
    return RiskFactory(
        register=register, reference=reference, exposure_low=low, exposure_high=high, **fields
    )


def council_exposure(org):
    """Risks on every tier: People (directorate, service and project registers), Place, and the
    corporate register; one exempt, one closed, one with no estimate."""
    exposed(org.corporate, "CRR-01", 1_000_000, 3_000_000)
    exposed(org.directorate_register, "DIR-PEOPLE-01", 200_000, 500_000)
    exposed(
        org.service_register,
        "AC-01",
        100_000,
        100_000,
        financial_link=MTFS,
        financial_link_detail="Care fees rise by 3% a year",
    )
    exposed(
        org.project_register,
        "PRJ-CH-01",
        50_000,
        2_000_000,
        financial_link=MTFS,
        financial_link_detail="Capital receipts of £2m from the care home sale",
        exempt=True,
    )
    exposed(org.other_service_register, "HW-01", None, None)
    exposed(
        org.other_directorate_register,
        "DIR-PLACE-01",
        10_000,
        20_000,
        financial_link=FinancialLink.BUDGET,
        financial_link_detail="Winter gritting",
    )
    exposed(
        org.other_directorate_register,
        "DIR-PLACE-02",
        9_000_000,
        9_000_000,
        status=RiskStatus.CLOSED,
        closure_reason="Done",
        closed_at=timezone.now(),
    )


def exposure_of(org, variant="full"):
    bands = scheme_bands(scheme_id=org.organisation.scheme_id)
    return organisation_exposure(organisation=org.organisation, bands=bands, variant=variant)


def test_open_risks_are_totalled_by_directorate_corporate_first(org):
    council_exposure(org)

    exposure = exposure_of(org)

    rows = [(r.directorate, r.open_risks, r.estimated, r.range_text) for r in exposure.directorates]
    assert rows == [
        ("Corporate register", 1, 1, "£1,000,000 to £3,000,000"),
        ("People", 3, 3, "£350,000 to £2,600,000"),
        ("Place", 2, 1, "£10,000 to £20,000"),  # the closed risk is not counted
    ]
    total = exposure.total
    assert (total.open_risks, total.estimated, total.not_estimated) == (6, 5, 1)
    assert total.range_text == "£1,360,000 to £5,620,000"


def test_risks_tied_to_the_mtfs_are_listed_largest_first_and_budget_lines_are_not(org):
    council_exposure(org)

    mtfs = exposure_of(org).mtfs_risks

    assert [(m.reference, m.assumption, m.exposure, m.directorate) for m in mtfs] == [
        (
            "PRJ-CH-01",
            "Capital receipts of £2m from the care home sale",
            "£50,000 to £2,000,000",
            "People",
        ),
        ("AC-01", "Care fees rise by 3% a year", "£100,000", "People"),
    ]
    assert mtfs[1].residual.text == "Amber 9"


def test_the_public_version_leaves_exempt_risks_out_and_the_appendix_counts_only_them(org):
    council_exposure(org)

    public = exposure_of(org, "public")
    appendix = exposure_of(org, "appendix")

    assert [m.reference for m in public.mtfs_risks] == ["AC-01"]
    assert public.total.range_text == "£1,310,000 to £3,620,000"
    assert [m.reference for m in appendix.mtfs_risks] == ["PRJ-CH-01"]
    assert [(r.directorate, r.open_risks) for r in appendix.directorates] == [("People", 1)]


def test_with_no_estimates_the_totals_say_so(org):
    RiskFactory(register=org.corporate)
    exposure = exposure_of(org)
    assert exposure.total.range_text == ""
    assert exposure.mtfs_risks == []


def test_the_draft_slt_pack_carries_the_exposure_section(client, org):
    council_exposure(org)
    quarter = quarter_considered(timezone.localdate())

    pack = slt_pack(organisation=org.organisation, quarter=quarter, variant="full")
    assert pack.exposure.total.range_text == "£1,360,000 to £5,620,000"

    client.force_login(org.people["insurance"])
    page = client.get(reverse("reports:slt-pack"), {"quarter": quarter.label}).content.decode()
    section = page.split('id="slt-exposure"', 1)[1].split('id="slt-oversight"', 1)[0]
    assert "7. Financial exposure and the Medium Term Financial Strategy" in section
    assert "£350,000 to £2,600,000" in section
    assert "Care fees rise by 3% a year" in section
    assert 'href="#slt-exposure"' in page  # in the contents


def test_the_s151_officer_sees_exposure_totals_by_directorate(client, org):
    council_exposure(org)
    client.force_login(org.people["s151"])

    page = client.get(reverse("reports:s151-review")).content.decode()

    section = page.split('id="exposure"', 1)[1]
    assert "Estimated exposure by directorate" in section
    assert "£1,360,000 to £5,620,000" in section  # every register, exempt risks included
    assert "Capital receipts of £2m from the care home sale" in section
    assert "1 open risk has no estimate" in section


@pytest.mark.parametrize("who", ["chief", "insurance", "director", "audit"])
def test_only_the_s151_officer_opens_the_oversight_page(client, org, who):
    client.force_login(org.people[who])
    assert client.get(reverse("reports:s151-review")).status_code == 403


# The open risks, with their registers, directorates and owners: one query.
EXPOSURE_MAX_QUERIES = 1


@pytest.mark.parametrize("count", [3, 30])
def test_the_exposure_costs_one_query_for_3_or_30_risks(org, count, django_assert_max_num_queries):
    registers = [org.corporate, org.service_register, org.other_directorate_register]
    for number in range(count):
        exposed(
            registers[number % 3],
            f"X-{number:02d}",
            number,
            number * 2,
            financial_link=MTFS,
            financial_link_detail=f"Assumption {number}",
        )
    bands = scheme_bands(scheme_id=org.organisation.scheme_id)

    with django_assert_max_num_queries(EXPOSURE_MAX_QUERIES):
        exposure = organisation_exposure(organisation=org.organisation, bands=bands, variant="full")
        assert [m.owner_name for m in exposure.mtfs_risks]

    assert exposure.total.open_risks == count


@pytest.mark.parametrize("count", [3, 30])
def test_the_s151_page_costs_the_same_queries_for_3_or_30_risks(
    client, org, count, django_assert_max_num_queries
):
    for number in range(count):
        exposed(
            org.service_register,
            f"X-{number:02d}",
            number,
            number,
            financial_link=MTFS,
            financial_link_detail=f"Assumption {number}",
        )
    client.force_login(org.people["s151"])

    with django_assert_max_num_queries(S151_PAGE_MAX_QUERIES):
        assert client.get(reverse("reports:s151-review")).status_code == 200
