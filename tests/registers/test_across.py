"""Risks across registers: who sees which risks, the filters, sorting, pagination, the CSV and
XLSX exports, and a number of queries that does not grow with the risks."""

import csv
import io
from datetime import timedelta
from urllib.parse import urlencode

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import ActionStatus, Horizon, RiskStatus
from tests.factories import ActionFactory, RiskFactory
from tests.registers.test_register_page import bulk_risks

pytestmark = pytest.mark.django_db


def url(name="registers:risks-across", **params):
    address = reverse(name)
    return f"{address}?{urlencode(params)}" if params else address


def references(response):
    return [risk.reference for risk, *_ in response.context["rows"]]


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def spread(org):
    """One open risk on each register, scored so the filters tell them apart."""
    today = timezone.localdate()
    risks = {
        "corporate": RiskFactory(
            register=org.corporate, reference="CRR-01", owner=org.people["chief"]
        ),
        "people": RiskFactory(
            register=org.directorate_register,
            reference="DIR-PEOPLE-01",
            owner=org.people["director"],
            residual_likelihood=5,
            residual_impact=4,
        ),
        "place": RiskFactory(
            register=org.other_directorate_register,
            reference="DIR-PLACE-01",
            owner=org.people["other_director"],
        ),
        "service": RiskFactory(
            register=org.service_register,
            reference="AC-01",
            owner=org.people["officer"],
            next_review_due=today - timedelta(days=1),
        ),
        "project": RiskFactory(
            register=org.project_register,
            reference="PRJ-CH-01",
            owner=None,
            inherent_likelihood=None,
            inherent_impact=None,
            residual_likelihood=None,
            residual_impact=None,
        ),
        "highways": RiskFactory(
            register=org.other_service_register, reference="HW-01", owner=org.people["head"]
        ),
    }
    late, on_time, done = (timezone.localdate() + timedelta(days=days) for days in (-1, 0, -9))
    ActionFactory(risk=risks["highways"], due_date=late)
    ActionFactory(risk=risks["people"], due_date=on_time)
    ActionFactory(risk=risks["place"], due_date=done, status=ActionStatus.DONE)
    RiskFactory(
        register=org.service_register,
        reference="AC-02",
        status=RiskStatus.CLOSED,
        closed_at=timezone.now(),
        closure_reason="Gone",
    )
    return risks


ALL = {"AC-01", "CRR-01", "DIR-PEOPLE-01", "DIR-PLACE-01", "HW-01", "PRJ-CH-01"}


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("insurance", ALL),
        ("chief", ALL),
        ("audit", ALL),
        ("director", {"CRR-01", "DIR-PEOPLE-01", "AC-01", "PRJ-CH-01"}),
        ("officer", {"CRR-01", "DIR-PEOPLE-01", "AC-01", "PRJ-CH-01"}),
        ("other_officer", {"CRR-01", "DIR-PLACE-01", "HW-01"}),
        # Owning a risk on another register opens that risk, not its register's list.
        ("head", {"CRR-01", "DIR-PEOPLE-01", "AC-01", "PRJ-CH-01"}),
        ("committee", {"CRR-01"}),
    ],
)
def test_each_person_sees_the_open_risks_of_the_registers_they_may_see(
    client, org, spread, person, expected
):
    client.force_login(org.people[person])
    response = client.get(url())
    assert response.status_code == 200
    assert set(references(response)) == expected


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(url())
    assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"directorate": "people"}, {"DIR-PEOPLE-01", "AC-01", "PRJ-CH-01"}),
        ({"tier": "service"}, {"AC-01", "HW-01"}),
        ({"register": "service_register"}, {"AC-01"}),
        ({"residual_band": "red"}, {"DIR-PEOPLE-01"}),
        ({"residual_band": "none"}, {"PRJ-CH-01"}),
        ({"owner": "none"}, {"PRJ-CH-01"}),
        ({"owner": "officer"}, {"AC-01"}),
        ({"overdue": "on"}, {"AC-01"}),
        ({"actions_overdue": "on"}, {"HW-01"}),
        ({"outside_appetite": "on"}, {"DIR-PEOPLE-01"}),
        ({"not_scored": "on"}, {"PRJ-CH-01"}),
        ({"directorate": "people", "tier": "project"}, {"PRJ-CH-01"}),
    ],
)
def test_filters(client, org, spread, params, expected):
    ids = {
        "people": org.directorate.pk,
        "service_register": org.service_register.pk,
        "officer": org.people["officer"].pk,
    }
    query = {key: ids.get(value, value) for key, value in params.items()}
    client.force_login(org.people["insurance"])
    assert set(references(client.get(url(**query)))) == expected


