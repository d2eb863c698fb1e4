"""The access sweep (OWASP ASVS level 2: no insecure direct object references).

Every URL pattern of the app, for demo objects of every kind and place (every tier, exempt,
closed and escalated risks, other directorates, another council), asked for by every role of
the demo organisation and everyone tied to those objects (see ``_cast``), and by an anonymous
visitor: each answer must be the one the permission rules give (tests/access_rules.py works
it out with the project's permission functions). Every view that changes something is then
posted to by everyone it refuses: the refusal must be the rule's and the database must be left
as it was; then by someone it allows, to show the request would have changed something.

``ACCESS_SWEEP_EVERYONE=1`` sweeps every person of the demo instead (about twice as long).

The demo organisation is loaded once for this module, inside a transaction rolled back at its
end (each test runs in its own savepoint within it), so other modules never see it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from api.services import token_create
from demo.loader import ORGANISATION_SLUG, load_demo
from escalation import challenges
from escalation.models import NewRiskProposal, Notification, Proposal, ProposalStatus
from registers import permissions, roles, services
from registers.appetite import ensure_appetite_levels
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.lifecycle import register_open
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    AppetiteLevel,
    AppetiteStatement,
    ImportUpload,
    Kind,
    Organisation,
    Portfolio,
    Register,
    Risk,
    RiskStatus,
    Tier,
)
from reports.packs import approved_quarters
from scoring.matrix import Seniority
from tests.access_rules import (
    CHANGED,
    OK,
    POST_ONLY,
    POSTS,
    REDIRECT,
    RULES,
    Demo,
    csv_sheet,
)
from tests.conftest import person
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

ANONYMOUS = "(anonymous)"
# URL namespaces not swept: Django's admin has its own staff permissions.
NOT_SWEPT = {"admin"}

User = get_user_model()


@dataclass
class Sweep:
    demo: Demo
    usernames: list[str]  # who sweeps (``_cast``), the organisation-wide roles first
    clients: dict[str, Client]  # signed in, by username; ANONYMOUS signed out
    tokens: dict[str, str]  # an API token's secret, by username

    def token(self, username: str) -> str:
        return self.tokens[username]

    def people(self) -> dict[str, object]:
        """Fresh user objects (the permission functions remember answers on them)."""
        users = User.objects.select_related("profile").in_bulk(
            self.usernames, field_name="username"
        )
        return {ANONYMOUS: AnonymousUser()} | {name: users[name] for name in self.usernames}


def _text(**fields) -> dict:
    return {
        "event": "If the sweep's colleague is right",
        "consequence": "something may go wrong",
        "impact": "for the council",
        "category": "finance",
    } | fields


def _add_what_the_demo_lacks(*, today) -> dict[str, object]:
    """The demo has no reported risks, no uploads, no closed risk below the corporate register
    and no action owned outside its risk's service: add them through the services."""
    corporate = Register.objects.get(organisation__slug=ORGANISATION_SLUG, tier=Tier.CORPORATE)
    in_demo = Risk.objects.filter(register__organisation=corporate.organisation)
    officer_risk = (
        in_demo.open()
        .filter(register__tier=Tier.SERVICE, owner__groups__name=roles.RISK_OWNERS)
        .exclude(proposals__isnull=False)
        .select_related("register__owner", "owner")
        .order_by("reference")
        .first()
    )
    service_register = officer_risk.register
    head = service_register.owner
    directorate_register = Register.objects.get(
        tier=Tier.DIRECTORATE, directorate=service_register.directorate
    )
    outsider = (
        User.objects.filter(groups__name=roles.HEADS_OF_SERVICE)
        .exclude(profile__directorate=service_register.directorate)
        .order_by("username")
        .first()
    )
    outsider_action = services.action_create(
        risk=officer_risk,
        by=head,
        kind="action",
        description="Advice from another directorate's service",
        owner=outsider,
        due_date=today + timedelta(days=30),
        status=ActionStatus.OPEN,
    )
    closed_service_risk = (
        in_demo.open()
        .filter(register__tier=Tier.SERVICE, register__directorate=outsider.profile.directorate)
        .exclude(proposals__isnull=False)
        .select_related("register__owner")
        .order_by("reference")
        .first()
    )
    services.risk_close(
        risk=closed_service_risk, by=closed_service_risk.register.owner, reason="Sweep: gone."
    )
    pending = services.risk_report_submit(
        register=service_register, by=officer_risk.owner, **_text(title="Lone working")
    )
    services.risk_report_submit(
        register=directorate_register, by=head, **_text(title="Shared premises")
    )
    declined = services.risk_report_submit(
        register=corporate, by=outsider, **_text(title="Council-wide outage")
    )
    services.risk_report_decline(report=declined, by=corporate.owner, reason="Already CRR.")
    challenge = challenges.challenge_raise(
        risk=officer_risk,
        by=outsider,
        reason="The advice we give shows it is likelier than scored.",
        suggested={"suggested_residual_likelihood": 4, "suggested_residual_impact": 4},
    )
    insurance_manager = User.objects.get(
        groups__name=roles.INSURANCE_MANAGER, profile__organisation=corporate.organisation
    )
    # A programme register for the POST sweep to close, with a risk to move or close.
    closable_register = register_open(
        directorate=service_register.directorate,
        kind=Kind.PROGRAMME,
        name="Sweep programme",
        prefix="SWEEP-PRG",
        owner=head,
        by=insurance_manager,
    )
    services.risk_create(register=closable_register, by=head, owner=head, **_text(title="Slip"))
    uploads = [
        ImportUpload.objects.create(
            register=register, uploaded_by=by, filename="risks.csv", data=csv_sheet()
        )
        for register, by in ((service_register, head), (corporate, insurance_manager))
    ]
    return {
        "corporate": corporate,
        "service_register": service_register,
        "directorate_register": directorate_register,
        "officer_risk": officer_risk,
        "outsider": outsider,
        "outsider_action": outsider_action,
        "closed_service_risk": closed_service_risk,
        "pending_report": pending,
        "open_challenge": challenge,
        "upload": uploads[0],
        "closable_register": closable_register,
        "access_token": token_create(user=insurance_manager, name="Power BI", lifetime_days=30)[0],
    }


