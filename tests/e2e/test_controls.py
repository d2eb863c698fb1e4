"""Rating a control and recording assurance over it, as people meet them in the browser: the
risk's owner rates a control as a key control by keyboard-usable radios, the risk page warns
that it has no assurance, Internal Audit records third-line assurance (and is offered nothing
else), and the warning goes. Both pages are scanned with axe
(docs/domain.md#controls-and-assurance)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.models import Action, ActionKind, ActionStatus, Assurance, Effectiveness
from tests.e2e.test_accessibility import wcag_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_rating_a_control_and_recording_third_line_assurance(page: Page, live_server, org):
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        title="Care home closures",
        residual_likelihood=3,
        residual_impact=3,
    )
    control = ActionFactory(
        risk=risk,
        kind=ActionKind.CONTROL,
        status=ActionStatus.DONE,
        owner=org.people["officer"],
        description="Monthly visits to every home",
    )

    # The risk's owner rates the control, choosing by keyboard.
    sign_in(page, live_server, "officer")
    page.goto(f"{live_server.url}{reverse('registers:action-edit', args=[control.pk])}")
    type_group = page.get_by_role("group", name="Type of control (controls in place only)")
    type_group.get_by_label("Detective").focus()
    page.keyboard.press("Space")
    effectiveness = page.get_by_role("group", name="How effective is the control?")
    effectiveness.get_by_label("Effective", exact=True).check()
    page.get_by_label("A key control: the risk chiefly relies on it").check()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Changes saved to the action")).to_be_visible()
    control.refresh_from_db()
    assert (control.control_type, control.effectiveness, control.key_control) == (
        "detective",
        Effectiveness.EFFECTIVE,
        True,
    )
    item = page.locator(f"#action-{control.pk}")
    expect(item).to_contain_text("Key control")
    expect(item).to_contain_text("Detective control")
    expect(page.get_by_text("1 key control on this Amber risk has no assurance")).to_be_visible()
    # The owner records first line, not this time: the link is there for them too.
    expect(item.get_by_role("link", name="Record assurance")).to_be_visible()

    # Internal Audit records the third line: the only line it is offered.
    page.context.clear_cookies()
    sign_in(page, live_server, "audit")
    page.goto(f"{live_server.url}{risk.get_absolute_url()}")
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    page.locator(f"#action-{control.pk}").get_by_role("link", name="Record assurance").click()
    lines = page.get_by_role("group", name="Line of assurance")
    expect(lines.get_by_role("radio")).to_have_count(1)
    expect(lines.get_by_label("Third line (Internal Audit)")).to_be_checked()
    page.get_by_role("button", name="Record assurance").click()  # nothing filled in
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Say where the assurance comes from.")
    assert wcag_violations(page) == []
    summary.get_by_role("link", name="Source").click()
    expect(page.get_by_label("Source")).to_be_focused()
    page.keyboard.type("Internal Audit report IA-2026-14")
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Conclusion").fill("Visits happen and find what they should.")
    page.get_by_role("button", name="Record assurance").click()
    expect(page.get_by_text(f"Assurance recorded on {risk.reference}.")).to_be_visible()
    expect(page.get_by_text("has no assurance")).to_have_count(0)
    [assurance] = Assurance.objects.all()
    assert (assurance.line, assurance.recorded_by.username) == ("third", "audit")
    assert Action.objects.get(pk=control.pk).version == control.version  # nothing else changed
    assert wcag_violations(page) == []
