"""A director of the demo council opens a programme register and a partnership register in
their directorate, choosing the owner with the people picker, and closes a register, moving
its risk to another (docs/domain.md#opening-and-closing-a-register)."""

import re

import pytest
from playwright.sync_api import Page, expect

from demo.loader import DEMO_PASSWORD, load_demo
from escalation.seed import ensure_checklists
from registers.models import Kind, Register, RiskStatus
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_sign_in import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

DIRECTOR = "director.adults-housing"


@pytest.fixture
def demo(transactional_db):
    """The demo council (its escalation checklists first: a browser test's flush takes the
    migrations' seed with it)."""
    ensure_checklists()
    load_demo()


def choose_person(page: Page, label: str, name: str) -> None:
    """Type a name into a people picker and take the first suggestion, by keyboard."""
    picker = page.get_by_role("combobox", name=label)
    picker.fill("")
    picker.press_sequentially(name, delay=20)
    expect(page.locator(".person-picker-option", has_text=name).first).to_be_visible()
    picker.press("ArrowDown")
    picker.press("Enter")


def open_register(page: Page, *, kind: str, name: str, held_by: str, prefix: str) -> None:
    page.get_by_role("radio", name=kind, exact=True).check()
    page.locator("#id_name").fill(name)
    page.get_by_label("Held by").select_option(label=held_by)
    page.locator("#id_prefix").fill(prefix)
    choose_person(page, "Owner", "Elaine Whitmore")
    choose_person(page, "Review lead", "Neil Atherton")
    page.get_by_role("button", name="Open the register").click()


def test_a_director_opens_a_programme_and_a_partnership_register(page: Page, live_server, demo):
    sign_in(page, live_server, DIRECTOR, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/organisation/")
    page.get_by_role("link", name="Open a register in Adult Services and Housing").click()
    expect(
        page.get_by_role("heading", name="Open a register in Adult Services and Housing")
    ).to_be_visible()
    assert serious_violations(page) == []

    # Refused first: a prefix another register has, and no kind; what was typed stays.
    page.locator("#id_name").fill("Extra Care Housing Programme Risk Register")
    page.locator("#id_prefix").fill("prg-housing")
    page.get_by_role("button", name="Open the register").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("What the register is for")
    expect(page.locator("#id_name")).to_have_value("Extra Care Housing Programme Risk Register")

    open_register(
        page,
        kind="Programme",
        name="Extra Care Housing Programme Risk Register",
        held_by="Adult Services and Housing (the directorate itself)",
        prefix="prg-extracare",
    )
    expect(
        page.get_by_role("heading", name="Extra Care Housing Programme Risk Register")
    ).to_be_visible()
    facts = page.locator(".register-facts")
    expect(facts).to_contain_text("Programme, held by Adult Services and Housing")
    expect(facts).to_contain_text("Elaine Whitmore")
    expect(facts).to_contain_text("Neil Atherton")
    programme = Register.objects.get(prefix="PRG-EXTRACARE")
    assert (programme.kind, programme.service_id) == (Kind.PROGRAMME, None)

    page.goto(f"{live_server.url}/directorates/{programme.directorate_id}/registers/new/")
    open_register(
        page,
        kind="Partnership",
        name="Homelessness Prevention Partnership Risk Register",
        held_by="Housing and Homelessness (a service of the directorate)",
        prefix="PSHP-HOMELESS",
    )
    expect(page.locator(".register-facts")).to_contain_text(
        "Partnership, held by Housing and Homelessness"
    )
    partnership = Register.objects.get(prefix="PSHP-HOMELESS")
    assert partnership.escalates_to.tier == "directorate"
    page.get_by_role("link", name="New risk").click()
    expect(page).to_have_url(re.compile(r"/risks/new/$"))


def test_a_director_closes_a_register_moving_its_risk(page: Page, live_server, demo):
    partnership = Register.objects.get(prefix="PSHP-ICP")
    risk = partnership.risks.get()
    sign_in(page, live_server, DIRECTOR, DEMO_PASSWORD)
    page.goto(f"{live_server.url}{partnership.get_absolute_url()}")
    page.get_by_role("link", name="Close the register").click()
    expect(page.get_by_role("heading", name=f"Close {partnership.name}?")).to_be_visible()
    assert serious_violations(page) == []

    # Nothing said: refused, naming the reason and the risk left undecided.
    page.get_by_role("button", name="Close the register").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Why is the register closing?")
    expect(summary).to_contain_text(f"Say whether {risk.reference} moves or closes.")

    page.get_by_label("Why is the register closing?").fill("The partnership became a service.")
    page.get_by_label(f"{risk.reference} · {risk.title}").select_option(
        label="Move to Adult Social Care Service Risk Register"
    )
    page.get_by_role("button", name="Close the register").click()
    expect(page.locator(".alert-secondary")).to_contain_text("The partnership became a service.")
    expect(page.get_by_role("link", name="Close the register")).to_have_count(0)
    expect(page.get_by_role("link", name="New risk")).to_have_count(0)
    risk.refresh_from_db()
    assert risk.register.name == "Adult Social Care Service Risk Register"
    assert risk.status == RiskStatus.OPEN

    # Hidden from the registers until asked for.
    page.goto(f"{live_server.url}/organisation/")
    expect(page.get_by_role("link", name=partnership.name, exact=True)).to_have_count(0)
    page.get_by_role("link", name="Show closed registers too").click()
    expect(page.get_by_role("link", name=partnership.name, exact=True)).to_be_visible()
