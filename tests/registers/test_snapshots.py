"""Quarterly snapshots taken when a register's owner approves it (``register_approve``)."""

import math
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from registers.models import (
    Arrival,
    MovementKind,
    Register,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    RiskStatus,
)
from registers.periods import Quarter
from registers.services import register_approve, risk_close, risk_move
from scoring.models import SchemeBand
from tests.factories import RiskFactory, UserFactory

pytestmark = pytest.mark.django_db

Q1, Q2 = Quarter(2025, 1), Quarter(2025, 2)


def at(quarter, day=30, hour=12):
    return timezone.make_aware(datetime.combine(quarter.start + timedelta(days=day), time(hour)))


def approve(register, when=None):
    return register_approve(register=register, by=register.owner, at=when)


def rows(register, quarter) -> dict[str, RiskSnapshot]:
    snapshot = RegisterSnapshot.objects.get(
        register=register, year=quarter.year, quarter=quarter.number
    )
    return {row.reference: row for row in snapshot.risks.all()}


def test_approval_snapshots_every_open_risk_as_it_stands(org):
    register = org.service_register
    owner = UserFactory(first_name="Priya", last_name="Shah")
    RiskFactory(
        register=register,
        reference="AC-01",
        title="Care home closures",
        owner=owner,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=4,
        target_likelihood=2,
        target_impact=3,
        target_date=date(2025, 12, 1),
        exempt=True,
        next_review_due=date(2025, 6, 1),
    )
    RiskFactory(
        register=register,
        reference="AC-02",
        owner=UserFactory(username="nameless", first_name="", last_name=""),
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=1,
        residual_impact=2,
    )
    RiskFactory(register=register, reference="AC-03", owner=None)
    risk_close(
        risk=RiskFactory(register=register, reference="AC-SHUT"),
        by=register.owner,
        reason="Mitigated",
    )
    RiskFactory(register=org.other_service_register, reference="HW-01")
    approved = approve(register, at(Q1))

    snapshot = RegisterSnapshot.objects.get(register=register)
    assert (snapshot.period, snapshot.approved_at, snapshot.approved_by) == (
        Q1,
        at(Q1),
        org.people["head"],
    )
    assert (approved.last_approved_at, approved.last_approved_by) == (at(Q1), org.people["head"])
    frozen = rows(register, Q1)
    assert sorted(frozen) == ["AC-01", "AC-02", "AC-03"]  # not the closed risk, nor elsewhere
    first = frozen["AC-01"]
    assert (first.title, first.owner_name, first.status, first.exempt) == (
        "Care home closures",
        "Priya Shah",
        RiskStatus.OPEN,
        True,
    )
    assert (first.inherent_likelihood, first.inherent_impact, first.inherent_score) == (5, 4, 20)
    assert (first.residual_likelihood, first.residual_impact, first.residual_score) == (3, 4, 12)
    assert (first.target_likelihood, first.target_impact) == (2, 3)
    assert (first.inherent_band_key, first.inherent_band_label) == ("red", "Red")
    assert (first.residual_band_key, first.residual_band_label) == ("amber", "Amber")
    assert first.next_review_due == date(2025, 6, 1)
    unscored = frozen["AC-02"]
    assert unscored.owner_name == "nameless"  # the username when there is no name
    assert (unscored.inherent_band_key, unscored.inherent_band_label) == ("", "")
    assert (unscored.residual_band_key, unscored.residual_band_label) == ("green", "Green")
    assert unscored.exempt is False
    assert frozen["AC-03"].owner_name == ""