def _appetite(organisation, elsewhere) -> dict[str, object]:
    """A draft appetite statement in the demo council (after the statements the demo has
    approved) and an approved one in the other council."""
    ensure_appetite_levels()
    finance = {"finance": (AppetiteLevel.objects.get(key="cautious"), 9)}
    made = {}
    for council, key in ((organisation, "appetite_draft"), (elsewhere, "elsewhere_statement")):
        insurance = User.objects.get(
            groups__name=roles.INSURANCE_MANAGER, profile__organisation=council
        )
        draft = appetite_draft_start(organisation=council, by=insurance)
        appetite_draft_save(statement=draft, by=insurance, summary="", lines=finance)
        if council == elsewhere:
            slt = User.objects.get(groups__name=roles.SLT, profile__organisation=council)
            appetite_approve(statement=draft, by=slt, decided_on=timezone.localdate())
        made[key] = draft
    return made


def _another_council() -> dict[str, object]:
    """A second council on the same installation, with its own SLT, Insurance Manager and
    Internal Audit: they must see nothing of Kingsmere's, nor Kingsmere's people anything of
    theirs (the IDOR between tenants)."""
    council = OrganisationFactory(name="Elsewhere Borough Council", slug="elsewhere")
    chief = person(council, "elsewhere.chief", Seniority.EXECUTIVE, roles=[roles.SLT])
    person(council, "elsewhere.insurance", roles=[roles.INSURANCE_MANAGER])
    person(council, "elsewhere.audit", roles=[roles.INTERNAL_AUDIT])
    register = RegisterFactory(
        organisation=council, name="Elsewhere Corporate Risk Register", prefix="ELS", owner=chief
    )
    return {
        "elsewhere_portfolio": Portfolio.objects.create(
            organisation=council, name="Elsewhere Housing", holder=None
        ),
        "elsewhere_register": register,
        "elsewhere_risk": RiskFactory(register=register, reference="ELS-01", owner=chief),
    }


