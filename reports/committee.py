"""The annual risk management report to the Audit and Procurement Committee.

What the committee reads about a financial year of the corporate register: how it moved
(start- and end-of-year heat maps, every risk with its four-quarter trend, what came onto and
went off it), how well the process ran (quarterly approvals, reviews on time, actions
completed and overdue, escalations and their outcome), and the words people write for it (an
introduction and an opinion on the risk management process, kept in ``CommitteeNarrative``).

Everything is read from the register's approved quarterly snapshots and its ledger of
movements, so the report of a past year never changes when today's risks do. A fixed number
of queries whatever the number of risks.

Variants: ``full`` (internal: everything), ``public`` (exempt risks left out of every section,
with how many were withheld) and ``appendix`` (the confidential appendix: only the exempt
risks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalStatus
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    Arrival,
    MovementKind,
    Organisation,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    Tier,
)
from registers.periods import Quarter, quarters_of_year, year_label
from registers.selectors.snapshots import QuarterTrends, quarter_trends
from registers.services import save_with_history
from reports.models import CommitteeNarrative
from reports.packs import corporate_register
from reports.pdf import PDF_UA_1, render_pdf
from reports.permissions import APPENDIX, FULL, PUBLIC, VARIANTS
from scoring import matrix
from scoring.selectors import scheme_bands

REPORT_TITLE = "Annual risk management report to the Audit and Procurement Committee"

# How each variant is named in file names and on the cover.
VARIANT_NAMES = {FULL: "internal", PUBLIC: "public", APPENDIX: "confidential-appendix"}
VARIANT_LABELS = {
    FULL: "Internal version",
    PUBLIC: "Public version",
    APPENDIX: "Confidential appendix",
}

UNSCORED_COLOUR = "#ffffff"


def committee_report_filename(*, year: int, variant: str) -> str:
    """ "Committee-risk-report-2026-27-public.pdf"."""
    year_text = year_label(year).replace("/", "-")
    return f"Committee-risk-report-{year_text}-{VARIANT_NAMES[variant]}.pdf"


class ReportUnavailable(Exception):
    """The report cannot be produced (e.g. the organisation has no corporate register)."""


# The pieces of the report ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BandMark:
    """A residual score with its band as frozen in a snapshot: "Red 16" (never colour alone)."""

    label: str
    score: int | None
    colour: str
    text_colour: str

    @property
    def text(self) -> str:
        return f"{self.label} {self.score}" if self.score is not None else "Not scored"


@dataclass(frozen=True, slots=True)
class TrendCell:
    """A risk's trend in one quarter: the trend's words ("↑ Up 4", "New", "N/A"), or what
    stands in for it when the register has no approved snapshot for the quarter."""

    quarter: Quarter
    text: str
    direction: str  # new, up, down, steady, na, unknown, or "none" (no snapshot)


@dataclass(frozen=True, slots=True)
class RiskLeaving:
    """A risk going off the corporate register during the year, with the reason kept."""

    risk_id: int
    reference: str
    title: str
    kind: str
    what: str  # "Closed", "De-escalated to People directorate"
    reason: str
    moved_on: date
    moved_by: str
    exempt: bool


@dataclass(frozen=True, slots=True)
class RiskArrival:
    """A risk coming onto the corporate register during the year (from the snapshots)."""

    risk_id: int
    reference: str
    title: str
    quarter: Quarter
    arrival: str
    how: str  # "New risk", "Escalated from People directorate"
    residual: BandMark
    exempt: bool


@dataclass
class CommitteeRisk:
    """A corporate risk on the register in some quarter of the year."""

    risk_id: int
    reference: str
    title: str
    owner_name: str
    exempt: bool
    trends: list[TrendCell]
    residual: BandMark
    as_of: Quarter  # the quarter whose snapshot gives ``residual``
    at_year_end: bool  # in the year's latest snapshot
    start_residual: BandMark | None = None  # at the start of the year, if on the register then
    left: RiskLeaving | None = None  # how it came off the register, if it did in the year


@dataclass(frozen=True, slots=True)
class SnapshotSide:
    """The register at the start or the end of the year, as one approved snapshot."""

    quarter: Quarter
    approved_on: date
    approved_by: str
    counts: dict  # (likelihood, impact) -> risks; (None, None) for unscored, for the heat map
    total: int


@dataclass(frozen=True, slots=True)
class BandCount:
    label: str
    colour: str
    text_colour: str
    start: int
    end: int
    within_appetite: bool = True

    @property
    def change(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class QuarterApproval:
    """Whether SLT approved the corporate register in a quarter, when and who."""

    quarter: Quarter
    state: str  # approved, missed, in_progress, not_started
    approved_on: date | None = None
    approved_by: str = ""

    @property
    def text(self) -> str:
        if self.state == "approved":
            return f"Approved on {_long_date(self.approved_on)} by {self.approved_by}"
        return {
            "missed": "Not approved",
            "in_progress": "Quarter in progress: not yet approved",
            "not_started": "Quarter not yet started",
        }[self.state]


@dataclass(frozen=True, slots=True)
class ReviewTimeliness:
    """Of the risks in an approved snapshot, how many were within their review date."""

    label: str
    risks: int
    on_time: int
    late: int
    no_date: int

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.risks) if self.risks else None


@dataclass(frozen=True, slots=True)
class EscalationOutcome:
    """A proposal in the year to escalate a risk to the corporate register, and its outcome."""

    risk_id: int
    reference: str
    title: str
    from_register: str
    proposed_on: date
    status: str
    status_label: str
    decided_on: date | None
    reason: str
    exempt: bool


@dataclass(frozen=True, slots=True)
class ActionFigures:
    """Planned actions on the report's corporate risks."""

    completed: int  # completed within the year
    completed_by_due_date: int
    completed_late: int
    completed_without_due_date: int
    overdue: int  # not done by the year's end (by today if the year is not over)


