"""A large synthetic organisation for benchmarks: ``manage.py generate_bench_data --risks N``.

Bulk inserts (with their history rows) so 10,000 risks take seconds, spread over registers the
way a real council's are: a corporate register of about 30, directorate registers of a few
dozen, and the rest on service and project registers.

Every register is then approved by its owner in each of the four quarters before the current
one (``registers.services.register_approve`` with ``at=``, so each approval snapshots the
register as it stood), with some residual scores moving between approvals, so the trends, the
SLT pack and the annual committee report have a year of history to read. Generation stays
deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from demo.loader import DEMO_PASSWORD
from escalation.models import Notification, Proposal
from registers import roles
from registers.history import history_aware_update
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    AppetiteStatement,
    Directorate,
    Horizon,
    Kind,
    Organisation,
    PolicyCategory,
    Profile,
    Register,
    RegisterSnapshot,
    Response,
    Risk,
    RiskCategory,
    RiskMovement,
    Service,
    Tier,
)
from registers.periods import Quarter
from registers.services import register_approve, register_snapshot_take
from scoring.matrix import Seniority
from scoring.models import Scheme

BENCH_SLUG = "bench"
BENCH_NAME = "Benchmark Borough Council"
DIRECTORATES = 8
CORPORATE_RISKS = 30
RISKS_PER_DIRECTORATE_REGISTER = 40
RISKS_PER_SERVICE_REGISTER = 100
QUARTERS = 4


class BenchDataExists(Exception):
    pass


def bench_organisation_delete() -> None:
    """Remove a previous benchmark organisation, children first (everything is PROTECTed)."""
    organisation = Organisation.objects.filter(slug=BENCH_SLUG).first()
    if organisation is None:
        return
    Notification.objects.filter(proposal__to_register__organisation=organisation).delete()
    Proposal.objects.filter(to_register__organisation=organisation).delete()
    RiskMovement.objects.filter(risk__register__organisation=organisation).delete()
    RegisterSnapshot.objects.filter(register__organisation=organisation).delete()
    # The bulk rows and their history go without signals: deleting 30,000 rows one history
    # record at a time would take minutes (nothing else refers to them; anything that did
    # would fail the delete loudly).
    risk_ids = list(
        Risk.objects.filter(register__organisation=organisation).values_list("pk", flat=True)
    )
    for model, field in ((Action, "risk_id"), (Risk, "id")):
        for start in range(0, len(risk_ids), 500):
            chunk = risk_ids[start : start + 500]
            for queryset in (
                model.objects.filter(**{f"{field}__in": chunk}),
                model.history.filter(**{f"{field}__in": chunk}),
            ):
                queryset._raw_delete(queryset.db)
    Register.objects.filter(organisation=organisation).delete()
    users = get_user_model().objects.filter(profile__organisation=organisation)
    user_ids = list(users.values_list("pk", flat=True))
    Profile.objects.filter(organisation=organisation).delete()
    get_user_model().objects.filter(pk__in=user_ids).delete()
    Service.objects.filter(directorate__organisation=organisation).delete()
    Directorate.objects.filter(organisation=organisation).delete()
    AppetiteStatement.objects.filter(organisation=organisation).delete()
    RiskCategory.objects.filter(organisation=organisation).delete()
    organisation.delete()


@dataclass(frozen=True, slots=True)
class _Shares:
    """How many risks each tier holds, and how many services each directorate has so that no
    service register holds more than about ``RISKS_PER_SERVICE_REGISTER``."""

    corporate: int
    directorate: int
    remaining: int
    services_per_directorate: int

    @classmethod
    def of(cls, risks: int) -> _Shares:
        corporate = min(CORPORATE_RISKS, risks)
        directorate = min(RISKS_PER_DIRECTORATE_REGISTER * DIRECTORATES, risks - corporate)
        remaining = risks - corporate - directorate
        per_directorate = max(1, -(-remaining // (RISKS_PER_SERVICE_REGISTER * DIRECTORATES)))
        return cls(corporate, directorate, remaining, per_directorate)


@dataclass(frozen=True, slots=True)
class _People:
    """Makes the benchmark organisation's people, each with the demo password."""

    organisation: Organisation
    password: str

    def person(
        self,
        username: str,
        *,
        seniority: Seniority,
        directorate: Directorate | None = None,
        service: Service | None = None,
    ) -> AbstractBaseUser:
        user = get_user_model().objects.create(
            username=username,
            first_name=username.split(".")[0].title(),
            last_name=username.split(".")[-1].title(),
            password=self.password,
        )
        Profile.objects.create(
            user=user,
            organisation=self.organisation,
            directorate=directorate,
            service=service,
            seniority=seniority,
            job_title=username,
        )
        return user


