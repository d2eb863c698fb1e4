"""Escalation through a real browser: propose from the risk page with the policy's checklist,
decide from the queue, de-escalate with a reason, and the notifications that tell people.

Set E2E_SCREENSHOTS=1 to save full-page screenshots of the main steps to /tmp/e2e-esc-*.png.
"""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import F
from django.urls import reverse
from playwright.sync_api import Page, expect

from demo.loader import DEMO_PASSWORD, load_demo
from escalation import selectors as escalation_selectors
from escalation import services as escalation_services
from escalation.models import Notification, Proposal, ProposalStatus
from escalation.seed import ensure_checklists
from registers.models import MovementKind, Register, Risk, RiskMovement, Tier
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in
from tests.factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

# The service-to-directorate checklist's judged factors, in the policy's words.
FACTOR_2 = (
    "The risk could result in the Council being unable to deliver a One Coventry priority, "
    "deliver vital services as planned or fulfil a statutory duty"
)
FACTOR_3 = "The risk cannot be addressed at a service level"


@pytest.fixture(autouse=True)
def checklists(transactional_db):
    """The checklists are seeded by a data migration, so a transactional flush removes them."""
    ensure_checklists()


def shot(page: Page, name: str) -> None:
    if os.environ.get("E2E_SCREENSHOTS"):
        page.screenshot(path=f"/tmp/e2e-esc-{name}.png", full_page=True)


def signed_in(page: Page, live_server, username: str, password: str = "password") -> None:
    sign_in(page, live_server, username, password)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def status_box(page: Page, text: str):
    """The one role=status region containing ``text`` (pages also announce messages)."""
    return page.get_by_role("status").filter(has_text=text)


def factor_summary(page: Page):
    return status_box(page, "factors hold")


def proposal_status(page: Page):
    return page.locator("[role=status][data-status]")


def open_from_queue(page: Page, risk: Risk) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Escalations").click()
    expect(page.get_by_role("heading", name="Escalations", level=1)).to_be_visible()
    page.get_by_role("link", name=f"{risk.reference} · {risk.title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Escalation of {risk.reference} · {risk.title}"
    )


def decide(page: Page, *, accept: bool, reason: str = "") -> None:
    page.get_by_role("radio", name=re.compile("^Accept" if accept else "^Decline")).check()
    if reason:
        page.get_by_label("Reason", exact=True).fill(reason)
    page.get_by_role("button", name="Record decision").click()


def escalation_section(page: Page):
    return page.get_by_role("region", name="Escalation")


def red_service_risk(org) -> Risk:
    return RiskFactory(
        register=org.service_register,
        owner=org.people["officer"],
        title="Care home closures",
        residual_likelihood=4,
        residual_impact=4,
    )


