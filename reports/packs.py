"""The quarterly SLT pack: the corporate register as SLT approved it in a quarter.

Scores, bands, owners and trends come from the register's approved snapshots (frozen when SLT
approved the quarter), so the pack for a past quarter reads the same whenever it is printed.
A risk's text and its controls and actions come from the risk as it is when the pack is
generated: the pack says so on its cover.

Three variants (``reports.permissions``): ``full`` (everything, exempt risks marked),
``public`` (exempt risks left out of every section, and the number withheld said) and
``appendix`` (only the exempt risks, confidential). A fixed number of queries whatever the
number of risks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalStatus
from escalation.selectors import proposals_for_slt
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    Arrival,
    MovementKind,
    Organisation,
    Register,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    Tier,
)
from registers.periods import Quarter
from registers.selectors.snapshots import QuarterTrends, quarter_trends
from registers.trends import Trend
from reports.pdf import render_pdf
from reports.permissions import APPENDIX, FULL, PUBLIC, VARIANTS
from scoring import matrix
from scoring.selectors import scheme_bands

TITLE = "Quarterly corporate risk report to the Strategic Leadership Team"
SHORT_TITLE = "SLT risk pack"
TREND_QUARTERS = 4  # the pack's quarter and the three before it

MARKINGS = {
    FULL: "OFFICIAL: internal",
    PUBLIC: "Public version",
    APPENDIX: "CONFIDENTIAL appendix: exempt risks",
}
VARIANT_NAMES = {
    FULL: "Full pack (internal)",
    PUBLIC: "Public version",
    APPENDIX: "Confidential appendix (exempt risks)",
}

# Colour for a band the scheme no longer has (a snapshot taken under an older scheme).
_UNKNOWN_BAND_COLOUR = "#dee2e6"


# The pack as plain data -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rating:
    """A score as approved, with its band: "Red 16". The colour only decorates."""

    likelihood: int | None
    impact: int | None
    band_key: str
    band_label: str
    colour: str

    @property
    def score(self) -> int | None:
        return matrix.score_or_none(self.likelihood, self.impact)

    @property
    def text(self) -> str:
        if self.score is None:
            return "Not scored"
        return f"{self.band_label} {self.score}".strip()

    @property
    def text_colour(self) -> str:
        return matrix.text_colour_for(self.colour)

    @property
    def parts(self) -> str:
        """ "L4 × I4", the likelihood and impact behind the score."""
        if self.score is None:
            return ""
        return f"L{self.likelihood} × I{self.impact}"


@dataclass(frozen=True, slots=True)
class TrendCell:
    quarter: Quarter
    trend: Trend


@dataclass(frozen=True, slots=True)
class PackAction:
    """A control in place or a planned action, as it is when the pack is generated."""

    description: str
    owner_name: str
    due_date: date | None
    status_label: str
    completed_on: date | None
    overdue: bool


@dataclass
class PackRisk:
    """One row of the register: the risk as approved in the quarter, with its current text."""

    risk_id: int
    reference: str
    title: str
    event: str
    consequence: str
    impact: str
    exempt: bool
    owner_name: str
    next_review_due: date | None
    review_overdue: bool  # next review was due before the approval
    inherent: Rating
    residual: Rating
    trends: list[TrendCell]
    arrival: str
    arrived_from: str
    controls: list[PackAction]
    actions: list[PackAction]

    @property
    def url(self) -> str:
        return reverse("web:risk-detail", kwargs={"pk": self.risk_id})

    @property
    def trend(self) -> Trend:
        """The trend in the pack's quarter."""
        return self.trends[-1].trend

    @property
    def arrival_text(self) -> str:
        if self.arrival == Arrival.ESCALATED:
            return f"Escalated from {self.arrived_from}" if self.arrived_from else "Escalated in"
        if self.arrival == Arrival.DE_ESCALATED:
            return f"De-escalated from {self.arrived_from}" if self.arrived_from else "Moved in"
        if self.arrival == Arrival.NEW:
            return "New risk"
        return ""


@dataclass(frozen=True, slots=True)
class BandCount:
    label: str
    colour: str
    count: int
    within_appetite: bool | None

    @property
    def text_colour(self) -> str:
        return matrix.text_colour_for(self.colour)