def _demo_objects(made: dict[str, object]) -> Demo:
    """The objects to sweep: every tier, exempt and closed risks, escalated ones, risks and
    registers in other directorates, each kind of record. Found by tier and flags."""
    organisation = made["corporate"].organisation
    in_org = Register.objects.filter(organisation=organisation)
    outsider_directorate = made["outsider"].profile.directorate
    registers = [
        made["corporate"],
        made["directorate_register"],
        in_org.get(tier=Tier.DIRECTORATE, directorate=outsider_directorate),
        made["service_register"],
        in_org.filter(tier=Tier.SERVICE, directorate=outsider_directorate).order_by("name")[0],
        in_org.filter(tier=Tier.PROJECT, service__isnull=False).order_by("name")[0],
        made["elsewhere_register"],
        # A programme a directorate holds, which its director opened (demo/).
        in_org.filter(tier=Tier.PROJECT, service__isnull=True, kind=Kind.PROGRAMME)[0],
    ]
    risks_in_org = Risk.objects.filter(register__organisation=organisation).order_by("reference")
    proposals = list(Proposal.objects.filter(to_register__organisation=organisation))
    open_to_directorate = next(
        p for p in proposals if p.is_open and p.to_register.tier == Tier.DIRECTORATE
    )
    open_to_corporate = next(
        p
        for p in proposals
        if p.is_open and not p.is_closure and p.to_register.tier == Tier.CORPORATE
    )
    accepted = next(p for p in proposals if p.status == ProposalStatus.ACCEPTED)
    corporate_open = risks_in_org.open().filter(register__tier=Tier.CORPORATE, exempt=False)
    risks = [
        corporate_open[0],
        risks_in_org.open().filter(register__tier=Tier.CORPORATE, exempt=True)[0],
        risks_in_org.filter(register__tier=Tier.CORPORATE, status=RiskStatus.CLOSED)[0],
        open_to_corporate.risk,  # a directorate risk waiting for SLT
        risks_in_org.open().filter(register=registers[2])[0],  # another directorate's
        accepted.risk,  # escalated from a service onto its directorate register
        open_to_directorate.risk,  # a service risk waiting for its director
        made["officer_risk"],  # owned by an officer; one action owned outside the directorate
        Risk.objects.get(pk=made["closed_service_risk"].pk),  # closed since it was found
        risks_in_org.open().filter(register=registers[5])[0],  # a project's
        made["elsewhere_risk"],
    ]
    actions = [
        made["outsider_action"],
        made["officer_risk"].actions.exclude(pk=made["outsider_action"].pk).first(),
        Action.objects.filter(risk=corporate_open[0]).first(),
        Action.objects.filter(risk=made["closed_service_risk"]).first(),
    ]
    first_of_each_recipient = {}
    for notification in Notification.objects.filter(recipient__profile__organisation=organisation):
        first_of_each_recipient.setdefault(notification.recipient_id, notification)
    open_action = Action.objects.filter(
        pk=made["outsider_action"].pk, status=ActionStatus.OPEN
    ).get()
    controls = [
        Action.objects.filter(risk=risk, kind=ActionKind.CONTROL).order_by("pk").first()
        for risk in (corporate_open[0], made["officer_risk"], made["closed_service_risk"])
    ]
    return Demo(
        registers=registers,
        risks=risks,
        actions=[action for action in actions if action is not None],
        proposals=proposals,
        notifications=list(first_of_each_recipient.values()),
        reports=list(made["corporate"].reports.all())
        + list(made["service_register"].reports.all())
        + list(made["directorate_register"].reports.all()),
        uploads=list(ImportUpload.objects.filter(register__organisation=organisation)),
        portfolios=[
            *Portfolio.objects.filter(organisation=organisation),
            made["elsewhere_portfolio"],
        ],
        challenges=[made["open_challenge"]],
        new_risks=list(NewRiskProposal.objects.filter(register__organisation=organisation)),
        controls=[control for control in controls if control is not None],
        appetite_statements=[
            *AppetiteStatement.objects.filter(organisation=organisation).order_by("version"),
            made["elsewhere_statement"],
        ],
        targets={
            "corporate_register": made["corporate"],
            "open_new_risk": NewRiskProposal.objects.get(
                register__organisation=organisation, status=ProposalStatus.OPEN
            ),
            "service_register": made["service_register"],
            "upload": (made["upload"].register, made["upload"]),
            "pending_report": made["pending_report"],
            "service_risk": made["officer_risk"],
            "open_action": open_action,
            "open_control": controls[1],
            "proposable_risk": made["officer_risk"],
            "escalated_risk": accepted.risk,
            "corporate_risk": corporate_open.exclude(proposals__status=ProposalStatus.OPEN)[0],
            "open_proposal": open_to_directorate,
            "open_challenge": made["open_challenge"],
            "notification": open_to_corporate.notifications.order_by("pk").first(),
            "organisation": organisation,
            "portfolio": Portfolio.objects.filter(organisation=organisation).order_by("name")[0],
            "closable_register": made["closable_register"],
            "directorate": made["directorate_register"].directorate,
            "access_token": made["access_token"],
            "appetite_draft": made["appetite_draft"],
        },
    )


