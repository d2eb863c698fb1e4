"""Four approved quarters of history for the demo organisation.

The registers' owners approved them near the end of each of the four quarters before the one
the demo is loaded in, so the demo's latest approved quarter is the previous one (loaded on 21
November 2026: 2025/26 Q3 to 2026/27 Q2). The snapshots of past quarters are history: they are
written directly with the scores the risks had then, not taken from the risks as they are now,
the way ``registers.services.register_snapshot_take`` would have frozen them at the time. The
latest quarter's scores are the risks' current ones.

The corporate register's past is scripted so that every trend shows in the SLT pack and the
committee report: risks going up, down and steady, a risk new in the latest quarter and one
new the quarter before, and a risk closed with its reason in the latest quarter (``N/A``
there). Two corporate risks are exempt from publication. Elsewhere scores vary
deterministically with the risk's reference, so every load gives the same history; registers
the loader left overdue for review missed the latest quarter, and those never approved have no
snapshot. Each register's last approval is its latest snapshot's.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from common.people import person_name
from demo.appetite import load_demo_appetite
from escalation.models import Proposal
from registers.appetite import appetite_rules, compare
from registers.history import history_aware_update, history_redate
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Arrival,
    Horizon,
    MovementKind,
    Organisation,
    PolicyCategory,
    Register,
    RegisterSnapshot,
    Response,
    Risk,
    RiskMovement,
    RiskSnapshot,
    RiskStatus,
    Tier,
)
from registers.periods import Quarter
from registers.services import risk_close, risk_reference_next, save_with_history
from scoring import matrix
from scoring.selectors import scheme_bands

QUARTERS = 4

Score = tuple[int, int]

# The corporate register's residual (likelihood, impact) in the three quarters before the
# latest one, oldest first, by title; the latest quarter's is the risk's current score.
# None: not on the register yet that quarter.
CORPORATE_PAST: dict[str, tuple[Score | None, Score | None, Score | None]] = {
    "Financial sustainability and the MTFS gap": ((3, 5), (4, 5), (4, 5)),
    "SEND high needs deficit": ((4, 4), (4, 4), (4, 4)),  # up 4 in the latest quarter
    "Cyber attack": ((4, 5), (4, 5), (4, 5)),
    "Workforce recruitment and retention": ((4, 4), (4, 4), (4, 4)),
    "Climate change adaptation": ((3, 3), (3, 4), (3, 4)),
    "Adult social care demand and market sustainability": ((4, 4), (4, 5), (4, 5)),
    "Housing and temporary accommodation": ((4, 4), (4, 4), (5, 4)),
    "Major supplier failure": ((3, 4), (3, 4), (3, 4)),
    "Information governance": ((3, 4), (3, 4), (3, 3)),  # down 3, then up 3
    "Safeguarding failure": ((3, 5), (3, 5), (3, 5)),
    "RAAC and building safety": (None, None, None),  # new in the latest quarter
    "Elections integrity": ((2, 5), (3, 4), (3, 4)),  # down 2 in the latest quarter
    "Partnership with health": ((4, 4), (4, 4), (4, 4)),
    "Capital programme delivery": ((3, 4), (3, 4), (3, 4)),
    "Equal pay claims": ((2, 5), (3, 5), (3, 5)),
    "Economic downturn": ((3, 3), (4, 3), (4, 3)),
    "Civil contingencies and emergency response": ((2, 5), (2, 5), (2, 5)),
    "ERP programme delivery": (None, None, (5, 4)),  # new the quarter before, then down 4
}

# Corporate risks a council would not publish: the public packs withhold them (security of
# the council's systems; its position in litigation).
EXEMPT_TITLES = ("Cyber attack", "Equal pay claims")

# A corporate risk on the register in the first three quarters, closed in the latest one (so
# its pack lists it with its reason, and it is N/A from then on).
CLOSED_TITLE = "Leisure operator failure"
CLOSED_PAST: tuple[Score, Score, Score] = ((4, 4), (3, 4), (3, 4))
CLOSED_REASON = (
    "The leisure centres transferred to Kingsmere Leisure Ltd, the council's own company, on "
    "{day} {month}. The operator's failure no longer threatens the service; the "
    "company's board manages its operating risks."
)


def _roll(*parts: object) -> int:
    """A number from 0 to 99 that depends only on ``parts``: the same on every load."""
    return zlib.crc32("|".join(str(part) for part in parts).encode()) % 100


def _working_day_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass(frozen=True)
class _Past:
    """What the snapshots are written from: the quarters, every risk of the organisation with
    its moves between registers, its scores in each quarter and the day it was created, the
    scheme's bands and the registers' names."""

    quarters: list[Quarter]
    risks: list[Risk]
    moves: dict[int, list[RiskMovement]]
    scores: dict[int, list]
    created: dict[int, date]
    bands: tuple[matrix.Band, ...]
    names: dict[int, str]


def load_demo_history(*, organisation: Organisation, today: date, by) -> int:
    """Seed the four approved quarters once (when the organisation has no snapshot yet);
    return how many register snapshots were created."""
    if RegisterSnapshot.objects.filter(register__organisation=organisation).exists():
        return 0
    # The quarters record the appetite statement in force when each was approved.
    load_demo_appetite(organisation=organisation, today=today)
    quarters = Quarter.containing(today).previous.last(QUARTERS)
    registers = list(Register.objects.filter(organisation=organisation).select_related("owner"))
    corporate = next(r for r in registers if r.tier == Tier.CORPORATE)
    # Exempt from the start: a correction of the record, not a change anyone made since.
    history_aware_update(Risk, {"register": corporate, "title__in": EXEMPT_TITLES}, exempt=True)
    closed = _closed_corporate_risk(corporate=corporate, quarters=quarters, by=by)
    approvals = _approvals(registers=registers, quarters=quarters, today=today)
    past = _past(
        organisation=organisation,
        registers=registers,
        corporate=corporate,
        closed=closed,
        quarters=quarters,
    )
    made = 0
    for register in registers:
        made += _snapshot_register(
            register=register, approvals=approvals.get(register.pk, []), past=past
        )
    return made


def _past(
    *,
    organisation: Organisation,
    registers: list[Register],
    corporate: Register,
    closed: Risk,
    quarters: list[Quarter],
) -> _Past:
    """Every risk's past: its moves, its scores in each quarter (scripted for the corporate
    register, rolled elsewhere) and its creation, dated back to before its first quarter."""
    risks = list(Risk.objects.filter(register__organisation=organisation).select_related("owner"))
    moves: dict[int, list[RiskMovement]] = defaultdict(list)
    for movement in RiskMovement.objects.filter(risk__in=risks).order_by("moved_at", "pk"):
        moves[movement.risk_id].append(movement)
    proposed = set(Proposal.objects.filter(risk__in=risks).values_list("risk_id", flat=True))
    scores = {
        risk.pk: _past_scores(
            risk,
            corporate=risk.register_id == corporate.pk,
            closed=risk.pk == closed.pk,
            # A risk proposed for escalation or moved was on its first register long before.
            from_start=risk.pk in moves or risk.pk in proposed,
        )
        for risk in risks
    }
    created = _date_creations(risks=risks, past=scores, quarters=quarters)
    return _Past(
        quarters=quarters,
        risks=risks,
        moves=moves,
        scores=scores,
        created=created,
        bands=scheme_bands(scheme_id=organisation.scheme_id),
        names={register.pk: register.name for register in registers},
    )


def _snapshot_register(
    *, register: Register, approvals: list[tuple[int, datetime]], past: _Past
) -> int:
    """The register's snapshot at each of its approvals, with its risks as they stood then;
    its last approval becomes the latest snapshot's. Return how many snapshots were made."""
    previous: RegisterSnapshot | None = None
    on_previous: set[int] = set()
    for index, approved_at in approvals:
        # The appetite in force on the day, as an approval records it.
        appetite = appetite_rules(
            bands={register.organisation_id: past.bands}, on=timezone.localdate(approved_at)
        )
        snapshot = RegisterSnapshot.objects.create(
            register=register,
            year=past.quarters[index].year,
            quarter=past.quarters[index].number,
            approved_at=approved_at,
            approved_by=register.owner,
            appetite_statement=appetite.statements[register.organisation_id],
        )
        rows = _risk_rows(
            snapshot=snapshot,
            index=index,
            since=previous.approved_at if previous else None,
            on_previous=on_previous,
            past=past,
        )
        for row in rows:
            verdict = compare(
                residual=row.residual_score,
                tolerance=appetite.tolerance(register.organisation_id, row.risk.category),
                bands=past.bands,
            )
            row.category = row.risk.category
            row.appetite_level = verdict.tolerance.level if verdict.tolerance else ""
            row.appetite_tolerance = verdict.tolerance.tolerance if verdict.tolerance else None
            row.outside_appetite = verdict.outside
        RiskSnapshot.objects.bulk_create(rows)
        previous, on_previous = snapshot, {row.risk_id for row in rows}
    if previous is not None:
        # The register's last approval is its latest snapshot's.
        history_aware_update(
            Register,
            {"pk": register.pk},
            last_approved_at=previous.approved_at,
            last_approved_by=register.owner,
        )
    return len(approvals)