@dataclass
class ProcessFigures:
    approvals: list[QuarterApproval]
    reviews: list[ReviewTimeliness]  # one per approved quarter
    reviews_total: ReviewTimeliness
    actions: ActionFigures
    escalations: list[EscalationOutcome]
    escalation_counts: list[tuple[str, str, int]]  # (status, label, count)

    @property
    def quarters_approved(self) -> int:
        return sum(1 for approval in self.approvals if approval.state == "approved")

    @property
    def quarters_due(self) -> int:
        """Quarters that have ended, or were approved early."""
        return sum(1 for a in self.approvals if a.state in ("approved", "missed"))

    @property
    def escalations_proposed(self) -> int:
        return len(self.escalations)


@dataclass
class CommitteeReport:
    organisation: Organisation
    year: int
    variant: str
    quarters: list[Quarter]
    bands: tuple[matrix.Band, ...]
    today: date
    as_at: date  # the year's last day, or today while the year is running
    year_over: bool
    introduction: str
    opinion: str
    narrative: CommitteeNarrative | None
    start: SnapshotSide | None
    end: SnapshotSide | None
    start_is_first_snapshot: bool  # no snapshot before the year: the year's first is the start
    band_counts: list[BandCount]
    risks: list[CommitteeRisk]
    added: list[RiskArrival]
    removed: list[RiskLeaving]
    process: ProcessFigures
    quarter_states: list[QuarterApproval]
    exempt_count: int  # exempt risks in the year: withheld (public) or carried (appendix)
    not_scored_start: int = 0
    not_scored_end: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def year_label(self) -> str:
        return year_label(self.year)

    @property
    def title(self) -> str:
        return REPORT_TITLE

    @property
    def variant_label(self) -> str:
        return VARIANT_LABELS[self.variant]

    @property
    def is_public(self) -> bool:
        return self.variant == PUBLIC

    @property
    def is_appendix(self) -> bool:
        return self.variant == APPENDIX

    @property
    def withheld(self) -> int:
        return self.exempt_count if self.variant == PUBLIC else 0

    @property
    def outside_appetite_start(self) -> int:
        return sum(c.start for c in self.band_counts if not c.within_appetite)

    @property
    def outside_appetite_end(self) -> int:
        return sum(c.end for c in self.band_counts if not c.within_appetite)

    @property
    def outside_appetite_labels(self) -> str:
        """ "Red", or "Critical or High" in a scheme with more bands above the appetite."""
        return " or ".join(c.label for c in self.band_counts if not c.within_appetite)

    @property
    def start_caption(self) -> str:
        return f"Start of the year: {self.start.quarter.label}" if self.start else ""

    @property
    def end_caption(self) -> str:
        if self.end is None:
            return ""
        if self.year_over:
            return f"End of the year: {self.end.quarter.label}"
        return f"Latest: {self.end.quarter.label} (year in progress)"

    @property
    def end_change(self) -> int:
        return self.end.total - self.start.total if self.end and self.start else 0

    @property
    def has_snapshots(self) -> bool:
        return self.end is not None

    @property
    def marking(self) -> str:
        """The cover's marking, as on the SLT pack."""
        risks = f"{self.exempt_count} risk{'s' if self.exempt_count != 1 else ''}"
        if self.variant == PUBLIC:
            if not self.exempt_count:
                return "Public version: no risks are exempt from publication."
            return (
                f"Public version: {risks} exempt from publication withheld, reported in a "
                "confidential appendix."
            )
        if self.variant == APPENDIX:
            return (
                f"Confidential appendix: not for publication. The {risks} exempt from "
                "publication left out of the public version."
            )
        if self.exempt_count:
            return f"Internal: not for publication. Includes {risks} exempt from publication."
        return "Internal version."

    @property
    def filename(self) -> str:
        return committee_report_filename(year=self.year, variant=self.variant)

    @property
    def running_title(self) -> str:
        return f"Annual risk report to the Audit and Procurement Committee · {self.year_label}"


