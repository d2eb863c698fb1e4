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
from registers.categories import with_category_labels
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
    return list(
        with_category_labels(
            Risk.objects.filter(register=register).select_related("register__organisation", "owner")
        ).order_by("reference")
    )


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
