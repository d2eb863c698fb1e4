"""An imported sheet's trend per quarter, shown in the register until an approved quarter of
the register replaces it with the trend the product records."""

from __future__ import annotations

from datetime import datetime
from html import unescape

import pytest
from django.utils import timezone

from registers.services import register_approve
from tests.factories import RiskFactory
from tests.registers.test_register_page import page_url

pytestmark = pytest.mark.django_db


def trend_of(response, reference):
    return next(row.trend for row in response.context["rows"] if row.risk.reference == reference)


def test_the_imported_trend_shows_until_an_approved_quarter_replaces_it(client, org):
    register = org.service_register
    RiskFactory(register=register, reference="AC-01", imported_trend="Q1: New; Q2: ↑; Q3: →")
    RiskFactory(register=register, reference="AC-02")
    client.force_login(org.people["head"])
    response = client.get(page_url(register))
    assert trend_of(response, "AC-01").label == "Imported: Q1: New; Q2: ↑; Q3: →"
    assert "Imported: Q1: New; Q2: ↑; Q3: →" in unescape(response.content.decode())
    assert trend_of(response, "AC-02").label == "Not yet approved"

    register_approve(
        register=register,
        by=register.owner,
        at=timezone.make_aware(datetime(2026, 8, 20, 10)),
    )
    response = client.get(page_url(register))
    assert not trend_of(response, "AC-01").label.startswith("Imported")
