import pytest
from django.core.management import CommandError, call_command

from registers.benchdata import BENCH_SLUG
from registers.models import Action, Register, Risk, Tier

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