def test_propose_accept_de_escalate(page: Page, live_server, org):
    risk = red_service_risk(org)
    head, director = org.people["head"], org.people["director"]

    # The head of service proposes it from the risk page.
    signed_in(page, live_server, "head")
    page.goto(live_server.url + risk.get_absolute_url())
    expect(escalation_section(page)).to_contain_text(
        "Not escalated. Its owner or Adult Care service's owner can propose it to "
        "People directorate."
    )
    page.get_by_role("link", name="Propose escalation").click()
    expect(page.get_by_role("heading", name="Propose escalation", level=1)).to_be_visible()
    expect(page.get_by_text("from Adult Care service to People directorate")).to_be_visible()

    # Factor 1 is answered from the red residual score, not asked.
    derived = page.get_by_role("region", name="Answered from the risk's scores")
    factor_1 = derived.locator("[data-factor='1']")
    expect(factor_1).to_contain_text("Holds")
    expect(factor_1).to_contain_text("The risk is an amber or red risk.")
    expect(factor_1).to_contain_text("The residual score is Red 16")
    expect(page.get_by_role("checkbox")).to_have_count(7)  # factors 2-8: no dated target

    summary = factor_summary(page)
    expect(summary).to_have_text(re.compile(r"1 of 8 factors hold\..*not yet recommended"))

    page.get_by_label(FACTOR_2).check()
    page.get_by_label("Why factor 2 holds").fill("Care Act duties to place residents")
    expect(summary).to_have_text(re.compile(r"2 of 8 factors hold\..*not yet recommended"))

    # By keyboard: Space on the focused checkbox.
    page.get_by_label(FACTOR_3).focus()
    page.keyboard.press("Space")
    expect(page.get_by_label(FACTOR_3)).to_be_checked()
    page.get_by_label("Why factor 3 holds").fill("Placements need the whole directorate")
    expect(summary).to_have_text(
        "3 of 8 factors hold. The policy looks for at least 3: escalation is recommended."
    )
    shot(page, "proposal-form")
    page.get_by_role("button", name="Propose escalation to People directorate").click()

    proposal = Proposal.objects.get(risk=risk)
    expect(page).to_have_url(live_server.url + proposal.get_absolute_url())
    expect(proposal_status(page)).to_contain_text("Awaiting decision.")
    expect(proposal_status(page)).to_contain_text(f"{name_of(director)} decides.")
    expect(status_box(page, "is proposed for escalation")).to_contain_text(
        f"{risk.reference} is proposed for escalation to People directorate."
    )
    expect(page.get_by_text("3 of 8 factors held when proposed")).to_be_visible()
    expect(page.locator("tr[data-factor='2']")).to_contain_text(
        "Care Act duties to place residents"
    )
    expect(page.locator("tr[data-factor='3']")).to_contain_text("Yes")
    expect(page.locator("tr[data-factor='4']")).to_contain_text("No")
    # The proposer may withdraw, not decide.
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    expect(page.get_by_text("Withdraw this proposal")).to_be_visible()
    shot(page, "proposal-open")
    sign_out(page)

    # The director finds it in the queue and accepts it.
    signed_in(page, live_server, "director")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Escalations").click()
    row = page.get_by_role("row", name=f"{risk.reference} · {risk.title}")
    expect(row).to_contain_text("Adult Care service")
    expect(row).to_contain_text("People directorate")
    expect(row).to_contain_text("Red 16")
    expect(row).to_contain_text("3 of 8")
    expect(row).to_contain_text("Awaiting decision")
    shot(page, "queue-director")
    open_from_queue(page, risk)
    decide(page, accept=True)
    expect(proposal_status(page)).to_contain_text("Accepted.")
    expect(proposal_status(page)).to_contain_text(f"Decided by {name_of(director)}")
    expect(status_box(page, "is now on")).to_have_text(
        f"{risk.reference} is now on People directorate."
    )
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    shot(page, "proposal-accepted")

    # On the directorate register, with where it came from.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Registers").click()
    page.get_by_role("link", name="People directorate").click()
    row = page.get_by_role("row", name=risk.title)
    expect(row).to_contain_text(risk.reference)
    expect(row).to_contain_text("Escalated from Adult Care service")
    shot(page, "directorate-register")

    # Its old register lists it as escalated away, no longer in its table.
    page.goto(live_server.url + org.service_register.get_absolute_url())
    away = page.get_by_role("region", name="Escalated to higher registers")
    expect(away).to_contain_text(
        f"{risk.reference} · {risk.title}: escalated to People directorate"
    )
    expect(page.get_by_role("row", name=risk.title)).to_have_count(0)

    # The director sends it back, with a reason.
    away.get_by_role("link", name=f"{risk.reference} · {risk.title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{risk.reference} · {risk.title}")
    expect(escalation_section(page)).to_contain_text(
        "escalated from Adult Care service to People directorate"
    )
    page.get_by_role("link", name="De-escalate").click()
    expect(page.get_by_role("heading", name="De-escalate", level=1)).to_be_visible()
    move_to = page.get_by_label("Move it to")
    expect(move_to).to_have_value(str(org.service_register.pk))
    expect(move_to.locator("option").first).to_have_text(
        "Adult Care service (service) (escalated from here)"
    )
    shot(page, "de-escalate-form")
    page.get_by_label("Reason", exact=True).fill("Placements secured; the service can manage it")
    page.get_by_role("button", name="De-escalate").click()

    expect(page).to_have_url(live_server.url + risk.get_absolute_url())
    expect(status_box(page, "is now on")).to_have_text(
        f"{risk.reference} is now on Adult Care service."
    )
    facts = page.locator("dt:text-is('Register') + dd")
    expect(facts).to_have_text("Adult Care service")
    section = escalation_section(page)
    moved_back = section.locator("[data-movement='de_escalated']")
    expect(moved_back).to_contain_text(
        f"de-escalated from People directorate to Adult Care service by {name_of(director)}: "
        "Placements secured; the service can manage it"
    )
    expect(section.locator("[data-movement='escalated']")).to_contain_text(
        "escalated from Adult Care service to People directorate"
    )
    expect(section).to_contain_text("Proposal to People directorate of")
    expect(section).to_contain_text("accepted on")
    shot(page, "risk-after")
    risk.refresh_from_db()
    assert risk.register_id == org.service_register.pk
    sign_out(page)

    # The head was told of the acceptance (and of the risk coming back) in the app.
    signed_in(page, live_server, "head")
    notifications = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile(r"^Notifications")
    )
    expect(notifications).to_have_text("Notifications 2 unread")
    notifications.click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    accepted = page.get_by_role("listitem").filter(
        has_text=f"Escalation accepted: {risk.reference} {risk.title}"
    )
    expect(accepted).to_contain_text("New")
    expect(accepted).to_contain_text(f"was accepted by {name_of(director)}")
    expect(
        page.get_by_role("listitem").filter(
            has_text=f"Risk de-escalated: {risk.reference} {risk.title}"
        )
    ).to_be_visible()
    shot(page, "notifications")
    accepted.get_by_role("link").click()
    expect(page).to_have_url(live_server.url + proposal.get_absolute_url())
    expect(notifications).to_have_text("Notifications 1 unread")
    assert head.notifications.filter(read_at__isnull=True).count() == 1


