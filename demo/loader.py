"""Build the demo organisation from its content in ``demo.council``.

Idempotent: everything is looked up by a natural key (slug, username, prefix, reference) and
only what is missing is created, so a second run changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.utils import timezone

from demo.committee import load_closure_proposal, load_committee_words
from demo.escalations import load_escalation_demo
from demo.history import load_demo_history
from demo.oversight import load_demo_oversight
from demo.portfolios import CABINET_MEMBERS, load_demo_portfolios
from demo.types import DirectorateSeed, RiskSeed, ServiceSeed
from registers import roles
from registers.due import add_months
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Directorate,
    Organisation,
    Profile,
    Register,
    Risk,
    Service,
    Tier,
)
from registers.services import save_with_history
from scoring.matrix import Seniority
from scoring.models import Scheme

DEMO_PASSWORD = "kingsmere-demo"
ORGANISATION_NAME = "Kingsmere City Council"
ORGANISATION_SLUG = "kingsmere"
EMAIL_DOMAIN = "kingsmere.example"

# The organisation-wide roles (docs/domain.md#roles), as (username, first, last, title,
# seniority, groups, directorate slug or None).
ROLE_USERS = (
    (
        "chief.executive",
        "Helen",
        "Okafor",
        "Chief Executive",
        Seniority.EXECUTIVE,
        [roles.SLT],
        None,
    ),
    (
        "insurance.manager",
        "Martin",
        "Doyle",
        "Insurance and Risk Manager",
        Seniority.SERVICE_LEADERSHIP,
        [roles.INSURANCE_MANAGER],
        "finance-resources",
    ),
    (
        "s151.officer",
        "Rachel",
        "Bennett",
        "Chief Financial Officer (Section 151 Officer)",
        Seniority.DIRECTOR,
        [roles.S151_OFFICER, roles.SLT],
        "finance-resources",
    ),
    (
        "monitoring.officer",
        "Simon",
        "Achebe",
        "Chief Legal Officer (Monitoring Officer)",
        Seniority.DIRECTOR,
        [roles.MONITORING_OFFICER, roles.SLT],
        "law-governance",
    ),
    (
        "internal.audit",
        "Karen",
        "Walsh",
        "Chief Internal Auditor",
        Seniority.SERVICE_LEADERSHIP,
        [roles.INTERNAL_AUDIT],
        None,
    ),
    *CABINET_MEMBERS,
    (
        "committee.member",
        "Cllr Peter",
        "Lindqvist",
        "Chair, Audit and Procurement Committee",
        Seniority.OFFICER,
        [roles.COMMITTEE],
        None,
    ),
)


def demo_content() -> tuple[tuple[DirectorateSeed, ...], tuple[RiskSeed, ...]]:
    from demo.council import CORPORATE_RISKS, DIRECTORATES

    return DIRECTORATES, CORPORATE_RISKS


def prefix_from(name: str, taken: set[str], *, lead: str = "") -> str:
    """A short unique reference prefix from a name's initials (Adult Social Care -> ASC)."""
    words = [
        w for w in re.split(r"[^A-Za-z]+", name) if w and w.lower() not in {"and", "of", "the"}
    ]
    base = lead + ("".join(w[0] for w in words) if len(words) > 1 else words[0][:4]).upper()
    candidate, suffix = base, 2
    while candidate in taken:
        candidate, suffix = f"{base}{suffix}", suffix + 1
    taken.add(candidate)
    return candidate


@dataclass
class DemoLoad:
    today: date
    password_hash: str
    admin: object = None
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool) -> None:
        if created:
            self.created[what] = self.created.get(what, 0) + 1


@dataclass(frozen=True)
class DemoCouncil:
    """What every register of the demo organisation is built from: the organisation, its role
    groups, the people any register may name as an owner (by username, and each director as
    ``director:<slug>``), and the reference prefixes already taken."""

    organisation: Organisation
    groups: dict[str, Group]
    people: dict[str, object]
    taken_prefixes: set[str]


