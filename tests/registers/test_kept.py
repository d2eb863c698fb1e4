"""What a worker keeps between requests (``registers.selectors.kept``), and the register page's
trends kept by register and approval."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registers.models import Register
from registers.selectors import kept
from registers.selectors.changes import CACHE_SECONDS
from registers.selectors.register_page import register_trends
from tests.registers.test_register_page import approve_in, bulk_risks, quarters_ago, rescore


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves on: ``clock.now += seconds``."""

    class Clock:
        now = 1_000.0

    monkeypatch.setattr(kept.time, "monotonic", lambda: Clock.now)
    return Clock


def test_a_value_is_kept_for_the_keeping_time_then_forgotten(clock):
    store = kept.Kept()
    assert store.get("a") is None
    assert store.keep("a", 1) == 1
    clock.now += CACHE_SECONDS
    assert store.get("a") == 1
    clock.now += 1
    assert store.get("a") is None


def test_what_has_run_out_is_swept_when_something_new_is_kept(clock):
    store = kept.Kept()
    store.keep("old", 1)
    clock.now += CACHE_SECONDS + 1
    store.keep("new", 2)
    assert set(store._values) == {"new"}


def test_forgetting_everything_empties_every_store(clock):
    stores = [kept.Kept(), kept.Kept()]
    for store in stores:
        store.keep("a", 1)
    kept.forget_everything()
    assert [store.get("a") for store in stores] == [None, None]


@pytest.mark.django_db
def test_a_registers_trends_are_kept_until_its_next_approval(org):
    register = org.corporate
    _, up, _ = bulk_risks(register, 3)
    approve_in(register, quarters_ago(2))
    rescore(up, 5, 5)
    approve_in(register, quarters_ago(1))
    register = Register.objects.get(pk=register.pk)
    first = register_trends(register=register)
    assert first.trends.in_quarter(up.pk, first.latest).direction == "up"
    with CaptureQueriesContext(connection) as queries:
        again = register_trends(register=Register.objects.get(pk=register.pk))
    assert again is first
    assert len(queries) == 1  # the register itself
    rescore(up, 1, 1)
    approve_in(register, quarters_ago(0), day=0)
    after = register_trends(register=Register.objects.get(pk=register.pk))
    assert after is not first
    assert after.trends.in_quarter(up.pk, after.latest).direction == "down"
