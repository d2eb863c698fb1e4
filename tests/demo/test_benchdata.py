import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from demo.benchdata import BENCH_SLUG, QUARTERS
from registers.models import Action, Register, RegisterSnapshot, Risk, RiskSnapshot, Tier
from registers.periods import Quarter

pytestmark = pytest.mark.django_db


def test_generate_bench_data_builds_the_requested_number_of_risks():
    call_command("generate_bench_data", risks=1500)
    risks = Risk.objects.filter(register__organisation__slug=BENCH_SLUG)
    assert risks.count() == 1500
    assert Action.objects.filter(risk__in=risks).count() == 3000
    assert risks.filter(register__tier=Tier.CORPORATE).count() == 30
    assert Register.objects.filter(tier=Tier.DIRECTORATE).count() == 8
    largest = max(r.risks.count() for r in Register.objects.filter(tier=Tier.SERVICE))
    assert largest <= 200
    # Every risk has a history row: bulk inserts still go through simple-history.
    assert Risk.history.count() == 1500
    for risk in risks[:50]:
        risk.full_clean()


def test_generate_bench_data_refuses_to_overwrite_without_replace():
    call_command("generate_bench_data", risks=50)
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_bench_data", risks=50)
    call_command("generate_bench_data", risks=80, replace=True)
    assert Risk.objects.count() == 80


def test_generate_bench_data_approves_four_quarters_with_scores_moving_between_them():
    call_command("generate_bench_data", risks=400)
    registers = Register.objects.filter(organisation__slug=BENCH_SLUG)
    quarters = Quarter.containing(timezone.localdate()).previous.last(QUARTERS)
    assert len(quarters) == 4
    for register in registers:
        snapshots = list(register.snapshots.order_by("approved_at"))
        assert [Quarter(s.year, s.quarter) for s in snapshots] == quarters
        # The latest approval is the register's, by its owner.
        assert register.last_approved_at == snapshots[-1].approved_at
        assert register.last_approved_by_id == register.owner_id
        for snapshot in snapshots:
            assert snapshot.risks.count() == register.risks.count()
    assert RegisterSnapshot.objects.filter(register__in=registers).count() == 4 * registers.count()
    # The latest quarter's snapshot holds the risks' current scores...
    latest = {
        row.risk_id: (row.residual_likelihood, row.residual_impact)
        for row in RiskSnapshot.objects.filter(snapshot__year=quarters[-1].year).filter(
            snapshot__quarter=quarters[-1].number
        )
    }
    assert latest == {
        risk.pk: (risk.residual_likelihood, risk.residual_impact)
        for risk in Risk.objects.filter(register__in=registers)
    }
    # ...and earlier quarters differ for some risks, both up and down.
    first = {
        row.risk_id: row.residual_likelihood
        for row in RiskSnapshot.objects.filter(
            snapshot__year=quarters[0].year, snapshot__quarter=quarters[0].number
        )
    }
    went_up = sum(latest[pk][0] > before for pk, before in first.items())
    went_down = sum(latest[pk][0] < before for pk, before in first.items())
    assert went_up > 20
    assert went_down > 10
    # The risks' history still ends at their current scores.
    for risk in Risk.objects.filter(register__in=registers)[:100]:
        assert risk.history.first().residual_likelihood == risk.residual_likelihood


def test_generate_bench_data_replaces_snapshots_and_their_history():
    call_command("generate_bench_data", risks=60)
    call_command("generate_bench_data", risks=60, replace=True)
    risks = Risk.objects.filter(register__organisation__slug=BENCH_SLUG)
    assert Risk.history.count() == risks.count() == 60
    assert Action.history.count() == 120
    assert RiskSnapshot.objects.count() == 4 * 60