# Building it ----------------------------------------------------------------------------------


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _band_mark(row: RiskSnapshot, by_key: dict[str, matrix.Band]) -> BandMark:
    score = row.residual_score
    if score is None:
        return BandMark("Not scored", None, UNSCORED_COLOUR, "#111111")
    band = by_key.get(row.residual_band_key)
    colour, text_colour = (band.colour, band.text_colour) if band else ("#e9ecef", "#111111")
    return BandMark(
        row.residual_band_label or (band.label if band else ""), score, colour, text_colour
    )


def _quarter_state(quarter: Quarter, snapshots: dict, today: date) -> QuarterApproval:
    snapshot = snapshots.get(quarter)
    if snapshot is not None:
        return QuarterApproval(
            quarter=quarter,
            state="approved",
            approved_on=timezone.localdate(snapshot.approved_at),
            approved_by=person_name(snapshot.approved_by),
        )
    if quarter.end < today:
        return QuarterApproval(quarter=quarter, state="missed")
    if quarter.start <= today:
        return QuarterApproval(quarter=quarter, state="in_progress")
    return QuarterApproval(quarter=quarter, state="not_started")


def _trend_cells(
    risk_id: int, trends: QuarterTrends, states: dict[Quarter, QuarterApproval]
) -> list[TrendCell]:
    cells = []
    for quarter in trends.quarters:
        state = states[quarter].state
        if state != "approved":
            text = "Not approved" if state == "missed" else "Not yet"
            cells.append(TrendCell(quarter, text, "none"))
            continue
        trend = trends.in_quarter(risk_id, quarter)
        cells.append(TrendCell(quarter, trend.text, trend.direction))
    return cells


