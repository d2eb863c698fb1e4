"""Edit a risk in a real browser: the live band preview, the refused edit, the lost update."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from registers import services
from registers.models import Response, Risk
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory, police_scheme

pytestmark = pytest.mark.django_db(transaction=True)


def officers_risk(org) -> Risk:
    return RiskFactory(
        register=org.service_register,
        reference="AC-01",
        title="Care home closures",
        owner=org.people["officer"],
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=3,
        response=Response.TREAT,
    )


def edit_url(live_server, risk) -> str:
    return live_server.url + reverse("registers:risk-edit", kwargs={"pk": risk.pk})


def test_the_band_preview_changes_before_saving(page: Page, live_server, org):
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))
    preview = page.locator("#score-residual-preview")
    expect(preview).to_contain_text("3 × 3 = 9")
    expect(preview).to_contain_text("Amber: within the risk appetite")
    expect(preview).to_have_attribute("aria-live", "polite")

    page.get_by_role("group", name="Residual likelihood").get_by_role(
        "radio", name="5 Highly likely to happen"
    ).check()

    # Before any save: the preview says the new score, band and what it means, in words.
    expect(preview).to_contain_text("5 × 3 = 15")
    expect(preview).to_contain_text("Red: outside the risk appetite")
    expect(preview).to_contain_text("Still outside the appetite")
    risk.refresh_from_db()
    assert risk.residual_likelihood == 3

    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_url(live_server.url + risk.get_absolute_url())
    expect(page.get_by_role("status").filter(has_text="saved")).to_contain_text(
        "AC-01 Care home closures saved."
    )
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.version) == (5, 2)


def test_the_preview_follows_the_organisations_own_bands(page: Page, live_server, org):
    """The script holds no band of its own: on a police-style scheme a score the default
    scheme calls Amber shows the organisation's band, label and colour as it changes."""
    org.organisation.scheme = police_scheme()
    org.organisation.save()
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))
    preview = page.locator("#score-residual-preview")
    expect(preview).to_contain_text("3 × 3 = 9")
    expect(preview).to_contain_text("Medium: within the risk appetite")

    page.get_by_role("group", name="Residual likelihood").get_by_role(
        "radio", name="4", exact=True
    ).check()

    # 12 is Amber on the default scheme; here it is High (10 to 19), in High's colour.
    expect(preview).to_contain_text("4 × 3 = 12")
    expect(preview).to_contain_text("High: within the risk appetite")
    expect(preview).not_to_contain_text("Amber")
    badge = preview.locator('[data-part="band"]')
    expect(badge).to_have_text("High")
    expect(badge).to_have_css("background-color", "rgb(255, 102, 0)")
    # The impact radios are buttons: a pointer presses the label.
    page.get_by_role("group", name="Residual impact").locator("label", has_text="5").click()
    expect(preview).to_contain_text("4 × 5 = 20")
    expect(badge).to_have_text("Critical")
    expect(badge).to_have_css("background-color", "rgb(192, 0, 0)")
    expect(page.locator("[data-owner-guidance]")).to_contain_text(
        "A Critical risk (the higher of its inherent and residual scores is 20)"
    )


def test_the_impact_descriptors_follow_the_chosen_level(page: Page, live_server, org):
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))
    residual = page.locator("#score-residual")
    expect(residual.get_by_text("Impact 3 means any of:")).to_be_visible()
    # By keyboard: the impact buttons are a radio group, so the arrow keys move the choice.
    impact = page.get_by_role("group", name="Residual impact")
    impact.get_by_role("radio", name="3", exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(impact.get_by_role("radio", name="5", exact=True)).to_be_checked()
    expect(residual.get_by_text("Impact 5 means any of:")).to_be_visible()
    expect(residual.get_by_text("Impact 3 means any of:")).to_be_hidden()
    expect(page.locator("#score-residual-preview")).to_contain_text("3 × 5 = 15")


def test_someone_who_may_not_edit_gets_the_refusal_page(page: Page, live_server, org):
    risk = officers_risk(org)
    sign_in(page, live_server, "other_officer")
    response = page.goto(edit_url(live_server, risk))
    assert response.status == 403
    expect(page.get_by_role("heading", name="You do not have access to this page")).to_be_visible()
    expect(page.get_by_text("Only the risk's owner")).to_be_visible()
    expect(page.get_by_role("button", name="Save changes")).to_have_count(0)


def test_a_lost_update_is_refused_showing_what_changed(page: Page, live_server, org):
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))
    page.get_by_label("Title").fill("Care home closures in the north of the city")

    # Meanwhile the head of service saves a change to the same risk.
    head = org.people["head"]
    services.risk_update(risk=risk, by=head, version=1, changes={"residual_likelihood": 4})

    page.get_by_role("button", name="Save changes").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(
        f"Not saved: {head.get_full_name()} changed this risk while you were editing it"
    )
    expect(alert).to_contain_text("Residual likelihood: you started from 3, it is now 4.")
    expect(alert).to_be_focused()
    # What the officer typed is still there; the head's change is shown, not lost.
    expect(page.get_by_label("Title")).to_have_value("Care home closures in the north of the city")
    expect(page.locator("#score-residual-preview")).to_contain_text("4 × 3 = 12")
    risk.refresh_from_db()
    assert (risk.title, risk.residual_likelihood) == ("Care home closures", 4)

    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_url(live_server.url + risk.get_absolute_url())
    risk.refresh_from_db()
    assert risk.title == "Care home closures in the north of the city"
    assert (risk.residual_likelihood, risk.version) == (4, 3)


@pytest.mark.browser_context_args(locale="en-US", timezone_id="America/New_York")
def test_dates_are_day_month_year_in_an_en_us_browser(page: Page, live_server, org):
    """4 7 2027 is the fourth of July, whatever the browser's locale would write."""
    risk = officers_risk(org)
    sign_in(page, live_server, "officer")
    page.goto(edit_url(live_server, risk))
    assert page.evaluate("navigator.language") == "en-US"
    review = page.get_by_role("group", name="Next review due")
    review.get_by_label("Day").fill("4")
    review.get_by_label("Month").fill("7")
    review.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_url(live_server.url + risk.get_absolute_url())
    risk.refresh_from_db()
    assert risk.next_review_due.isoformat() == "2027-07-04"
    expect(page.get_by_text("4 Jul 2027").first).to_be_visible()

    # The form shows it back day first; a date that does not exist is refused, kept as typed.
    page.goto(edit_url(live_server, risk))
    expect(review.get_by_label("Day")).to_have_value("4")
    expect(review.get_by_label("Month")).to_have_value("7")
    review.get_by_label("Day").fill("31")
    review.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the review date as a real date")
    expect(review.get_by_label("Day")).to_have_value("31")
