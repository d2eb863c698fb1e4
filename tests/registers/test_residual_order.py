"""The residual order each risk stores (registers/models/residual_order.py): the same order as
the rule's SQL (``with_bands``' rank, then the score), kept true by every way a risk is written
and by every change to the bands it depends on."""

import importlib
import itertools

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from common.paging import keys
from registers import reference
from registers.history import history_aware_update
from registers.models import Organisation, Risk
from registers.models.residual_order import residual_orders
from registers.selectors.across import (
    ACROSS_DEFAULT_SORT,
    ACROSS_SORT_COLUMNS,
    PAGE_SIZE,
    across_risks,
    across_scope,
)
from registers.selectors.register_page import parse_sort, sort_risks
from scoring.models import Scheme, SchemeBand
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory
from tests.registers.test_permissions import _risks_everywhere

pytestmark = pytest.mark.django_db

INDEX = "risk_open_by_residual_order"
RULE_ORDER = (
    F("residual_rank").desc(nulls_last=True),
    F("residual_score").desc(nulls_last=True),
    "reference",
    "pk",
)


def assert_read_from_index_in_order(queryset, index):
    """On PostgreSQL, ``queryset`` is answered from ``index`` in its order, with no sort; SQLite
    has no such index. On a few rows PostgreSQL's planner rightly prefers reading the table, or
    an index's matches then a sort: forbidding those for the transaction shows whether the index
    can answer the query as written (a sort is still chosen where nothing else gives the order)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [index])
            assert cursor.fetchall() == []
            return
        for method in ("seqscan", "bitmapscan", "sort"):
            cursor.execute(f"SET LOCAL enable_{method} = off")
    plan = queryset.explain()
    assert index in plan and "Sort" not in plan, plan


def by_rule(risks):
    """The references in the order the rule's SQL sorts them, high to low."""
    bands = reference.bands(Organisation.objects.get(pk=risks[0].organisation_id))
    return list(
        Risk.objects.filter(pk__in=[risk.pk for risk in risks])
        .with_bands(bands)
        .order_by(*RULE_ORDER)
        .values_list("reference", flat=True)
    )


def by_stored(risks):
    return list(
        Risk.objects.filter(pk__in=[risk.pk for risk in risks])
        .order_by("-residual_order", "reference", "pk")
        .values_list("reference", flat=True)
    )


def stale(risks):
    """The risks whose stored order is not what a save would write now."""
    fresh = list(Risk.objects.filter(pk__in=[risk.pk for risk in risks]))
    return [
        risk.reference
        for risk, order in zip(fresh, residual_orders(fresh), strict=True)
        if risk.residual_order != order
    ]


def every_kind(register):
    """A risk at every residual score, one rated in each band of the default scheme (both at
    and between the scored risks' ranks), one rated in a band the scheme has not, and one with
    neither score nor rating; references chosen so that ties would show a wrong order."""
    risks = [
        RiskFactory(
            register=register,
            reference=f"S{5 - likelihood}{5 - impact}",
            residual_likelihood=likelihood,
            residual_impact=impact,
        )
        for likelihood, impact in itertools.product(range(1, 6), repeat=2)
    ]
    for key in ("green", "amber", "red", "purple", ""):
        risks.append(
            RiskFactory(
                register=register,
                reference=f"A-{key or 'none'}",
                residual_likelihood=None,
                residual_impact=None,
                imported_band=key,
            )
        )
    return risks


def test_the_stored_order_is_the_rules_order(org):
    risks = every_kind(org.service_register)
    assert by_stored(risks) == by_rule(risks)
    # Both ways round the ties: a rated risk comes after the scored risks of its rank.
    order = by_stored(risks)
    red = order.index("A-red")  # at red's floor, 15: after the scores of 15, before the 12s
    assert {order[red - 2], order[red - 1]} == {"S20", "S02"}
    assert order[red + 1] in {"S21", "S12"}
    assert order[-2:] == ["A-none", "A-purple"]  # neither scored nor in a band: last
    assert not stale(risks)


def test_every_way_of_writing_a_risk_keeps_its_order(org):
    register = org.service_register
    every_kind(register)
    low, rated = Risk.objects.get(reference="S44"), Risk.objects.get(reference="A-amber")
    # A save.
    low.residual_likelihood, low.residual_impact = 5, 5
    low.save()
    rated.residual_likelihood, rated.residual_impact = 1, 2
    rated.save(update_fields=["residual_likelihood", "residual_impact"])
    # An update, with values and with expressions, and a bulk update.
    Risk.objects.filter(reference="S01").update(residual_likelihood=None, residual_impact=None)
    Risk.objects.filter(reference="A-none").update(imported_band="red")
    Risk.objects.filter(reference__in=["S22", "S33"]).update(
        residual_likelihood=F("residual_likelihood") + 1
    )
    moved = list(Risk.objects.filter(reference__in=["S10", "S20"]))
    for risk in moved:
        risk.residual_impact = 1
    Risk.objects.bulk_update(moved, ["residual_impact"])
    # A correction of the record, as the demo and the bench make.
    history_aware_update(Risk, {"reference": "S30"}, residual_impact=F("residual_impact") - 1)
    # A bulk insert.
    Risk.objects.bulk_create(
        [
            Risk(
                register=register,
                organisation=org.organisation,
                reference=reference,
                title=reference,
                category=RiskFactory.category,
                residual_likelihood=likelihood,
                residual_impact=likelihood,
                imported_band=band,
            )
            for reference, likelihood, band in (("B1", 4, ""), ("B2", None, "amber"))
        ]
    )
    everything = list(Risk.objects.filter(register=register))
    assert not stale(everything)
    assert by_stored(everything) == by_rule(everything)