def _side(quarter: Quarter, snapshot: RegisterSnapshot, rows: list[RiskSnapshot]) -> SnapshotSide:
    counts: dict = {}
    for row in rows:
        key = (row.residual_likelihood, row.residual_impact)
        if None in key:
            key = (None, None)
        counts[key] = counts.get(key, 0) + 1
    return SnapshotSide(
        quarter=quarter,
        approved_on=timezone.localdate(snapshot.approved_at),
        approved_by=person_name(snapshot.approved_by),
        counts=counts,
        total=len(rows),
    )


def _band_counts(
    bands: tuple[matrix.Band, ...], start: list[RiskSnapshot], end: list[RiskSnapshot]
) -> list[BandCount]:
    """Risks by residual band at the start and the end, highest band first, as the bands were
    frozen in the snapshots (a band no longer in the scheme is still counted, by its label)."""

    def tally(rows):
        found: dict[str, int] = {}
        labels: dict[str, str] = {}
        for row in rows:
            key = row.residual_band_key if row.residual_score is not None else ""
            found[key] = found.get(key, 0) + 1
            labels.setdefault(key, row.residual_band_label)
        return found, labels

    start_counts, start_labels = tally(start)
    end_counts, end_labels = tally(end)
    counts = []
    for band in reversed(bands):
        counts.append(
            BandCount(
                band.label,
                band.colour,
                band.text_colour,
                start_counts.pop(band.key, 0),
                end_counts.pop(band.key, 0),
                band.within_appetite,
            )
        )
    for key in sorted((set(start_counts) | set(end_counts)) - {""}):
        label = start_labels.get(key) or end_labels.get(key) or key
        counts.append(
            BandCount(label, "#e9ecef", "#111111", start_counts.get(key, 0), end_counts.get(key, 0))
        )
    if start_counts.get("") or end_counts.get(""):
        counts.append(
            BandCount(
                "Not scored",
                UNSCORED_COLOUR,
                "#111111",
                start_counts.get("", 0),
                end_counts.get("", 0),
            )
        )
    return counts


def _leaving(movement: RiskMovement, exempt: bool) -> RiskLeaving:
    if movement.kind == MovementKind.REMOVED:
        what = "Closed"
    elif movement.kind == MovementKind.DE_ESCALATED:
        what = f"De-escalated to {movement.to_register.name}"
    else:
        what = f"{movement.get_kind_display()} to {movement.to_register.name}"
    return RiskLeaving(
        risk_id=movement.risk_id,
        reference=movement.risk.reference,
        title=movement.risk.title,
        kind=movement.kind,
        what=what,
        reason=movement.reason,
        moved_on=timezone.localdate(movement.moved_at),
        moved_by=person_name(movement.moved_by),
        exempt=exempt,
    )


def _arrival_text(row: RiskSnapshot) -> str:
    if row.arrival == Arrival.ESCALATED:
        return f"Escalated from {row.arrived_from}" if row.arrived_from else "Escalated in"
    if row.arrival == Arrival.DE_ESCALATED:
        return f"De-escalated from {row.arrived_from}" if row.arrived_from else "De-escalated in"
    return "New risk raised on the corporate register"


def _action_figures(*, risk_ids: list[int], quarters: list[Quarter], as_at: date, year_over: bool):
    year_start, year_end = quarters[0].start, quarters[-1].end
    # Overdue at the year's end: due before it closed and not done by then (an action finished
    # after the year end was still overdue at it). While the year runs: overdue today.
    cutoff = year_end + timedelta(days=1) if year_over else as_at
    completed = Q(
        status=ActionStatus.DONE, completed_on__gte=year_start, completed_on__lte=year_end
    )
    overdue = Q(due_date__lt=cutoff) & (
        Q(status__in=ACTIVE_ACTION_STATUSES) | Q(status=ActionStatus.DONE, completed_on__gte=cutoff)
    )
    figures = Action.objects.filter(risk_id__in=risk_ids, kind=ActionKind.ACTION).aggregate(
        completed=Count("pk", filter=completed),
        by_due=Count("pk", filter=completed & Q(completed_on__lte=F("due_date"))),
        late=Count("pk", filter=completed & Q(completed_on__gt=F("due_date"))),
        undated=Count("pk", filter=completed & Q(due_date__isnull=True)),
        overdue=Count("pk", filter=overdue),
    )
    return ActionFigures(
        completed=figures["completed"],
        completed_by_due_date=figures["by_due"],
        completed_late=figures["late"],
        completed_without_due_date=figures["undated"],
        overdue=figures["overdue"],
    )


