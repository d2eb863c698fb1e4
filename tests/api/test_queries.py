"""Every list of the API reads a fixed number of queries, at 20 risks as at 10,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registers.models import Action, RiskReview
from tests.registers.test_register_page import approved_bulk

pytestmark = pytest.mark.django_db

# The token (and its last use), the person's groups, then the list's own: the register,
# the scheme's bands, the owners, the count, the page, and the trends' two.
MAX_QUERIES = 10


def _actions_and_reviews(risks, owner):
    Action.objects.bulk_create(
        Action(risk=risk, description=f"Control {risk.reference}", owner=owner) for risk in risks
    )
    now = timezone.now()
    RiskReview.objects.bulk_create(
        RiskReview(
            risk=risk,
            register=risk.register,
            reviewed_by=owner,
            reviewed_at=now,
            next_review_due=now.date(),
            **RiskReview.scores_of(risk=risk),
        )
        for risk in risks
    )


@pytest.mark.parametrize("count", [20, 10_000])
def test_list_queries_do_not_grow_with_risks(
    client, org, token_for, count, django_assert_max_num_queries
):
    head = org.people["head"]
    owners = [head, org.people["officer"], org.people["director"]]
    risks = approved_bulk(org.service_register, count, owners=owners)
    _actions_and_reviews(risks, head)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(head)}"}
    register = org.service_register.pk
    lists = [
        (reverse("api:risk-list"), {"register": register}),
        (reverse("api:risk-list"), {"register": register, "residual_band": "red", "q": "Risk"}),
        (reverse("api:risk-list"), {"sort": "owner", "page_size": 1000}),
        (reverse("api:register-list"), {}),
        (reverse("api:action-list"), {"register": register}),
        (reverse("api:review-list"), {}),
        (reverse("api:snapshot-list"), {"register": register}),
    ]
    for url, params in lists:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url, params, **auth)
        assert response.status_code == 200, (url, response.content[:300])
        assert response.json()["results"]


@pytest.mark.parametrize("count", [20, 1000])
def test_a_csv_of_every_risk_reads_as_few(
    client, org, token_for, count, django_assert_max_num_queries
):
    head = org.people["head"]
    approved_bulk(org.service_register, count, owners=[head])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(head)}"}
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("api:risk-list"), {"format": "csv"}, **auth)
    assert response.content.decode("utf-8-sig").count("\r\n") == count + 1


def test_the_owners_are_read_only_when_an_owner_is_asked_for(client, org, token_for):
    """Over every register of the organisation the owner filter's choices ask, person by
    person, whether they own one of its risks: a list that does not filter by owner skips it."""
    head = org.people["head"]
    approved_bulk(org.service_register, 30, owners=[head, org.people["officer"]])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(head)}"}

    def owner_reads(params):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("api:risk-list"), params, **auth)
        return sum('FROM "auth_user" WHERE EXISTS' in q["sql"] for q in queries), response

    reads, response = owner_reads({"status": "all"})
    assert reads == 0 and response.json()["count"] == 30
    reads, response = owner_reads({"owner": org.people["officer"].pk})
    assert reads == 1 and response.json()["count"] == 15
    # Someone owning none of them is still refused, as before.
    reads, response = owner_reads({"owner": org.people["director"].pk})
    assert reads == 1 and response.status_code == 400 and "owner" in response.json()


@pytest.mark.parametrize("params", [{"page_size": 1000}, {"format": "csv"}])
def test_a_risk_row_reads_only_the_names_of_its_owner_register_and_organisation(
    client, org, token_for, params
):
    """A row names its owner, register and organisation: the list reads those columns of
    them, not their every column (a page of 1,000 rows built each owner's and register's
    whole record, dates parsed one by one, to read a name), and so never a password hash."""
    head = org.people["head"]
    approved_bulk(org.service_register, 5, owners=[head])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(head)}"}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("api:risk-list"), params, **auth)
    assert response.status_code == 200
    [rows] = [q["sql"] for q in queries if q["sql"].startswith('SELECT "registers_risk"."id"')]
    assert '"auth_user"."first_name"' in rows and '"registers_register"."name"' in rows
    for unread in ('"auth_user"."password"', '"auth_user"."date_joined"'):
        assert unread not in rows
    for unread in ("closed_at", "review_interval_months", "prefix"):
        assert f'"registers_register"."{unread}"' not in rows
