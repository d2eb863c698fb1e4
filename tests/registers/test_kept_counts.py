"""Counts kept until the registers next change (registers/selectors/changes.py): the same
number as counting, one query whether kept or not, and a new count after any risk, action or
register written."""

import pytest
from django.urls import reverse
from django.utils import timezone

from api.services import token_create
from registers.models import Risk, RiskStatus
from registers.selectors import changes, search
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def risks(org):
    RiskFactory(register=org.corporate, owner=None)
    return [RiskFactory(register=org.service_register, owner=None) for _ in range(3)]


CLOSED = {
    "status": RiskStatus.CLOSED,
    "closed_at": timezone.now(),
    "closure_reason": "Transferred to the insurer",
}


def open_risks(org):
    return Risk.objects.open().filter(register__organisation=org.organisation)


def close_without_history(risk):
    """A change the stamp cannot see: so a count that follows it was kept, not counted."""
    Risk.objects.filter(pk=risk.pk).update(**CLOSED)


def test_the_count_is_the_querysets_and_is_kept_until_something_is_written(org, risks):
    before = open_risks(org).count()
    assert changes.count(open_risks(org)) == before
    close_without_history(risks[0])
    assert changes.count(open_risks(org)) == before  # kept: nothing written with history
    risks[1].title = "Renamed"
    risks[1].save()  # a change with its history row: counted again
    assert changes.count(open_risks(org)) == before - 1 == open_risks(org).count()


@pytest.mark.parametrize("write", ["action", "register"])
def test_an_action_or_a_register_written_counts_again(org, risks, write):
    before = changes.count(open_risks(org))
    close_without_history(risks[0])
    if write == "action":
        ActionFactory(risk=risks[1], owner=org.people["officer"])
    else:
        org.corporate.name = "Corporate risks"
        org.corporate.save()
    assert changes.count(open_risks(org)) == before - 1


def test_each_query_keeps_its_own_count(org, risks):
    everyone = changes.count(open_risks(org))
    service_only = changes.count(open_risks(org).filter(register=org.service_register))
    assert service_only == 3 and everyone == open_risks(org).count() and everyone > 3


def test_one_query_whether_kept_or_counted(org, risks, django_assert_num_queries):
    with django_assert_num_queries(1):
        changes.count(open_risks(org))
    with django_assert_num_queries(1):
        changes.count(open_risks(org))
    risks[0].save()
    with django_assert_num_queries(1):
        changes.count(open_risks(org))


def test_the_page_of_risks_across_registers_counts_a_risk_closed(client, org, risks):
    client.force_login(org.people["chief"])
    url = reverse("registers:risks-across")
    before = open_risks(org).count()
    assert f"of {before} risks" in client.get(url).content.decode()
    for name, value in CLOSED.items():
        setattr(risks[0], name, value)
    risks[0].save()
    assert f"of {before - 1} risks" in client.get(url).content.decode()


def test_the_lists_of_risks_show_the_kept_count(client, org, risks, monkeypatch):
    """Risks across registers, the search (beyond the risks it lists) and the API's pages."""
    monkeypatch.setattr(search, "MAX_RISKS", 2)
    chief = org.people["chief"]
    client.force_login(chief)
    across = reverse("registers:risks-across")
    key = token_create(user=chief, name="Test", lifetime_days=30)[1]
    api = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    before = open_risks(org).count()
    assert f"of {before} risks" in client.get(across).content.decode()
    assert search.search(user=chief, query="Risk").risk_count == before
    assert client.get(reverse("api:risk-list"), **api).json()["count"] == before
    close_without_history(risks[0])
    assert f"of {before} risks" in client.get(across).content.decode()
    assert search.search(user=chief, query="Risk").risk_count == before
    assert client.get(reverse("api:risk-list"), **api).json()["count"] == before
