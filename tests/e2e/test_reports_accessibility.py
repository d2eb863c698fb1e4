"""axe-core finds no WCAG 2.0-2.2 A/AA violations, of any impact, on the report pages with
the test organisation's data (exempt risks, several tiers); test_accessibility.py scans every
page with the demo council's."""

from datetime import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from registers.services import register_approve
from tests.e2e.test_accessibility import equal_access, non_text_contrast, wcag_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_report_pages(page: Page, live_server, org):
    risk = RiskFactory(register=org.corporate, owner=org.people["chief"], title="Cyber attack")
    RiskFactory(register=org.corporate, owner=org.people["chief"], exempt=True)
    RiskFactory(register=org.directorate_register, owner=org.people["director"])
    ActionFactory(risk=risk, owner=org.people["chief"])
    for month in (8, 11):  # 2026/27 Q2, then Q3
        at = timezone.make_aware(datetime(2026, month, 20, 10))
        register_approve(register=org.corporate, by=org.people["chief"], at=at)
    sign_in(page, live_server, "insurance")
    for path in [
        "/reports/",
        "/reports/slt/?quarter=2026/27+Q2&variant=full",
        "/reports/slt/?quarter=2026/27+Q2&variant=public",
        "/reports/committee/?year=2026/27",
        "/reports/collation/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert wcag_violations(page) == [], path
        assert equal_access(page) == [], path
        assert non_text_contrast(page) == [], path