def _reviews(
    rows_by_quarter: dict[Quarter, list[RiskSnapshot]], snapshots: dict[Quarter, RegisterSnapshot]
) -> tuple[list[ReviewTimeliness], ReviewTimeliness]:
    """Over each approved snapshot of the year: the risks whose next review was not yet due
    when the register was approved (on time), already past (late), or never set."""
    per_quarter = []
    for quarter, rows in rows_by_quarter.items():
        approved_on = timezone.localdate(snapshots[quarter].approved_at)
        on_time = sum(1 for r in rows if r.next_review_due and r.next_review_due >= approved_on)
        late = sum(1 for r in rows if r.next_review_due and r.next_review_due < approved_on)
        per_quarter.append(
            ReviewTimeliness(
                label=f"Q{quarter.number}, approved {_long_date(approved_on)}",
                risks=len(rows),
                on_time=on_time,
                late=late,
                no_date=len(rows) - on_time - late,
            )
        )
    total = ReviewTimeliness(
        label="The year",
        risks=sum(r.risks for r in per_quarter),
        on_time=sum(r.on_time for r in per_quarter),
        late=sum(r.late for r in per_quarter),
        no_date=sum(r.no_date for r in per_quarter),
    )
    return per_quarter, total


def _keeper(variant: str, exempt_ids: set[int]) -> Callable[[int], bool]:
    if variant == PUBLIC:
        return lambda risk_id: risk_id not in exempt_ids
    if variant == APPENDIX:
        return lambda risk_id: risk_id in exempt_ids
    return lambda risk_id: True