def test_filter_by_horizon(client, org, spread):
    spread["people"].horizon = Horizon.LONG
    spread["people"].save()
    client.force_login(org.people["insurance"])
    response = client.get(url(horizon="long"))
    assert set(references(response)) == {spread["people"].reference}
    assert 'name="horizon"' in response.content.decode()
    export = client.get(reverse("registers:risks-across-export") + "?horizon=long")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][rows[0].index("Horizon")] == "Horizon"
    assert [row[rows[0].index("Horizon")] for row in rows[1:]] == ["Long term (over three years)"]


def test_a_register_not_visible_cannot_be_chosen(client, org, spread):
    client.force_login(org.people["other_officer"])
    response = client.get(url(register=org.service_register.pk))
    assert "register" in response.context["filterset"].form.errors
    assert "AC-01" not in references(response)


def test_sorting_by_register_then_reference(client, org, spread):
    client.force_login(org.people["insurance"])
    response = client.get(url(sort="register"))
    assert references(response)[:2] == ["AC-01", "PRJ-CH-01"]
    assert "sorted by register, A to Z" in response.content.decode()


def test_pagination_fifty_a_page(client, org):
    bulk_risks(org.service_register, 120)
    client.force_login(org.people["insurance"])
    response = client.get(url(sort="reference", page=3))
    assert references(response) == [f"AC-{n:04d}" for n in range(100, 120)]
    assert "Showing 101–120 of 120 risks" in response.content.decode()


def test_csv_export_is_the_filtered_view_neutralised(client, org, spread):
    spread["people"].title = "=HYPERLINK(1)"
    spread["people"].save()
    client.force_login(org.people["insurance"])
    response = client.get(url("registers:risks-across-export", directorate=org.directorate.pk))
    rows = csv_rows(response)
    assert {row["Reference"] for row in rows} == {"DIR-PEOPLE-01", "AC-01", "PRJ-CH-01"}
    people = next(row for row in rows if row["Reference"] == "DIR-PEOPLE-01")
    assert people["Title"] == "'=HYPERLINK(1)"
    assert people["Register"] == "People directorate" and people["Residual band"] == "Red"
    assert next(row for row in rows if row["Reference"] == "AC-01")["Review overdue"] == "Yes"


def test_xlsx_export_has_the_same_rows(client, org, spread):
    client.force_login(org.people["other_officer"])
    response = client.get(url("registers:risks-across-export-xlsx", sort="reference"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Reference", "Title", "Register")
    assert [row[0] for row in rows[1:]] == ["CRR-01", "DIR-PLACE-01", "HW-01"]
    assert isinstance(rows[1][5], int)  # the inherent score, as a number


# The appetite in force (its lines, in one query) is the twelfth.
MAX_QUERIES = 12


@pytest.mark.parametrize("count", [20, 10_000])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {
            "directorate": "people",
            "residual_band": "red",
            "sort": "register",
            "page": 2,
            "overdue": "on",
            "actions_overdue": "on",
            "outside_appetite": "on",
        },
    ],
)
def test_page_queries_do_not_grow_with_risks(
    client, org, count, params, django_assert_max_num_queries
):
    owners = [org.people[name] for name in ("head", "officer", "director")]
    bulk_risks(org.service_register, count, owners=owners)
    if "directorate" in params:
        params = {**params, "directorate": org.directorate.pk}
    client.force_login(org.people["insurance"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(**params))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [20, 10_000])
def test_export_queries_do_not_grow_with_risks(client, org, count, django_assert_max_num_queries):
    bulk_risks(org.service_register, count, owners=[org.people["officer"]])
    client.force_login(org.people["director"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url("registers:risks-across-export"))
    assert len(csv_rows(response)) == count
