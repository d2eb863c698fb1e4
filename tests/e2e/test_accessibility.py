"""axe-core on every page of the app: zero violations of WCAG 2.0, 2.1 and 2.2 A and AA,
and nothing the Content-Security-Policy refuses (tests/e2e/test_csp.py).

One live server and one data set (the demo council, plus a review, a reported risk, an
approved corporate register and an import in progress) serve every page, each as the person
who would see it, in the states that matter: forms with their errors, empty lists, the sign-in
page with a wrong password, the sign-in lockout, 403 and 404. The URL patterns come from
Django's resolver: a page pattern nobody scans fails the test, so a new page cannot be
forgotten. Downloads (PDF, CSV, XLSX) and actions that only redirect are listed with why.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from demo.loader import DEMO_PASSWORD, load_demo
from escalation.models import NewRiskProposal, Proposal, ProposalStatus
from escalation.seed import ensure_checklists
from registers import selectors as registers_selectors
from registers.models import Action, Register, Risk, Tier
from registers.review_questions import questions_for
from registers.services import register_approve, risk_report_submit, risk_review_record
from scoring.selectors import scheme_bands
from tests.e2e.test_csp import Watch
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
NON_TEXT_CONTRAST = Path(__file__).parent / "checks" / "non_text_contrast.js"
ACE = Path(__file__).parent / "vendor" / "ace.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# URL patterns that are not pages a person reads, and why; every other pattern must be scanned.
NOT_PAGES = {
    "registers:register-export": "a CSV download",
    "registers:register-export-xlsx": "an XLSX download",
    "registers:register-export-full": "an XLSX download",
    "registers:risks-across-export": "a CSV download",
    "registers:risks-across-export-xlsx": "an XLSX download",
    "registers:register-import-mapping-file": "a JSON download (the import's mapping)",
    "reports:slt-pack-pdf": "a PDF download",
    "reports:committee-report-pdf": "a PDF download",
    "reports:collation-pdf": "a PDF download",
    "reports:register-pack-pdf": "a PDF download",
    "reports:portfolio-pack": "a PDF download",
    "reports:collation-xlsx": "an XLSX download",
    "registers:action-complete": "POST only: always redirects to the action's page",
    "registers:register-import-confirm": (
        "POST only: redirects to the register, or shows the preview page (scanned) again"
    ),
    "escalation:notification-open": "marks the notification read and redirects to its page",
    "escalation:notifications-read": "POST only: redirects to the notifications",
    "logout": "POST only: redirects to the sign-in page",
    "accounts:oidc-start": (
        "redirects to the identity provider (the sign-in page with its link is scanned in "
        "tests/e2e/test_organisation_sign_in.py)"
    ),
    "accounts:oidc-callback": "redirects home, or to the sign-in page saying why not",
    "session-status": "JSON for static/js/session-timeout.js",
    "registers:people-search": "JSON for static/js/person-picker.js",
    "session-keepalive": "POST only: 204 No Content, for static/js/session-timeout.js",
    "api:register-list": "JSON or CSV for programs (the API)",
    "api:register-detail": "JSON or CSV for programs (the API)",
    "api:risk-list": "JSON or CSV for programs (the API)",
    "api:risk-detail": "JSON or CSV for programs (the API)",
    "api:action-list": "JSON or CSV for programs (the API)",
    "api:review-list": "JSON or CSV for programs (the API)",
    "api:snapshot-list": "JSON or CSV for programs (the API)",
    "api:schema": "the OpenAPI schema in YAML, for programs",
    "api:token-revoke": "POST only: redirects to the API tokens page",
    "accounts:recovery-codes-renew": "POST only: redirects to the second factor page (scanned)",
    "accounts:two-factor-remove": "POST only: redirects to the second factor page",
}


def axe(page: Page, tags: list[str]) -> list[dict]:
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no
    # inline script) does not govern; a <script> tag added to the page would be refused.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return result["violations"]


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


def wcag_violations(page: Page) -> list[str]:
    """Every violation of the WCAG 2.0 to 2.2 A and AA rules, whatever its impact."""
    return describe(axe(page, WCAG))


def equal_access(page: Page) -> list[str]:
    """IBM's Equal Access engine, the second opinion beside axe: every WCAG 2.2 A and AA
    violation it is sure of (it also lists "potential" ones for a person to judge)."""
    if not page.evaluate("() => typeof window.ace === 'object'"):
        page.evaluate(ACE.read_text(encoding="utf-8"))
    results = page.evaluate(
        """async () => {
          const report = await new ace.Checker().check(document, ["WCAG_2_2"]);
          return report.results
            .filter((r) => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
            .map((r) => `${r.ruleId}: ${r.message} at ${r.path.dom}`);
        }"""
    )
    return [f"equal access: {result}" for result in results]


def non_text_contrast(page: Page) -> list[str]:
    """Form controls' borders and focus indicators under 3:1 (WCAG 1.4.11), which axe does
    not check."""
    return [
        f"non-text contrast: {problem}"
        for problem in page.evaluate(NON_TEXT_CONTRAST.read_text(encoding="utf-8"))
    ]


def reflow(page: Page) -> list[str]:
    """WCAG 1.4.10 Reflow: at 320 CSS pixels wide the page scrolls one way only; a wide table
    scrolls inside its own container, it does not push the page sideways."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        wider = page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width + 1) return [];
              return [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > width + 1
                  && !el.closest('.table-responsive, .visually-hidden')
                  && getComputedStyle(el).position !== 'fixed')
                .slice(0, 3)
                .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
                  + `${el.className ? '.' + String(el.className).split(' ')[0] : ''}`
                  + ` reaches ${Math.round(el.getBoundingClientRect().right)}px`);
            }"""
        )
    finally:
        page.set_viewport_size(size)
    return [f"reflow at 320px: {problem}" for problem in wider]


def serious_violations(page: Page) -> list[str]:
    """WCAG and best-practice violations rated serious or critical (the other browser tests'
    check of the pages they walk through)."""
    return describe(
        v for v in axe(page, [*WCAG, "best-practice"]) if v["impact"] in ("serious", "critical")
    )


def url_patterns(patterns=None, namespace: str = ""):
    """(name, route) of every URL pattern outside the admin."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", str(entry.pattern)