def committee_report(
    *, organisation: Organisation, year: int, variant: str, today: date | None = None
) -> CommitteeReport:
    """The committee report of the financial year starting in April of ``year``, in the
    ``variant`` asked for. Raises ``ReportUnavailable`` when the organisation has no
    corporate register and ``ValueError`` for an unknown variant. Nine queries whatever the
    number of risks, snapshots, actions or proposals."""
    if variant not in VARIANTS:
        raise ValueError(f"{variant!r} is not a report variant: one of {', '.join(VARIANTS)}")
    today = today or timezone.localdate()
    corporate = corporate_register(organisation=organisation)
    if corporate is None:
        raise ReportUnavailable(f"{organisation.name} has no corporate register.")
    bands = scheme_bands(scheme_id=organisation.scheme_id)
    by_key = {band.key: band for band in bands}
    quarters = quarters_of_year(year)
    year_over = quarters[-1].end < today
    as_at = quarters[-1].end if year_over else today
    year_from, year_until = (
        _day_start(quarters[0].start),
        _day_start(quarters[-1].end + timedelta(days=1)),
    )

    trends = quarter_trends(register=corporate, quarters=quarters)
    states = {q: _quarter_state(q, trends.snapshots, today) for q in quarters}
    year_quarters = [q for q in quarters if q in trends.snapshots]
    earlier = [q for q in trends.snapshots if q < quarters[0]]
    start_quarter = max(earlier) if earlier else (year_quarters[0] if year_quarters else None)
    end_quarter = year_quarters[-1] if year_quarters else None

    movements = list(
        RiskMovement.objects.filter(
            from_register=corporate, moved_at__gte=year_from, moved_at__lt=year_until
        )
        .select_related("risk", "to_register", "moved_by")
        .order_by("moved_at", "pk")
    )
    proposals = list(
        Proposal.objects.filter(
            to_register=corporate, proposed_at__gte=year_from, proposed_at__lt=year_until
        )
        .select_related("risk", "from_register")
        .order_by("proposed_at", "pk")
    )

    # The risks of the year: on the register in an approved quarter of it, or on it when the
    # year began and moved off during the year.
    moved_off = {m.risk_id for m in movements}
    latest_row: dict[int, tuple[Quarter, RiskSnapshot]] = {}
    if start_quarter is not None and start_quarter not in year_quarters:
        for risk_id, row in trends.risks.get(start_quarter, {}).items():
            if risk_id in moved_off:
                latest_row[risk_id] = (start_quarter, row)
    for quarter in year_quarters:
        for risk_id, row in trends.risks[quarter].items():
            latest_row[risk_id] = (quarter, row)

    # Exempt: exempt in any snapshot of the year, or now (once exempt, never published).
    exempt_ids = {
        risk_id
        for quarter in {*year_quarters, *([start_quarter] if start_quarter else [])}
        for risk_id, row in trends.risks.get(quarter, {}).items()
        if row.exempt
    }
    exempt_ids |= {m.risk_id for m in movements if m.risk.exempt}
    exempt_ids |= {p.risk_id for p in proposals if p.risk.exempt}
    exempt_ids |= set(
        Risk.objects.filter(pk__in=list(latest_row), exempt=True)
        .order_by()
        .values_list("pk", flat=True)
    )
    everyone = set(latest_row) | moved_off | {p.risk_id for p in proposals}
    exempt_count = len(everyone & exempt_ids)
    keep = _keeper(variant, exempt_ids)

    removed = [_leaving(m, m.risk_id in exempt_ids) for m in movements if keep(m.risk_id)]
    last_leaving = {leaving.risk_id: leaving for leaving in removed}

    risks = []
    for risk_id, (quarter, row) in latest_row.items():
        if not keep(risk_id):
            continue
        leaving = last_leaving.get(risk_id)
        at_start = trends.risks.get(start_quarter, {}).get(risk_id) if start_quarter else None
        snapshot_day = timezone.localdate(trends.snapshots[quarter].approved_at)
        risks.append(
            CommitteeRisk(
                risk_id=risk_id,
                reference=row.reference,
                title=row.title,
                owner_name=row.owner_name,
                exempt=risk_id in exempt_ids,
                trends=_trend_cells(risk_id, trends, states),
                residual=_band_mark(row, by_key),
                as_of=quarter,
                at_year_end=quarter == end_quarter,
                start_residual=_band_mark(at_start, by_key) if at_start else None,
                left=leaving if leaving and leaving.moved_on >= snapshot_day else None,
            )
        )
    risks.sort(key=lambda r: _reference_key(r.reference))

    added = []
    for quarter in year_quarters:
        if quarter == start_quarter:
            continue  # the baseline: its risks were there when the year's record began
        for risk_id, row in trends.risks[quarter].items():
            if row.arrival and keep(risk_id):
                added.append(
                    RiskArrival(
                        risk_id=risk_id,
                        reference=row.reference,
                        title=row.title,
                        quarter=quarter,
                        arrival=row.arrival,
                        how=_arrival_text(row),
                        residual=_band_mark(row, by_key),
                        exempt=risk_id in exempt_ids,
                    )
                )
    added.sort(key=lambda a: (a.quarter, _reference_key(a.reference)))

    def kept_rows(quarter):
        return [row for rid, row in trends.risks.get(quarter, {}).items() if keep(rid)]

    start_rows = kept_rows(start_quarter) if start_quarter else []
    end_rows = kept_rows(end_quarter) if end_quarter else []
    start = (
        _side(start_quarter, trends.snapshots[start_quarter], start_rows) if end_quarter else None
    )
    end = _side(end_quarter, trends.snapshots[end_quarter], end_rows) if end_quarter else None

    reviews, reviews_total = _reviews({q: kept_rows(q) for q in year_quarters}, trends.snapshots)
    escalations = [
        EscalationOutcome(
            risk_id=p.risk_id,
            reference=p.risk.reference,
            title=p.risk.title,
            from_register=p.from_register.name,
            proposed_on=timezone.localdate(p.proposed_at),
            status=p.status,
            status_label=p.get_status_display(),
            decided_on=timezone.localdate(p.decided_at) if p.decided_at else None,
            reason=p.decision_reason,
            exempt=p.risk_id in exempt_ids,
        )
        for p in proposals
        if keep(p.risk_id)
    ]
    escalation_counts = [
        (status, label, sum(1 for e in escalations if e.status == status))
        for status, label in (
            (ProposalStatus.ACCEPTED, "Accepted"),
            (ProposalStatus.DECLINED, "Declined"),
            (ProposalStatus.WITHDRAWN, "Withdrawn"),
            (ProposalStatus.OPEN, "Awaiting decision"),
        )
    ]
    process = ProcessFigures(
        approvals=[states[q] for q in quarters],
        reviews=reviews,
        reviews_total=reviews_total,
        actions=_action_figures(
            risk_ids=sorted({r.risk_id for r in risks} | {r.risk_id for r in removed}),
            quarters=quarters,
            as_at=as_at,
            year_over=year_over,
        ),
        escalations=escalations,
        escalation_counts=escalation_counts,
    )

    narrative = (
        CommitteeNarrative.objects.filter(organisation=organisation, year=year)
        .select_related("updated_by")
        .first()
    )
    return CommitteeReport(
        organisation=organisation,
        year=year,
        variant=variant,
        quarters=quarters,
        bands=bands,
        today=today,
        as_at=as_at,
        year_over=year_over,
        introduction=narrative.introduction if narrative else "",
        opinion=narrative.opinion if narrative else "",
        narrative=narrative,
        start=start,
        end=end,
        start_is_first_snapshot=not earlier,
        band_counts=_band_counts(bands, start_rows, end_rows) if end else [],
        risks=risks,
        added=added,
        removed=removed,
        process=process,
        quarter_states=[states[q] for q in quarters],
        exempt_count=exempt_count,
    )


