"""Signing in with the organisation's account, against a real OpenID provider run locally
(tests/oidc_provider): the first sign-in, roles from group mappings at every sign-in, signing
out at the provider, and every refusal (docs/domain.md#organisation-sign-in)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import ProviderIdentity
from accounts.provider import ID_TOKEN
from registers import roles
from tests.accounts import oidc_provider
from tests.accounts.conftest import BASE
from tests.factories import UserFactory

HOME = reverse("web:home")
START = reverse("accounts:oidc-start")


def callback_for(client: Client, provider, login: str) -> str:
    """Start signing in here, sign in at the provider; the address it sends back to."""
    started = client.get(START)
    assert started.status_code == 302
    assert started["Location"].startswith(provider.issuer)
    return oidc_provider.sign_in_at_provider(started["Location"], login, BASE)


def sign_in(client: Client, provider, login: str):
    back = callback_for(client, provider, login)
    return client.get(back.removeprefix(BASE))


def signed_in(client: Client):
    return client.get(HOME).wsgi_request.user


def refusal(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_without_a_provider_the_sign_in_page_is_as_before(client, db):
    page = client.get(reverse("login"))
    assert b"organisation account" not in page.content
    assert client.get(START).status_code == 404


def test_with_a_provider_the_sign_in_page_offers_the_organisation_account_first(client, configured):
    page = client.get(reverse("login")).content.decode()
    assert page.index("Sign in with your organisation account") < page.index('name="username"')


def test_first_sign_in_makes_the_account_with_the_roles_and_place_its_groups_map_to(
    client, configured, org
):
    configured.accounts(
        alex={
            "email": "alex.head@testshire.gov.uk",
            "email_verified": True,
            "given_name": "Alex",
            "family_name": "Head",
            "groups": ["grp-adult-care-heads", "grp-unmapped"],
        }
    )
    response = sign_in(client, configured, "alex")
    assert response.status_code == 302 and response["Location"] == reverse("web:home")
    user = signed_in(client)
    assert user.email == "alex.head@testshire.gov.uk" and user.get_full_name() == "Alex Head"
    assert not user.has_usable_password()
    assert {group.name for group in user.groups.all()} == {roles.HEADS_OF_SERVICE}
    assert (user.profile.organisation, user.profile.directorate, user.profile.service) == (
        org.organisation,
        org.directorate,
        org.service,
    )
    assert ProviderIdentity.objects.get(user=user).subject == "alex"
    # No password here to change, no local second factor to set up.
    home = client.get(HOME).content.decode()
    assert "Change password" not in home and "Second factor" not in home


def test_roles_are_refreshed_at_each_sign_in_and_lost_with_the_group(client, configured, org):
    configured.accounts(
        sam={"email": "sam@testshire.gov.uk", "email_verified": True, "groups": ["grp-insurance"]}
    )
    sign_in(client, configured, "sam")
    user = signed_in(client)
    assert list(user.groups.values_list("name", flat=True)) == [roles.INSURANCE_MANAGER]
    client.post(reverse("logout"))

    configured.accounts(sam={"groups": ["grp-staff"]})
    sign_in(client, configured, "sam")
    user = signed_in(client)
    assert user.is_authenticated and not user.groups.exists()
    assert user.profile.directorate is None


def test_a_person_in_no_mapped_group_is_refused_and_loses_their_roles(client, configured):
    configured.accounts(
        kim={"email": "kim@testshire.gov.uk", "email_verified": True, "groups": ["grp-insurance"]}
    )
    sign_in(client, configured, "kim")
    client.post(reverse("logout"))
    configured.accounts(kim={"groups": ["grp-unmapped"]})

    response = sign_in(client, configured, "kim")
    assert response["Location"] == reverse("login")
    assert not signed_in(client).is_authenticated
    page = client.get(reverse("login"))
    assert "in no group that gives access" in refusal(page)
    assert not ProviderIdentity.objects.get(subject="kim").user.groups.exists()


def test_first_sign_in_links_the_account_with_the_verified_email(client, configured, org):
    insurance = org.people["insurance"]
    insurance.email = "Insurance@Testshire.gov.uk"
    insurance.save()
    configured.accounts(
        ins={
            "email": "insurance@testshire.gov.uk",
            "email_verified": True,
            "groups": ["grp-insurance"],
        }
    )
    sign_in(client, configured, "ins")
    assert signed_in(client) == insurance
    assert ProviderIdentity.objects.get(subject="ins").user == insurance


def test_an_unverified_email_links_no_account_and_makes_none(client, configured, org):
    insurance = org.people["insurance"]
    insurance.email = "insurance@testshire.gov.uk"
    insurance.save()
    configured.accounts(
        eve={
            "email": "insurance@testshire.gov.uk",
            "email_verified": False,
            "groups": ["grp-insurance"],
        }
    )
    response = sign_in(client, configured, "eve")
    assert response["Location"] == reverse("login")
    assert not signed_in(client).is_authenticated
    assert "email address is not verified" in refusal(client.get(reverse("login")))
    assert not ProviderIdentity.objects.exists()


def test_a_superuser_signed_in_through_the_provider_needs_no_local_second_factor(
    client, configured
):
    admin = UserFactory(username="root", email="root@testshire.gov.uk", is_superuser=True)
    configured.accounts(
        root={"email": "root@testshire.gov.uk", "email_verified": True, "groups": ["grp-staff"]}
    )
    sign_in(client, configured, "root")
    home = client.get(HOME)
    assert home.status_code == 200 and home.wsgi_request.user == admin


@pytest.mark.parametrize("mode", ["issuer", "signature", "expired"])
def test_an_id_token_of_another_issuer_badly_signed_or_expired_is_refused(client, configured, mode):
    configured.accounts(
        mal={"email": "mal@testshire.gov.uk", "email_verified": True, "groups": ["grp-insurance"]}
    )
    configured.tamper_next_id_token(mode)
    response = sign_in(client, configured, "mal")
    assert response["Location"] == reverse("login")
    assert not signed_in(client).is_authenticated
    assert "did not work" in refusal(client.get(reverse("login")))
    assert not ProviderIdentity.objects.exists()


def test_a_replayed_state_signs_no_one_in(client, configured):
    configured.accounts(
        pat={"email": "pat@testshire.gov.uk", "email_verified": True, "groups": ["grp-staff"]}
    )
    back = callback_for(client, configured, "pat").removeprefix(BASE)
    assert client.get(back)["Location"] == reverse("web:home")

    # Another browser, midway through its own sign-in, is handed the same answer.
    other = Client()
    other.get(START)
    assert other.get(back)["Location"] == reverse("login")
    assert not signed_in(other).is_authenticated
    # And the first browser, signed out, cannot use it again either.
    client.post(reverse("logout"))
    client.get(START)
    assert client.get(back)["Location"] == reverse("login")
    assert not signed_in(client).is_authenticated


def test_signing_out_ends_the_session_at_the_provider_too(client, configured):
    configured.accounts(
        lee={"email": "lee@testshire.gov.uk", "email_verified": True, "groups": ["grp-staff"]}
    )
    sign_in(client, configured, "lee")
    id_token = client.session[ID_TOKEN]
    response = client.post(reverse("logout"))
    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}" == configured.issuer
    query = parse_qs(end_session.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [BASE + reverse("login")]
    assert not signed_in(client).is_authenticated


def test_a_local_sign_out_stays_local(client, org):
    client.force_login(org.people["officer"])
    assert client.post(reverse("logout"))["Location"] == reverse("login")


def _settings_with(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "RISKREG_"))}
    script = (
        "import json, riskreg.settings as s; print(json.dumps({'enabled': s.OIDC_ENABLED, "
        "'backends': s.AUTHENTICATION_BACKENDS, 'scopes': s.OIDC_RP_SCOPES, "
        "'groups': s.OIDC_GROUPS_CLAIM, 'verified': s.OIDC_EMAIL_VERIFIED_CLAIM, "
        "'form_action': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=clean | {"DJANGO_SECRET_KEY": "x" * 50} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_provider_is_off_unless_the_environment_configures_it():
    off = _settings_with()
    assert not off["enabled"] and "accounts.provider.ProviderBackend" not in off["backends"]
    on = _settings_with(
        RISKREG_OIDC_ISSUER="https://login.microsoftonline.com/tenant-id/v2.0/",
        RISKREG_OIDC_CLIENT_ID="app-id",
        RISKREG_OIDC_CLIENT_SECRET="secret",
        RISKREG_OIDC_SCOPES="openid email profile",
        RISKREG_OIDC_GROUPS_CLAIM="roles",
        RISKREG_OIDC_EMAIL_VERIFIED_CLAIM="xms_edov",
    )
    assert on["enabled"] and on["backends"][-1] == "accounts.provider.ProviderBackend"
    assert (on["groups"], on["verified"]) == ("roles", "xms_edov")
    assert "https://login.microsoftonline.com" in on["form_action"]


def test_refused_provider_answers_do_not_pause_sign_in_from_the_address(client, configured):
    configured.accounts(
        ann={"email": "ann@testshire.gov.uk", "email_verified": False, "groups": ["grp-staff"]},
        bob={"email": "bob@testshire.gov.uk", "email_verified": True, "groups": ["grp-staff"]},
    )
    for _ in range(5):  # the limit of failures for one username (none) from one address
        assert sign_in(client, configured, "ann")["Location"] == reverse("login")
    assert sign_in(client, configured, "bob")["Location"] == reverse("web:home")
    assert signed_in(client).email == "bob@testshire.gov.uk"