@transaction.atomic
def load_demo(*, today: date | None = None) -> dict[str, int]:
    """Create whatever of the demo organisation is missing; return counts of what was created."""
    load = DemoLoad(today=today or timezone.localdate(), password_hash=make_password(DEMO_PASSWORD))
    directorate_seeds, corporate_risks = demo_content()

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
    organisation = _organisation(load=load)
    load.admin = _user(
        load,
        "admin",
        "Demo",
        "Administrator",
        "System administrator",
        organisation,
        Seniority.OFFICER,
        [],
        superuser=True,
    )
    directorates = _directorates(load=load, organisation=organisation, seeds=directorate_seeds)
    people = _role_users(
        load=load, organisation=organisation, groups=groups, directorates=directorates
    )
    directors = _directors(
        load=load,
        organisation=organisation,
        groups=groups,
        seeds=directorate_seeds,
        directorates=directorates,
    )
    people.update({f"director:{slug}": user for slug, user in directors.items()})
    council = DemoCouncil(
        organisation=organisation,
        groups=groups,
        people=people,
        taken_prefixes=set(Register.objects.values_list("prefix", flat=True)),
    )
    _corporate_register(load=load, council=council, seeds=corporate_risks)
    for position, seed in enumerate(directorate_seeds):
        _directorate_registers(
            load=load,
            council=council,
            seed=seed,
            position=position,
            directorate=directorates[seed.slug],
            director=directors[seed.slug],
        )
    for _ in range(load_escalation_demo(organisation=organisation)):
        load.count("escalation proposals", True)
    # After the escalations: the history places an escalated risk on its first register.
    for _ in range(load_demo_history(organisation=organisation, today=load.today, by=load.admin)):
        load.count("quarterly snapshots", True)
    for _ in range(load_closure_proposal(organisation=organisation, today=load.today)):
        load.count("closure proposals", True)
    for _ in range(load_committee_words(organisation=organisation, today=load.today)):
        load.count("committee report words", True)
    for _ in range(load_demo_oversight(organisation=organisation, today=load.today)):
        load.count("Section 151 reviews", True)
    for _ in range(load_demo_portfolios(organisation=organisation, by=load.admin)):
        load.count("Cabinet portfolios", True)
    return load.created


def _organisation(*, load: DemoLoad) -> Organisation:
    """The demo organisation, on the default scoring scheme."""
    scheme = Scheme.objects.get(is_default=True)
    organisation, created = Organisation.objects.get_or_create(
        slug=ORGANISATION_SLUG, defaults={"name": ORGANISATION_NAME, "scheme": scheme}
    )
    load.count("organisations", created)
    return organisation


def _directorates(
    *, load: DemoLoad, organisation: Organisation, seeds: tuple[DirectorateSeed, ...]
) -> dict[str, Directorate]:
    """The organisation's directorates, by slug."""
    directorates = {}
    for seed in seeds:
        directorate, created = Directorate.objects.get_or_create(
            organisation=organisation, slug=seed.slug, defaults={"name": seed.name}
        )
        load.count("directorates", created)
        directorates[seed.slug] = directorate
    return directorates


def _role_users(
    *,
    load: DemoLoad,
    organisation: Organisation,
    groups: dict[str, Group],
    directorates: dict[str, Directorate],
) -> dict[str, object]:
    """The people in the organisation-wide roles, by username."""
    return {
        username: _user(
            load,
            username,
            first,
            last,
            title,
            organisation,
            seniority,
            [groups[g] for g in group_names],
            directorate=directorates.get(directorate_slug),
        )
        for username, first, last, title, seniority, group_names, directorate_slug in ROLE_USERS
    }


def _directors(
    *,
    load: DemoLoad,
    organisation: Organisation,
    groups: dict[str, Group],
    seeds: tuple[DirectorateSeed, ...],
    directorates: dict[str, Directorate],
) -> dict[str, object]:
    """Each directorate's director, by the directorate's slug."""
    return {
        seed.slug: _user(
            load,
            f"director.{seed.slug}",
            *seed.director,
            f"Director of {seed.name}",
            organisation,
            Seniority.DIRECTOR,
            # Directors sit on SLT with the chief executive and the statutory officers, as in
            # most councils (docs/domain.md#roles).
            [groups[roles.DIRECTORS], groups[roles.SLT]],
            directorate=directorates[seed.slug],
        )
        for seed in seeds
    }


