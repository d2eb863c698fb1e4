"""axe-core, injected into the main pages, finds no serious or critical violations."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_login_page(page: Page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert serious_violations(page) == []


def test_signed_in_pages(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.service_register, owner=org.people["head"], title="Care home closures"
    )
    ActionFactory(risk=risk, owner=org.people["head"])
    sign_in(page, live_server, "head")
    for path in [
        "/",
        "/organisation/",
        org.service_register.get_absolute_url(),
        risk.get_absolute_url(),
        f"/risks/{risk.pk}/edit/",
        f"/registers/{org.service_register.pk}/risks/new/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert serious_violations(page) == [], path