def _cast(demo: Demo, made: dict[str, object]) -> list[str]:
    """Who sweeps: everyone with an organisation-wide role (SLT, the Insurance Manager, the
    statutory officers, Internal Audit, the committee member, in both councils) and the
    administrator; every person tied to a swept object (owners of its register, risk or
    action, proposers, reporters, uploaders, recipients); and, as strangers, a director, a
    head of service and an officer tied to none of them, and an officer of another service in
    the first service register's directorate. Other directors, heads and officers stand as
    these do towards every swept object (``ACCESS_SWEEP_EVERYONE=1`` checks that)."""
    roles_wide = roles.SEE_EVERY_REGISTER + roles.READ_ONLY + (roles.SLT,)
    wide = User.objects.filter(Q(groups__name__in=roles_wide) | Q(is_superuser=True))
    tied = {register.owner_id for register in demo.registers}
    tied |= {risk.owner_id for risk in demo.risks} | {risk.register.owner_id for risk in demo.risks}
    tied |= {action.owner_id for action in demo.actions}
    tied |= {control.owner_id for control in demo.controls}
    tied |= {proposal.proposed_by_id for proposal in demo.proposals}
    tied |= {report.reported_by_id for report in demo.reports}
    tied |= {challenge.raised_by_id for challenge in demo.challenges}
    tied |= {proposal.proposed_by_id for proposal in demo.new_risks}
    tied |= {proposal.proposed_owner_id for proposal in demo.new_risks}
    tied |= {upload.uploaded_by_id for upload in demo.uploads}
    tied |= {notification.recipient_id for notification in demo.notifications}
    in_organisation = User.objects.filter(profile__organisation=made["corporate"].organisation)
    untied = in_organisation.exclude(pk__in=tied).order_by("username")
    strangers = [
        untied.filter(groups__name=roles.DIRECTORS).first(),
        untied.filter(groups__name=roles.HEADS_OF_SERVICE).first(),
        untied.filter(groups__name=roles.RISK_OWNERS).first(),
        untied.filter(
            groups__name=roles.RISK_OWNERS,
            profile__directorate=made["service_register"].directorate,
        )
        .exclude(profile__service=made["service_register"].service)
        .first(),
    ]
    people = {*wide, *User.objects.filter(pk__in=tied - {None}), *filter(None, strangers)}
    if os.environ.get("ACCESS_SWEEP_EVERYONE"):  # every demo person: slower, same rules
        people |= set(in_organisation)
    # The organisation-wide roles first, then by seniority: the order failures are listed in.
    return [
        user.username
        for user in sorted(
            people,
            key=lambda user: (
                user not in wide,
                -(user.profile.seniority if hasattr(user, "profile") else 99),
                user.username,
            ),
        )
    ]