# A register, how many risks it holds, and the people who may own them.
RegisterShare = tuple[Register, int, list]


@transaction.atomic
def generate_bench_data(*, risks: int, seed: int = 2026, replace: bool = False) -> dict[str, int]:
    """Build the benchmark organisation with ``risks`` risks; return row counts."""
    if Organisation.objects.filter(slug=BENCH_SLUG).exists():
        if not replace:
            raise BenchDataExists("The benchmark organisation exists; use --replace.")
        bench_organisation_delete()
    rng = random.Random(seed)
    today = timezone.localdate()
    organisation = Organisation.objects.create(
        name=BENCH_NAME, slug=BENCH_SLUG, scheme=Scheme.objects.get(is_default=True)
    )
    registers = _registers(
        people=_People(organisation, make_password(DEMO_PASSWORD)),
        shares=_Shares.of(risks),
        rng=rng,
    )
    created_risks = _bench_risks(registers=registers, rng=rng, today=today)
    if not created_risks or created_risks[0].pk is None:
        created_risks = list(Risk.objects.filter(register__organisation=organisation))
    _bench_actions(risks=created_risks, rng=rng, today=today)
    approve_quarters(
        registers=[register for register, _, _ in registers],
        risk_ids=sorted(risk.pk for risk in created_risks),
        today=today,
    )
    return {
        "registers": Register.objects.filter(organisation=organisation).count(),
        "risks": Risk.objects.filter(register__organisation=organisation).count(),
        "actions": Action.objects.filter(risk__register__organisation=organisation).count(),
        "snapshots": RegisterSnapshot.objects.filter(register__organisation=organisation).count(),
    }


def _registers(*, people: _People, shares: _Shares, rng: random.Random) -> list[RegisterShare]:
    """The corporate register (the chief executive's), a register for each directorate (its
    director's) and the service and project registers under them, each with its share of
    the risks: the directorates' evenly, the services' unevenly, as real registers are."""
    organisation = people.organisation
    chief = people.person("bench.chief", seniority=Seniority.EXECUTIVE)
    chief.groups.add(Group.objects.get_or_create(name=roles.SLT)[0])
    corporate = Register.objects.create(
        organisation=organisation,
        tier=Tier.CORPORATE,
        name="Corporate Risk Register",
        prefix="BN-CRR",
        owner=chief,
    )
    registers: list[RegisterShare] = []
    directors = []
    service_registers: list[tuple[Register, list]] = []
    for d in range(1, DIRECTORATES + 1):
        directorate = Directorate.objects.create(
            organisation=organisation, name=f"Directorate {d}", slug=f"directorate-{d}"
        )
        director = people.person(
            f"bench.director{d}", seniority=Seniority.DIRECTOR, directorate=directorate
        )
        directors.append(director)
        register = Register.objects.create(
            organisation=organisation,
            tier=Tier.DIRECTORATE,
            directorate=directorate,
            name=f"Directorate {d} Risk Register",
            prefix=f"BN-D{d:02d}",
            owner=director,
        )
        # Share the directorate risks evenly, the first registers taking any remainder.
        share = shares.directorate // DIRECTORATES + (d <= shares.directorate % DIRECTORATES)
        registers.append((register, share, [director]))
        service_registers += _service_registers(
            people=people, number=d, directorate=directorate, director=director, shares=shares
        )
    registers.insert(0, (corporate, shares.corporate, [chief, *directors]))
    weights = [rng.uniform(0.5, 1.5) for _ in service_registers]
    total = sum(weights)
    counts = [int(shares.remaining * w / total) for w in weights]
    if counts:
        counts[0] += shares.remaining - sum(counts)
    registers += [(r, n, owners) for (r, owners), n in zip(service_registers, counts, strict=True)]
    return registers


