"""What every page of an organisation reads and seldom changes (its bands, appetite in force and
categories) is read once per process and kept under the organisation's revision: a hit costs
no query, and every write to what it holds moves the revision on, so that no page shows a
copy older than the write."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registers import categories, reference
from registers.appetite import appetite_rules
from registers.models import AppetiteLevel, AppetiteLine, Organisation, RiskCategory
from scoring.models import SchemeBand
from scoring.selectors import scheme_bands
from tests.factories import OrganisationFactory, RiskFactory
from tests.registers.test_appetite import approved_statement, level

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


def fresh(organisation: Organisation) -> Organisation:
    """The organisation as a page reads it, with its revision as it stands now."""
    return Organisation.objects.get(pk=organisation.pk)


def revision(organisation: Organisation) -> int:
    return fresh(organisation).reference_revision


def test_a_second_read_costs_no_query_and_gives_the_same(org, django_assert_num_queries):
    organisation = fresh(org.organisation)
    with django_assert_num_queries(3):  # the bands, the appetite in force, the categories
        first = (
            reference.bands(organisation),
            reference.appetite(organisation, on=TODAY),
            reference.categories(organisation),
        )
    with django_assert_num_queries(0):
        again = (
            reference.bands(organisation),
            reference.appetite(organisation, on=TODAY),
            reference.categories(organisation),
        )
    assert first[0] == again[0] == scheme_bands(scheme_id=organisation.scheme_id)
    assert first[2] == again[2] == categories.category_labels(organisation)
    expected = appetite_rules(bands={organisation.pk: first[0]}, on=TODAY)
    assert again[1].lines == expected.lines and again[1].on == TODAY


def test_the_appetite_is_kept_per_day(org, django_assert_num_queries):
    organisation = fresh(org.organisation)
    reference.appetite(organisation, on=TODAY)
    with django_assert_num_queries(1):
        assert reference.appetite(organisation, on=date(2026, 12, 8)).on == date(2026, 12, 8)


def _rename_category(org):
    categories.category_rename(
        category=RiskCategory.objects.get(organisation=org.organisation, key="finance"),
        by=org.people["insurance"],
        label="Money",
    )


def _delete_category(org):
    RiskCategory.objects.get(organisation=org.organisation, key="political").delete()


def _change_band(org):
    band = SchemeBand.objects.filter(scheme_id=org.organisation.scheme_id).order_by("floor").last()
    band.label = "Severe"
    band.save()


def _approve_appetite(org):
    approved_statement(org, on=TODAY, lines={"finance": ("cautious", 9)})


def _change_line(org):
    _approve_appetite(org)
    line = AppetiteLine.objects.get(statement__organisation=org.organisation)
    line.tolerance = 12
    line.save()


def _delete_line(org):
    _approve_appetite(org)
    AppetiteLine.objects.get(statement__organisation=org.organisation).delete()


def _change_level(org):
    cautious = level("cautious")
    cautious.label = "Careful"
    cautious.save()


WRITES = {
    "a category renamed": _rename_category,
    "a category deleted": _delete_category,
    "a band changed": _change_band,
    "an appetite statement approved": _approve_appetite,
    "an appetite line changed": _change_line,
    "an appetite line deleted": _delete_line,
    "an appetite level renamed": _change_level,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_to_what_is_kept_moves_the_revision_on(org, write):
    before = revision(org.organisation)
    write(org)
    assert revision(org.organisation) > before


def test_the_copies_after_a_write_are_the_new_ones(org):
    organisation = fresh(org.organisation)
    assert reference.categories(organisation)["finance"] != "Money"
    top = reference.bands(organisation)[-1]
    reference.appetite(organisation, on=TODAY)
    _rename_category(org)
    _change_band(org)
    _approve_appetite(org)
    organisation = fresh(org.organisation)
    assert reference.categories(organisation)["finance"] == "Money"
    assert reference.bands(organisation)[-1] == top.__class__(**{**vars_of(top), "label": "Severe"})
    assert reference.appetite(organisation, on=TODAY).lines[(organisation.pk, "finance")]


def vars_of(band) -> dict:
    return {name: getattr(band, name) for name in band.__slots__}


def test_another_organisations_writes_leave_its_revision_alone(org):
    other = OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    before = revision(org.organisation)
    RiskCategory.objects.filter(organisation=other).first().delete()
    assert revision(org.organisation) == before
    assert revision(other) > 0


def test_a_band_moves_on_every_organisation_sharing_its_scheme(org):
    other = OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    other.scheme = org.organisation.scheme
    other.save()
    before = revision(other)
    _change_band(org)
    assert revision(other) > before


def test_a_level_moves_on_every_organisation(org):
    other = OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    before = revision(other)
    _change_level(org)
    assert revision(other) > before
    assert AppetiteLevel.objects.get(key="cautious").label == "Careful"


# The pages: warm, they read none of it; after a change, they show it at once


def register_page(client, org) -> str:
    response = client.get(reverse("registers:register-detail", args=[org.service_register.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_register_page_reads_none_of_it_once_warm(client, org):
    client.force_login(org.people["head"])
    RiskFactory(register=org.service_register)
    with CaptureQueriesContext(connection) as cold:
        register_page(client, org)
    with CaptureQueriesContext(connection) as warm:
        register_page(client, org)
    tables = ("scoring_schemeband", "registers_appetiteline", "registers_riskcategory")
    assert any(table in q["sql"] for q in cold for table in tables)
    assert not [q["sql"] for q in warm if any(table in q["sql"] for table in tables)]
    assert len(warm) == len(cold) - 3


def test_the_register_page_shows_a_renamed_category_at_once(client, org):
    client.force_login(org.people["head"])
    assert "Money" not in register_page(client, org)
    _rename_category(org)
    assert '<option value="finance">Money</option>' in register_page(client, org)


def test_the_register_page_shows_a_changed_band_at_once(client, org):
    client.force_login(org.people["head"])
    RiskFactory(register=org.service_register, residual_likelihood=5, residual_impact=5)
    assert "Severe" not in register_page(client, org)
    _change_band(org)
    assert "Severe" in register_page(client, org)


def test_the_risk_page_shows_a_new_appetite_at_once(client, org):
    risk = RiskFactory(
        register=org.service_register,
        category="finance",
        residual_likelihood=2,
        residual_impact=5,
    )
    client.force_login(org.people["head"])
    url = reverse("web:risk-detail", args=[risk.pk])
    assert "tolerance 9" not in client.get(url).content.decode()
    approved_statement(org, on=timezone.localdate(), lines={"finance": ("cautious", 9)})
    assert "tolerance 9" in client.get(url).content.decode()


def test_several_organisations_bands_in_one_query_then_none(org, django_assert_num_queries):
    other = OrganisationFactory(name="Elsewhere Council", slug="elsewhere")
    organisations = [fresh(org.organisation), fresh(other)]
    with django_assert_num_queries(1):
        read = reference.bands_of(organisations)
    with django_assert_num_queries(0):
        assert reference.bands_of(organisations) == read
    assert read == {
        organisation.pk: scheme_bands(scheme_id=organisation.scheme_id)
        for organisation in organisations
    }
    _change_band(org)
    organisations = [fresh(org.organisation), fresh(other)]
    with django_assert_num_queries(1):  # only the organisation whose bands changed
        again = reference.bands_of(organisations)
    assert again[org.organisation.pk][-1].label == "Severe"