def test_decline_needs_a_reason(page: Page, live_server, org):
    risk = red_service_risk(org)
    head, director = org.people["head"], org.people["director"]
    proposal = escalation_services.proposal_create(
        risk=risk,
        by=head,
        ticks={2: "Care Act duties", 3: "Beyond the service"},
    )

    signed_in(page, live_server, "director")
    open_from_queue(page, risk)

    # Decline without a reason: the error summary says so and nothing changes.
    decide(page, accept=False)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem: nothing has been saved")
    expect(summary).to_contain_text("Reason: Say why the proposal is declined.")
    expect(page.get_by_role("radio", name=re.compile("^Decline"))).to_be_checked()
    expect(proposal_status(page)).to_contain_text("Awaiting decision.")
    # The page comes back scrolled to the decision, so the summary is in view.
    expect(summary).to_be_in_viewport()
    shot(page, "decline-error")
    summary.get_by_role("link", name="Reason").click()
    expect(page.get_by_label("Reason", exact=True)).to_be_focused()
    proposal.refresh_from_db()
    risk.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert risk.register_id == org.service_register.pk
    assert not RiskMovement.objects.filter(risk=risk).exists()

    # With a reason: declined, and it stays where it is.
    page.get_by_label("Reason", exact=True).fill("The service has the placements in hand")
    page.get_by_role("button", name="Record decision").click()
    expect(proposal_status(page)).to_contain_text("Declined.")
    expect(proposal_status(page)).to_contain_text(f"Decided by {name_of(director)} on")
    expect(proposal_status(page)).to_contain_text("The service has the placements in hand")
    expect(status_box(page, "is declined")).to_have_text(
        f"The escalation of {risk.reference} is declined."
    )
    risk.refresh_from_db()
    assert risk.register_id == org.service_register.pk
    sign_out(page)

    # The proposer sees the decision and its reason.
    signed_in(page, live_server, "head")
    notifications = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile(r"^Notifications")
    )
    expect(notifications).to_have_text("Notifications 1 unread")
    notifications.click()
    declined = page.get_by_role("listitem").filter(
        has_text=f"Escalation declined: {risk.reference} {risk.title}"
    )
    expect(declined).to_contain_text("Reason: The service has the placements in hand")
    page.goto(live_server.url + risk.get_absolute_url())
    expect(escalation_section(page)).to_contain_text("Proposal to People directorate of")
    expect(escalation_section(page)).to_contain_text("declined on")
    # Declined, it may be proposed again.
    expect(page.get_by_role("link", name="Propose escalation")).to_be_visible()
    escalation_section(page).get_by_role("link", name=re.compile("^See the proposal")).click()
    expect(proposal_status(page)).to_contain_text("Declined. Decided by")
    expect(proposal_status(page)).to_contain_text("The service has the placements in hand")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Escalations").click()
    page.get_by_label("Status").select_option(label="Declined")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("row", name=f"{risk.reference} · {risk.title}")).to_contain_text(
        "Declined"
    )