def _risk_rows(
    *,
    snapshot: RegisterSnapshot,
    index: int,
    since: datetime | None,
    on_previous: set[int],
    past: _Past,
) -> list[RiskSnapshot]:
    """The snapshot's rows: each risk on the register at the approval, with its scores of
    that quarter, and how it arrived if it was not on the previous snapshot."""
    register, approved_at = snapshot.register, snapshot.approved_at
    rows = []
    for risk in past.risks:
        scores = past.scores[risk.pk][index]
        moves = past.moves[risk.pk]
        if scores is None or _register_at(risk, moves, approved_at) != register.pk:
            continue
        arrival, arrived_from = "", ""
        if risk.pk not in on_previous:
            arrival, arrived_from = _arrival(
                moves, register=register, since=since, until=approved_at, names=past.names
            )
        rows.append(
            _risk_snapshot(
                snapshot=snapshot,
                risk=risk,
                scores=scores,
                bands=past.bands,
                arrival=arrival,
                arrived_from=arrived_from,
                review_due=_review_due(risk, register, approved_at, past.created[risk.pk]),
            )
        )
    return rows


def _arrival(
    moves: list[RiskMovement], *, register: Register, since, until, names: dict[int, str]
) -> tuple[str, str]:
    """How a risk not on the register's previous snapshot came onto it: escalated or
    de-escalated in by a move since that snapshot (with where from), else new."""
    arrival, arrived_from = Arrival.NEW, ""
    for movement in moves:
        if (
            movement.to_register_id == register.pk
            and movement.kind in Arrival.values
            and (since is None or movement.moved_at > since)
            and movement.moved_at <= until
        ):
            arrival, arrived_from = movement.kind, names.get(movement.from_register_id, "")
    return arrival, arrived_from