def _corporate_register(
    *, load: DemoLoad, council: DemoCouncil, seeds: tuple[RiskSeed, ...]
) -> None:
    """The corporate register, the chief executive's, with its risks."""
    chief = council.people["chief.executive"]
    corporate = _register(
        load,
        organisation=council.organisation,
        tier=Tier.CORPORATE,
        name="Corporate Risk Register",
        prefix="CRR",
        owner=chief,
        interval=3,
        approved_days_ago=48,
        approver=chief,
    )
    _risks(load, corporate, seeds, council.people, default_owner=chief)


def _directorate_registers(
    *,
    load: DemoLoad,
    council: DemoCouncil,
    seed: DirectorateSeed,
    position: int,
    directorate: Directorate,
    director: AbstractBaseUser,
) -> None:
    """A directorate's register (its director's, approved a little longer ago for each
    directorate down the list) with its risks, then its services' registers."""
    register = _register(
        load,
        organisation=council.organisation,
        tier=Tier.DIRECTORATE,
        directorate=directorate,
        name=f"{seed.name} Directorate Risk Register",
        prefix=f"DIR-{seed.slug.split('-')[0].upper()[:12]}",
        owner=director,
        interval=3,
        approved_days_ago=30 + 25 * position,
        approver=director,
    )
    _risks(
        load, register, seed.risks, council.people | {"director": director}, default_owner=director
    )
    for index, service_seed in enumerate(seed.services):
        _service_registers(
            load=load,
            council=council,
            seed=service_seed,
            index=index,
            directorate=directorate,
            director=director,
        )


def _service_registers(
    *,
    load: DemoLoad,
    council: DemoCouncil,
    seed: ServiceSeed,
    index: int,
    directorate: Directorate,
    director: AbstractBaseUser,
) -> None:
    """A service with its head (and its risk-owning officer, if any), its register and
    risks, and its projects' registers and risks."""
    service, created = Service.objects.get_or_create(
        directorate=directorate, slug=seed.slug, defaults={"name": seed.name}
    )
    load.count("services", created)
    owners = _service_owners(
        load=load,
        council=council,
        seed=seed,
        directorate=directorate,
        service=service,
        director=director,
    )
    head = owners["head"]
    # Some registers were approved recently, some are overdue, one never approved.
    approved = None if index == 3 else [20, 70, 130][index % 3]
    register = _register(
        load,
        organisation=council.organisation,
        tier=Tier.SERVICE,
        directorate=directorate,
        service=service,
        name=f"{seed.name} Service Risk Register",
        prefix=partial(prefix_from, seed.name, council.taken_prefixes),
        owner=head,
        interval=3,
        approved_days_ago=approved,
        approver=head,
    )
    _risks(load, register, seed.risks, owners, default_owner=head)
    for project_seed in seed.projects:
        project = _register(
            load,
            organisation=council.organisation,
            tier=Tier.PROJECT,
            directorate=directorate,
            service=service,
            name=f"{project_seed.name} Project Risk Register",
            prefix=partial(prefix_from, project_seed.name, council.taken_prefixes, lead="PRJ-"),
            owner=head,
            interval=1,
            approved_days_ago=12,
            approver=head,
        )
        _risks(load, project, project_seed.risks, owners, default_owner=head)


def _service_owners(
    *,
    load: DemoLoad,
    council: DemoCouncil,
    seed: ServiceSeed,
    directorate: Directorate,
    service: Service,
    director: AbstractBaseUser,
) -> dict[str, object]:
    """Who may own a service's risks: anyone the organisation-wide roles name, the
    directorate's director, the service's head and, if it has one, its risk-owning officer."""
    head = _user(
        load,
        f"head.{seed.slug}",
        *seed.head,
        f"Head of {seed.name}",
        council.organisation,
        Seniority.SERVICE_LEADERSHIP,
        [council.groups[roles.HEADS_OF_SERVICE]],
        directorate=directorate,
        service=service,
    )
    owners = council.people | {"director": director, "head": head}
    if seed.officer:
        first, last = seed.officer
        owners["officer"] = _user(
            load,
            f"owner.{first.lower()}",
            first,
            last,
            f"{seed.name} Manager",
            council.organisation,
            Seniority.OFFICER,
            [council.groups[roles.RISK_OWNERS]],
            directorate=directorate,
            service=service,
        )
    return owners