def _tick_until_recommended(page: Page, notes: dict[int, str]) -> list[int]:
    """Tick judged factors in order, each with a note, until the summary recommends."""
    summary = factor_summary(page)
    ticked = []
    for number, note in notes.items():
        if re.search("escalation is recommended", summary.inner_text()):
            break
        box = page.locator(f"#id_factor_{number}")
        if box.count() == 0:  # answered from the scores for this risk
            continue
        box.check()
        page.get_by_label(f"Why factor {number} holds").fill(note)
        ticked.append(number)
    expect(summary).to_contain_text("escalation is recommended.")
    return ticked


def test_the_demo_council_escalates_to_slt(page: Page, live_server):
    load_demo()
    User = get_user_model()
    risk = (
        Risk.objects.open()
        .annotate(residual=F("residual_likelihood") * F("residual_impact"))
        .filter(
            residual__gte=15,
            register__tier=Tier.SERVICE,
            register__owner__username__startswith="head.",
            proposals__isnull=True,  # not one the demo's own escalations use
        )
        .select_related("register__owner", "register__directorate")
        .order_by("reference")
        .first()
    )
    assert risk is not None, "the demo has no open red risk on a head of service's register"
    service_register = risk.register
    head = service_register.owner
    directorate_register = Register.objects.get(
        tier=Tier.DIRECTORATE, directorate=service_register.directorate
    )
    director = directorate_register.owner
    assert director.username.startswith("director.")
    corporate = Register.objects.get(
        organisation=service_register.organisation, tier=Tier.CORPORATE
    )
    chief = User.objects.get(username="chief.executive")
    assert corporate.owner == chief
    s151 = User.objects.get(username="s151.officer")
    monitoring = User.objects.get(username="monitoring.officer")
    title = f"{risk.reference} · {risk.title}"

    # What the checklist will say: the factors the scores answer, plus the two the head ticks.
    to_directorate = escalation_selectors.evaluate_risk(
        risk=risk,
        checklist=escalation_selectors.checklist_for(receiving=directorate_register),
        bands=escalation_selectors.bands_for(risk),
    )
    assert to_directorate.answers[0].derived and to_directorate.answers[0].holds
    expected_held = to_directorate.held + 2

    # 1. The head of service proposes it to the directorate register.
    signed_in(page, live_server, head.username, DEMO_PASSWORD)
    page.goto(live_server.url + risk.get_absolute_url())
    page.get_by_role("link", name="Propose escalation").click()
    expect(page.locator("p.lead")).to_contain_text(
        f"from {service_register.name} to {directorate_register.name}"
    )
    expect(page.locator("[data-factor='1']")).to_contain_text("Holds")
    page.get_by_label(FACTOR_2).check()
    page.get_by_label("Why factor 2 holds").fill("A statutory duty is at stake")
    page.get_by_label(FACTOR_3).check()
    page.get_by_label("Why factor 3 holds").fill("It needs the directorate's budget")
    expect(factor_summary(page)).to_have_text(
        f"{expected_held} of 8 factors hold. The policy looks for at least 3: "
        "escalation is recommended."
    )
    page.get_by_role("button", name=f"Propose escalation to {directorate_register.name}").click()
    expect(proposal_status(page)).to_contain_text("Awaiting decision.")
    expect(page.get_by_text(f"{expected_held} of 8 factors held when proposed")).to_be_visible()
    sign_out(page)

    # 2. The director accepts it.
    signed_in(page, live_server, director.username, DEMO_PASSWORD)
    open_from_queue(page, risk)
    decide(page, accept=True)
    expect(proposal_status(page)).to_contain_text("Accepted.")

    # 3. It shows on the directorate register with its origin.
    page.get_by_role("link", name=f"See the risk on {directorate_register.name}").click()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name=directorate_register.name
    ).click()
    expect(page.get_by_role("heading", name=directorate_register.name, level=1)).to_be_visible()
    row = page.get_by_role("row", name=risk.title)
    expect(row).to_contain_text(f"Escalated from {service_register.name}")

    # 4. The director proposes it to SLT, ticking factors until the policy recommends it.
    row.get_by_role("link", name=risk.title).click()
    page.get_by_role("link", name="Propose escalation").click()
    expect(page.locator("p.lead")).to_contain_text(
        f"from {directorate_register.name} to {corporate.name}"
    )
    expect(page.locator("[data-factor='1']")).to_contain_text(
        "The risk is a red risk. This means that it exceeds the Council’s risk appetite"
    )
    expect(page.locator("[data-factor='1']")).to_contain_text("Holds")
    expect(
        page.get_by_text("the Section 151 Officer and the Monitoring Officer are told too")
    ).to_be_visible()
    ticked = _tick_until_recommended(
        page,
        {
            2: "A statutory duty the whole council answers for",
            3: "The directorate cannot fund it alone",
            6: "It affects other directorates",
            7: "SLT should see it",
        },
    )
    assert ticked
    mail.outbox.clear()
    page.get_by_role("button", name=f"Propose escalation to {corporate.name}").click()
    expect(proposal_status(page)).to_contain_text("Awaiting decision.")
    expect(proposal_status(page)).to_contain_text(
        "with the Strategic Leadership Team at its next quarterly review"
    )
    slt_proposal = Proposal.objects.get(risk=risk, to_register=corporate)
    sign_out(page)

    # 5. The Insurance Manager's pre-SLT round shows it.
    signed_in(page, live_server, "insurance.manager", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Escalations").click()
    page.get_by_label("To", exact=True).select_option(label="The corporate register (SLT)")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"tier=corporate"))
    row = page.get_by_role("row", name=title)
    expect(row).to_contain_text(directorate_register.name)
    expect(row).to_contain_text(corporate.name)
    expect(row).to_contain_text("Awaiting decision")
    expect(page.get_by_role("row", name=re.compile(re.escape(title)))).to_have_count(1)
    shot(page, "queue-slt")

    # The statutory officers were emailed (the live server shares this process's outbox).
    subject = f"Escalation proposed: {risk.reference} {risk.title} to {corporate.name}"
    emailed = {
        address for message in mail.outbox if message.subject == subject for address in message.to
    }
    assert {s151.email, monitoring.email} <= emailed, [(m.subject, m.to) for m in mail.outbox]
    assert chief.email in emailed
    for user in (s151, monitoring):
        assert Notification.objects.filter(recipient=user, proposal=slt_proposal).exists()
    sign_out(page)

    # 6. The Chief Executive accepts it onto the corporate register.
    signed_in(page, live_server, "chief.executive", DEMO_PASSWORD)
    open_from_queue(page, risk)
    decide(page, accept=True, reason="Agreed at SLT")
    expect(proposal_status(page)).to_contain_text("Accepted.")
    expect(proposal_status(page)).to_contain_text(f"Decided by {name_of(chief)}")
    page.get_by_role("link", name=f"See the risk on {corporate.name}").click()
    expect(page.locator("dt:text-is('Register') + dd")).to_have_text(corporate.name)
    expect(escalation_section(page).locator("[data-movement='escalated']")).to_have_count(2)

    # 7. Later the Chief Executive de-escalates it back to the directorate register.
    page.get_by_role("link", name="De-escalate").click()
    move_to = page.get_by_label("Move it to")
    expect(move_to).to_have_value(str(directorate_register.pk))
    expect(move_to.locator("option:checked")).to_have_text(
        f"{directorate_register.name} (directorate) (escalated from here)"
    )
    page.get_by_label("Reason", exact=True).fill("Mitigated: back to the directorate to manage")
    page.get_by_role("button", name="De-escalate").click()
    expect(status_box(page, "is now on")).to_have_text(
        f"{risk.reference} is now on {directorate_register.name}."
    )
    expect(page.locator("dt:text-is('Register') + dd")).to_have_text(directorate_register.name)
    expect(escalation_section(page).locator("[data-movement='de_escalated']")).to_contain_text(
        f"de-escalated from {corporate.name} to {directorate_register.name} by "
        f"{name_of(chief)}: Mitigated: back to the directorate to manage"
    )
    shot(page, "demo-risk-after")
    risk.refresh_from_db()
    assert risk.register_id == directorate_register.pk
    assert list(risk.movements.order_by("moved_at", "pk").values_list("kind", flat=True)) == [
        MovementKind.ESCALATED,
        MovementKind.ESCALATED,
        MovementKind.DE_ESCALATED,
    ]


