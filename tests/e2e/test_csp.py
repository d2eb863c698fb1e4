"""The pages under the production Content-Security-Policy: nothing refused, scripts working.

The policy allows scripts and style sheets from the site only (style="" attributes are
allowed, for the band colours). The browser reports whatever it refuses as a
`securitypolicyviolation` event and a console error: both are collected on every page and
must stay empty, and the risk form's live score preview and the escalation checklist's
count (static/js/risk-form.js, static/js/escalation-form.js) must still work.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import ConsoleMessage, Page, expect

from escalation.seed import ensure_checklists
from registers.services import register_approve
from tests.e2e.test_sign_in import sign_in
from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Runs in every document before its own scripts (Playwright injects it, outside the policy).
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__csp.push(`${event.violatedDirective} refused ${event.blockedURI || 'inline'}` +
    ` at ${event.sourceFile || ''}:${event.lineNumber || ''} ${event.sample || ''}`);
});
"""

# What the policy would refuse, found in the page itself: <style> elements, inline scripts
# (data blocks such as json_script's are not run, so allowed) and on* handler attributes.
INLINE = r"""() => {
  const found = [];
  document.querySelectorAll('style').forEach(() => found.push('<style> element'));
  document.querySelectorAll('script:not([src])').forEach((s) => {
    if (s.type !== 'application/json') found.push('inline <script>');
  });
  document.querySelectorAll('*').forEach((element) => {
    for (const attribute of element.attributes) {
      const where = `${attribute.name}= on <${element.localName}>`;
      if (attribute.name.startsWith('on')) found.push(where);
      if (/^\s*javascript:/i.test(attribute.value)) found.push(`javascript: URL in ${where}`);
    }
  });
  return found;
}"""


class Watch:
    def __init__(self, page: Page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def problems(self) -> list[str]:
        return [
            *self.console,
            *(f"{self.page.url}: {p}" for p in self.page.evaluate("() => window.__csp || []")),
            *(f"{self.page.url}: {p}" for p in self.page.evaluate(INLINE)),
        ]


def test_the_policy_is_sent(client, org):
    client.force_login(org.people["head"])
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


def test_the_pages_work_under_the_policy(page: Page, live_server, org):
    ensure_checklists()
    risk = RiskFactory(
        register=org.service_register,
        owner=org.people["head"],
        title="Care home closures",
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=3,
    )
    action = ActionFactory(risk=risk, owner=org.people["head"])
    for month in (8, 11):
        register_approve(
            register=org.corporate,
            by=org.people["chief"],
            at=timezone.make_aware(datetime(2026, month, 20, 10)),
        )
    watch = Watch(page)
    problems: list[str] = []

    page.goto(f"{live_server.url}/accounts/login/")
    problems += watch.problems()
    sign_in(page, live_server, "head")
    for path in [
        "/",
        "/organisation/",
        org.service_register.get_absolute_url(),
        risk.get_absolute_url(),
        f"/risks/{risk.pk}/review/",
        f"/risks/{risk.pk}/close/",
        f"/actions/{action.pk}/edit/",
        f"/registers/{org.service_register.pk}/settings/",
        f"/registers/{org.service_register.pk}/import/",
        "/escalations/",
        "/notifications/",
        "/accounts/password/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        problems += watch.problems()

    # The risk form's live preview: a new residual likelihood shows its score and band.
    page.goto(f"{live_server.url}/risks/{risk.pk}/edit/")
    preview = page.locator("#score-residual-preview")
    expect(preview).to_contain_text("3 × 3 = 9")
    page.get_by_role("group", name="Residual likelihood").get_by_role(
        "radio", name="5 Highly likely to happen"
    ).check()
    expect(preview).to_contain_text("5 × 3 = 15")
    expect(preview).to_contain_text("Red: outside the risk appetite")
    problems += watch.problems()

    # The escalation checklist: ticking a factor changes the count before submitting.
    page.goto(f"{live_server.url}/risks/{risk.pk}/escalate/")
    summary = page.locator("#factor-summary")
    before = summary.inner_text()
    page.locator("[data-factor-tick]").first.check()
    expect(summary).not_to_have_text(before)
    expect(summary).to_contain_text("factors hold")
    problems += watch.problems()

    # The report pages, with the heat maps and their style sheets.
    page.context.clear_cookies()
    sign_in(page, live_server, "insurance")
    for path in [
        "/reports/",
        "/reports/slt/?quarter=2026/27+Q3&variant=full",
        "/reports/committee/?year=2026/27",
        "/reports/collation/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        problems += watch.problems()

    assert problems == []


def test_a_refused_inline_script_is_caught(page: Page, live_server, org):
    """The check above can fail: an inline script added to a served page is refused and
    reported."""
    watch = Watch(page)
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    expect(page.locator("body")).to_be_visible()
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("() => window.ran") is None
    assert any("script-src" in p for p in watch.problems())
