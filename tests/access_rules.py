"""What every URL of the app answers to whom, as the permission rules decide it.

One row per URL name: which demo objects to build addresses for, the address of each, and the
status a signed-in person must get, worked out by calling the project's own permission
functions (registers/permissions.py, escalation/permissions.py, reports/permissions.py).
The refusal code is the one the view is written to give: 403 for a page of an object that
exists but is not yours, 404 where the view hides the object (another person's upload or
notification). Anonymous people are sent to sign in everywhere except the sign-in page; the
sweep checks that for every row without a rule of its own.

Used by tests/test_access_sweep.py, which fails when a URL pattern has no row here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from escalation import permissions as escalation
from escalation.models import Challenge, NewRiskProposal, Notification, Proposal, ProposalStatus
from escalation.selectors import de_escalation_targets
from registers import permissions as registers
from registers.models import (
    Action,
    AppetiteLevel,
    AppetiteStatement,
    ImportUpload,
    Portfolio,
    Register,
    Risk,
    RiskReport,
    Tier,
)
from registers.periods import quarter_considered
from registers.review_questions import questions_for
from reminders import permissions as reminders
from reminders.models import ReminderSettings
from reports import permissions as reports
from reports.packs import corporate_register

OK, REDIRECT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, POST_ONLY = 200, 302, 401, 403, 404, 405


@dataclass
class Demo:
    """The demo organisation's objects the sweep builds addresses for (chosen by their tier
    and flags in tests/test_access_sweep.py, never by primary key)."""

    registers: list[Register]
    risks: list[Risk]
    actions: list[Action]
    proposals: list[Proposal]
    notifications: list[Notification]
    reports: list[RiskReport]
    uploads: list[ImportUpload]
    portfolios: list[Portfolio]
    challenges: list[Challenge] = field(default_factory=list)
    new_risks: list[NewRiskProposal] = field(default_factory=list)
    controls: list[Action] = field(default_factory=list)
    # Appetite statements: the demo council's (approved, superseded, a draft) and another's.
    appetite_statements: list[AppetiteStatement] = field(default_factory=list)
    # For the POST sweep: one object of each kind to change, picked for who owns it.
    targets: dict[str, object] = field(default_factory=dict)


# Report variants in the address: none (the fullest the reader may read) and each variant.
PACK_VARIANTS = (None, reports.FULL, reports.PUBLIC, reports.APPENDIX)


def when(allowed: bool, *, ok: int = OK, refused: int = FORBIDDEN) -> int:
    return ok if allowed else refused


# The rules that are more than one permission call --------------------------------------------


def upload_step(user, address: tuple[Register, ImportUpload], *, ok: int = OK) -> int:
    """An import step, at the address of a register and an upload: 403 to whoever may not
    import into that register; 404 to anyone but the person who uploaded the file (nobody
    sees another's spreadsheet), and for an upload of another register."""
    register, upload = address
    if not registers.can_change_register(user, register):
        return FORBIDDEN
    mine = upload.uploaded_by_id == user.pk and upload.register_id == register.pk
    return when(mine, ok=ok, refused=NOT_FOUND)


def report_page(user, report: RiskReport) -> int:
    """A reported risk: its reporter, those who may decide on it (the register's owner and
    the Insurance Manager) and Internal Audit."""
    return when(
        report.reported_by_id == user.pk or registers.can_read_reports(user, report.register)
    )


def propose_page(user, risk: Risk) -> int:
    """The escalation checklist: who may propose the risk; one with a proposal already
    waiting is sent to that proposal."""
    if not escalation.can_propose(user, risk):
        return FORBIDDEN
    waiting = risk.proposals.filter(status=ProposalStatus.OPEN).exists()
    return when(not waiting, refused=REDIRECT)


def closure_page(user, risk: Risk) -> int:
    """Proposing a corporate risk's closure to SLT: its owner; one with a proposal already
    waiting is sent to that proposal."""
    if not escalation.can_propose_closure(user, risk):
        return FORBIDDEN
    waiting = risk.proposals.filter(status=ProposalStatus.OPEN).exists()
    return when(not waiting, refused=REDIRECT)


def corporate(register: Register) -> bool:
    return register.tier == Tier.CORPORATE


def moved_to_escalation(allowed: bool, *, is_corporate: bool) -> int:
    """The register app's page to add or close a risk: a corporate risk's is the escalation
    app's (which tells the Monitoring Officer), where those allowed are sent."""
    return when(allowed, ok=REDIRECT if is_corporate else OK)


def corporate_only(register: Register, allowed: bool) -> int:
    """A page of the corporate register only: 404 at another register's address."""
    return when(allowed) if corporate(register) else NOT_FOUND


def pack_page(user, variant: str | None) -> int:
    """The SLT pack and the committee report: 403 to a non-reader, and to a reader asking
    for a variant beyond theirs; a missing variant means the fullest they may read."""
    readable = [v for v in reports.VARIANTS if reports.can_read_pack(user, variant=v)]
    if not readable:
        return FORBIDDEN
    return when(variant is None or variant in readable)


def committee_page(user, variant: str | None) -> int:
    """The committee report: as the packs, and committee members also read its confidential
    appendix (Part B)."""
    readable = reports.committee_report_variants(user)
    if not readable:
        return FORBIDDEN
    return when(variant is None or variant in readable)


def slt_pack_page(user, variant: str | None) -> int:
    """The SLT pack as the packs' rule says, of the quarter under review (a draft until SLT
    approves it): a council with no corporate register has no pack to show (404)."""
    status = pack_page(user, variant)
    if status == OK and corporate_register(organisation=user.profile.organisation) is None:
        return NOT_FOUND
    return status


def portfolio_list_page(user, _) -> int:
    """The portfolios: Cabinet members, those who see every register, and the Insurance
    Manager who keeps them."""
    return when(registers.may_open_portfolios(user))


def portfolio_edit_page(user, portfolio: Portfolio) -> int:
    """Changing a portfolio: the Insurance Manager of its organisation."""
    return when(
        registers.can_change_portfolios(user) and registers.can_view_portfolio(user, portfolio)
    )


def portfolio_create_page(user, _) -> int:
    """Adding a portfolio to one's organisation: the Insurance Manager."""
    return when(registers.can_change_portfolios(user) and hasattr(user, "profile"))


def portfolios(demo: Demo):
    return demo.portfolios


def appetite_statements(demo: Demo):
    return demo.appetite_statements


def appetite_statement_page(user, statement: AppetiteStatement, *, may=None) -> int:
    """A statement's pages: 403 to someone of no organisation; 404 for another
    organisation's statement; then, for the approval page (``may``), 403 to who may not open
    it and a redirect to the statement once it is no longer a draft."""
    if not registers.can_read_appetite(user):
        return FORBIDDEN
    if statement.organisation_id != registers.appetite_organisation_id(user):
        return NOT_FOUND
    if may is None:
        return OK
    if not may(user):
        return FORBIDDEN
    statement.refresh_from_db(fields=["status"])
    return when(statement.is_draft, refused=REDIRECT)


def notification_open(user, notification: Notification) -> int:
    """Opening a notification marks it read and goes to its subject: the recipient's only."""
    return when(notification.recipient_id == user.pk, ok=REDIRECT, refused=NOT_FOUND)


# The addresses ---------------------------------------------------------------------------------


def by_pk(name: str) -> Callable[[object], str]:
    return lambda obj: reverse(name, kwargs={"pk": obj.pk})


def upload_url(name: str) -> Callable[[tuple[Register, ImportUpload]], str]:
    return lambda address: reverse(name, kwargs={"pk": address[0].pk, "upload_pk": address[1].pk})


def upload_addresses(demo: Demo) -> list[tuple[Register, ImportUpload]]:
    """Each upload at its register's address, and one also at the corporate register's (an
    upload reached through another register, which the person may import into)."""
    corporate = demo.registers[0]
    stray = next(upload for upload in demo.uploads if upload.register_id != corporate.pk)
    return [*((upload.register, upload) for upload in demo.uploads), (corporate, stray)]


def with_variant(name: str) -> Callable[[str | None], str]:
    return lambda variant: reverse(name) + (f"?variant={variant}" if variant else "")


def no_object(demo: Demo) -> Iterable[None]:
    return [None]


def fixed(name: str) -> Callable[[None], str]:
    return lambda _: reverse(name)


@dataclass(frozen=True)
class Rule:
    objects: Callable[[Demo], Iterable[object]]
    url: Callable[[object], str]
    expect: Callable[[object, object], int]  # (signed-in user, object) -> HTTP status
    anonymous: int = REDIRECT  # to the sign-in page


def registers_(demo: Demo):
    return demo.registers


def risks(demo: Demo):
    return demo.risks


def directorates(demo: Demo):
    """The directorates of the swept directorate registers (the person's own and another)."""
    return [register.directorate for register in demo.registers if register.tier == "directorate"]


def first(objects: Callable[[Demo], list]) -> Callable[[Demo], list]:
    """One object is enough where the answer is the same for every object (POST only)."""
    return lambda demo: objects(demo)[:1]


def everyone(status: int) -> Callable[[object, object], int]:
    return lambda user, obj: status


RULES: dict[str, Rule] = {
    # Registers: the organisation, a register's pages and its exports.
    "web:home": Rule(no_object, fixed("web:home"), everyone(OK)),
    "registers:organisation": Rule(no_object, fixed("registers:organisation"), everyone(OK)),
    # The organisation's categories of risk: the Insurance Manager's.
    "registers:categories": Rule(
        no_object,
        fixed("registers:categories"),
        lambda user, _: when(registers.can_change_categories(user)),
    ),
    # The people pickers' type-ahead: anyone who may change something chooses among people.
    "registers:people-search": Rule(
        no_object,
        lambda _: reverse("registers:people-search") + "?q=ow",
        lambda user, _: when(registers.people_search_organisation(user, None) is not None),
    ),
    # Search and risks across registers: open to everyone signed in, each listing only what
    # registers.visible_risks admits (tests/registers/test_search.py, test_across.py).
    "registers:search": Rule(
        no_object, lambda _: reverse("registers:search") + "?q=risk", everyone(OK)
    ),
    "registers:risks-across": Rule(
        registers_,
        lambda register: reverse("registers:risks-across") + f"?register={register.pk}",
        everyone(OK),
    ),
    "registers:risks-across-export": Rule(
        no_object, fixed("registers:risks-across-export"), everyone(OK)
    ),
    "registers:risks-across-export-xlsx": Rule(
        no_object, fixed("registers:risks-across-export-xlsx"), everyone(OK)
    ),
    "registers:register-detail": Rule(
        registers_,
        by_pk("registers:register-detail"),
        lambda user, register: when(registers.can_view_register(user, register)),
    ),
    "registers:register-export": Rule(
        registers_,
        by_pk("registers:register-export"),
        lambda user, register: when(registers.can_view_register(user, register)),
    ),
    "registers:register-export-xlsx": Rule(
        registers_,
        by_pk("registers:register-export-xlsx"),
        lambda user, register: when(registers.can_view_register(user, register)),
    ),
    "registers:register-export-full": Rule(
        registers_,
        by_pk("registers:register-export-full"),
        lambda user, register: when(registers.can_view_register(user, register)),
    ),
    # Opening a register in a directorate and closing one: the directorate's director and the
    # Insurance Manager; the structure's registers never close.
    "registers:register-open": Rule(
        directorates,
        by_pk("registers:register-open"),
        lambda user, directorate: when(registers.can_open_register(user, directorate)),
    ),
    "registers:register-close": Rule(
        registers_,
        by_pk("registers:register-close"),
        lambda user, register: when(registers.can_close_register(user, register)),
    ),
    # Circulating a register's draft pack: its owner, its review lead, the Insurance Manager.
    "reports:register-circulate": Rule(
        registers_,
        by_pk("reports:register-circulate"),
        lambda user, register: when(registers.can_circulate_register(user, register)),
    ),
    "registers:register-settings": Rule(
        registers_,
        by_pk("registers:register-settings"),
        lambda user, register: when(registers.can_change_register(user, register)),
    ),
    "registers:risk-create": Rule(
        registers_,
        by_pk("registers:risk-create"),
        lambda user, register: moved_to_escalation(
            registers.can_change_register(user, register), is_corporate=corporate(register)
        ),
    ),
    "registers:report-create": Rule(
        registers_,
        by_pk("registers:report-create"),
        lambda user, register: when(registers.can_report_risk(user, register)),
    ),
    "registers:register-reports": Rule(
        registers_,
        by_pk("registers:register-reports"),
        lambda user, register: when(registers.can_read_reports(user, register)),
    ),
    # Importing: the register's owner and the Insurance Manager; each upload its uploader's.
    "registers:register-import": Rule(
        registers_,
        by_pk("registers:register-import"),
        lambda user, register: when(registers.can_change_register(user, register)),
    ),
    "registers:register-import-mapping": Rule(
        upload_addresses,
        upload_url("registers:register-import-mapping"),
        upload_step,
    ),
    # No columns chosen yet: the uploader is sent back to the mapping step.
    "registers:register-import-preview": Rule(
        upload_addresses,
        upload_url("registers:register-import-preview"),
        lambda user, upload: upload_step(user, upload, ok=REDIRECT),
    ),
    # The mapping as a file: the uploader's, once chosen (before, back to the mapping step).
    "registers:register-import-mapping-file": Rule(
        upload_addresses,
        upload_url("registers:register-import-mapping-file"),
        lambda user, upload: upload_step(user, upload, ok=REDIRECT),
    ),
    "registers:register-import-confirm": Rule(
        first(upload_addresses),
        upload_url("registers:register-import-confirm"),
        everyone(POST_ONLY),
    ),
    # Risks, their actions and reviews.
    "web:risk-detail": Rule(
        risks,
        by_pk("web:risk-detail"),
        lambda user, risk: when(registers.can_view_risk(user, risk)),
    ),
    "registers:risk-edit": Rule(
        risks,
        by_pk("registers:risk-edit"),
        lambda user, risk: when(registers.can_change_risk(user, risk)),
    ),
    "registers:risk-close": Rule(
        risks,
        by_pk("registers:risk-close"),
        lambda user, risk: moved_to_escalation(
            registers.can_close_risk(user, risk), is_corporate=corporate(risk.register)
        ),
    ),
    "registers:risk-review": Rule(
        risks,
        by_pk("registers:risk-review"),
        lambda user, risk: when(registers.can_change_risk(user, risk)),
    ),
    "registers:action-create": Rule(
        risks,
        by_pk("registers:action-create"),
        lambda user, risk: when(registers.can_change_risk(user, risk)),
    ),
    "registers:action-edit": Rule(
        lambda demo: demo.actions,
        by_pk("registers:action-edit"),
        lambda user, action: when(registers.can_change_action(user, action)),
    ),
    "registers:action-complete": Rule(
        first(lambda demo: demo.actions), by_pk("registers:action-complete"), everyone(POST_ONLY)
    ),
    # Assurance over a control: Internal Audit the third line, managers the first, the
    # Insurance Manager the first and second; everyone else refused.
    "registers:assurance-create": Rule(
        lambda demo: demo.controls,
        by_pk("registers:assurance-create"),
        lambda user, control: when(registers.can_record_assurance(user, control)),
    ),
    # Risks reported to a register.
    # Cabinet portfolios: read by their Cabinet member and those who see every register, kept
    # by the Insurance Manager.
    "registers:portfolios": Rule(no_object, fixed("registers:portfolios"), portfolio_list_page),
    "registers:portfolio-create": Rule(
        no_object, fixed("registers:portfolio-create"), portfolio_create_page
    ),
    "registers:portfolio-detail": Rule(
        portfolios,
        by_pk("registers:portfolio-detail"),
        lambda user, portfolio: when(registers.can_view_portfolio(user, portfolio)),
    ),
    "registers:portfolio-edit": Rule(
        portfolios, by_pk("registers:portfolio-edit"), portfolio_edit_page
    ),
    # The risk appetite: read by every member of the organisation, drafted by its Insurance
    # Manager, approved by SLT (or recorded by the Insurance Manager on SLT's behalf).
    "registers:appetite": Rule(
        no_object,
        fixed("registers:appetite"),
        lambda user, _: when(registers.can_read_appetite(user)),
    ),
    "registers:appetite-edit": Rule(
        no_object,
        fixed("registers:appetite-edit"),
        lambda user, _: when(registers.can_draft_appetite(user)),
    ),
    "registers:appetite-detail": Rule(
        appetite_statements, by_pk("registers:appetite-detail"), appetite_statement_page
    ),
    "registers:appetite-approve": Rule(
        appetite_statements,
        by_pk("registers:appetite-approve"),
        lambda user, statement: appetite_statement_page(
            user, statement, may=registers.can_open_appetite_approval
        ),
    ),
    "reports:portfolio-pack": Rule(
        portfolios,
        by_pk("reports:portfolio-pack"),
        lambda user, portfolio: when(reports.can_read_portfolio_pack(user, portfolio)),
    ),
    "registers:my-reports": Rule(no_object, fixed("registers:my-reports"), everyone(OK)),
    "registers:report-detail": Rule(
        lambda demo: demo.reports, by_pk("registers:report-detail"), report_page
    ),
    "registers:report-accept": Rule(
        first(lambda demo: demo.reports), by_pk("registers:report-accept"), everyone(POST_ONLY)
    ),
    "registers:report-decline": Rule(
        first(lambda demo: demo.reports), by_pk("registers:report-decline"), everyone(POST_ONLY)
    ),
    # Escalation.
    "escalation:proposal-create": Rule(risks, by_pk("escalation:proposal-create"), propose_page),
    "escalation:closure-propose": Rule(risks, by_pk("escalation:closure-propose"), closure_page),
    "escalation:risk-de-escalate": Rule(
        risks,
        by_pk("escalation:risk-de-escalate"),
        lambda user, risk: when(escalation.can_de_escalate(user, risk)),
    ),
    "escalation:challenge-create": Rule(
        risks,
        by_pk("escalation:challenge-create"),
        lambda user, risk: when(escalation.can_challenge(user, risk)),
    ),
    "escalation:challenge-detail": Rule(
        lambda demo: demo.challenges,
        by_pk("escalation:challenge-detail"),
        lambda user, challenge: when(escalation.can_view_challenge(user, challenge)),
    ),
    "escalation:challenge-answer": Rule(
        lambda demo: demo.challenges,
        by_pk("escalation:challenge-answer"),
        everyone(POST_ONLY),
    ),
    "escalation:queue": Rule(no_object, fixed("escalation:queue"), everyone(OK)),
    # The corporate register's membership outside escalation: a new risk proposed by a member
    # of SLT and decided by another, a risk added or closed outright as SLT decided.
    "escalation:new-risk-propose": Rule(
        registers_,
        by_pk("escalation:new-risk-propose"),
        lambda user, register: corporate_only(
            register, escalation.can_propose_new_risk(user, register)
        ),
    ),
    "escalation:new-risk-detail": Rule(
        lambda demo: demo.new_risks,
        by_pk("escalation:new-risk-detail"),
        lambda user, proposal: when(escalation.can_view_new_risk(user, proposal)),
    ),
    "escalation:new-risk-decide": Rule(
        first(lambda demo: demo.new_risks),
        by_pk("escalation:new-risk-decide"),
        everyone(POST_ONLY),
    ),
    "escalation:corporate-risk-create": Rule(
        registers_,
        by_pk("escalation:corporate-risk-create"),
        lambda user, register: corporate_only(
            register, registers.can_change_register(user, register)
        ),
    ),
    "escalation:corporate-risk-close": Rule(
        risks,
        by_pk("escalation:corporate-risk-close"),
        lambda user, risk: corporate_only(risk.register, registers.can_close_risk(user, risk)),
    ),
    "escalation:proposal-detail": Rule(
        lambda demo: demo.proposals,
        by_pk("escalation:proposal-detail"),
        lambda user, proposal: when(escalation.can_view_proposal(user, proposal)),
    ),
    "escalation:proposal-decide": Rule(
        first(lambda demo: demo.proposals),
        by_pk("escalation:proposal-decide"),
        everyone(POST_ONLY),
    ),
    "escalation:proposal-withdraw": Rule(
        first(lambda demo: demo.proposals),
        by_pk("escalation:proposal-withdraw"),
        everyone(POST_ONLY),
    ),
    "escalation:notifications": Rule(no_object, fixed("escalation:notifications"), everyone(OK)),
    "escalation:notification-open": Rule(
        lambda demo: demo.notifications,
        by_pk("escalation:notification-open"),
        notification_open,
    ),
    "escalation:notifications-read": Rule(
        no_object, fixed("escalation:notifications-read"), everyone(POST_ONLY)
    ),
    # Reminders: the organisation's ladder (the Insurance Manager), one's own digest (anyone).
    "reminders:settings": Rule(
        no_object,
        fixed("reminders:settings"),
        lambda user, _: when(reminders.can_change_reminder_settings(user)),
    ),
    "reminders:digest-preference": Rule(
        no_object,
        fixed("reminders:digest-preference"),
        lambda user, _: when(reminders.can_choose_digest(user)),
    ),
    # Reports: the packs in each variant, the committee report, the collation.
    "reports:index": Rule(no_object, fixed("reports:index"), everyone(OK)),
    "reports:slt-pack": Rule(
        lambda demo: PACK_VARIANTS, with_variant("reports:slt-pack"), slt_pack_page
    ),
    "reports:slt-pack-pdf": Rule(
        lambda demo: PACK_VARIANTS, with_variant("reports:slt-pack-pdf"), slt_pack_page
    ),
    "reports:committee-report": Rule(
        lambda demo: PACK_VARIANTS, with_variant("reports:committee-report"), committee_page
    ),
    "reports:committee-report-pdf": Rule(
        lambda demo: PACK_VARIANTS, with_variant("reports:committee-report-pdf"), committee_page
    ),
    "reports:committee-narrative": Rule(
        no_object, fixed("reports:committee-narrative"), everyone(POST_ONLY)
    ),
    "reports:committee-opinion": Rule(
        no_object, fixed("reports:committee-opinion"), everyone(POST_ONLY)
    ),
    # The quarterly cycle: approving a register, the Section 151 Officer's oversight.
    "reports:register-approval": Rule(
        registers_,
        by_pk("reports:register-approval"),
        lambda user, register: when(registers.can_open_approval(user, register)),
    ),
    "reports:register-pack": Rule(
        registers_,
        by_pk("reports:register-pack"),
        lambda user, register: when(reports.can_read_register_pack(user, register)),
    ),
    "reports:register-pack-pdf": Rule(
        registers_,
        by_pk("reports:register-pack-pdf"),
        lambda user, register: when(reports.can_read_register_pack(user, register)),
    ),
    "reports:s151-review": Rule(
        no_object,
        fixed("reports:s151-review"),
        lambda user, _: when(registers.can_review_as_s151(user)),
    ),
    "reports:collation": Rule(
        no_object,
        fixed("reports:collation"),
        lambda user, _: when(reports.can_read_collation(user)),
    ),
    "reports:collation-pdf": Rule(
        no_object,
        fixed("reports:collation-pdf"),
        lambda user, _: when(reports.can_read_collation(user)),
    ),
    "reports:collation-xlsx": Rule(
        no_object,
        fixed("reports:collation-xlsx"),
        lambda user, _: when(reports.can_read_collation(user)),
    ),
    # Signing in and out: no objects, but swept so that no page escapes the sign-in rule.
    "login": Rule(no_object, fixed("login"), everyone(REDIRECT), anonymous=OK),
    "logout": Rule(no_object, fixed("logout"), everyone(POST_ONLY)),
    "password_change": Rule(no_object, fixed("password_change"), everyone(OK)),
    "password_change_done": Rule(no_object, fixed("password_change_done"), everyone(OK)),
    # The session's idle countdown (riskreg/security.py): one's own session only.
    "session-status": Rule(no_object, fixed("session-status"), everyone(OK)),
    "session-keepalive": Rule(no_object, fixed("session-keepalive"), everyone(POST_ONLY)),
    # The second factor (accounts/): one's own, whoever one is. The code page answers anyone,
    # asking for a password first when none was given.
    "accounts:verify": Rule(no_object, fixed("accounts:verify"), everyone(OK), anonymous=OK),
    "accounts:two-factor": Rule(no_object, fixed("accounts:two-factor"), everyone(OK)),
    "accounts:two-factor-setup": Rule(no_object, fixed("accounts:two-factor-setup"), everyone(OK)),
    "accounts:recovery-codes-renew": Rule(
        no_object, fixed("accounts:recovery-codes-renew"), everyone(POST_ONLY)
    ),
    "accounts:two-factor-remove": Rule(
        no_object, fixed("accounts:two-factor-remove"), everyone(POST_ONLY)
    ),
    # Signing in with the organisation's identity provider (accounts/provider.py): not found
    # while none is configured, as in the sweep (tests/accounts/test_organisation_sign_in.py
    # runs them against a real provider).
    "accounts:oidc-start": Rule(
        no_object, fixed("accounts:oidc-start"), everyone(NOT_FOUND), anonymous=NOT_FOUND
    ),
    "accounts:oidc-callback": Rule(
        no_object, fixed("accounts:oidc-callback"), everyone(NOT_FOUND), anonymous=NOT_FOUND
    ),
    # The read-only API (api/): what the browser's pages answer, and 401 to anyone not signed
    # in (a token or a session), never a redirect to a page a program cannot fill in.
    "api:register-list": Rule(
        no_object, fixed("api:register-list"), everyone(OK), anonymous=UNAUTHORIZED
    ),
    "api:register-detail": Rule(
        registers_,
        by_pk("api:register-detail"),
        lambda user, register: when(registers.can_view_register(user, register)),
        anonymous=UNAUTHORIZED,
    ),
    "api:risk-list": Rule(
        lambda demo: [None, *demo.registers],
        lambda register: (
            reverse("api:risk-list") + (f"?register={register.pk}" if register else "")
        ),
        lambda user, register: when(
            register is None or registers.can_view_register(user, register)
        ),
        anonymous=UNAUTHORIZED,
    ),
    "api:risk-detail": Rule(
        risks,
        by_pk("api:risk-detail"),
        lambda user, risk: when(registers.can_view_risk(user, risk)),
        anonymous=UNAUTHORIZED,
    ),
    "api:action-list": Rule(
        no_object, fixed("api:action-list"), everyone(OK), anonymous=UNAUTHORIZED
    ),
    "api:review-list": Rule(
        no_object, fixed("api:review-list"), everyone(OK), anonymous=UNAUTHORIZED
    ),
    "api:snapshot-list": Rule(
        no_object, fixed("api:snapshot-list"), everyone(OK), anonymous=UNAUTHORIZED
    ),
    "api:schema": Rule(no_object, fixed("api:schema"), everyone(OK), anonymous=UNAUTHORIZED),
    "api:docs": Rule(no_object, fixed("api:docs"), everyone(OK)),
    # Everyone's own tokens; another's is not found.
    "api:tokens": Rule(no_object, fixed("api:tokens"), everyone(OK)),
    "api:token-revoke": Rule(
        lambda demo: [demo.targets["access_token"]],
        by_pk("api:token-revoke"),
        everyone(POST_ONLY),
    ),
}


# The POST sweep -------------------------------------------------------------------------------
#
# Every view that changes something, with a request that would change it: a refused person
# must get the refusal below and leave the database as it was; the first person the rule
# allows then makes the change (so the request is known to be one that would have worked).

CHANGED = REDIRECT  # a change made is answered by a redirect to what was changed


def csv_sheet() -> bytes:
    return (
        b"Reference,Title,Event,Consequence,Impact,Category\r\n"
        b"SWEEP-01,Sweep import,If the sweep imports,a risk appears,on the register,finance\r\n"
    )


def risk_form(risk: Risk | None, **changes) -> dict:
    """The risk form's fields, as first shown for ``risk`` (or a new one), with changes."""
    from registers.services import EDITABLE_RISK_FIELDS

    def value(name):
        field_value = getattr(risk, Risk._meta.get_field(name).attname)
        return "" if field_value is None else str(field_value)

    if risk is None:
        data = {name: "" for name in EDITABLE_RISK_FIELDS}
        data |= {
            "title": "Sweep risk",
            "event": "If the access sweep posts",
            "consequence": "a risk may be created",
            "impact": "on a register it should not be",
            "category": "finance",
            "inherent_likelihood": "3",
            "inherent_impact": "3",
            "residual_likelihood": "2",
            "residual_impact": "2",
            "response": "treat",
            "response_rationale": "Worth treating",
            "horizon": "short",
        }
    else:
        data = {name: value(name) for name in EDITABLE_RISK_FIELDS}
        data["version"] = str(risk.version)
    return data | changes


def action_form(action: Action | None, **changes) -> dict:
    data = {
        "kind": "action",
        "description": "Sweep action",
        "owner": "",
        "due_date": "2030-01-31",
        "status": "open",
        "cost": "",
        "evaluation_notes": "",
    }
    if action is not None:
        data |= {
            "kind": action.kind,
            "description": action.description,
            "owner": action.owner_id or "",
            "due_date": action.due_date.isoformat() if action.due_date else "2030-01-31",
            "status": action.status,
            "cost": "" if action.cost is None else str(action.cost),
            "evaluation_notes": action.evaluation_notes,
            "version": str(action.version),
        }
    return data | changes


def assurance_form(*, line: str) -> dict:
    return {
        "line": line,
        "source": "Sweep audit",
        "given_on": timezone.localdate().isoformat(),
        "conclusion": "Works as designed.",
    }


def third_line_assurance(user, control: Action) -> int:
    """Third-line assurance: Internal Audit records it; whoever records another line sees the
    form again (the third line is not theirs to choose); everyone else is refused."""
    if registers.can_record_assurance(user, control, "third"):
        return CHANGED
    return when(registers.can_record_assurance(user, control))


def review_form(risk: Risk) -> dict:
    from registers.review_questions import questions_for

    answers = {f"answer_{n}": "Yes" for n in range(1, len(questions_for(risk.register.tier)) + 1)}
    return answers | {"notes": "Sweep review"}


def reminder_settings_form(organisation) -> dict:
    """The ladder with one change; the version of the settings row, or the first version the
    page makes when it has none yet (read without making it, which would be a change)."""
    version = (
        ReminderSettings.objects.filter(organisation=organisation)
        .values_list("version", flat=True)
        .first()
    )
    return {
        "lead_days": "30, 7",
        "on_the_day": "on",
        "first_chase_days": "7",
        "repeat_days": "14",
        "register_owner_after_days": "21",
        "insurance_manager_after_days": "42",
        "weekly_day": "0",
        "version": str(version or 1),
    }


def narrative_form(organisation, **words) -> dict:
    """The committee report's words for this year, as a form posts them: ``introduction`` or
    ``opinion``, with the narrative's version the writer started from."""
    from django.utils import timezone

    from registers.periods import Quarter, year_label
    from reports.models import CommitteeNarrative

    year = Quarter.containing(timezone.localdate()).year
    narrative = CommitteeNarrative.objects.filter(organisation=organisation, year=year).first()
    version = narrative.version if narrative else 0
    return {"year": year_label(year), "variant": "full", "version": version, **words}


@dataclass(frozen=True)
class Post:
    target: str  # key of Demo.targets
    url: Callable[[object], str]
    data: Callable[[object], dict]
    expect: Callable[[object, object], int]  # CHANGED for those allowed, else the refusal
    method: str = "post"
    # The change lands in the session only (the import's column mapping): nothing in the
    # database changes even for those allowed.
    session_only: bool = False
    # A row whose request the allowed person makes first (the import is confirmed only
    # after its columns are chosen).
    after: str = ""


def approval_form(register) -> dict:
    """An approval of ``register`` for the quarter under review, every question answered;
    the owner is named as the approver for those who record it."""
    today = timezone.localdate()
    answers = {
        f"answer_{n}": "Considered at the meeting."
        for n, _ in enumerate(questions_for(register.tier), start=1)
    }
    return {
        "quarter": quarter_considered(today).label,
        "decided_by": register.owner_id,
        "decided_on": today.isoformat(),
        **answers,
    }


def may_change_register(user, register) -> int:
    return when(registers.can_change_register(user, register), ok=CHANGED)


def may_change_risk(user, risk) -> int:
    return when(registers.can_change_risk(user, risk), ok=CHANGED)


def open_register_form(directorate) -> dict:
    """A programme register of ``directorate``, owned by its director."""
    director = Register.objects.get(tier="directorate", directorate=directorate).owner_id
    return {
        "kind": "programme",
        "name": "Sweep transformation programme",
        "service": "",
        "prefix": "SWEEP-OPENED",
        "owner": director,
        "review_lead": "",
        "review_interval_months": 3,
    }


def close_register_form(register: Register) -> dict:
    """A reason, and each open risk closed with the register."""
    risks = register.risks.filter(status="open").values_list("pk", flat=True)
    return {"reason": "The sweep's programme is complete."} | {
        f"risk_{pk}": "close" for pk in risks
    }


POSTS: dict[str, Post] = {
    "registers:register-open": Post(
        "directorate",
        by_pk("registers:register-open"),
        open_register_form,
        lambda user, directorate: when(registers.can_open_register(user, directorate), ok=CHANGED),
    ),
    "registers:register-close": Post(
        "closable_register",
        by_pk("registers:register-close"),
        close_register_form,
        lambda user, register: when(registers.can_close_register(user, register), ok=CHANGED),
    ),
    "reports:register-circulate": Post(
        "service_register",
        by_pk("reports:register-circulate"),
        lambda _: {},
        lambda user, register: when(registers.can_circulate_register(user, register), ok=CHANGED),
    ),
    "registers:register-settings": Post(
        "service_register",
        by_pk("registers:register-settings"),
        lambda register: {
            "name": f"{register.name} (renamed)",
            "owner": register.owner_id,
            "review_interval_months": register.review_interval_months,
            "version": register.version,
        },
        may_change_register,
    ),
    "reports:register-approval": Post(
        "service_register",
        by_pk("reports:register-approval"),
        approval_form,
        lambda user, register: when(registers.can_open_approval(user, register), ok=CHANGED),
    ),
    "registers:risk-create": Post(
        "service_register",
        by_pk("registers:risk-create"),
        lambda register: risk_form(None, owner=str(register.owner_id)),
        may_change_register,
    ),
    "registers:register-import": Post(
        "service_register",
        by_pk("registers:register-import"),
        lambda _: {"file": SimpleUploadedFile("risks.csv", csv_sheet())},
        may_change_register,
    ),
    "registers:register-import-mapping": Post(
        "upload",
        upload_url("registers:register-import-mapping"),
        lambda _: (
            {"header_row": "1"}
            | {
                f"column_{n}": t
                for n, t in enumerate(
                    ("reference", "title", "event", "consequence", "impact", "category")
                )
            }
        ),
        lambda user, upload: upload_step(user, upload, ok=CHANGED),
        session_only=True,
    ),
    "registers:register-import-confirm": Post(
        "upload",
        upload_url("registers:register-import-confirm"),
        lambda _: {},
        lambda user, upload: upload_step(user, upload, ok=CHANGED),
        after="registers:register-import-mapping",
    ),
    "registers:report-create": Post(
        "service_register",
        by_pk("registers:report-create"),
        lambda _: {
            "title": "Sweep report",
            "event": "If the sweep reports",
            "consequence": "a report appears",
            "impact": "for the owner to decide",
            "category": "finance",
        },
        lambda user, register: when(registers.can_report_risk(user, register), ok=CHANGED),
    ),
    "registers:report-accept": Post(
        "pending_report",
        by_pk("registers:report-accept"),
        lambda report: {"accept-owner": report.register.owner_id},
        lambda user, report: may_change_register(user, report.register),
    ),
    "registers:report-decline": Post(
        "pending_report",
        by_pk("registers:report-decline"),
        lambda report: {"decline-reason": "Not for this register."},
        lambda user, report: may_change_register(user, report.register),
    ),
    "registers:risk-edit": Post(
        "service_risk",
        by_pk("registers:risk-edit"),
        lambda risk: risk_form(risk, title=f"{risk.title} (edited)"),
        may_change_risk,
    ),
    "registers:risk-close": Post(
        "service_risk",
        by_pk("registers:risk-close"),
        lambda _: {"reason": "Closed by the sweep."},
        lambda user, risk: when(registers.can_close_risk(user, risk), ok=CHANGED),
    ),
    "registers:risk-review": Post(
        "service_risk", by_pk("registers:risk-review"), review_form, may_change_risk
    ),
    "registers:action-create": Post(
        "service_risk",
        by_pk("registers:action-create"),
        lambda _: action_form(None),
        may_change_risk,
    ),
    "registers:action-edit": Post(
        "open_action",
        by_pk("registers:action-edit"),
        lambda action: action_form(action, description=f"{action.description} (edited)"),
        lambda user, action: when(registers.can_change_action(user, action), ok=CHANGED),
    ),
    "registers:action-complete": Post(
        "open_action",
        by_pk("registers:action-complete"),
        lambda _: {"evaluation": "Done by the sweep."},
        lambda user, action: when(registers.can_change_action(user, action), ok=CHANGED),
    ),
    "registers:assurance-create": Post(
        "open_control",
        by_pk("registers:assurance-create"),
        lambda _: assurance_form(line="third"),
        third_line_assurance,
    ),
    "escalation:proposal-create": Post(
        "proposable_risk",
        by_pk("escalation:proposal-create"),
        lambda _: {
            "factor_2": "on",
            "note_2": "A statutory duty.",
            "factor_3": "on",
            "note_3": "Beyond the service.",
            "factor_5": "on",
            "note_5": "Press interest.",
            "case": "The sweep's case.",
        },
        lambda user, risk: when(escalation.can_propose(user, risk), ok=CHANGED),
    ),
    "escalation:closure-propose": Post(
        "corporate_risk",
        by_pk("escalation:closure-propose"),
        lambda _: {"reason": "Proposed for closure by the sweep."},
        lambda user, risk: when(escalation.can_propose_closure(user, risk), ok=CHANGED),
    ),
    "escalation:new-risk-propose": Post(
        "corporate_register",
        by_pk("escalation:new-risk-propose"),
        lambda register: (
            risk_form(None, owner=str(register.owner_id))
            | {"case": "Seen on the horizon by the sweep."}
        ),
        lambda user, register: when(escalation.can_propose_new_risk(user, register), ok=CHANGED),
    ),
    "escalation:new-risk-decide": Post(
        "open_new_risk",
        by_pk("escalation:new-risk-decide"),
        lambda _: {"decision": "declined", "reason": "Not now."},
        lambda user, proposal: when(escalation.can_decide_new_risk(user, proposal), ok=CHANGED),
    ),
    "escalation:corporate-risk-create": Post(
        "corporate_register",
        by_pk("escalation:corporate-risk-create"),
        lambda register: risk_form(None, owner=str(register.owner_id)),
        may_change_register,
    ),
    "escalation:corporate-risk-close": Post(
        "corporate_risk",
        by_pk("escalation:corporate-risk-close"),
        lambda _: {"reason": "Closed as SLT decided, by the sweep."},
        lambda user, risk: when(registers.can_close_risk(user, risk), ok=CHANGED),
    ),
    "escalation:risk-de-escalate": Post(
        "escalated_risk",
        by_pk("escalation:risk-de-escalate"),
        lambda risk: {
            "to_register": de_escalation_targets(risk=risk)[0].pk,
            "reason": "Back where it came from.",
        },
        lambda user, risk: when(escalation.can_de_escalate(user, risk), ok=CHANGED),
    ),
    "escalation:challenge-create": Post(
        "service_risk",
        by_pk("escalation:challenge-create"),
        lambda _: {
            "reason": "Scored too low by the sweep's reckoning.",
            "suggested_residual_likelihood": "4",
            "suggested_residual_impact": "5",
        },
        lambda user, risk: when(escalation.can_challenge(user, risk), ok=CHANGED),
    ),
    "escalation:challenge-answer": Post(
        "open_challenge",
        by_pk("escalation:challenge-answer"),
        lambda _: {"outcome": "keep", "answer": "The sweep's owner stands by it."},
        lambda user, challenge: when(escalation.can_answer_challenge(user, challenge), ok=CHANGED),
    ),
    "escalation:proposal-decide": Post(
        "open_proposal",
        by_pk("escalation:proposal-decide"),
        lambda _: {"decision": "declined", "reason": "Not now."},
        lambda user, proposal: when(escalation.can_decide(user, proposal), ok=CHANGED),
    ),
    "escalation:proposal-withdraw": Post(
        "open_proposal",
        by_pk("escalation:proposal-withdraw"),
        lambda _: {"reason": "Withdrawn by the sweep."},
        lambda user, proposal: when(escalation.can_withdraw(user, proposal), ok=CHANGED),
    ),
    # A GET that changes something: opening marks the notification read.
    "escalation:notification-open": Post(
        "notification",
        by_pk("escalation:notification-open"),
        lambda _: {},
        lambda user, notification: notification_open(user, notification),
        method="get",
    ),
    "registers:categories": Post(
        "organisation",
        fixed("registers:categories"),
        lambda _: {"action": "add", "label": "Sweep category"},
        lambda user, _: when(registers.can_change_categories(user), ok=CHANGED),
    ),
    "registers:portfolio-create": Post(
        "service_register",
        fixed("registers:portfolio-create"),
        lambda register: {"name": "Sweep portfolio", "registers": [register.pk]},
        lambda user, _: when(
            registers.can_change_portfolios(user) and hasattr(user, "profile"), ok=CHANGED
        ),
    ),
    "registers:portfolio-edit": Post(
        "portfolio",
        by_pk("registers:portfolio-edit"),
        lambda portfolio: {
            "name": f"{portfolio.name} (renamed)",
            "holder": portfolio.holder_id or "",
            "registers": list(portfolio.registers.values_list("pk", flat=True)),
        },
        lambda user, portfolio: when(
            registers.can_change_portfolios(user) and registers.can_view_portfolio(user, portfolio),
            ok=CHANGED,
        ),
    ),
    # The draft is saved (started on the first save) by the Insurance Manager; SLT approves it.
    "registers:appetite-edit": Post(
        "organisation",
        fixed("registers:appetite-edit"),
        lambda _: {
            "summary": "The sweep's statement.",
            "finance__level": AppetiteLevel.objects.get(key="open").pk,
            "finance__tolerance": "12",
        },
        lambda user, _: when(registers.can_draft_appetite(user), ok=CHANGED),
    ),
    "registers:appetite-approve": Post(
        "appetite_draft",
        by_pk("registers:appetite-approve"),
        lambda statement: {
            "decided_on": timezone.localdate().isoformat(),
            "decided_by": statement.organisation.profiles.filter(
                user__groups__name="Strategic Leadership Team"
            )
            .order_by("user__username")
            .values_list("user_id", flat=True)
            .first(),
        },
        lambda user, statement: (
            appetite_statement_page(user, statement, may=registers.can_open_appetite_approval)
            if appetite_statement_page(user, statement) != OK
            else when(registers.can_open_appetite_approval(user), ok=CHANGED)
        ),
    ),
    "reminders:settings": Post(
        "organisation",
        fixed("reminders:settings"),
        reminder_settings_form,
        lambda user, _: when(reminders.can_change_reminder_settings(user), ok=CHANGED),
    ),
    # Everyone chooses their own digest: only the anonymous are refused.
    "reminders:digest-preference": Post(
        "organisation",
        fixed("reminders:digest-preference"),
        lambda _: {"frequency": "weekly"},
        lambda user, _: when(reminders.can_choose_digest(user), ok=CHANGED),
    ),
    "reports:s151-review": Post(
        "organisation",
        fixed("reports:s151-review"),
        lambda _: {"verdict": "signed_off", "comments": "Aligned with the budget."},
        lambda user, _: when(registers.can_review_as_s151(user), ok=CHANGED),
    ),
    "reports:committee-narrative": Post(
        "organisation",
        fixed("reports:committee-narrative"),
        lambda organisation: narrative_form(organisation, introduction="Sweep"),
        lambda user, _: when(reports.can_write_introduction(user), ok=CHANGED),
    ),
    "reports:committee-opinion": Post(
        "organisation",
        fixed("reports:committee-opinion"),
        lambda organisation: narrative_form(organisation, opinion="The sweep's opinion."),
        lambda user, _: when(reports.can_write_opinion(user), ok=CHANGED),
    ),
    # Anyone signed in makes tokens of their own; only a token's owner revokes it.
    "api:tokens": Post(
        "organisation",
        fixed("api:tokens"),
        lambda _: {"name": "Sweep token", "lifetime_days": "30"},
        everyone(CHANGED),
    ),
    "api:token-revoke": Post(
        "access_token",
        by_pk("api:token-revoke"),
        lambda _: {},
        lambda user, token: when(token.user_id == user.pk, ok=CHANGED, refused=NOT_FOUND),
    ),
}
