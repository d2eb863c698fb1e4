"""The quarterly cycle in a browser, as its people go through it: the Insurance Manager
downloads the draft SLT pack in one click, the Section 151 Officer signs it off, the chief
executive approves the corporate register from its approval page after seeing the checklist,
and the approved pack then downloads with the same bytes every time."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.models import RegisterSnapshot, S151Review
from registers.periods import quarter_considered
from registers.review_questions import questions_for
from reports.models import StoredPack
from tests.e2e.test_accessibility import wcag_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_draft_oversight_approval_and_the_stored_pack(page: Page, live_server, org):
    RiskFactory(register=org.corporate, owner=org.people["chief"], title="Budget gap")
    RiskFactory(
        register=org.corporate,
        owner=None,
        title="Unowned and unscored",
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    quarter = quarter_considered(timezone.localdate())

    # The Insurance Manager: the draft pack of the quarter under review, in one click.
    sign_in(page, live_server, "insurance")
    page.goto(f"{live_server.url}/reports/slt/")
    expect(page.get_by_role("heading", name=f"Draft pack for SLT's meeting: {quarter.label}"))
    with page.expect_download(timeout=90_000) as draft:
        page.get_by_role("link", name="Download the PDF").click()
        expect(page.get_by_role("status").first).to_contain_text("Preparing the PDF")
    assert draft.value.suggested_filename.endswith("-DRAFT.pdf")
    with open(draft.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The Section 151 Officer signs off the draft.
    page.context.clear_cookies()
    sign_in(page, live_server, "s151")
    page.goto(f"{live_server.url}/reports/slt/")
    page.get_by_role("link", name="Record your oversight of the draft").click()
    assert wcag_violations(page) == []
    page.get_by_label("Signed off").check()
    page.get_by_label("Comments for SLT").fill("Aligned with the MTFS and the budget.")
    page.get_by_role("button", name="Record my oversight").click()
    expect(page.get_by_text(f"Your oversight of {quarter.label} is recorded.")).to_be_visible()
    assert S151Review.objects.get().signed_off

    # The chief executive approves from the approval page, after the checklist.
    page.context.clear_cookies()
    sign_in(page, live_server, "chief")
    page.goto(f"{live_server.url}{org.corporate.get_absolute_url()}")
    page.get_by_role("link", name="Approve", exact=True).click()
    expect(page.get_by_role("heading", name="What you are approving")).to_be_visible()
    page.get_by_text("Not scored: 1 risk").click()  # opens the list of risks
    expect(page.get_by_role("link", name="Unowned and unscored")).to_be_visible()
    assert wcag_violations(page) == []
    # Sent without answers: the error summary takes the focus and nothing is approved.
    page.get_by_role("button", name="Approve the register").click()
    expect(page.get_by_role("alert")).to_be_focused()
    assert not RegisterSnapshot.objects.exists()
    for question in questions_for(org.corporate.tier):
        page.get_by_label(question).fill("Considered by SLT.")
    page.get_by_role("button", name="Approve the register").click()
    expect(page.get_by_text(f"Corporate approved for {quarter.label}.")).to_be_visible()
    snapshot = RegisterSnapshot.objects.get()
    assert snapshot.approved_by == org.people["chief"]
    assert not snapshot.without_s151_sign_off
    assert StoredPack.objects.filter(snapshot=snapshot).count() == 3

    # The approved pack: the stored bytes, the same twice.
    url = f"{live_server.url}{reverse('reports:slt-pack-pdf')}?quarter={quarter.label}"
    first, second = page.request.get(url), page.request.get(url)
    assert (
        first.body()
        == second.body()
        == bytes(StoredPack.objects.get(snapshot=snapshot, variant="full").content)
    )
