"""A superuser signs in for the first time, is made to set up an authenticator app (typing the
key shown, as someone without a camera would), keeps the recovery codes, signs out, and signs
in again with the password and then a code; a wrong code is refused on the way."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.e2e.test_sign_in import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def code_from_key(key_shown: str) -> str:
    """What an authenticator app shows now for the key the page printed."""
    import base64

    key = key_shown.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{totp(base64.b32decode(key)):06d}"


def test_a_superuser_sets_up_a_second_factor_and_signs_in_with_it(page: Page, live_server):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    sign_in(page, live_server, "root")
    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    page.goto(f"{live_server.url}/organisation/")  # nothing else until it is set up
    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    expect(page.locator("svg title")).to_have_text(re.compile("QR code"))
    key = page.locator(".font-monospace.fs-5").inner_text()

    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("alert")).to_contain_text("not the one the app shows")
    page.get_by_label("Code from the app").fill(code_from_key(key))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)

    page.get_by_role("button", name="Sign out").click()
    TOTPDevice.objects.filter(user=root).update(last_t=-1)  # the app's next code
    sign_in(page, live_server, "root")
    expect(page.get_by_role("heading", name="Your sign-in code")).to_be_visible()
    page.get_by_label("Code").fill("999999" if code_from_key(key) != "999999" else "1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    page.get_by_label("Code").fill(code_from_key(key))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