def test_arrivals_new_then_already_there_then_new_again(org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-01")
    approve(register, at(Q1))
    RiskFactory(register=register, reference="AC-02")
    approve(register, at(Q2))
    assert {ref: row.arrival for ref, row in rows(register, Q1).items()} == {"AC-01": Arrival.NEW}
    assert {ref: (row.arrival, row.arrived_from) for ref, row in rows(register, Q2).items()} == {
        "AC-01": ("", ""),
        "AC-02": (Arrival.NEW, ""),
    }


def test_arrivals_escalated_and_de_escalated_say_where_from(org):
    service, directorate = org.service_register, org.directorate_register
    up = RiskFactory(register=service, reference="AC-UP")
    down = RiskFactory(register=org.corporate, reference="CRR-DOWN")
    RiskFactory(register=directorate, reference="DIR-STAYS")
    approve(directorate, at(Q1))
    for risk, kind in ((up, MovementKind.ESCALATED), (down, MovementKind.DE_ESCALATED)):
        risk_move(
            risk=Risk.objects.get(pk=risk.pk),
            to_register=directorate,
            kind=kind,
            by=directorate.owner,
            reason="Agreed",
            history_reason="Moved",
        )
    approve(directorate)  # now, after the moves
    latest = RegisterSnapshot.objects.filter(register=directorate).first()
    arrivals = {row.reference: (row.arrival, row.arrived_from) for row in latest.risks.all()}
    assert arrivals == {
        "AC-UP": (Arrival.ESCALATED, "Adult Care service"),
        "CRR-DOWN": (Arrival.DE_ESCALATED, "Corporate"),
        "DIR-STAYS": ("", ""),
    }
    assert latest.period == Quarter.containing(timezone.localdate())


def test_an_arrival_counts_once_then_the_risk_is_simply_there(org):
    service, directorate = org.service_register, org.directorate_register
    risk = RiskFactory(register=service, reference="AC-UP")
    movement = risk_move(
        risk=risk,
        to_register=directorate,
        kind=MovementKind.ESCALATED,
        by=directorate.owner,
        reason="",
        history_reason="Escalated",
    )
    now = timezone.now()
    RiskMovement.objects.filter(pk=movement.pk).update(moved_at=now - timedelta(days=200))
    approve(directorate, now - timedelta(days=120))  # a different quarter from now
    approve(directorate, now)
    first, second = RegisterSnapshot.objects.filter(register=directorate).order_by("approved_at")
    assert (first.risks.get().arrival, first.risks.get().arrived_from) == (
        Arrival.ESCALATED,
        "Adult Care service",
    )
    assert (second.risks.get().arrival, second.risks.get().arrived_from) == ("", "")


def test_later_changes_never_change_a_snapshot(org):
    register = org.service_register
    risk = RiskFactory(
        register=register,
        reference="AC-01",
        title="Before",
        residual_likelihood=4,
        residual_impact=4,
    )
    approve(register, at(Q1))
    before = list(RiskSnapshot.objects.values())

    Risk.objects.filter(pk=risk.pk).update(
        title="After", residual_likelihood=1, residual_impact=1, exempt=True, owner=None
    )
    SchemeBand.objects.filter(scheme=org.organisation.scheme, key="red").update(
        label="Severe", floor=10
    )
    risk_close(risk=Risk.objects.get(pk=risk.pk), by=register.owner, reason="Gone")
    approve(register, at(Q2))

    assert list(RiskSnapshot.objects.filter(snapshot__quarter=Q1.number).values()) == before
    assert before[0]["title"] == "Before"
    assert before[0]["residual_band_label"] == "Red"
    assert rows(register, Q2) == {}  # the closed risk is not in the next quarter


def test_the_scheme_of_the_day_names_the_bands(org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-01", residual_likelihood=3, residual_impact=4)
    SchemeBand.objects.filter(scheme=org.organisation.scheme, key="red").update(
        label="Severe", floor=10
    )
    approve(register, at(Q1))
    row = rows(register, Q1)["AC-01"]
    assert (row.residual_band_key, row.residual_band_label) == ("red", "Severe")


def test_each_approval_is_kept_even_in_the_same_quarter(org):
    register = org.service_register
    RiskFactory(register=register)
    approve(register, at(Q1, day=5))
    approve(register, at(Q1, day=50))
    assert RegisterSnapshot.objects.filter(register=register, quarter=Q1.number).count() == 2
    assert Register.objects.get(pk=register.pk).last_approved_at == at(Q1, day=50)


# Everything an approval does bar writing the snapshot's rows: the register's checks and
# history, the bands, the appetite in force, the previous snapshot, the moves, the risks.
APPROVAL_QUERIES = 48


def approval_queries(register) -> tuple[int, int]:
    """(queries other than inserting snapshot rows, inserts of snapshot rows) to approve."""
    with CaptureQueriesContext(connection) as captured:
        approve(register)
    table = connection.ops.quote_name(RiskSnapshot._meta.db_table)
    inserts = sum(query["sql"].startswith(f"INSERT INTO {table}") for query in captured)
    return len(captured) - inserts, inserts


def insert_batches(count: int) -> int:
    """How many INSERTs ``bulk_create`` needs for ``count`` snapshot rows: one on PostgreSQL;
    on SQLite, whose statements take a limited number of parameters, one per batch."""
    fields = [field for field in RiskSnapshot._meta.concrete_fields if not field.primary_key]
    batch = max(connection.ops.bulk_batch_size(fields, [None] * count), 1)
    return math.ceil(count / batch)


@pytest.mark.parametrize("count", [5, 200])
def test_approval_takes_a_fixed_number_of_queries(org, count):
    register = org.service_register
    RiskFactory.create_batch(count, register=register)
    approve(register, at(Q1))
    fixed, inserts = approval_queries(register)
    assert fixed == APPROVAL_QUERIES
    assert inserts == insert_batches(count)
    assert RegisterSnapshot.objects.filter(register=register).first().risks.count() == count