class Scan:
    """Scans the page as it stands and remembers which URL pattern it came from."""

    def __init__(self, page: Page, live_server):
        self.page, self.live_server, self.base = page, live_server, live_server.url
        self.failures: dict[str, list[str]] = {}
        self.covered: set[str] = set()
        self.count = 0
        # Every page is also checked for what the Content-Security-Policy refuses.
        self.csp = Watch(page)

    def as_user(self, username: str, password: str = DEMO_PASSWORD) -> None:
        self.page.context.clear_cookies()
        sign_in(self.page, self.live_server, username, password)
        expect(self.page.get_by_role("button", name="Sign out")).to_be_visible()

    def go(self, path: str, label: str | None = None, status: int = 200) -> None:
        response = self.page.goto(f"{self.base}{path}")
        assert response.status == status, f"{path}: {response.status}"
        self(label or path)

    def __call__(self, label: str) -> None:
        path = urlsplit(self.page.url).path
        try:
            self.covered.add(resolve(path).view_name)
        except Resolver404:
            self.covered.add(label)
        self.count += 1
        found = [
            *self.csp.problems(),
            *wcag_violations(self.page),
            *equal_access(self.page),
            *non_text_contrast(self.page),
            *reflow(self.page),
        ]
        self.csp.console.clear()
        if found:
            self.failures[f"{label} ({path})"] = found

    def submit(self, button: str, label: str, *, refused: bool = True) -> None:
        """Press the form's button and scan the next page: by default the form come back
        with its errors, which must be there to be scanned."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button, exact=True).click()
        if refused:
            expect(self.page.get_by_role("alert").first).to_be_visible()
        self(label)


def spreadsheet() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Risk ID", "Risk", "Description", "Risk Owner", "Likelihood", "Impact"])
    # Words for scores: "Huge" is no word the import knows, so the mapping step asks for it.
    sheet.append(
        ["CRR90", "Loss of the data centre", "Fire or flood", "Nobody Known", "Possible", "Huge"]
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def demo(transactional_db):
    ensure_checklists()
    load_demo()
    corporate = Register.objects.get(tier=Tier.CORPORATE, organisation__slug="kingsmere")
    for month in (8, 11):  # 2026/27 Q2, then Q3: an SLT pack with movement
        register_approve(
            register=corporate,
            by=corporate.owner,
            at=timezone.make_aware(datetime(2026, month, 20, 10)),
        )
    return corporate


def test_every_page_has_no_wcag_violations(page: Page, live_server, demo):
    User = get_user_model()
    corporate = demo
    head = User.objects.get(username="head.adult-social-care")
    service = Register.objects.get(owner=head, tier=Tier.SERVICE)
    risk = Risk.objects.open().filter(register=service).order_by("reference").first()
    action = ActionFactory(risk=risk, owner=head)
    bands = scheme_bands(scheme_id=service.organisation.scheme_id)
    risk_review_record(
        risk=risk,
        by=head,
        answers={q: "Unchanged since the last quarter." for q in questions_for(service.tier)},
        bands=bands,
    )
    risk_review_record(risk=risk, by=head, answers=None, notes="Nothing new.", bands=bands)
    reporter = User.objects.get(username="owner.hannah")
    report = risk_report_submit(
        register=service,
        by=reporter,
        title="Legionella in the day centre",
        event="If the water systems are not flushed",
        consequence="legionella may grow",
        impact="resulting in illness",
        category="customers_citizens",
    )
    # A service risk with no open proposal, for the escalation checklist.
    to_propose = RiskFactory(
        register=service, owner=head, title="Agency staff shortage", residual_likelihood=4
    )
    open_to_corporate = Proposal.objects.get(
        kind="escalation", status=ProposalStatus.OPEN, to_register__tier=Tier.CORPORATE
    )
    closure = Proposal.objects.get(kind="closure", status=ProposalStatus.OPEN)
    # A director's corporate risk with nothing waiting on it, to propose closing.
    to_close = (
        Risk.objects.open()
        .filter(register=corporate, owner__username__startswith="director.")
        .exclude(proposals__status=ProposalStatus.OPEN)
        .order_by("reference")
        .first()
    )
    open_to_directorate = Proposal.objects.get(
        status=ProposalStatus.OPEN, to_register__tier=Tier.DIRECTORATE
    )
    accepted = Proposal.objects.filter(status=ProposalStatus.ACCEPTED).first()
    directorate_risk = accepted.risk  # now on the directorate register: may come back down
    scan = Scan(page, live_server)

    # Signed out: the sign-in page, its error, and the lockout.
    scan.go("/accounts/login/", "sign in")
    page.get_by_label("Username").fill("insurance.manager")
    page.get_by_label("Password").fill("wrong")
    scan.submit("Sign in", "sign in, wrong password", refused=False)
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    for _ in range(5):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill("nobody.at.all")
        page.get_by_label("Password").fill("wrong")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Sign-in paused for this account")).to_be_visible()
    scan("sign-in lockout")
    scan.go("/accounts/login/code/", "sign-in code, no password given")

    # The register owner: their risk work, the register, a risk and every form on it.
    scan.as_user(head.username)
    scan("home")
    scan.go("/organisation/", "registers")
    scan.go(service.get_absolute_url(), "register")
    scan.go(f"{service.get_absolute_url()}?q=no+such+risk+anywhere", "register, nothing found")
    scan.go(
        f"{service.get_absolute_url()}?residual_likelihood=4&residual_impact=4",
        "register, heat-map cell chosen",
    )
    scan.go(f"{service.get_absolute_url()}?page=2&sort=-residual", "register, sorted")
    scan.go(risk.get_absolute_url(), "risk with a review and actions")
    scan.go(f"/risks/{risk.pk}/edit/", "risk edit")
    page.get_by_label("Title").fill("")
    page.get_by_label("Lowest estimate (£)").fill("a lot")  # the financial exposure's error
    scan.submit("Save changes", "risk edit, errors")
    scan.go(f"/registers/{service.pk}/risks/new/", "new risk")
    scan.submit("Add the risk", "new risk, errors")
    scan.go(f"/risks/{risk.pk}/close/", "close risk")
    scan.submit("Close the risk", "close risk, errors")
    scan.go(f"/risks/{risk.pk}/review/", "review")
    scan.submit("Record review", "review, errors")
    scan.go(f"/risks/{risk.pk}/actions/new/", "new action")
    scan.submit("Add action", "new action, errors")
    scan.go(f"/actions/{action.pk}/edit/", "action edit")
    page.get_by_label("Description").fill("")
    scan.submit("Save changes", "action edit, errors")
    scan.go(f"/registers/{service.pk}/settings/", "register settings")
    page.get_by_label("Name").fill("")
    scan.submit("Save settings", "register settings, errors")
    scan.go(f"/reports/approve/{service.pk}/", "register approval")
    scan.submit("Approve the register", "register approval, errors")
    scan.go(f"/reports/register/{service.pk}/", "register pack, draft")
    scan.go(f"/registers/{service.pk}/reports/", "risks reported to the register")
    scan.go(f"/reports/{report.pk}/", "reported risk, to decide")
    scan.submit("Accept", "reported risk, accept errors")
    scan.go(f"/reports/{report.pk}/")
    scan.submit("Decline", "reported risk, decline errors")
    scan.go("/reports/mine/", "risks I reported, none")
    scan.go("/search/?q=risk", "search")
    scan.go("/search/?q=nothing+like+this+anywhere", "search, nothing found")
    scan.go("/search/?q=a", "search, too short")
    scan.go("/risks/", "risks across registers")
    scan.go("/risks/?overdue=on&not_scored=on&sort=register", "risks across registers, filtered")
    scan.go(f"/risks/{to_propose.pk}/escalate/", "escalation checklist")
    scan.submit(f"Propose escalation to {service.escalates_to.name}", "checklist, errors")
    scan.go("/escalations/", "escalation queue")
    scan.go("/escalations/?status=declined", "escalation queue, none")
    scan.go("/notifications/", "notifications")
    scan.go("/accounts/password/", "change password")
    scan.submit("Change password", "change password, errors", refused=False)
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    scan.go("/account/api-tokens/", "API tokens, none")
    scan.submit("Make token", "API tokens, errors")
    page.get_by_label("What is it for?").fill("Power BI: adult social care")
    scan.submit("Make token", "API tokens, a new token shown once", refused=False)
    expect(page.get_by_role("textbox", name="Token")).to_have_value(re.compile(r"^rr_"))
    scan.go("/account/api-tokens/", "API tokens, one active")
    scan.go("/api/v1/docs/", "API documentation")
    scan.go(f"/registers/{corporate.pk}/settings/", "403", status=403)
    scan.go("/no/such/page/", "404", status=404)

    # The import, as the register's owner: upload (and its error), mapping, preview.
    scan.go(f"/registers/{service.pk}/import/", "import upload")
    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "register.xlsx", "mimeType": XLSX, "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}
    )
    scan.submit("Upload and continue", "import upload, errors")
    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "register.xlsx", "mimeType": XLSX, "buffer": spreadsheet()}
    )
    scan.submit("Upload and continue", "import mapping", refused=False)
    scan.submit("Preview the import", "import mapping, errors")
    page.get_by_label("“Huge” is read as").select_option("5")
    scan.submit("Preview the import", "import preview", refused=False)

    # The register owner's second factor: set up (errors, then the recovery codes), then the
    # code page after the password (errors).
    scan.go("/account/two-factor/", "second factor, off")
    scan.go("/account/two-factor/setup/", "second factor, set up")
    scan.submit("Turn on", "second factor, set up errors")
    device = TOTPDevice.objects.get(user=head, confirmed=False)
    page.get_by_label("Code from the app").fill(f"{totp(device.bin_key):06d}")
    scan.submit("Turn on", "second factor, on with recovery codes", refused=False)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, head.username, DEMO_PASSWORD)
    scan("sign-in code")
    scan.submit("Sign in", "sign-in code, errors")

    # The proposer: their open proposal and its withdrawal form with errors.
    proposer = open_to_directorate.proposed_by
    scan.as_user(proposer.username)
    scan.go(open_to_directorate.get_absolute_url(), "proposal, as its proposer")
    page.locator("#withdraw summary").click()
    scan.submit("Withdraw proposal", "withdraw, errors")
    scan.go("/notifications/", "notifications, none")

    # A colleague reports a risk to a register they do not own.
    scan.as_user(reporter.username)
    scan.go(f"/registers/{service.pk}/report/", "report a risk")
    scan.submit("Send to the register owner", "report a risk, errors")
    scan.go("/reports/mine/", "risks I reported")

    # The receiving owner decides; a directorate owner de-escalates.
    scan.as_user(open_to_directorate.to_register.owner.username)
    scan("home, an escalation waiting")
    scan.go(open_to_directorate.get_absolute_url(), "proposal, to decide")
    scan.submit("Record decision", "decision, errors")
    scan.as_user(accepted.to_register.owner.username)
    scan.go(accepted.get_absolute_url(), "proposal, accepted")
    scan.go(f"/risks/{directorate_risk.pk}/de-escalate/", "de-escalate")
    page.get_by_label("Reason").fill("")
    scan.submit("De-escalate", "de-escalate, errors")

    # A corporate risk's owner proposes its closure; SLT decides a closure.
    scan.as_user(to_close.owner.username)
    scan.go(f"/risks/{to_close.pk}/propose-closure/", "closure proposal")
    scan.submit("Propose the closure to SLT", "closure proposal, errors")
    scan.as_user("chief.executive")
    scan.go(closure.get_absolute_url(), "closure, to decide")
    scan.submit("Record decision", "closure decision, errors")

    # A member of SLT proposes a new corporate risk and another decides one; the register's
    # owner adds a corporate risk directly and closes one outright, as SLT decided.
    new_risk = NewRiskProposal.objects.get(status=ProposalStatus.OPEN)
    scan.as_user(to_close.owner.username)  # a Director, on SLT
    scan.go(f"/registers/{corporate.pk}/propose-risk/", "new corporate risk proposal")
    scan.submit("Propose to SLT", "new corporate risk proposal, errors")
    scan.as_user("chief.executive")
    scan.go(new_risk.get_absolute_url(), "new corporate risk, to decide")
    scan.submit("Record decision", "new corporate risk decision, errors")
    scan.go(f"/registers/{corporate.pk}/add-risk/", "corporate risk added directly")
    scan.submit("Add the risk", "corporate risk added directly, errors")
    scan.go(f"/risks/{to_close.pk}/close-corporate/", "corporate risk closed outright")
    scan.submit("Close the risk", "corporate risk closed outright, errors")

    # A colleague challenges a risk's assessment; its owner answers.
    scan.as_user("insurance.manager")
    scan.go(f"/risks/{to_close.pk}/challenge/", "challenge an assessment")
    scan.submit("Send the challenge", "challenge, errors")
    page.get_by_label("Why is it not properly assessed?").fill("Agency spend doubled.")
    page.get_by_label("Residual likelihood").select_option("5")
    page.get_by_label("Residual impact").select_option("4")
    page.get_by_role("button", name="Send the challenge").click()
    scan("challenge, as its challenger")
    challenge_path = page.url.removeprefix(live_server.url)
    scan.as_user(to_close.owner.username)
    scan.go(challenge_path, "challenge, to answer")
    page.get_by_label("Keep the assessment as it is").check()
    scan.submit("Send the answer", "challenge answer, errors")

    # Internal Audit writes its opinion; a committee member reads the confidential appendix.
    scan.as_user("internal.audit")
    # Internal Audit's one write beside it: third-line assurance over a rated key control.
    assured = (
        Action.objects.filter(risk__register=corporate, key_control=True, assurances__isnull=False)
        .order_by("pk")
        .first()
    )
    scan.go(assured.risk.get_absolute_url(), "risk with rated controls and their assurance")
    scan.go(f"/controls/{assured.pk}/assurance/", "record assurance")
    scan.submit("Record assurance", "record assurance, errors")
    scan.go("/reports/committee/?year=2025/26&variant=full", "committee, Internal Audit")
    page.locator("input[name=year]").evaluate("input => { input.value = 'not a year'; }")
    scan.submit("Save the opinion", "committee opinion, refused")
    scan.as_user("committee.member")
    scan.go("/reports/committee/?year=2025/26&variant=appendix", "committee, Part B")

    # A Cabinet member reads their portfolio's key risks; the Insurance Manager keeps them.
    scan.as_user("cabinet.adults")
    scan.go("/reports/", "reports, a Cabinet member's")
    page.get_by_role("link", name="The key risks of each Cabinet member's portfolio").click()
    scan("Cabinet portfolios, a Cabinet member's")
    page.get_by_role("link", name="Adult Services and Housing").click()
    scan("a portfolio's key risks")
    scan.as_user("insurance.manager")
    scan.go("/portfolios/", "Cabinet portfolios, the Insurance Manager's")
    scan.go("/portfolios/new/", "a new portfolio")
    scan.submit("Save the portfolio", "a new portfolio, errors")
    page.goto(f"{live_server.url}/portfolios/")
    page.get_by_role("link", name="Change Adult Services and Housing").click()
    scan("changing a portfolio")

    # The risk appetite: read by everyone, drafted by the Insurance Manager, approved by SLT.
    scan.as_user("insurance.manager")
    scan.go("/appetite/", "risk appetite")
    page.get_by_role("link", name="Version 1", exact=True).click()
    scan("risk appetite, a superseded version")
    scan.go("/appetite/edit/", "risk appetite, a new draft")
    page.get_by_label("Finance: tolerance").fill("30")
    scan.submit("Save the draft", "risk appetite draft, errors")
    page.get_by_label("Finance: tolerance").fill("9")
    page.get_by_role("button", name="Save the draft").click()
    scan("risk appetite, the draft")
    page.get_by_role("link", name="Approve", exact=True).click()
    scan("risk appetite approval, recorded by the Insurance Manager")
    scan.submit("Approve version 3", "risk appetite approval, errors")
    scan.as_user("chief.executive")
    scan.go("/appetite/", "risk appetite, SLT's")
    page.get_by_role("link", name="Approve draft version 3").click()
    scan("risk appetite approval, SLT's")

    # The Insurance Manager: the corporate proposal, the reports and the committee's words.
    scan.as_user("insurance.manager")
    scan.go(open_to_corporate.get_absolute_url(), "proposal to the corporate register")
    scan.go("/escalations/?status=&tier=corporate", "escalation queue, every status")
    scan.go("/reports/", "reports")
    for variant in ("full", "public"):
        scan.go(f"/reports/slt/?quarter=2026/27+Q3&variant={variant}", f"SLT pack, {variant}")
    scan.go("/reports/slt/?quarter=1999/00+Q1", "SLT pack, no such quarter", status=404)
    for variant in ("full", "public"):
        scan.go(f"/reports/committee/?year=2026/27&variant={variant}", f"committee, {variant}")
    # The words' form with a year that is not one (only a tampered form sends that).
    page.locator("input[name=year]").evaluate("input => { input.value = 'not a year'; }")
    scan.submit("Save the introduction", "committee words, refused")
    scan.go("/reports/collation/", "collation")
    scan.go(f"/reports/approve/{corporate.pk}/", "recording SLT's approval")
    scan.submit("Record the approval", "recording SLT's approval, errors")

    scan.go("/accounts/password/done/", "password changed")
    scan.go("/reminders/settings/", "reminder settings")
    page.get_by_label("Reminders before the due date (days)").fill("soon")
    page.get_by_label("Tell the Insurance Manager after (days overdue)").fill("3")
    scan.submit("Save reminder settings", "reminder settings, errors")
    scan.go("/reminders/digest/", "reminder digest choice")
    # The organisation's categories: the list, a name refused, renaming one.
    scan.go("/organisation/categories/", "categories of risk")
    scan.submit("Add the category", "categories of risk, errors")
    page.get_by_role("link", name="Rename Finance").click()
    page.locator("#id_rename-label").fill("")
    scan.submit("Save the new name", "categories of risk, renaming refused")

    # A director opens a register in their directorate, circulates a pack and closes one.
    programme = Register.objects.get(prefix="PRG-HOUSING")
    scan.as_user("director.adults-housing")
    scan.go("/organisation/?closed=1", "registers, closed ones too")
    scan.go(f"/organisation/?directorate={programme.directorate_id}", "one directorate's registers")
    with pytest.MonkeyPatch.context() as patch:
        # A large organisation's page: its corporate and directorate registers, and a link to
        # each directorate's others.
        patch.setattr(registers_selectors, "OVERVIEW_ABOVE", 3)
        scan.go("/organisation/", "registers of a large organisation")
    scan.go(f"/directorates/{programme.directorate_id}/registers/new/", "opening a register")
    scan.submit("Open the register", "opening a register, errors")
    scan.go(f"/reports/register/{programme.pk}/circulate/", "circulating a register's pack")
    scan.go(f"/registers/{programme.pk}/close/", "closing a register")
    scan.submit("Close the register", "closing a register, errors")

    # The Section 151 Officer's oversight of the quarter under review, and its errors.
    scan.as_user("s151.officer")
    scan.go("/reports/slt/oversight/", "Section 151 oversight")
    page.get_by_label("Comments for SLT").fill("")
    scan.submit("Record my oversight", "Section 151 oversight, errors")

    # Pages no address shows on purpose: Django's 500 page, and the page a PDF download
    # shows when the PDF cannot be made. The browser is given them, rendered, at an address
    # of the live server (so the style sheets load as they would).
    for label, html in [
        ("500", render_to_string("500.html")),
        (
            "PDF failed",
            render_to_string(
                "reports/pdf_failed.html",
                {"reason": "The PDF took too long to make. Try again in a few minutes."},
            ),
        ),
    ]:
        address = f"{live_server.url}/__{label.replace(' ', '-')}__/"
        page.route(address, lambda route, *, html=html: route.fulfill(status=500, body=html))
        page.goto(address)
        scan(label)

    missing = {
        name for name, _ in url_patterns() if name not in NOT_PAGES and name not in scan.covered
    } | ({"404", "500", "PDF failed"} - scan.covered)
    assert missing == set(), "page patterns nobody scanned"
    assert set(NOT_PAGES) <= {name for name, _ in url_patterns()}, "stale NOT_PAGES entries"
    assert scan.failures == {}, f"WCAG violations on {len(scan.failures)} of {scan.count} pages"