def _current_scores(risk: Risk) -> tuple[Score | None, Score | None]:
    """The risk's current (inherent, residual) pairs; None where not scored."""
    inherent = (
        (risk.inherent_likelihood, risk.inherent_impact)
        if risk.inherent_likelihood is not None
        else None
    )
    residual = (
        (risk.residual_likelihood, risk.residual_impact)
        if risk.residual_likelihood is not None
        else None
    )
    return inherent, residual


def _past_scores(risk: Risk, *, corporate: bool, closed: bool, from_start: bool) -> list:
    """(inherent, residual) in each quarter, oldest first; None where the risk was not on a
    register that quarter. The latest quarter's are the current scores."""
    inherent, residual = _current_scores(risk)
    if closed:
        return [(inherent, score) for score in CLOSED_PAST] + [None]
    if risk.status != RiskStatus.OPEN:
        return [None] * QUARTERS
    if corporate and risk.title in CORPORATE_PAST:
        scripted = CORPORATE_PAST[risk.title]
        return [(inherent, score) if score else None for score in scripted] + [(inherent, residual)]
    scores = [(inherent, residual)]
    for index in range(QUARTERS - 2, -1, -1):
        earlier = _earlier(scores[0][1], inherent, _roll(risk.reference, index))
        scores.insert(0, (inherent, earlier))
    first = 0 if from_start else _first_quarter(risk.reference)
    return [None if index < first else score for index, score in enumerate(scores)]


def _earlier(residual: Score | None, inherent: Score | None, roll: int) -> Score | None:
    """The residual score a quarter before ``residual``: mostly the same, sometimes one
    likelihood or impact point away, never above the inherent score."""
    if residual is None:
        return None
    likelihood, impact = residual
    if roll < 62:
        return residual
    if roll < 76:
        candidate = (likelihood - 1, impact)  # it has gone up since
    elif roll < 90:
        candidate = (likelihood + 1, impact)  # it has come down since
    elif roll < 95:
        candidate = (likelihood, impact - 1)
    else:
        candidate = (likelihood, impact + 1)
    if not all(1 <= value <= 5 for value in candidate):
        return residual
    if inherent is not None and matrix.score(*candidate) > matrix.score(*inherent):
        return residual
    return candidate


