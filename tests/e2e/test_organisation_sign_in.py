"""A person signs in with their organisation's account at a real OpenID provider run locally
(tests/oidc_provider), lands with the roles and place their groups map to, and signs out
there too (docs/domain.md#organisation-sign-in)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from accounts.models import ProviderGroupMapping
from registers import roles
from tests.accounts import oidc_provider
from tests.e2e.test_accessibility import Scan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def provider(live_server, settings, org):
    local = oidc_provider.start(live_server.url)
    local.configure(settings)
    heads, _ = Group.objects.get_or_create(name=roles.HEADS_OF_SERVICE)
    ProviderGroupMapping.objects.create(
        group="grp-adult-care-heads",
        role=heads,
        organisation=org.organisation,
        directorate=org.directorate,
        service=org.service,
    )
    local.accounts(
        robin={
            "email": "robin.head@testshire.gov.uk",
            "email_verified": True,
            "given_name": "Robin",
            "family_name": "Head",
            "groups": ["grp-adult-care-heads"],
        }
    )
    yield local
    oidc_provider.stop(local)


def test_sign_in_with_the_organisation_account_and_out(page: Page, live_server, provider):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Sign in with your organisation account").click()

    # The provider's own sign-in page.
    page.locator('input[name="login"]').fill("robin")
    page.locator('input[name="password"]').fill("anything")
    page.locator('button[type="submit"]').click()

    expect(page.get_by_role("heading", name="Your risk work")).to_be_visible()
    page.get_by_role("link", name="Registers", exact=True).click()
    # Heads of Service of Adult Care: their service's register, not another directorate's.
    expect(page.get_by_role("link", name="Adult Care service")).to_be_visible()
    expect(page.get_by_role("link", name="Highways service")).to_have_count(0)

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("link", name="Sign in with your organisation account")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")


def test_the_sign_in_page_with_the_organisation_account_is_accessible(
    page: Page, live_server, provider
):
    scan = Scan(page, live_server)
    scan.go("/accounts/login/", "sign in, organisation account offered")
    page.get_by_role("link", name="Sign in with your organisation account").click()
    page.locator('input[name="login"]').fill("stranger")
    page.locator('input[name="password"]').fill("anything")
    page.locator('button[type="submit"]').click()
    # Unknown to the provider's groups and with no verified email: refused, and told why.
    expect(page.get_by_text("email address is not verified")).to_be_visible()
    scan("sign in, organisation account refused")
    assert scan.failures == {}


def test_the_session_here_ends_when_the_provider_session_ends(
    page: Page, live_server, provider, settings
):
    settings.OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = 2  # re-checked at the provider that often
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Sign in with your organisation account").click()
    page.locator('input[name="login"]').fill("robin")
    page.locator('input[name="password"]').fill("anything")
    page.locator('button[type="submit"]').click()
    expect(page.get_by_role("heading", name="Your risk work")).to_be_visible()

    # Still signed in at the provider: the re-check is invisible, the page opens.
    page.wait_for_timeout(2500)
    page.get_by_role("link", name="Registers", exact=True).click()
    expect(page.get_by_role("link", name="Adult Care service")).to_be_visible()
    assert page.url.startswith(live_server.url)

    # Signed out at the provider itself (as from another application).
    page.goto(f"{provider.issuer}/session/end?client_id={oidc_provider.CLIENT_ID}")
    page.get_by_role("button", name="Yes, sign me out").click()

    page.wait_for_timeout(2500)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.get_by_text("no longer signed in with your organisation account")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")