def _user(
    load,
    username,
    first,
    last,
    title,
    organisation,
    seniority,
    groups,
    *,
    directorate=None,
    service=None,
    superuser=False,
):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@{EMAIL_DOMAIN}",
            "password": load.password_hash,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    load.count("users", created)
    # An existing demo person gains a role the demo has since given them (directors joining
    # SLT); nothing is taken away.
    user.groups.add(*groups)
    if created:
        Profile.objects.create(
            user=user,
            organisation=organisation,
            directorate=directorate,
            service=service,
            job_title=title,
            seniority=seniority,
        )
    return user


def _register(
    load,
    *,
    organisation,
    tier,
    name,
    prefix,
    owner,
    interval,
    approved_days_ago,
    approver,
    directorate=None,
    service=None,
):
    """The register at this place in the tree, created if missing.

    Looked up by its place (and name, for projects), never by prefix: a prefix is only worked
    out (``prefix`` may be a callable) when the register is created.
    """
    place = {
        "organisation": organisation,
        "tier": tier,
        "directorate": directorate,
        "service": service,
    }
    if tier == Tier.PROJECT:
        place["name"] = name
    register = Register.objects.filter(**place).first()
    if register:
        return register
    approved_at = None
    if approved_days_ago is not None:
        approved_at = timezone.now() - timedelta(days=approved_days_ago)
    register = Register(
        **(place | {"name": name}),
        prefix=prefix() if callable(prefix) else prefix,
        owner=owner,
        review_interval_months=interval,
        last_approved_at=approved_at,
        last_approved_by=approver if approved_at else None,
    )
    save_with_history(register, by=load.admin, reason="Demo organisation")
    load.count("registers", True)
    return register


def _risks(load, register, seeds, owners, *, default_owner):
    for number, seed in enumerate(seeds, start=1):
        reference = f"{register.prefix}-{number:02d}"
        if Risk.objects.filter(reference=reference).exists():
            continue
        owner = owners.get(seed.owner, default_owner)
        next_review = load.today + timedelta(days=seed.review_in_days)
        risk = Risk(
            register=register,
            organisation_id=register.organisation_id,
            reference=reference,
            title=seed.title,
            event=seed.event,
            consequence=seed.consequence,
            impact=seed.impact,
            category=seed.category,
            owner=owner,
            inherent_likelihood=seed.inherent[0],
            inherent_impact=seed.inherent[1],
            residual_likelihood=seed.residual[0],
            residual_impact=seed.residual[1],
            target_likelihood=seed.target[0] if seed.target else None,
            target_impact=seed.target[1] if seed.target else None,
            target_date=(
                load.today + timedelta(days=seed.target_in_days)
                if seed.target and seed.target_in_days is not None
                else None
            ),
            response=seed.response,
            response_rationale=seed.rationale,
            horizon=seed.horizon,
            **seed.finance_fields(),
            next_review_due=next_review,
            last_reviewed_on=add_months(next_review, -register.review_interval_months),
        )
        save_with_history(risk, by=load.admin, reason="Demo organisation")
        load.count("risks", True)
        _mitigations(load, risk, seed, owner)


def _mitigations(load, risk, seed, owner):
    """The risk's controls and actions, owned by its owner."""
    for mitigation in seed.mitigations:
        due = (
            load.today + timedelta(days=mitigation.due_in_days)
            if mitigation.due_in_days is not None
            else None
        )
        action = Action(
            risk=risk,
            kind=mitigation.kind,
            description=mitigation.description,
            owner=owner,
            due_date=due,
            status=mitigation.status,
            completed_on=(
                min(due or load.today, load.today)
                if mitigation.status == ActionStatus.DONE and mitigation.kind == ActionKind.ACTION
                else None
            ),
            cost=mitigation.cost,
            evaluation_notes=mitigation.evaluation,
        )
        save_with_history(action, by=load.admin, reason="Demo organisation")
        load.count("actions", True)