def _first_quarter(reference: str) -> int:
    """The index of the quarter a risk first appears on its register: most were there from
    the start, a few were raised later."""
    roll = _roll("first", reference)
    if roll < 6:
        return QUARTERS - 1
    if roll < 11:
        return QUARTERS - 2
    if roll < 15:
        return QUARTERS - 3
    return 0


def _approvals(
    *, registers: list[Register], quarters: list[Quarter], today: date
) -> dict[int, list[tuple[int, datetime]]]:
    """When each register was approved: (quarter index, approved at), oldest first.

    Registers the loader left never approved stay so; registers it left overdue for review
    were last approved two quarters ago, so they are still overdue; one up-to-date directorate
    register missed the quarter before the latest, so its latest trend reaches back past the
    gap. The corporate register is approved by SLT a week before each quarter ends.
    """
    plans: dict[int, list[tuple[int, datetime]]] = {}
    skipped_a_quarter = False
    for register in sorted(registers, key=lambda r: (r.tier, r.name)):
        if register.last_approved_at is None:
            continue
        indexes = list(range(QUARTERS))
        overdue = register.next_review_due is not None and register.next_review_due < today
        if register.tier != Tier.CORPORATE and overdue:
            indexes = indexes[:-1]
        elif register.tier == Tier.DIRECTORATE and not skipped_a_quarter:
            indexes.remove(QUARTERS - 2)
            skipped_a_quarter = True
        plan = []
        for index in indexes:
            if register.tier == Tier.CORPORATE:
                days_before_end, hour, minute = 8, 10, 0
            else:
                roll = _roll(register.prefix, index)
                days_before_end, hour, minute = 2 + roll % 16, 9 + roll % 8, 15 * (roll % 4)
            day = _working_day_on_or_before(quarters[index].end - timedelta(days=days_before_end))
            plan.append((index, _at(day, hour, minute)))
        plans[register.pk] = plan
    return plans


def _register_at(risk: Risk, moves: list[RiskMovement], when: datetime) -> int | None:
    """The register the risk was on at ``when`` (None once removed from its last one)."""
    if not moves:
        open_then = risk.status == RiskStatus.OPEN or (risk.closed_at and risk.closed_at > when)
        return risk.register_id if open_then else None
    register_id = moves[0].from_register_id
    for movement in moves:
        if movement.moved_at <= when:
            register_id = movement.to_register_id
    return register_id


def _review_due(risk: Risk, register: Register, approved_at: datetime, created: date) -> date:
    """The risk's next review date as it stood at the approval: most due within the
    register's interval, about one in five already overdue, but never before the first
    review of a risk raised that quarter."""
    approved_on = timezone.localdate(approved_at)
    span = register.review_interval_months * 30
    due = approved_on + timedelta(
        days=_roll("due", risk.reference, approved_on) * (span + 25) // 100 - 25
    )
    return max(due, created + timedelta(days=span))


def _band(score: Score | None, bands) -> tuple[str, str]:
    if score is None:
        return "", ""
    band = matrix.band_for(matrix.score(*score), bands)
    return band.key, band.label


def _risk_snapshot(
    *, snapshot, risk, scores, bands, arrival, arrived_from, review_due
) -> RiskSnapshot:
    inherent, residual = scores
    inherent_key, inherent_label = _band(inherent, bands)
    residual_key, residual_label = _band(residual, bands)
    return RiskSnapshot(
        snapshot=snapshot,
        risk=risk,
        reference=risk.reference,
        title=risk.title,
        owner_name=person_name(risk.owner) if risk.owner else "",
        status=RiskStatus.OPEN,
        exempt=risk.exempt,
        inherent_likelihood=inherent[0] if inherent else None,
        inherent_impact=inherent[1] if inherent else None,
        residual_likelihood=residual[0] if residual else None,
        residual_impact=residual[1] if residual else None,
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        inherent_band_key=inherent_key,
        inherent_band_label=inherent_label,
        residual_band_key=residual_key,
        residual_band_label=residual_label,
        next_review_due=review_due,
        arrival=arrival,
        arrived_from=arrived_from,
    )