@dataclass(frozen=True, slots=True)
class Movement:
    """How the register moved since the previous approved quarter."""

    new: int
    escalated_in: int
    closed: int
    de_escalated: int
    up: int
    down: int
    steady: int
    not_comparable: int


@dataclass(frozen=True, slots=True)
class Departure:
    """A risk that came off the corporate register: closed, or de-escalated with a reason."""

    risk_id: int
    reference: str
    title: str
    kind: str
    destination: str
    reason: str
    moved_on: date
    moved_by: str
    exempt: bool

    @property
    def what(self) -> str:
        if self.kind == MovementKind.DE_ESCALATED:
            return f"De-escalated to {self.destination}"
        return "Closed and removed"


@dataclass(frozen=True, slots=True)
class Rescore:
    """A risk on the register in both quarters whose inherent or residual score changed."""

    reference: str
    title: str
    inherent_before: Rating
    inherent_after: Rating
    residual_before: Rating
    residual_after: Rating
    exempt: bool

    @property
    def inherent_changed(self) -> bool:
        return self.inherent_before.score != self.inherent_after.score

    @property
    def residual_changed(self) -> bool:
        return self.residual_before.score != self.residual_after.score


@dataclass(frozen=True, slots=True)
class PackProposal:
    """An escalation to the corporate register awaiting SLT's decision."""

    pk: int
    reference: str
    title: str
    from_register: str
    proposed_by: str
    proposed_on: date
    residual: Rating
    factors_held: int
    recommend_at: int
    case: str
    decided_after: str  # for a past quarter: what became of it afterwards
    exempt: bool

    @property
    def url(self) -> str:
        return reverse("escalation:proposal-detail", kwargs={"pk": self.pk})

    @property
    def recommended(self) -> bool:
        return self.factors_held >= self.recommend_at


@dataclass(frozen=True, slots=True)
class OverdueAction:
    reference: str
    risk_title: str
    description: str
    owner_name: str
    due_date: date
    status_label: str
    days_overdue: int


@dataclass
class SltPack:
    """Everything the SLT pack prints, for one quarter and one variant."""

    organisation: Organisation
    register: Register
    quarter: Quarter
    variant: str
    approved_at: datetime
    approved_by: str
    generated_at: datetime
    previous_quarter: Quarter | None
    trend_quarters: list[Quarter]
    bands: tuple[matrix.Band, ...]
    band_counts: list[BandCount]
    not_scored: int
    movement: Movement
    inherent_counts: dict[tuple[int | None, int | None], int]
    residual_counts: dict[tuple[int | None, int | None], int]
    risks: list[PackRisk]
    arrivals: list[PackRisk]
    departures: list[Departure]
    rescored: list[Rescore]
    proposals: list[PackProposal]
    proposals_as_at: str
    overdue_reviews: list[PackRisk]
    overdue_actions: list[OverdueAction]
    proposals_open_now: bool = False
    withheld: int = 0
    exempt_on_register: int = 0

    title = TITLE

    @property
    def marking(self) -> str:
        if self.variant == PUBLIC:
            risks = "risk" if self.withheld == 1 else "risks"
            return f"Public version: {self.withheld} exempt {risks} withheld"
        return MARKINGS[self.variant]

    @property
    def withheld_text(self) -> str:
        risks = "risk" if self.withheld == 1 else "risks"
        return f"{self.withheld} {risks} withheld as exempt from publication"

    @property
    def variant_name(self) -> str:
        return VARIANT_NAMES[self.variant]

    @property
    def running_title(self) -> str:
        return f"{SHORT_TITLE} {self.quarter.label} · {self.marking}"

    @property
    def approved_on(self) -> date:
        return timezone.localdate(self.approved_at)

    @property
    def generated_on(self) -> date:
        return timezone.localdate(self.generated_at)

    @property
    def total(self) -> int:
        return len(self.risks)

    @property
    def outside_appetite(self) -> int:
        return sum(b.count for b in self.band_counts if b.within_appetite is False)

    @property
    def filename(self) -> str:
        return pack_filename(quarter=self.quarter, variant=self.variant)


