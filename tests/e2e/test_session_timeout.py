"""The idle timeout warns first and loses nothing (WCAG 2.2.1): a warning with "Stay signed in"
before the end, typing counts as use, and a signed-out page keeps what was typed.

The page's clock is Playwright's; the server's idea of the last use is moved back in the
session itself, as if the person had been away."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Page, expect

from riskreg.security import LAST_SEEN
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

IDLE_MINUTES = 3  # the warning comes 90 s before the end (half the time, at most two minutes)
FIRST_CHECK_MS = 91_000  # when the page first asks the server how long is left


def away_for(page: Page, seconds: int) -> SessionStore:
    """Make the server believe the last use was ``seconds`` ago."""
    [cookie] = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    session = SessionStore(session_key=cookie["value"])
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()
    return session


def last_seen(page: Page) -> int:
    [cookie] = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    return SessionStore(session_key=cookie["value"])[LAST_SEEN]


@pytest.fixture
def edit_page(page: Page, live_server, org, settings):
    settings.RISKREG_IDLE_MINUTES = IDLE_MINUTES
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    page.clock.install()
    sign_in(page, live_server, "officer")
    page.goto(f"{live_server.url}/risks/{risk.pk}/edit/")
    return page


def test_a_warning_comes_before_the_end_and_stay_signed_in_extends(edit_page: Page):
    page = edit_page
    away_for(page, IDLE_MINUTES * 60 - 60)
    page.clock.fast_forward(FIRST_CHECK_MS)
    warning = page.get_by_role("alert").filter(has_text="You will be signed out in about")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("1 minute because riskreg has not been used")

    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_have_count(0)
    assert time.time() - last_seen(page) < 10


def test_typing_counts_as_use_and_keeps_the_session(edit_page: Page):
    page = edit_page
    page.get_by_label("Title").fill("A title typed slowly")
    away_for(page, IDLE_MINUTES * 60 - 60)
    with page.expect_response("**/session/keepalive/") as kept:
        page.clock.fast_forward(FIRST_CHECK_MS)
    assert kept.value.status == 204
    expect(page.get_by_role("alert")).to_have_count(0)
    assert time.time() - last_seen(page) < 10


def test_a_signed_out_page_says_so_and_keeps_what_was_typed(edit_page: Page):
    page = edit_page
    page.get_by_label("Title").fill("Half an hour of careful wording")
    away_for(page, IDLE_MINUTES * 60 + 30)
    page.clock.fast_forward(FIRST_CHECK_MS)
    signed_out = page.get_by_role("alert").filter(has_text="You have been signed out")
    expect(signed_out).to_be_visible()
    expect(signed_out).to_contain_text("Anything you typed is still on this page")
    expect(page.get_by_label("Title")).to_have_value("Half an hour of careful wording")