def _date_creations(
    *, risks: list[Risk], past: dict[int, list], quarters: list[Quarter]
) -> dict[int, date]:
    """Date each risk (and its controls and actions) created before its first quarter on a
    register: a year or so before the history starts, or early in the quarter it was raised.
    Return the day each risk was created."""
    by_day: dict[datetime, list[int]] = defaultdict(list)
    for risk in risks:
        first = next((i for i, scores in enumerate(past[risk.pk]) if scores), 0)
        roll = _roll("created", risk.reference)
        if first == 0:
            day = quarters[0].start - timedelta(days=30 + roll * 4)
        else:
            day = quarters[first].start + timedelta(days=3 + roll % 30)
        by_day[_at(day, 9 + roll % 8, 15 * (roll % 4))].append(risk.pk)
    for created_at, ids in by_day.items():
        for model, filters in ((Risk, {"pk__in": ids}), (Action, {"risk_id__in": ids})):
            history_aware_update(model, filters, created_at=created_at)
            history_redate(model, filters, when=created_at, history_type="+")
    return {
        risk_id: timezone.localdate(created_at)
        for created_at, ids in by_day.items()
        for risk_id in ids
    }


def _closed_corporate_risk(*, corporate: Register, quarters: list[Quarter], by) -> Risk:
    """A corporate risk closed, with its reason, in the latest quarter of the history: made
    and closed through the services, then dated back."""
    owner = get_user_model().objects.get(username="director.city-services")
    risk = _raise_closed_risk(corporate=corporate, quarters=quarters, owner=owner, by=by)
    handover = quarters[3].start + timedelta(days=30)
    _closed_risk_actions(risk=risk, owner=owner, handover=handover, by=by)
    reason = CLOSED_REASON.format(day=handover.day, month=f"{handover:%B %Y}")
    risk = risk_close(risk=risk, by=corporate.owner, reason=reason)
    closed_at = _at(handover + timedelta(days=4), 14, 30)
    history_aware_update(Risk, {"pk": risk.pk}, closed_at=closed_at)
    history_redate(
        Risk, {"pk": risk.pk}, when=closed_at, history_change_reason__startswith="Closed"
    )
    RiskMovement.objects.filter(risk=risk, kind=MovementKind.REMOVED).update(moved_at=closed_at)
    risk.refresh_from_db()
    return risk


def _raise_closed_risk(
    *, corporate: Register, quarters: list[Quarter], owner: AbstractBaseUser, by: AbstractBaseUser
) -> Risk:
    """The leisure operator's failure, raised on the corporate register with the residual
    score it had when it was closed."""
    risk = Risk(
        register=corporate,
        organisation_id=corporate.organisation_id,
        reference=risk_reference_next(register=corporate),
        title=CLOSED_TITLE,
        event=(
            "If the council's leisure operator, whose finances have weakened since the "
            "pandemic, fails or hands back the contract"
        ),
        consequence="the city's leisure centres and pools may close at short notice",
        impact=(
            "resulting in loss of a valued service, emergency costs of up to £1.2m a year to "
            "keep sites open, and damage to the council's reputation"
        ),
        category=PolicyCategory.PARTNERSHIPS,
        owner=owner,
        inherent_likelihood=4,
        inherent_impact=5,
        residual_likelihood=CLOSED_PAST[-1][0],
        residual_impact=CLOSED_PAST[-1][1],
        response=Response.TREAT,
        horizon=Horizon.SHORT,
        last_reviewed_on=quarters[2].end - timedelta(days=20),
        next_review_due=quarters[3].start + timedelta(days=60),
    )
    save_with_history(risk, by=by, reason="Demo organisation")
    return risk


def _closed_risk_actions(
    *, risk: Risk, owner: AbstractBaseUser, handover: date, by: AbstractBaseUser
) -> None:
    """The closed risk's control and its action, both done: the council's own company set up
    to take the leisure centres over on ``handover``."""
    for kind, description, completed_on in (
        (
            ActionKind.CONTROL,
            "Monthly contract meetings with open-book review of the operator's accounts.",
            None,
        ),
        (
            ActionKind.ACTION,
            "Set up a council-owned company ready to take over the leisure centres.",
            handover,
        ),
    ):
        action = Action(
            risk=risk,
            kind=kind,
            description=description,
            owner=owner,
            status=ActionStatus.DONE,
            completed_on=completed_on,
        )
        save_with_history(action, by=by, reason="Demo organisation")