def _service_registers(
    *,
    people: _People,
    number: int,
    directorate: Directorate,
    director: AbstractBaseUser,
    shares: _Shares,
) -> list[tuple[Register, list]]:
    """Directorate ``number``'s services, each with a head, an officer and a register (every
    fifth a project's), and who may own its risks."""
    made = []
    for s in range(1, shares.services_per_directorate + 1):
        service = Service.objects.create(
            directorate=directorate, name=f"Service {number}.{s}", slug=f"service-{s}"
        )
        head = people.person(
            f"bench.head{number}x{s}",
            seniority=Seniority.SERVICE_LEADERSHIP,
            directorate=directorate,
            service=service,
        )
        officer = people.person(
            f"bench.officer{number}x{s}",
            seniority=Seniority.OFFICER,
            directorate=directorate,
            service=service,
        )
        register = Register.objects.create(
            organisation=people.organisation,
            tier=Tier.PROJECT if s % 5 == 0 else Tier.SERVICE,
            kind=Kind.PROJECT if s % 5 == 0 else "",
            directorate=directorate,
            service=service,
            name=f"Service {number}.{s} Risk Register",
            prefix=f"BN-S{number:02d}{s:03d}",
            owner=head,
        )
        made.append((register, [head, officer, director]))
    return made


def _bench_risks(*, registers: list[RegisterShare], rng: random.Random, today: date) -> list[Risk]:
    """Each register's share of risks, scored at random (the residual never above the
    inherent), bulk-inserted with their history rows."""
    categories, responses, horizons = PolicyCategory.values, Response.values, Horizon.values
    risk_rows = []
    for register, count, owners in registers:
        for number in range(1, count + 1):
            il, ii = rng.randint(2, 5), rng.randint(2, 5)
            rl, ri = rng.randint(1, il), rng.randint(1, ii)
            response = rng.choice(responses)
            risk_rows.append(
                Risk(
                    register=register,
                    organisation_id=register.organisation_id,
                    reference=f"{register.prefix}-{number:03d}",
                    title=f"Risk {number} on {register.name}",
                    event=f"If event {number} happens",
                    consequence="there may be a consequence",
                    impact="resulting in an impact",
                    category=rng.choice(categories),
                    owner=rng.choice(owners),
                    inherent_likelihood=il,
                    inherent_impact=ii,
                    residual_likelihood=rl,
                    residual_impact=ri,
                    response=response,
                    response_rationale="Low and stable" if response == Response.TOLERATE else "",
                    horizon=rng.choice(horizons),
                    next_review_due=today + timedelta(days=rng.randint(-30, 90)),
                )
            )
    return bulk_create_with_history(
        risk_rows, Risk, batch_size=1000, default_change_reason="Benchmark data"
    )


def _bench_actions(*, risks: list[Risk], rng: random.Random, today: date) -> None:
    """A control in place and a planned action on every risk, bulk-inserted with their
    history rows."""
    action_rows = []
    for risk in risks:
        action_rows.append(
            Action(
                risk=risk,
                kind=ActionKind.CONTROL,
                description="Control in place",
                owner=risk.owner,
                status=ActionStatus.DONE,
            )
        )
        action_rows.append(
            Action(
                risk=risk,
                kind=ActionKind.ACTION,
                description="Planned action",
                owner=risk.owner,
                status=rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
                due_date=today + timedelta(days=rng.randint(-20, 120)),
            )
        )
    bulk_create_with_history(
        action_rows, Action, batch_size=2000, default_change_reason="Benchmark data"
    )


def _rescore(ids: list[int], change: int) -> None:
    """Move these risks' residual likelihood by ``change`` within 1 to 5, as a correction of
    the record: their (single, bulk-created) history row moves with them, so the history still
    ends at the risk's scores."""
    if change > 0:
        bounds = {"residual_likelihood__lte": 5 - change}
    else:
        bounds = {"residual_likelihood__gte": 1 - change}
    history_aware_update(
        Risk,
        {"pk__in": ids, **bounds},
        residual_likelihood=F("residual_likelihood") + change,
    )


def approve_quarters(*, registers: list[Register], risk_ids: list[int], today) -> None:
    """Each register's owner approves it near the end of each of the ``QUARTERS`` quarters
    before the current one, oldest first: snapshots for the earlier quarters, the full approval
    (with the register's history row) for the latest. Between approvals about one risk in seven
    moves a likelihood point up and one in eleven a point down, so trends go both ways."""
    quarters = Quarter.containing(today).previous.last(QUARTERS)
    for index, quarter in enumerate(quarters):
        if index:
            _rescore(risk_ids[index::7], +1)
            _rescore(risk_ids[index + 3 :: 11], -1)
        day = quarter.end - timedelta(days=8)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        at = timezone.make_aware(datetime.combine(day, time(10)))
        for register in registers:
            if quarter == quarters[-1]:
                register_approve(register=register, by=register.owner, at=at)
            else:
                register_snapshot_take(register=register, by=register.owner, at=at)
