"""The API's risk rows are written out by hand for speed (``RiskSerializer.to_representation``):
they must say exactly what DRF's own field-by-field walk of the serializer's fields says, for
every kind of risk, through the list and through a single risk."""

from datetime import date, datetime, time

import pytest
from django.test import RequestFactory
from django.utils import timezone
from rest_framework import serializers as drf

from api import selectors
from api.serializers import RiskSerializer
from registers.models import Horizon, Risk
from tests.factories import RiskFactory, police_scheme
from tests.registers.test_register_page import approve_in, close, quarters_ago, rescore

pytestmark = pytest.mark.django_db


def varied_risks(org) -> list[Risk]:
    """A risk of each shape a row can take: scored and not, rated but not scored, closed, with
    no owner, exempt, with dates and a horizon, moved since an approval, in summer and winter
    time."""
    register = org.service_register
    summer = timezone.make_aware(datetime(2026, 7, 1, 9, 30))
    winter = timezone.make_aware(datetime.combine(date(2026, 1, 15), time(16, 5)))
    made = [
        RiskFactory(register=register, reference="AC-0101", owner=org.people["head"]),
        RiskFactory(
            register=register,
            reference="AC-0102",
            owner=None,
            residual_likelihood=None,
            residual_impact=None,
            imported_band="red",
            imported_rating="Critical",
        ),
        RiskFactory(
            register=register,
            reference="AC-0103",
            inherent_likelihood=None,
            inherent_impact=None,
            residual_likelihood=None,
            residual_impact=None,
            response="",
        ),
        RiskFactory(
            register=register,
            reference="AC-0104",
            exempt=True,
            target_likelihood=1,
            target_impact=2,
            target_date=date(2027, 3, 31),
            last_reviewed_on=date(2026, 10, 1),
            next_review_due=date(2026, 1, 1),
            horizon=Horizon.choices[-1][0],
        ),
        close(RiskFactory(register=register, reference="AC-0105")),
    ]
    approve_in(register, quarters_ago(1))
    rescore(made[0], 5, 5)
    RiskFactory(register=register, reference="AC-0106")  # new since the approval
    Risk.objects.filter(pk=made[1].pk).update(created_at=summer, updated_at=winter)
    # As the API reads them; DRF's walk reads the register, organisation and owner anew.
    return list(selectors.risk_rows(Risk.objects.filter(register=register)).order_by("reference"))


def context(risks, bands) -> dict:
    return {
        "request": RequestFactory().get("/api/v1/risks/", secure=True),
        "bands": bands,
        "today": timezone.localdate(),
        "trends": selectors.risk_trends(risks),
    }


@pytest.mark.parametrize("scheme", ["default", "police"])
def test_each_row_is_what_drf_would_write(org, scheme):
    if scheme == "police":
        org.organisation.scheme = police_scheme()
        org.organisation.save()
    risks = varied_risks(org)
    bands = org.organisation.scheme.as_bands()
    serializer = RiskSerializer(context=context(risks, bands))
    assert len(risks) >= 6
    for risk in risks:
        fast = serializer.to_representation(risk)
        walked = drf.ModelSerializer.to_representation(serializer, risk)
        assert fast == walked, risk.reference
        assert list(fast) == list(walked) == RiskSerializer.Meta.fields


def test_the_list_answers_the_written_rows(client, org):
    risks = varied_risks(org)
    client.force_login(org.people["head"])
    response = client.get(
        "/api/v1/risks/", {"register": org.service_register.pk, "status": "all"}, secure=True
    )
    assert response.status_code == 200
    rows = {row["reference"]: row for row in response.json()["results"]}
    serializer = RiskSerializer(context=context(risks, org.organisation.scheme.as_bands()))
    for risk in risks:
        walked = drf.ModelSerializer.to_representation(serializer, risk)
        assert rows[risk.reference] == walked


def test_rows_name_their_register_and_owner_without_building_them(org):
    """A page of 1,000 rows reads each row's register, organisation and owner as columns of
    the risk's query: three model instances a row fewer to build."""
    risks = varied_risks(org)
    for risk in risks:
        assert not Risk.register.is_cached(risk)
        assert not Risk.owner.is_cached(risk)
    # What the columns say is what the relations say.
    for risk in risks:
        assert risk.register_name == risk.register.name
        assert risk.organisation_name == risk.register.organisation.name
        assert risk.register_last_approved_at == risk.register.last_approved_at
        owner = risk.owner
        names = (risk.owner_first_name, risk.owner_last_name, risk.owner_username)
        assert names == (
            (owner.first_name, owner.last_name, owner.username) if owner else (None,) * 3
        )