def test_a_change_to_the_bands_reorders_the_risks_rated_by_them(org):
    scheme = Scheme.objects.create(name="Four bands")
    for key, floor in (("low", 1), ("medium", 5), ("high", 10), ("extreme", 20)):
        SchemeBand.objects.create(scheme=scheme, key=key, label=key, floor=floor, colour="#000000")
    organisation = OrganisationFactory(scheme=scheme)
    register = RegisterFactory(organisation=organisation)
    scored = RiskFactory(register=register, reference="S", residual_likelihood=3, residual_impact=4)
    rated = RiskFactory(
        register=register,
        reference="R",
        residual_likelihood=None,
        residual_impact=None,
        imported_band="high",
    )
    risks = [scored, rated]
    assert by_stored(risks) == ["S", "R"]  # 12 before high's floor of 10
    band = SchemeBand.objects.get(scheme=scheme, key="high")
    band.floor = 15
    band.save()
    assert by_stored(risks) == ["R", "S"] == by_rule(risks)
    band.delete()  # a rating in a band the scheme no longer has: last
    assert not stale(risks)
    # The organisation moves to the default scheme, which has no "high" either; then a rating
    # of its red.
    organisation.scheme = Scheme.objects.get(is_default=True)
    organisation.save()
    Risk.objects.filter(pk=rated.pk).update(imported_band="red")
    assert by_stored(risks) == ["R", "S"] == by_rule(risks)
    assert not stale(risks)


def test_a_risk_restored_from_a_backup_without_its_order_gets_it(org):
    """``loaddata`` saves raw, past ``Risk.save``: a backup made before risks stored their
    order brings none (the default, 0), and each risk gets its order as it is loaded."""
    risks = every_kind(org.service_register)
    for risk in Risk.objects.filter(pk__in=[risk.pk for risk in risks]):
        risk.residual_order = 0
        risk.save_base(raw=True)
    assert not stale(risks)
    assert by_stored(risks) == by_rule(risks)


def test_the_migration_writes_every_risks_order(org):
    """What the migration that added the column writes (its own copy of the rule) is what a
    save writes."""
    risks = every_kind(org.service_register)
    Risk.objects.update(residual_order=0)
    migration = importlib.import_module("registers.migrations.0028_risk_residual_order")
    migration.write_residual_order(apps, None)
    assert not stale(risks)


def test_risks_across_registers_are_the_same_risks_read_by_the_organisation(org):
    """On PostgreSQL the page names its risks by the organisation too (which lets the index
    list them in order): for everyone they are still the open risks of the registers they may
    open."""
    _risks_everywhere(org)
    superuser = org.people["chief"].__class__.objects.create(username="root", is_superuser=True)
    for user in [*org.people.values(), superuser]:
        scope = across_scope(user=user)
        expected = set(Risk.objects.open().filter(register__in=scope.registers))
        assert set(across_risks(scope=scope)) == expected, user
    sql = str(across_risks(scope=across_scope(user=org.people["chief"])).query)
    assert ('"registers_risk"."organisation_id" =' in sql) is (connection.vendor == "postgresql")


def test_postgresql_reads_the_first_page_of_risks_across_registers_from_its_index(org):
    """The page's keys query, as the page sorts it by default, is answered in order by the
    index on PostgreSQL (no sort of the organisation's risks); SQLite has no such index (its
    planner, without statistics, took it for one register's lists too) and sorts."""
    every_kind(org.service_register)
    scope = across_scope(user=org.people["chief"])
    default = parse_sort(None, columns=ACROSS_SORT_COLUMNS, default=ACROSS_DEFAULT_SORT)
    first_page = keys(sort_risks(across_risks(scope=scope), sort=default), 0, PAGE_SIZE)
    rule = Risk.objects.filter(organisation=org.organisation).open().with_bands(scope.bands)
    assert list(first_page.values_list("pk", flat=True)) == list(
        rule.order_by(*RULE_ORDER).values_list("pk", flat=True)[:PAGE_SIZE]
    )
    assert_read_from_index_in_order(first_page, INDEX)


def test_a_bulk_insert_reads_the_bands_once_however_many_risks_are_rated(org):
    """Risks rated and not scored need their schemes' bands: one read for all of them, not
    one a row."""
    other = RegisterFactory(organisation=OrganisationFactory())
    rows = [
        Risk(
            register=register,
            organisation_id=register.organisation_id,
            reference=f"R{index}",
            title="Rated",
            category=RiskFactory.category,
            imported_band=band,
        )
        for index, (register, band) in enumerate(
            itertools.product((org.service_register, other), ("green", "amber", "red") * 5)
        )
    ]
    with CaptureQueriesContext(connection) as queries:
        Risk.objects.bulk_create(rows)
    band_reads = [q for q in queries.captured_queries if "scoring_schemeband" in q["sql"]]
    assert len(band_reads) == 1
    assert not stale(rows)