@pytest.fixture(scope="module")
def sweep(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        organisation = Organisation.objects.get(slug=ORGANISATION_SLUG)
        # The packs are made from quarters SLT approved: the demo's history has them.
        assert approved_quarters(organisation=organisation)
        made = _add_what_the_demo_lacks(today=timezone.localdate()) | _another_council()
        made |= _appetite(organisation, made["elsewhere_register"].organisation)
        demo = _demo_objects(made)
        usernames = _cast(demo, made)
        clients = {ANONYMOUS: Client()}
        tokens = {}
        for user in User.objects.filter(username__in=usernames):
            clients[user.username] = Client()
            clients[user.username].force_login(user)
            tokens[user.username] = token_create(user=user, name="Sweep", lifetime_days=30)[1]
        yield Sweep(demo, usernames, clients, tokens)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def refusals_not_logged(caplog):
    """Thousands of refusals are the point here: keep their warnings (and tracebacks) out of
    the output. riskreg/security.py's logging has its own tests."""
    for name in ("django.request", "riskreg.security"):
        caplog.set_level(logging.ERROR, logger=name)


@pytest.fixture(autouse=True)
def pdfs_not_rendered(monkeypatch):
    """The sweep asks who may read a PDF, not how it looks (tests/reports render them): the
    views check the reader first, then these make the bytes."""
    monkeypatch.setattr("reports.views.packs.slt_pack_pdf", lambda **kwargs: b"%PDF-sweep")
    monkeypatch.setattr("reports.packs.stored.slt_pack_pdf", lambda **kwargs: b"%PDF-sweep")
    monkeypatch.setattr(
        "reports.views.register_pack.register_pack_pdf", lambda **kwargs: b"%PDF-sweep"
    )
    monkeypatch.setattr(
        "reports.views.committee.committee_report_pdf", lambda **kwargs: b"%PDF-sweep"
    )
    monkeypatch.setattr("reports.collation.collation_pdf", lambda **kwargs: b"%PDF-sweep")
    monkeypatch.setattr("reports.circulation.register_pack_pdf", lambda **kwargs: b"%PDF-sweep")
    monkeypatch.setattr(
        "reports.views.portfolio_pack.portfolio_pack_pdf", lambda **kwargs: b"%PDF-sweep"
    )


def url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    """Every named URL pattern of the project, as ``namespace:name``."""
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in NOT_SWEPT:
                names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"{entry.pattern} has no name, so the sweep cannot know it"
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_url_pattern_has_a_rule():
    """A new view cannot be added without saying who may open it."""
    names = url_names()
    assert names - RULES.keys() == set(), "URL patterns with no row in tests/access_rules.py"
    assert RULES.keys() - names == set(), "rows of tests/access_rules.py with no URL pattern"


# Views that take a POST but are not in the POST sweep: signing in and out, one's own second
# factor, changing one's own password and keeping one's session alive concern only the person
# doing it (tests/accounts); marking all one's notifications read has its own test below.
POSTED_ELSEWHERE = {
    "login",
    "accounts:verify",
    "accounts:two-factor-setup",
    "accounts:recovery-codes-renew",
    "accounts:two-factor-remove",
    "logout",
    "password_change",
    "session-keepalive",
    "escalation:notifications-read",
}


def test_every_view_that_takes_a_post_is_in_the_post_sweep(sweep):
    """A view that takes a POST (anything but 405 to one) must be in tests/access_rules.py's
    POSTS: the committee member, who changes nothing, finds out which do."""
    reader = User.objects.filter(groups__name=roles.COMMITTEE, username__in=sweep.usernames)
    client = sweep.clients[reader.first().username]
    takes_post = set()
    for name, rule in RULES.items():
        if name not in POSTED_ELSEWHERE:
            obj = next(iter(rule.objects(sweep.demo)))
            if client.post(rule.url(obj)).status_code != POST_ONLY:
                takes_post.add(name)
    swept = {name for name, post in POSTS.items() if post.method == "post"}
    assert takes_post == swept


def _describe(status: int) -> str:
    return {
        OK: "200 allowed",
        REDIRECT: "302 redirect",
        403: "403 forbidden",
        404: "404 not found",
        POST_ONLY: "405 POST only",
    }.get(status, str(status))


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_person_gets_what_the_rules_say(sweep, name):
    rule = RULES[name]
    login = reverse("login")
    wrong = []
    for label, user in sweep.people().items():
        client = sweep.clients[label]
        for obj in rule.objects(sweep.demo):
            url = rule.url(obj)
            expected = rule.anonymous if label == ANONYMOUS else rule.expect(user, obj)
            response = client.get(url)
            got = response.status_code
            if got == expected == REDIRECT and label == ANONYMOUS:
                if not response["Location"].startswith(f"{login}?next="):
                    wrong.append(f"{label} GET {url}: sent to {response['Location']}, not sign-in")
            elif got != expected:
                wrong.append(
                    f"{label} GET {url}: {_describe(got)}, rules say {_describe(expected)}"
                )
    assert not wrong, f"{len(wrong)} answers differ from the rules:\n" + "\n".join(wrong)


@pytest.mark.parametrize("query", ["risk", "the council"])
def test_search_and_risks_across_list_only_what_each_person_may_see(sweep, query):
    """The two pages that gather risks from many registers: every risk and action they list is
    one the person may open (registers/permissions.py), whoever they are."""
    wrong = []
    for label, user in sweep.people().items():
        if label == ANONYMOUS:
            continue
        client = sweep.clients[label]
        results = client.get(reverse("registers:search"), {"q": query}).context["results"]
        listed = [risk for group in results.groups for risk in group.risks]
        listed += [action.risk for group in results.groups for action in group.actions]
        exported = client.get(reverse("registers:risks-across-export")).content.decode()
        references = {line.split(",")[0].lstrip("\ufeff") for line in exported.splitlines()[1:]}
        listed += list(Risk.objects.filter(reference__in=references).select_related("register"))
        for risk in listed:
            if not permissions.can_view_risk(user, risk):
                wrong.append(f"{label} is shown {risk.reference}")
        for register in results.registers:
            if not permissions.can_view_register(user, register):
                wrong.append(f"{label} is shown the register {register.name}")
    assert not wrong, "\n".join(wrong)


API_RULES = sorted(
    name for name in RULES if name.startswith("api:") and RULES[name].anonymous != REDIRECT
)


@pytest.mark.parametrize("name", API_RULES)
def test_a_token_answers_as_its_persons_session(sweep, name):
    """The API through a personal access token answers each person as the rules say, as
    their browser session does."""
    rule = RULES[name]
    wrong = []
    for label, user in sweep.people().items():
        if label == ANONYMOUS:
            continue
        key = sweep.token(label)
        for obj in rule.objects(sweep.demo):
            url = rule.url(obj)
            got = sweep.clients[ANONYMOUS].get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
            expected = rule.expect(user, obj)
            if got.status_code != expected:
                wrong.append(f"{label} token GET {url}: {got.status_code}, rules say {expected}")
    assert not wrong, "\n".join(wrong)


def _api_ids(client: Client, url: str, **params) -> set[int]:
    response = client.get(url, {"page_size": 1000, **params})
    assert response.status_code == OK, (url, response.content[:300])
    data = response.json()
    assert data["next"] is None, f"{url}: more than a page"
    return {row["id"] for row in data["results"]}


def test_the_api_lists_exactly_what_each_person_may_see(sweep):
    """Every register, risk (open and closed) and action of the person's organisation that the
    browser would show them, and nothing else: the lists, not only the statuses."""
    from registers import permissions

    wrong = []
    for label, user in sweep.people().items():
        if label == ANONYMOUS or not hasattr(user, "profile"):
            continue
        client = sweep.clients[label]
        organisation = user.profile.organisation
        in_org = Risk.objects.filter(register__organisation=organisation).select_related("register")
        risks = {risk.pk for risk in in_org if permissions.can_view_risk(user, risk)}
        registers = set(permissions.visible_registers(user).values_list("pk", flat=True))
        actions = set(Action.objects.filter(risk__in=risks).values_list("pk", flat=True))
        listed = _api_ids(client, reverse("api:risk-list"), status="all")
        if listed != risks:
            wrong.append(
                f"{label}: the risks listed differ from those they may see: "
                f"{len(listed - risks)} listed they may not, {len(risks - listed)} not listed"
            )
        if _api_ids(client, reverse("api:register-list")) != registers:
            wrong.append(f"{label}: the registers listed differ from those they may open")
        if _api_ids(client, reverse("api:action-list")) != actions:
            wrong.append(f"{label}: the actions listed differ from those of risks they may see")
    assert not wrong, "\n".join(wrong)


def _tables() -> list[str]:
    """Every table the app writes to (its own apps, history included)."""
    labels = {"registers", "escalation", "reminders", "reports", "scoring", "auth", "api"}
    return sorted(
        model._meta.db_table for model in apps.get_models() if model._meta.app_label in labels
    )


def fingerprint(target=None) -> tuple:
    """Row counts of every table, the number of unread notifications and the target's row:
    a change through the app writes a row (history), reads a notification or changes the
    object it was asked to change."""
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in _tables())
    unread = f"(SELECT COUNT(*) FROM {quote(Notification._meta.db_table)} WHERE read_at IS NULL)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}, {unread}")
        counted = tuple(cursor.fetchone())
    if isinstance(target, tuple):  # an address (register, upload): the upload
        target = target[-1]
    if target is None:
        return counted
    return counted, type(target).objects.filter(pk=target.pk).values().first()


