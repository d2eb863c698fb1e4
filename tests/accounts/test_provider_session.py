"""A session begun at the organisation's identity provider is re-checked there silently
(prompt=none) every RISKREG_OIDC_RECHECK_SECONDS, against the real provider run locally: it
ends here once it has ended there, and refreshes the roles while it lives
(docs/domain.md#organisation-sign-in)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse

from accounts.provider import PROVIDER_SESSION_ENDED
from tests.accounts import oidc_provider
from tests.accounts.conftest import BASE
from tests.accounts.test_organisation_sign_in import HOME, START, signed_in

REGISTERS = reverse("registers:search")


@pytest.fixture
def recheck_due(settings):
    """Every page is past the re-check interval (the interval is read as a person signs in)."""
    settings.OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = 0


def sign_in_keeping_browser(client, provider, login: str) -> requests.Session:
    browser = requests.Session()
    started = client.get(START)
    back = oidc_provider.sign_in_at_provider(started["Location"], login, BASE, browser)
    assert client.get(back.removeprefix(BASE))["Location"] == HOME
    return browser


def sam(provider, groups: list[str]) -> None:
    provider.accounts(
        sam={"email": "sam@testshire.gov.uk", "email_verified": True, "groups": groups}
    )


def test_while_the_provider_session_lives_the_recheck_keeps_them_in_with_roles_refreshed(
    client, configured, recheck_due
):
    sam(configured, ["grp-insurance"])
    browser = sign_in_keeping_browser(client, configured, "sam")
    configured.accounts(sam={"groups": ["grp-staff"]})

    page = client.get(REGISTERS + "?q=flood")
    assert page.status_code == 302 and page["Location"].startswith(configured.issuer)
    assert parse_qs(urlsplit(page["Location"]).query)["prompt"] == ["none"]
    back = oidc_provider.silent_return(page["Location"], browser, BASE)
    assert "code=" in back
    returned = client.get(back.removeprefix(BASE))
    assert returned["Location"] == REGISTERS + "?q=flood"

    user = signed_in(client)
    assert user.is_authenticated and user.get_username()
    assert not user.groups.exists()  # the Insurance Manager's group was left at the provider


def test_once_the_provider_session_has_ended_the_next_page_signs_them_out_here(
    client, configured, recheck_due
):
    sam(configured, ["grp-insurance"])
    browser = sign_in_keeping_browser(client, configured, "sam")
    oidc_provider.end_session_at_provider(configured.issuer, browser)

    page = client.get(HOME)
    back = oidc_provider.silent_return(page["Location"], browser, BASE)
    assert "error=login_required" in back
    landed = client.get(back.removeprefix(BASE), follow=True)
    assert landed.redirect_chain[-1][0] == reverse("login")
    assert PROVIDER_SESSION_ENDED in landed.content.decode()
    assert not landed.wsgi_request.user.is_authenticated
    assert client.get(HOME)["Location"].startswith(reverse("login"))


def test_someone_taken_out_of_every_mapped_group_is_signed_out_at_the_recheck(
    client, configured, recheck_due
):
    sam(configured, ["grp-insurance"])
    browser = sign_in_keeping_browser(client, configured, "sam")
    configured.accounts(sam={"groups": []})
    back = oidc_provider.silent_return(client.get(HOME)["Location"], browser, BASE)
    assert client.get(back.removeprefix(BASE))["Location"] == reverse("login")
    assert not signed_in(client).is_authenticated


def test_before_the_interval_no_page_goes_to_the_provider(client, configured, settings):
    settings.OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = 15 * 60
    sam(configured, ["grp-insurance"])
    sign_in_keeping_browser(client, configured, "sam")
    assert client.get(HOME).status_code == 200


def test_posts_and_scripts_are_not_redirected_the_next_page_is(client, configured, recheck_due):
    sam(configured, ["grp-insurance"])
    sign_in_keeping_browser(client, configured, "sam")
    picker = client.get(reverse("registers:people-search"), {"q": "sa"})
    assert picker.status_code == 200
    fetched = client.get(REGISTERS, headers={"Sec-Fetch-Mode": "cors"})
    assert fetched.status_code == 200
    assert client.get(reverse("session-status")).status_code == 200
    assert client.post(REGISTERS).status_code == 405  # reached the page, which takes no form
    assert client.get(REGISTERS)["Location"].startswith(configured.issuer)


def test_a_local_account_is_never_sent_to_the_provider(client, configured, recheck_due, org):
    client.force_login(org.people["officer"])
    assert client.get(HOME).status_code == 200
    assert client.get(REGISTERS).status_code == 200


def test_a_recheck_does_not_restart_the_ten_hour_limit(client, configured, recheck_due):
    from riskreg.security import SIGNED_IN_AT

    sam(configured, ["grp-insurance"])
    browser = sign_in_keeping_browser(client, configured, "sam")
    session = client.session
    session[SIGNED_IN_AT] -= 3600
    session.save()
    back = oidc_provider.silent_return(client.get(HOME)["Location"], browser, BASE)
    client.get(back.removeprefix(BASE))
    assert signed_in(client).is_authenticated
    assert client.session[SIGNED_IN_AT] == session[SIGNED_IN_AT]