def pack_filename(*, quarter: Quarter, variant: str) -> str:
    """ "SLT-pack-2026-27-Q2-public.pdf"."""
    return f"SLT-pack-{quarter.year}-{(quarter.year + 1) % 100:02d}-Q{quarter.number}-{variant}.pdf"


# Reads ----------------------------------------------------------------------------------------


def corporate_register(*, organisation: Organisation) -> Register | None:
    return Register.objects.filter(organisation=organisation, tier=Tier.CORPORATE).first()


@dataclass(frozen=True, slots=True)
class ApprovedQuarter:
    quarter: Quarter
    approved_at: datetime
    approved_by: str


def approved_quarters(*, organisation: Organisation) -> list[ApprovedQuarter]:
    """Every quarter in which SLT approved the corporate register, latest first, with the
    quarter's (latest) approval. One query."""
    found: dict[Quarter, ApprovedQuarter] = {}
    snapshots = (
        RegisterSnapshot.objects.filter(
            register__organisation=organisation, register__tier=Tier.CORPORATE
        )
        .select_related("approved_by")
        .order_by("year", "quarter", "approved_at", "pk")
    )
    for snapshot in snapshots:
        found[snapshot.period] = ApprovedQuarter(
            snapshot.period, snapshot.approved_at, person_name(snapshot.approved_by)
        )
    return sorted(found.values(), key=lambda approved: approved.quarter, reverse=True)


def latest_approved_quarter(*, organisation: Organisation) -> Quarter | None:
    """The latest quarter with a snapshot of the corporate register, or None. One query."""
    latest = (
        RegisterSnapshot.objects.filter(
            register__organisation=organisation, register__tier=Tier.CORPORATE
        )
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .first()
    )
    return Quarter(*latest) if latest else None


def _quarter_bounds(quarter: Quarter) -> tuple[datetime, datetime]:
    """The quarter as aware datetimes: its first moment and the first moment after it."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(quarter.start, time.min, tzinfo=zone),
        datetime.combine(quarter.next.start, time.min, tzinfo=zone),
    )


class _Ratings:
    """Ratings from stored band keys and labels, coloured by the scheme's bands."""

    def __init__(self, bands: Sequence[matrix.Band]):
        self.bands = tuple(bands)
        self.colours = {band.key: band.colour for band in bands}

    def stored(self, likelihood, impact, key: str, label: str) -> Rating:
        return Rating(likelihood, impact, key, label, self.colours.get(key, _UNKNOWN_BAND_COLOUR))

    def inherent(self, row: RiskSnapshot) -> Rating:
        return self.stored(
            row.inherent_likelihood,
            row.inherent_impact,
            row.inherent_band_key,
            row.inherent_band_label,
        )

    def residual(self, row: RiskSnapshot) -> Rating:
        return self.stored(
            row.residual_likelihood,
            row.residual_impact,
            row.residual_band_key,
            row.residual_band_label,
        )

    def proposal(self, proposal: Proposal) -> Rating:
        return self.stored(
            proposal.residual_likelihood,
            proposal.residual_impact,
            proposal.residual_band_key,
            proposal.residual_band_label,
        )


def _pack_action(action: Action, today: date) -> PackAction:
    return PackAction(
        description=action.description,
        owner_name=person_name(action.owner) if action.owner else "",
        due_date=action.due_date,
        status_label=action.get_status_display(),
        completed_on=action.completed_on,
        overdue=action.is_overdue(today),
    )


def _shown_actions(risk: Risk, quarter: Quarter, today: date) -> tuple[list, list]:
    """The risk's controls in place, and its planned actions that are under way or were
    completed since the quarter began (cancelled ones and older completions are left out)."""
    controls, actions = [], []
    for action in risk.actions.all():
        if action.status == ActionStatus.CANCELLED:
            continue
        if action.kind == ActionKind.CONTROL:
            controls.append(_pack_action(action, today))
        elif action.status in ACTIVE_ACTION_STATUSES or (
            action.completed_on and action.completed_on >= quarter.start
        ):
            actions.append(_pack_action(action, today))
    return controls, actions


