"""The escalation forms as a keyboard and screen-reader user meets them: the count of factors
never hides the focused control (WCAG 2.4.11), the count is right after a refused submit, and
the decision form's error is tied to its radios and linked from the summary."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from escalation import services
from escalation.seed import ensure_checklists
from tests.e2e.test_escalation import factor_summary, red_service_risk, signed_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def checklists(transactional_db):
    ensure_checklists()


def obscured(page: Page) -> str | None:
    """What of the focused element the sticky count covers, if anything."""
    return page.evaluate(
        """() => {
          const banner = document.getElementById('factor-summary').getBoundingClientRect();
          if (document.activeElement === document.body) return null;
          const el = document.activeElement.getBoundingClientRect();
          const hidden = Math.min(el.bottom, banner.bottom) - Math.max(el.top, banner.top);
          return hidden > 0 && document.activeElement.id !== 'factor-summary'
            ? `${document.activeElement.id || document.activeElement.tagName}: ${hidden}px`
            : null;
        }"""
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_the_factor_count_never_hides_the_focused_control(page: Page, live_server, org, width):
    risk = red_service_risk(org)
    signed_in(page, live_server, "officer")
    page.set_viewport_size({"width": width, "height": 700})
    # Bootstrap scrolls smoothly unless motion is reduced: measure where focus lands, not the
    # first frame of the scroll.
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server.url}{reverse('escalation:proposal-create', args=[risk.pk])}")
    expect(factor_summary(page)).to_be_visible()
    page.get_by_role("button", name="Propose escalation").focus()
    covered = []
    for _ in range(30):  # backwards through the form, as the audit did with Shift+Tab
        page.keyboard.press("Shift+Tab")
        if (problem := obscured(page)) is not None:
            covered.append(problem)
    page.get_by_role("checkbox").first.focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if (problem := obscured(page)) is not None:
            covered.append(problem)
    assert covered == []


def test_after_a_refused_submit_the_count_is_of_what_is_ticked(page: Page, live_server, org):
    risk = red_service_risk(org)
    signed_in(page, live_server, "officer")
    page.goto(f"{live_server.url}{reverse('escalation:proposal-create', args=[risk.pk])}")
    before = factor_summary(page).inner_text()
    boxes = page.get_by_role("checkbox")
    boxes.nth(0).check()
    boxes.nth(1).check()  # two ticks without their notes: refused
    page.get_by_role("button", name="Propose escalation").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    held = int(before.split(" of ")[0]) + 2
    expect(factor_summary(page)).to_contain_text(f"{held} of ")
    # The server wrote the same count: the script only keeps it up to date.
    assert f">{held} of " in page.content()


def test_a_decision_without_a_choice_is_explained_at_the_radios(page: Page, live_server, org):
    risk = red_service_risk(org)
    proposal = services.proposal_create(
        risk=risk, by=org.people["officer"], ticks={2: "Statutory duty", 3: "Budget"}
    )
    signed_in(page, live_server, "director")
    page.goto(f"{live_server.url}{proposal.get_absolute_url()}")
    page.get_by_role("button", name="Record decision").click()
    summary = page.get_by_role("alert").filter(has_text="Decision")
    expect(summary).to_contain_text("Choose whether to accept or decline the proposal.")
    link = summary.get_by_role("link", name="Decision")
    assert link.get_attribute("href") == "#id_decision_0"
    link.click()
    expect(page.get_by_role("radio").first).to_be_focused()
    for radio in page.get_by_role("radio").all():
        expect(radio).to_have_attribute("aria-invalid", "true")
        expect(radio).to_have_accessible_description(
            "Choose whether to accept or decline the proposal."
        )
