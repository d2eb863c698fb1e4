"""Challenging an assessment through a real browser: a colleague says a risk is not properly
assessed from its page, the risk's owner answers by re-scoring it, and the risk's page and
history show what happened."""

import pytest
from playwright.sync_api import Page, expect

from escalation.models import Challenge, ChallengeStatus
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_escalation import sign_out, signed_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Two care homes closed this quarter: closures are likelier than the scores say."


def test_a_colleague_challenges_and_the_owner_re_scores(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        title="Care home closures",
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=2,
        residual_impact=3,
    )

    # The director sees the risk and challenges it; an empty reason is refused, input kept.
    signed_in(page, live_server, "director")
    page.goto(live_server.url + risk.get_absolute_url())
    page.get_by_role("link", name="Challenge the assessment").click()
    page.get_by_label("Residual likelihood").select_option("4")
    page.get_by_role("button", name="Send the challenge").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Say why the risk is not properly assessed."
    )
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Residual likelihood")).to_have_value("4")
    assert serious_violations(page) == []
    page.get_by_label("Why is it not properly assessed?").fill(REASON)
    page.get_by_label("Residual impact").select_option("4")
    page.get_by_role("button", name="Send the challenge").click()

    challenge = Challenge.objects.get(risk=risk)
    expect(page).to_have_url(live_server.url + challenge.get_absolute_url())
    expect(page.locator("[data-status]")).to_contain_text("Waiting for an answer")
    expect(page.locator("[data-challenge-reason]")).to_have_text(REASON)
    expect(page.get_by_role("button", name="Send the answer")).to_have_count(0)
    sign_out(page)

    # The risk's owner is told, sees it on the risk, and re-scores at the suggested scores.
    signed_in(page, live_server, "officer")
    page.goto(live_server.url + risk.get_absolute_url())
    page.locator(f'[data-challenge="{challenge.pk}"] a').click()
    expect(page).to_have_url(live_server.url + challenge.get_absolute_url())
    expect(page.get_by_label("Residual likelihood")).to_have_value("4")
    expect(page.get_by_label("Residual impact")).to_have_value("4")
    assert serious_violations(page) == []
    page.get_by_label("Re-score the risk at the scores below").check()
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator("[data-status]")).to_contain_text("Re-scored")

    risk.refresh_from_db()
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.RESCORED
    assert (risk.residual_likelihood, risk.residual_impact) == (4, 4)

    page.goto(live_server.url + risk.get_absolute_url())
    expect(page.locator(f'[data-challenge="{challenge.pk}"]')).to_have_count(0)
    expect(page.get_by_text("Challenged the assessment (suggested residual 16)")).to_be_visible()
    expect(page.get_by_text("Re-scored on the challenge by")).to_be_visible()
