"""The API's JSON is written by orjson (``api.renderers.JSONRenderer``): it must be the bytes
DRF's own renderer writes, for every kind of value and for every endpoint's real answers."""

import dataclasses
import datetime as dt
import decimal
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy
from rest_framework import renderers
from rest_framework.exceptions import ErrorDetail
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from api.renderers import JSONRenderer
from registers.models import RiskStatus
from tests.factories import ActionFactory, RiskFactory
from tests.registers.test_register_page import approve_in, quarters_ago, rescore

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")


@dataclasses.dataclass
class Point:
    x: int


VALUES = {
    "text": {"title": "Flood – Café “Ørsted” 🌊", "empty": "", "quote": 'a "b" \\ c\n\t'},
    "line separators": ["before\u2028between\u2029after"],
    "numbers and flags": [0, -1, 2**63 - 1, True, False, None],
    "UTC time": dt.datetime(2026, 7, 1, 9, 30, tzinfo=UTC),
    "UTC time with microseconds": dt.datetime(2026, 7, 1, 9, 30, 5, 123456, tzinfo=UTC),
    "summer time": dt.datetime(2026, 7, 1, 9, 30, tzinfo=LONDON),
    "naive time": dt.datetime(2026, 1, 15, 16, 5),
    "date": dt.date(2027, 3, 31),
    "time of day": dt.time(12, 0, 1),
    "decimal": decimal.Decimal("1250.50"),
    "lazy text": gettext_lazy("This field is required."),
    "error detail": {"register": [ErrorDetail("Give a number.", code="invalid")]},
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "DRF's own containers": ReturnDict(
        {"results": ReturnList([{"id": 1}], serializer=None)}, serializer=None
    ),
    "tuple": (1, "two", None),
    "set": {"only"},
    "status": RiskStatus.OPEN,
    "key that is not text": {1: "one", 2: "two"},
    "number beyond 64 bits": 2**70,
    "nested": {"a": [{"b": [{"c": [None, {"d": "e"}]}]}]},
}


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_every_kind_of_value_is_written_as_drf_writes_it(value):
    assert JSONRenderer().render(value) == renderers.JSONRenderer().render(value)


def test_nothing_is_nothing_and_pretty_printing_is_drfs():
    assert JSONRenderer().render(None) == b""
    pretty = "application/json; indent=4"
    value = VALUES["nested"]
    assert JSONRenderer().render(value, pretty) == renderers.JSONRenderer().render(value, pretty)
    assert b"\n    " in JSONRenderer().render(value, pretty)


def test_what_neither_can_write_fails_alike():
    for renderer in (JSONRenderer(), renderers.JSONRenderer()):
        with pytest.raises(TypeError):
            renderer.render({"point": Point(1)})


@pytest.mark.django_db
def test_every_endpoints_answers_are_drfs_bytes(client, org):
    chief = org.people["chief"]
    risk = RiskFactory(register=org.corporate, title="Flood – “river” \u2028 line", owner=chief)
    RiskFactory(register=org.corporate, owner=None)
    ActionFactory(risk=risk, cost=decimal.Decimal("1250.50"))
    approve_in(org.corporate, quarters_ago(2))
    rescore(risk, 5, 5)
    approve_in(org.corporate, quarters_ago(1))
    client.force_login(chief)
    urls = [
        reverse("api:register-list"),
        reverse("api:register-detail", args=[org.corporate.pk]),
        reverse("api:risk-list") + "?status=all&page_size=1000",
        reverse("api:risk-list") + f"?register={org.corporate.pk}",
        reverse("api:risk-detail", args=[risk.pk]),
        reverse("api:action-list"),
        reverse("api:review-list"),
        reverse("api:snapshot-list"),
        reverse("api:risk-list") + "?register=corporate",  # 400
        reverse("api:risk-detail", args=[999_999]),  # 404
    ]
    statuses = set()
    for url in urls:
        response = client.get(url)
        statuses.add(response.status_code)
        assert response["Content-Type"] == "application/json", url
        assert type(response.accepted_renderer) is JSONRenderer
        assert response.content == renderers.JSONRenderer().render(response.data), url
    assert statuses == {200, 400, 404}
    client.logout()
    response = client.get(reverse("api:risk-list"))
    assert response.status_code == 401
    assert response.content == renderers.JSONRenderer().render(response.data)