def test_escalation_pages_have_no_serious_violations(page: Page, live_server, org):
    risk = red_service_risk(org)
    head, director = org.people["head"], org.people["director"]
    found: dict[str, list[str]] = {}

    signed_in(page, live_server, "head")
    form_url = live_server.url + reverse("escalation:proposal-create", kwargs={"pk": risk.pk})
    page.goto(form_url)
    found["proposal form"] = serious_violations(page)
    # With errors: a ticked factor without a note, a note without its tick.
    page.get_by_label(FACTOR_2).check()
    page.get_by_label("Why factor 3 holds").fill("A note with no tick")
    page.get_by_role("button", name="Propose escalation to People directorate").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why this factor holds.")
    found["proposal form with errors"] = serious_violations(page)
    sign_out(page)

    proposal = escalation_services.proposal_create(
        risk=risk, by=head, ticks={2: "Care Act duties", 3: "Beyond the service"}
    )
    signed_in(page, live_server, "director")
    page.goto(live_server.url + proposal.get_absolute_url())
    expect(page.get_by_role("button", name="Record decision")).to_be_visible()
    found["proposal page with the decision form"] = serious_violations(page)
    decide(page, accept=False)
    expect(page.get_by_role("alert")).to_be_visible()
    found["decision form with errors"] = serious_violations(page)
    page.goto(live_server.url + reverse("escalation:queue"))
    found["queue"] = serious_violations(page)

    escalation_services.proposal_decide(proposal=proposal, by=director, accept=True)
    page.goto(live_server.url + reverse("escalation:risk-de-escalate", kwargs={"pk": risk.pk}))
    expect(page.get_by_role("heading", name="De-escalate", level=1)).to_be_visible()
    found["de-escalation form"] = serious_violations(page)
    page.get_by_role("button", name="De-escalate").click()  # no reason
    expect(page.get_by_role("alert")).to_be_visible()
    found["de-escalation form with errors"] = serious_violations(page)
    sign_out(page)

    signed_in(page, live_server, "insurance")
    page.goto(live_server.url + reverse("escalation:queue") + "?status=")
    expect(page.get_by_label("Directorate")).to_be_visible()
    found["queue with the directorate filter"] = serious_violations(page)
    page.goto(live_server.url + reverse("escalation:notifications"))
    expect(page.get_by_role("listitem").filter(has_text="Escalation proposed")).to_be_visible()
    found["notifications"] = serious_violations(page)

    assert {name: problems for name, problems in found.items() if problems} == {}
