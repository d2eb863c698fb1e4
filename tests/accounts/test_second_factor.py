"""The second factor: setting up an authenticator app, signing in with its code or a
recovery code, the lockout counting wrong codes as it counts wrong passwords, and the
accounts that must have one."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.models import SecondFactorRequirement
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
VERIFY = reverse("accounts:verify")
SETUP = reverse("accounts:two-factor-setup")
PAGE = reverse("accounts:two-factor")
HOME = reverse("web:home")


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = services.totp_pending(user)
    codes = services.totp_confirm(device=device, code=current_code(device))
    next_step(device)
    return device, codes


def next_step(device: TOTPDevice) -> None:
    """As if the app had moved on to its next code: a code once accepted is never again."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)


def sign_in(client, user, password="password", **extra):
    return client.post(LOGIN, {"username": user.username, "password": password}, **extra)


def signed_in_as(client):
    return get_user_model().objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_setting_up_shows_a_qr_code_and_the_key_then_the_recovery_codes_once(client, org):
    officer = org.people["officer"]
    client.force_login(officer)
    page = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert "<svg" in page and services.totp_secret(device) in page
    assert "issuer=Risk%20registers" in device.config_url
    wrong = client.post(SETUP, {"code": "000000" if current_code(device) != "000000" else "1"})
    assert wrong.status_code == 400
    assert "There is a problem" in wrong.content.decode()
    response = client.post(SETUP, {"code": current_code(device)}, follow=True)
    shown = response.context["new_codes"]
    assert len(shown) == 10
    assert set(shown) == set(StaticToken.objects.values_list("token", flat=True))
    assert shown[0] in response.content.decode()
    assert shown[0] not in client.get(PAGE).content.decode()
    device.refresh_from_db()
    assert device.confirmed and services.has_second_factor(officer)


def test_the_password_alone_does_not_sign_in_with_a_second_factor(client, org):
    officer = org.people["officer"]
    device, _ = enrolled(officer)
    response = sign_in(client, officer)
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert signed_in_as(client) is None
    assert client.get(HOME).status_code == 302  # to sign in
    response = client.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 302 and response["Location"] == HOME
    assert signed_in_as(client) == officer
    assert client.get(HOME).wsgi_request.user.is_verified()


def test_a_code_signs_in_only_once(client, org):
    officer = org.people["officer"]
    device, _ = enrolled(officer)
    code = current_code(device)
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post(reverse("logout"))
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": code}).status_code == 400


def test_a_wrong_code_is_refused_with_the_error_summary(client, org):
    officer = org.people["officer"]
    enrolled(officer)
    sign_in(client, officer)
    response = client.post(VERIFY, {"code": "12345"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_recovery_code_signs_in_once(client, org):
    officer = org.people["officer"]
    _, codes = enrolled(officer)
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert signed_in_as(client) == officer
    client.post(reverse("logout"))
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 400
    assert services.recovery_codes_left(officer) == 9


def test_the_code_page_without_a_password_first_says_to_sign_in(client, org):
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 200
    assert response.context["expired"] and signed_in_as(client) is None


def test_wrong_codes_lock_the_account_out_as_wrong_passwords_do(client, org, settings):
    settings.AXES_FAILURE_LIMIT = 3
    officer = org.people["officer"]
    device, _ = enrolled(officer)
    sign_in(client, officer)
    client.post(VERIFY, {"code": "11111"})
    client.post(VERIFY, {"code": "22222"})
    # A right password again does not wipe the count of wrong codes.
    sign_in(client, officer)
    locked = client.post(VERIFY, {"code": "33333"})
    assert locked.status_code == 429
    sign_in(client, officer)  # the pair is paused: the password is refused too
    assert client.post(VERIFY, {"code": current_code(device)}).status_code != 302
    assert signed_in_as(client) is None


def test_a_superuser_without_a_second_factor_sets_one_up_before_anything_else(client, org):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    response = sign_in(client, root)
    assert response["Location"] == SETUP
    assert signed_in_as(client) == root
    for address in (HOME, reverse("admin:index"), reverse("api:tokens")):
        assert client.get(address)["Location"] == SETUP
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=root, confirmed=False)
    client.post(SETUP, {"code": current_code(device)})
    assert client.get(HOME).status_code == 200


def test_an_account_the_administrator_marks_must_have_one(client, org):
    head = org.people["head"]
    SecondFactorRequirement.objects.create(user=head, reason="Owns a register")
    assert sign_in(client, head)["Location"] == SETUP
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=head)
    client.post(SETUP, {"code": current_code(device)})
    response = client.post(reverse("accounts:two-factor-remove"), follow=True)
    assert "cannot be turned off" in response.content.decode()
    assert services.has_second_factor(head)


def test_an_account_not_marked_may_turn_it_off(client, org):
    officer = org.people["officer"]
    enrolled(officer)
    client.force_login(officer)
    client.post(reverse("accounts:two-factor-remove"))
    assert not services.has_second_factor(officer)
    assert sign_in(client, officer)["Location"] == HOME


def test_new_recovery_codes_replace_the_old(client, org):
    officer = org.people["officer"]
    _, old = enrolled(officer)
    client.force_login(officer)
    new = client.post(reverse("accounts:recovery-codes-renew"), follow=True).context["new_codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


def test_without_a_second_factor_signing_in_is_as_before(client, org):
    response = sign_in(client, org.people["officer"])
    assert response["Location"] == HOME


def test_the_admin_signs_in_through_the_sites_sign_in_page(client):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/admin/"


def test_the_next_address_survives_the_code_page(client, org):
    officer = org.people["officer"]
    device, _ = enrolled(officer)
    client.post(LOGIN, {"username": "officer", "password": "password", "next": PAGE})
    assert client.post(VERIFY, {"code": current_code(device)})["Location"] == PAGE


def test_an_administrator_resets_a_lost_second_factor(client, org):
    head = org.people["head"]
    requirement = SecondFactorRequirement.objects.create(user=head)
    enrolled(head)
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    changelist = reverse("admin:accounts_secondfactorrequirement_changelist")
    client.post(changelist, {"action": "reset_second_factor", "_selected_action": [requirement.pk]})
    assert not services.has_second_factor(head)


def test_a_right_code_just_after_a_wrong_one_signs_in(client, org):
    """The lockout limits wrong codes; nothing else silently refuses a right one."""
    officer = org.people["officer"]
    device, _ = enrolled(officer)
    sign_in(client, officer)
    client.post(VERIFY, {"code": "11111"})
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