def _keep(variant: str, exempt: bool) -> bool:
    if variant == PUBLIC:
        return not exempt
    if variant == APPENDIX:
        return exempt
    return True


def _heatmap_counts(rows: Iterable[RiskSnapshot], scores: str) -> dict:
    counts: dict[tuple[int | None, int | None], int] = {}
    for row in rows:
        key = (getattr(row, f"{scores}_likelihood"), getattr(row, f"{scores}_impact"))
        if None in key:
            key = (None, None)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _band_counts(rows: Sequence[RiskSnapshot], bands: Sequence[matrix.Band]) -> list[BandCount]:
    """Open risks by residual band, highest band first; bands a snapshot names that the scheme
    no longer has are counted under their stored label."""
    by_key: dict[str, int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        if row.residual_score is None:
            continue
        by_key[row.residual_band_key] = by_key.get(row.residual_band_key, 0) + 1
        labels.setdefault(row.residual_band_key, row.residual_band_label)
    counts = [
        BandCount(band.label, band.colour, by_key.pop(band.key, 0), band.within_appetite)
        for band in reversed(bands)
    ]
    counts += [
        BandCount(labels[key] or key, _UNKNOWN_BAND_COLOUR, count, None)
        for key, count in by_key.items()
    ]
    return counts


def _previous_quarter(trends: QuarterTrends, quarter: Quarter) -> Quarter | None:
    earlier = [q for q in trends.snapshots if q < quarter]
    return max(earlier) if earlier else None


def _proposals(
    *, organisation: Organisation, quarter: Quarter, today: date
) -> tuple[list[Proposal], bool]:
    """Escalations to the corporate register awaiting SLT, and whether they are those open
    now (the current quarter) rather than those open at the end of a past quarter (decided
    afterwards or still open)."""
    if quarter >= Quarter.containing(today):
        return list(proposals_for_slt(organisation_id=organisation.pk)), True
    _start, after = _quarter_bounds(quarter)
    proposals = (
        Proposal.objects.filter(
            to_register__organisation=organisation,
            to_register__tier=Tier.CORPORATE,
            proposed_at__lt=after,
        )
        .filter(Q(status=ProposalStatus.OPEN) | Q(decided_at__gte=after))
        .select_related("risk", "from_register", "proposed_by")
        .order_by("proposed_at", "pk")
    )
    return list(proposals), False


def _decided_after(proposal: Proposal) -> str:
    if proposal.status == ProposalStatus.OPEN:
        return "Still awaiting decision"
    decided_on = timezone.localdate(proposal.decided_at)
    return f"{proposal.get_status_display()} on {decided_on:%-d %b %Y}"


def _current_risks(risk_ids: Iterable[int]) -> dict[int, Risk]:
    """The risks as they are now, with their controls and actions (and their owners)."""
    actions = Action.objects.select_related("owner").order_by("kind", "due_date", "pk")
    risks = Risk.objects.filter(pk__in=list(risk_ids)).prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    return {risk.pk: risk for risk in risks}


def _pack_risk(
    row: RiskSnapshot,
    risk: Risk,
    *,
    exempt: bool,
    trends: QuarterTrends,
    ratings: _Ratings,
    quarter: Quarter,
    approved_on: date,
    today: date,
) -> PackRisk:
    controls, actions = _shown_actions(risk, quarter, today)
    return PackRisk(
        risk_id=row.risk_id,
        reference=row.reference,
        title=row.title,
        event=risk.event,
        consequence=risk.consequence,
        impact=risk.impact,
        exempt=exempt,
        owner_name=row.owner_name,
        next_review_due=row.next_review_due,
        review_overdue=bool(row.next_review_due and row.next_review_due < approved_on),
        inherent=ratings.inherent(row),
        residual=ratings.residual(row),
        trends=[TrendCell(q, trends.in_quarter(row.risk_id, q)) for q in trends.quarters],
        arrival=row.arrival,
        arrived_from=row.arrived_from,
        controls=controls,
        actions=actions,
    )


def _departures(
    *, register: Register, since: datetime, until: datetime, rows_before: dict
) -> list[Departure]:
    """Risks closed, removed or de-escalated from the register after ``since`` up to
    ``until``: the same window the snapshot's arrivals are read from, so nothing falls
    between two packs."""
    moves = (
        RiskMovement.objects.filter(
            from_register=register,
            kind__in=[MovementKind.REMOVED, MovementKind.DE_ESCALATED],
            moved_at__gt=since,
            moved_at__lte=until,
        )
        .select_related("risk", "to_register", "moved_by")
        .order_by("moved_at", "pk")
    )
    departures = []
    for move in moves:
        before = rows_before.get(move.risk_id)
        departures.append(
            Departure(
                risk_id=move.risk_id,
                reference=move.risk.reference,
                title=before.title if before else move.risk.title,
                kind=move.kind,
                destination=str(move.to_register) if move.to_register else "",
                reason=move.reason,
                moved_on=timezone.localdate(move.moved_at),
                moved_by=person_name(move.moved_by),
                exempt=move.risk.exempt or bool(before and before.exempt),
            )
        )
    return departures


def _rescores(risks: list[PackRisk], rows_before: dict, ratings: _Ratings) -> list[Rescore]:
    """Risks on the register in both quarters whose inherent or residual score changed."""
    changes = []
    for pack_risk in risks:
        before = rows_before.get(pack_risk.risk_id)
        if before is None:
            continue
        change = Rescore(
            reference=pack_risk.reference,
            title=pack_risk.title,
            inherent_before=ratings.inherent(before),
            inherent_after=pack_risk.inherent,
            residual_before=ratings.residual(before),
            residual_after=pack_risk.residual,
            exempt=pack_risk.exempt,
        )
        if change.inherent_changed or change.residual_changed:
            changes.append(change)
    return sorted(changes, key=lambda change: change.reference)


def _pack_proposal(proposal: Proposal, ratings: _Ratings, *, open_now: bool) -> PackProposal:
    return PackProposal(
        pk=proposal.pk,
        reference=proposal.risk.reference,
        title=proposal.risk.title,
        from_register=str(proposal.from_register),
        proposed_by=person_name(proposal.proposed_by),
        proposed_on=timezone.localdate(proposal.proposed_at),
        residual=ratings.proposal(proposal),
        factors_held=proposal.factors_held,
        recommend_at=proposal.recommend_at,
        case=proposal.case,
        decided_after="" if open_now else _decided_after(proposal),
        exempt=proposal.risk.exempt,
    )


def _overdue_actions(risks: list[PackRisk], today: date) -> list[OverdueAction]:
    overdue = [
        OverdueAction(
            reference=pack_risk.reference,
            risk_title=pack_risk.title,
            description=action.description,
            owner_name=action.owner_name,
            due_date=action.due_date,
            status_label=action.status_label,
            days_overdue=(today - action.due_date).days,
        )
        for pack_risk in risks
        for action in pack_risk.actions
        if action.overdue
    ]
    return sorted(overdue, key=lambda action: (action.due_date, action.reference))


def _movement(risks: list[PackRisk], departures: list[Departure]) -> Movement:
    directions = [pack_risk.trend.direction for pack_risk in risks]
    arrivals = [pack_risk.arrival for pack_risk in risks]
    kinds = [departure.kind for departure in departures]
    return Movement(
        new=arrivals.count(Arrival.NEW),
        escalated_in=arrivals.count(Arrival.ESCALATED),
        closed=kinds.count(MovementKind.REMOVED),
        de_escalated=kinds.count(MovementKind.DE_ESCALATED),
        up=directions.count("up"),
        down=directions.count("down"),
        steady=directions.count("steady"),
        not_comparable=directions.count("unknown"),
    )


def slt_pack(
    *,
    organisation: Organisation,
    quarter: Quarter,
    variant: str,
    now: datetime | None = None,
) -> SltPack:
    """The SLT pack of the corporate register approved in ``quarter``, as ``variant``, as
    generated at ``now`` (default: now).

    Raises ``ValueError`` for an unknown variant, or when the corporate register has no
    approved snapshot in ``quarter``. Eight queries whatever the number of risks.
    """
    if variant not in VARIANTS:
        raise ValueError(f"{variant!r} is not a pack variant: choose one of {', '.join(VARIANTS)}")
    now = now or timezone.now()
    today = timezone.localdate(now)
    register = corporate_register(organisation=organisation)
    if register is None:
        raise ValueError(f"{organisation} has no corporate register.")
    trends = quarter_trends(register=register, quarters=quarter.last(TREND_QUARTERS))
    snapshot = trends.snapshots.get(quarter)
    if snapshot is None:
        raise ValueError(
            f"The corporate register has no approved snapshot in {quarter.label}: SLT has not "
            "approved it in that quarter."
        )
    bands = scheme_bands(scheme_id=organisation.scheme_id)
    ratings = _Ratings(bands)
    previous = _previous_quarter(trends, quarter)
    rows_now = trends.risks.get(quarter, {})
    rows_before = trends.risks.get(previous, {}) if previous else {}
    current = _current_risks(rows_now)

    def exempt(row: RiskSnapshot) -> bool:
        # Withheld if exempt when approved or marked exempt since: never published by mistake.
        return row.exempt or current[row.risk_id].exempt

    rows = [row for row in rows_now.values() if _keep(variant, exempt(row))]
    risks = [
        _pack_risk(
            row,
            current[row.risk_id],
            exempt=exempt(row),
            trends=trends,
            ratings=ratings,
            quarter=quarter,
            approved_on=timezone.localdate(snapshot.approved_at),
            today=today,
        )
        for row in rows
    ]
    risks.sort(key=lambda r: (-(r.residual.score or 0), -(r.inherent.score or 0), r.reference))
    all_departures = _departures(
        register=register,
        since=trends.snapshots[previous].approved_at if previous else _quarter_bounds(quarter)[0],
        until=snapshot.approved_at,
        rows_before=rows_before,
    )
    all_proposals, open_now = _proposals(organisation=organisation, quarter=quarter, today=today)
    withheld = (
        {row.risk_id for row in rows_now.values() if exempt(row)}
        | {departure.risk_id for departure in all_departures if departure.exempt}
        | {proposal.risk_id for proposal in all_proposals if proposal.risk.exempt}
    )
    departures = [d for d in all_departures if _keep(variant, d.exempt)]
    return SltPack(
        organisation=organisation,
        register=register,
        quarter=quarter,
        variant=variant,
        approved_at=snapshot.approved_at,
        approved_by=person_name(snapshot.approved_by),
        generated_at=now,
        previous_quarter=previous,
        trend_quarters=list(trends.quarters),
        bands=bands,
        band_counts=_band_counts(rows, bands),
        not_scored=sum(1 for row in rows if row.residual_score is None),
        movement=_movement(risks, departures),
        inherent_counts=_heatmap_counts(rows, "inherent"),
        residual_counts=_heatmap_counts(rows, "residual"),
        risks=risks,
        arrivals=sorted((r for r in risks if r.arrival), key=lambda r: r.reference),
        departures=departures,
        rescored=_rescores(risks, rows_before, ratings),
        proposals=[
            _pack_proposal(proposal, ratings, open_now=open_now)
            for proposal in all_proposals
            if _keep(variant, proposal.risk.exempt)
        ],
        proposals_open_now=open_now,
        proposals_as_at=(
            "open now" if open_now else f"open at the end of the quarter ({quarter.end:%-d %B %Y})"
        ),
        overdue_reviews=sorted(
            (r for r in risks if r.review_overdue),
            key=lambda r: (r.next_review_due, r.reference),
        ),
        overdue_actions=_overdue_actions(risks, today),
        withheld=len(withheld) if variant == PUBLIC else 0,
        exempt_on_register=sum(1 for row in rows_now.values() if exempt(row)),
    )


def slt_pack_pdf(
    *, organisation: Organisation, quarter: Quarter, variant: str, now: datetime | None = None
) -> bytes:
    """The SLT pack as an A4 PDF (WeasyPrint; fetches nothing). ``ValueError`` as
    ``slt_pack``."""
    pack = slt_pack(organisation=organisation, quarter=quarter, variant=variant, now=now)
    return render_pdf("reports/slt_pack.html", {"pack": pack, "organisation": organisation})