def _form_errors(response) -> list:
    """The errors of the forms on a page that refused a post (to say what to fix)."""
    contexts = response.context or []
    contexts = contexts if isinstance(contexts, list) else [contexts]
    forms = {id(v): v for c in contexts for v in c.flatten().values() if hasattr(v, "errors")}
    return [form.errors for form in forms.values() if form.errors]


def _request(client: Client, post, url: str, obj):
    if post.method == "get":
        return client.get(url)
    return client.post(url, post.data(obj))


@pytest.mark.parametrize("name", sorted(POSTS))
def test_refused_people_change_nothing(sweep, name):
    post = POSTS[name]
    target = sweep.demo.targets[post.target]
    url = post.url(target)
    wrong, allowed = [], []
    before = fingerprint(target)
    for label, user in sweep.people().items():
        if label == ANONYMOUS:
            expected = REDIRECT  # to sign in
        else:
            expected = post.expect(user, target)
            if expected == CHANGED:
                allowed.append(label)
                continue
        got = _request(sweep.clients[label], post, url, target).status_code
        if got != expected:
            wrong.append(f"{label} {post.method.upper()} {url}: {got}, rules say {expected}")
        if fingerprint(target) != before:
            wrong.append(f"{label} {post.method.upper()} {url} changed the database")
            before = fingerprint(target)
    assert not wrong, "\n".join(wrong)

    # The request is one that works: the first person allowed makes the change.
    assert allowed, f"nobody may {name}: the sweep's target cannot show a refusal matters"
    client = sweep.clients[allowed[0]]
    if post.after:
        first = POSTS[post.after]
        assert _request(client, first, first.url(target), target).status_code == CHANGED
        before = fingerprint(target)
    response = _request(client, post, url, target)
    assert response.status_code == CHANGED, (allowed[0], _form_errors(response))
    if not post.session_only:
        assert fingerprint(target) != before, f"{allowed[0]}'s {name} changed nothing"


def test_marking_notifications_read_marks_only_ones_own(sweep):
    unread = Notification.objects.filter(read_at__isnull=True)
    for label in sweep.usernames:
        others_unread = set(unread.exclude(recipient__username=label).values_list("pk", flat=True))
        response = sweep.clients[label].post(reverse("escalation:notifications-read"))
        assert response.status_code == REDIRECT
        assert not unread.filter(recipient__username=label).exists()
        assert set(unread.values_list("pk", flat=True)) == others_unread, label
