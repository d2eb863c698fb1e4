"""Personal access tokens: made and shown once, stored as a digest, expiring, revocable, and
refused with 401 once they open nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from api import services
from api.models import AccessToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RISKS = "/api/v1/risks/"


def test_a_token_is_stored_only_as_its_digest(org):
    token, key = services.token_create(user=org.people["head"], name="Power BI", lifetime_days=90)
    assert key.startswith("rr_") and len(key) > 40
    stored = AccessToken.objects.get(pk=token.pk)
    assert key not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == services.token_digest(key)
    assert key.startswith(stored.prefix)
    assert stored.expires_at - stored.created_at == timedelta(days=90)


def test_a_lifetime_not_offered_is_refused(org):
    with pytest.raises(ValidationError) as refused:
        services.token_create(user=org.people["head"], name="Forever", lifetime_days=10_000)
    assert refused.value.code == "lifetime"
    assert not AccessToken.objects.exists()


def test_revoking_twice_is_refused(org):
    token, _ = services.token_create(user=org.people["head"], name="x", lifetime_days=30)
    services.token_revoke(token=token, by=org.people["head"])
    with pytest.raises(ValidationError) as refused:
        services.token_revoke(token=token, by=org.people["head"])
    assert refused.value.code == "revoked"


def test_a_token_opens_the_api_as_its_person(org, api_get, token_for):
    response = api_get(RISKS, token_for(org.people["head"]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        ("revoke", "This token has been revoked."),
        ("expire", "This token has expired."),
        ("deactivate", "This token's account is deactivated."),
    ],
)
def test_a_token_that_opens_nothing_gets_401(org, api_get, spoil, message):
    head = org.people["head"]
    token, key = services.token_create(user=head, name="x", lifetime_days=30)
    if spoil == "revoke":
        services.token_revoke(token=token, by=head)
    elif spoil == "expire":
        AccessToken.objects.filter(pk=token.pk).update(
            created_at=timezone.now() - timedelta(days=31),
            expires_at=timezone.now() - timedelta(seconds=1),
        )
    else:
        head.is_active = False
        head.save()
    response = api_get(RISKS, key)
    assert response.status_code == 401
    assert response.json() == {"detail": message}
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header", ["Bearer rr_not-a-token", "Bearer", "Bearer two parts", "Token rr_x"]
)
def test_an_unknown_or_malformed_token_gets_401(client, org, header):
    response = client.get(RISKS, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_no_token_and_no_session_gets_401_not_a_redirect(client):
    response = client.get(RISKS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="riskreg"'


def test_last_use_is_recorded_at_most_every_few_minutes(org, api_get):
    token, key = services.token_create(user=org.people["head"], name="x", lifetime_days=30)
    api_get(RISKS, key)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    api_get(RISKS, key)
    token.refresh_from_db()
    assert token.last_used_at == first_use


def test_requests_past_the_rate_get_429(org, api_get, token_for, settings):
    settings.RISKREG_API_RATE = "3/minute"
    key = token_for(org.people["head"])
    statuses = [api_get(RISKS, key).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_rate_is_per_person(org, api_get, token_for, settings):
    settings.RISKREG_API_RATE = "1/minute"
    assert api_get(RISKS, token_for(org.people["head"])).status_code == 200
    assert api_get(RISKS, token_for(org.people["officer"])).status_code == 200
    assert api_get(RISKS, token_for(org.people["head"])).status_code == 429


def test_the_api_changes_nothing(org, client, token_for):
    key = token_for(org.people["insurance"])
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(RISKS, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 405


# The API tokens page -------------------------------------------------------------------------

TOKENS = reverse("api:tokens")


def test_a_new_token_is_shown_once(client, org):
    client.force_login(org.people["officer"])
    response = client.post(TOKENS, {"name": "Excel", "lifetime_days": "90"}, follow=True)
    token = AccessToken.objects.get(user=org.people["officer"])
    key = response.context["new_key"]
    assert key.startswith(token.prefix)
    assert services.token_digest(key) == token.digest
    page = response.content.decode()
    assert key in page and "shown only this once" in page
    again = client.get(TOKENS).content.decode()
    assert key not in again and token.prefix in again
    assert client.get(RISKS, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_the_form_says_what_is_missing_and_keeps_what_was_given(client, org):
    client.force_login(org.people["officer"])
    response = client.post(TOKENS, {"name": "Excel"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem: nothing has been saved" in page
    assert 'value="Excel"' in page
    assert not AccessToken.objects.exists()


def test_the_page_lists_only_ones_own_tokens(client, org):
    services.token_create(user=org.people["head"], name="Head's Power BI", lifetime_days=30)
    services.token_create(user=org.people["officer"], name="Officer's Excel", lifetime_days=30)
    client.force_login(org.people["officer"])
    page = client.get(TOKENS).content.decode()
    assert "Officer&#x27;s Excel" in page and "Head&#x27;s Power BI" not in page


def test_revoking_ones_token_ends_it(client, org):
    token, key = services.token_create(user=org.people["officer"], name="x", lifetime_days=30)
    client.force_login(org.people["officer"])
    response = client.post(reverse("api:token-revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == org.people["officer"] and token.status == "Revoked"
    client.logout()
    assert client.get(RISKS, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_nobody_revokes_anothers_token(client, org):
    token, _key = services.token_create(user=org.people["officer"], name="x", lifetime_days=30)
    client.force_login(org.people["insurance"])
    response = client.post(reverse("api:token-revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_a_revoked_token_says_so(client, org):
    token, _ = services.token_create(user=org.people["officer"], name="x", lifetime_days=30)
    services.token_revoke(token=token, by=org.people["officer"])
    client.force_login(org.people["officer"])
    response = client.post(reverse("api:token-revoke", args=[token.pk]), follow=True)
    assert "already revoked" in response.content.decode()


def test_the_tokens_page_needs_a_signed_in_person(client):
    response = client.get(TOKENS)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_an_administrator_revokes_a_token_in_the_admin(client, org):
    token, _ = services.token_create(user=org.people["officer"], name="x", lifetime_days=30)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:api_accesstoken_changelist")
    assert client.get(changelist).status_code == 200
    client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_by == admin
