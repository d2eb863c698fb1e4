"""The main journeys with the keyboard only: Tab, Shift+Tab, Enter, Space and the arrow keys,
never a click. At every stop the focus must be visible (a focus ring: an outline or a box
shadow under :focus-visible), and after each step it must land where the person expects:
the skip link on the main content, a refused form on its error summary.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from escalation.models import Proposal, ProposalStatus
from escalation.seed import ensure_checklists
from registers.models import RiskReview
from registers.services import register_approve
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 80

# The focused element, described for a failure message, and whether its focus ring shows.
FOCUS_RING = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {what: 'body', visible: false};
  // Chromium's date field takes Tab stops inside itself: its parts (the host matches
  // :focus-visible), then its calendar button, which draws its own ring, out of reach here.
  if (e.type === 'date' && !e.matches(':focus-visible')) return {what: 'date', visible: true};
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none' && !/^rgba\([^)]*, 0\)/.test(s.boxShadow);
  const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim();
  return {
    what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${text.slice(0, 40)}"` +
      ` (outline ${s.outlineStyle} ${s.outlineWidth}, shadow ${s.boxShadow},` +
      ` focus-visible ${e.matches(':focus-visible')})`,
    visible: e.matches(':focus-visible') && (outline || shadow),
  };
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUS_RING)


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, *, key: str = "Tab") -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; every stop on the way must
    show its focus (a field the page focused itself, like the sign-in username, counts)."""
    for _ in range(MAX_TABS):
        if is_focused(target):
            now = focused(page)
            assert now["visible"], f"no visible focus on {now['what']} ({page.url})"
            return
        page.keyboard.press(key)
        now = focused(page)
        assert now["visible"], f"no visible focus on {now['what']} ({page.url})"
    raise AssertionError(f"{key} never reached {target} on {page.url}")


def type_into(page: Page, field: Locator, text: str) -> None:
    tab_to(page, field)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def follow(page: Page, link: Locator, heading: str | re.Pattern) -> None:
    """Tab to a link or button and press Enter; the next page has ``heading``."""
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def expect_error_summary_focused(page: Page, text: str) -> None:
    summary = page.get_by_role("alert").filter(has_text=text)
    expect(summary).to_be_focused()
    assert focused(page)["visible"], "the error summary has the focus but shows no focus ring"


def sign_in_by_keyboard(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    type_into(page, page.get_by_label("Username"), username)
    type_into(page, page.get_by_label("Password"), "password")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your risk work")


def sign_out_by_keyboard(page: Page) -> None:
    tab_to(page, page.get_by_role("button", name="Sign out"), key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_the_main_journeys_by_keyboard(page: Page, live_server, org):
    ensure_checklists()
    page.set_viewport_size({"width": 1280, "height": 900})
    # No transitions: the focus ring is read as soon as the focus moves, not half faded in.
    page.emulate_media(reduced_motion="reduce")
    head, director = org.people["head"], org.people["director"]
    risk = RiskFactory(
        register=org.service_register,
        owner=head,
        title="Care home closures",
        residual_likelihood=4,
        residual_impact=4,
    )
    for month in (8, 11):
        register_approve(
            register=org.corporate,
            by=org.people["chief"],
            at=timezone.make_aware(datetime(2026, month, 20, 10)),
        )

    # Sign in, then the skip link: the first Tab stop, shown when focused, to the main content.
    sign_in_by_keyboard(page, live_server, "head")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert focused(page)["visible"]
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    # Open the register from "Registers you own", then the risk from its table.
    follow(page, page.get_by_role("link", name="Adult Care service"), "Adult Care service")
    follow(
        page,
        page.get_by_role("link", name="Care home closures", exact=True),
        f"{risk.reference} · Care home closures",
    )

    # Edit: a required field left empty brings the form back with the focus on the summary;
    # its link takes the focus to the field.
    follow(page, page.get_by_role("link", name="Edit risk"), re.compile("^Edit"))
    title = page.locator("#id_title")
    tab_to(page, title)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")
    expect_error_summary_focused(page, "Not saved")
    tab_to(page, page.get_by_role("alert").get_by_role("link").first)
    page.keyboard.press("Enter")
    expect(title).to_be_focused()
    page.keyboard.type("Care home closures in the north")
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{risk.reference} · Care home closures in the north"
    )

    # Record a review: refused empty (focus on the summary), then answered.
    follow(page, page.get_by_role("link", name="Record a review"), "Record a review")
    tab_to(page, page.get_by_role("button", name="Record review"))
    page.keyboard.press("Enter")
    expect_error_summary_focused(page, "nothing has been saved")
    answers = page.locator("form textarea[name^='answer']")
    for index in range(answers.count()):
        type_into(page, answers.nth(index), "No change this quarter.")
    tab_to(page, page.get_by_role("button", name="Record review"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{risk.reference} · Care home closures in the north"
    )
    assert RiskReview.objects.filter(risk=risk).count() == 1

    # Propose the escalation: tick a factor with Space (the count follows), make the case.
    follow(page, page.get_by_role("link", name="Propose escalation"), re.compile("^Propose"))
    summary = page.locator("#factor-summary")
    before = summary.inner_text()
    tab_to(page, page.get_by_role("checkbox").first)
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox").first).to_be_checked()
    expect(summary).not_to_have_text(before)
    page.keyboard.press("Tab")
    page.keyboard.type("Homes in the north are closing faster than planned.")
    type_into(
        page,
        page.get_by_label("Your case for escalation"),
        "Placements cannot be found within the service's budget.",
    )
    tab_to(page, page.get_by_role("button", name=re.compile("^Propose escalation to")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Escalation of"))
    proposal = Proposal.objects.get(risk=risk)
    sign_out_by_keyboard(page)

    # The receiving owner decides: from their home page, the decision by arrow keys.
    sign_in_by_keyboard(page, live_server, director.username)
    follow(
        page,
        page.get_by_role("link", name=f"{risk.reference} · Care home closures in the north"),
        re.compile("^Escalation of"),
    )
    accept = page.get_by_role("radio", name=re.compile("^Accept"))
    tab_to(page, page.get_by_role("radio").first)
    while not is_focused(accept):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(accept).to_be_checked()
    type_into(page, page.get_by_label("Reason", exact=True), "Agreed at the directorate meeting.")
    tab_to(page, page.get_by_role("button", name="Record decision"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="is now on")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED

    # A report's preview from the Reports menu, and its PDF link (the Insurance Manager's).
    sign_out_by_keyboard(page)
    sign_in_by_keyboard(page, live_server, "insurance")
    follow(
        page,
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports"),
        "Reports",
    )
    tab_to(page, page.get_by_role("link", name=re.compile("^Read")).first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    pdf = page.get_by_role("link", name=re.compile("PDF"))
    tab_to(page, pdf.first)
    assert "/pdf/" in pdf.first.get_attribute("href")
