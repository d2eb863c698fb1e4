"""What a worker keeps of the registers' trends (``api.selectors._Frame``): the rows of each
register's two compared snapshots, by register and approval. Kept, they answer as the register
page does, with no query; a new approval, a risk not yet met and the end of the keeping time
each bring a fresh read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import selectors
from registers.models import Risk
from registers.selectors import changes, kept
from registers.selectors.register_page import register_trends
from tests.registers.test_register_page import approve_in, bulk_risks, quarters_ago, rescore

pytestmark = pytest.mark.django_db


def listed(*registers):
    return list(
        selectors.risk_rows(Risk.objects.filter(register__in=registers)).order_by("reference")
    )


def as_the_page_says(risks):
    """Each risk's trend as its register's page works it out, afresh."""
    trends = {}
    for risk in risks:
        register = risk.register
        if register.pk not in trends:
            trends[register.pk] = register_trends(register=register)
    return {risk.pk: trends[risk.register_id].of(risk) for risk in risks}


def trends_and_queries(risks):
    with CaptureQueriesContext(connection) as queries:
        trends = selectors.risk_trends(risks)
    return trends, len(queries)


@pytest.fixture
def two_quarters(org):
    """Two registers approved in two quarters, a risk's score up between them."""
    for register in (org.corporate, org.service_register):
        _, up, _ = bulk_risks(register, 3)
        approve_in(register, quarters_ago(2))
        rescore(up, 5, 5)
        approve_in(register, quarters_ago(1))
    return org


def test_kept_frames_answer_again_with_no_query(two_quarters):
    org = two_quarters
    risks = listed(org.corporate, org.service_register)
    first, queries = trends_and_queries(risks)
    assert queries == 2
    assert first == as_the_page_says(risks)
    assert {trend.direction for trend in first.values()} == {"steady", "up"}
    again, queries = trends_and_queries(listed(org.corporate, org.service_register))
    assert (again, queries) == (first, 0)


def test_a_risk_not_yet_met_is_read_alone(two_quarters):
    org = two_quarters
    risks = listed(org.corporate)
    trends_and_queries(risks[:1])
    trends, queries = trends_and_queries(risks)
    assert queries == 1  # its rows; the register's snapshots are kept
    assert trends == as_the_page_says(risks)


def test_a_new_approval_is_read_afresh(two_quarters):
    org = two_quarters
    trends_and_queries(listed(org.corporate))
    up = next(risk for risk in listed(org.corporate) if risk.residual_score == 25)
    rescore(up, 1, 1)
    approve_in(org.corporate, quarters_ago(0), day=0)
    risks = listed(org.corporate)
    trends, queries = trends_and_queries(risks)
    assert queries == 2
    assert trends == as_the_page_says(risks)
    assert trends[up.pk].direction == "down"


def test_frames_past_their_time_are_read_again(two_quarters, monkeypatch):
    org = two_quarters
    risks = listed(org.corporate)
    before, _ = trends_and_queries(risks)
    later = kept.time.monotonic() + changes.CACHE_SECONDS + 1
    monkeypatch.setattr(kept.time, "monotonic", lambda: later)
    trends, queries = trends_and_queries(risks)
    assert (trends, queries) == (before, 2)