def _reference_key(reference: str) -> tuple:
    """CRR-2 before CRR-10: references sorted by their prefix, then by number."""
    prefix, _, number = reference.rpartition("-")
    return (prefix, int(number), "") if number.isdigit() else (reference, 0, reference)


def committee_report_pdf(
    *, organisation: Organisation, year: int, variant: str, today: date | None = None
) -> bytes:
    """The committee report as an A4 PDF: the same document the preview page shows."""
    report = committee_report(organisation=organisation, year=year, variant=variant, today=today)
    # The report is published to councillors and the public: PDF/UA-1, tagged for screen
    # readers, as well as printable.
    return render_pdf(
        "reports/committee_report.html",
        {"report": report, "organisation": organisation},
        variant=PDF_UA_1,
    )


# The narrative --------------------------------------------------------------------------------


@transaction.atomic
def committee_narrative_save(
    *,
    organisation: Organisation,
    year: int,
    introduction: str,
    opinion: str,
    by: AbstractBaseUser,
) -> CommitteeNarrative:
    """Write the year's introduction and opinion; the previous words stay in the history."""
    narrative = (
        CommitteeNarrative.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .first()
    ) or CommitteeNarrative(organisation=organisation, year=year)
    narrative.introduction = (introduction or "").strip()
    narrative.opinion = (opinion or "").strip()
    narrative.updated_by = by
    return save_with_history(narrative, by=by, reason="Committee report narrative edited")


def committee_years(*, organisation: Organisation, today: date | None = None) -> list[int]:
    """The financial years a committee report can be asked for, newest first: from the year
    of the corporate register's first approved snapshot to the current year. One query."""
    current = Quarter.containing(today or timezone.localdate()).year
    first = (
        RegisterSnapshot.objects.filter(
            register__organisation=organisation, register__tier=Tier.CORPORATE
        )
        .order_by("year")
        .values_list("year", flat=True)
        .first()
    )
    return list(range(current, min(first or current, current) - 1, -1))
