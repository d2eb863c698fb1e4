"""Building the committee report of a financial year: read the corporate register's approved
snapshots of the year and its ledger of movements, then each part of the report in turn (the
risks of the year, those added and removed, the start and end of the year, the process
figures)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalKind
from registers.categories import with_category_labels
from registers.models import (
    ACTIVE_ACTION_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    Organisation,
    Register,
    RegisterSnapshot,
    Risk,
    RiskMovement,
    RiskSnapshot,
    Tier,
)
from registers.periods import Quarter, quarters_of_year
from registers.selectors.snapshots import QuarterTrends, quarter_trends
from reports.committee import figures
from reports.committee.appetite import appetite_breaches
from reports.committee.assurance import key_control_assurance
from reports.committee.document import (
    APPROVED,
    CommitteeReport,
    CommitteeRisk,
    Mitigation,
    ProcessFigures,
    QuarterApproval,
    ReportUnavailable,
    RiskArrival,
    SnapshotSide,
)
from reports.models import CommitteeNarrative
from reports.pdf import render_pdf
from reports.permissions import VARIANTS, variant_carries
from reports.snapshots import band_counts, corporate_register, day_start, heatmap_counts
from reports.vocabulary import Departure, Ratings, TrendCell
from scoring.selectors import scheme_bands


@dataclass
class _Year:
    """The financial year as the corporate register's approved snapshots record it."""

    register: Register
    quarters: list[Quarter]
    today: date
    trends: QuarterTrends
    states: dict[Quarter, QuarterApproval]
    ratings: Ratings
    movements: list[RiskMovement]  # off the register during the year
    proposals: list[Proposal]  # to escalate to it during the year

    @property
    def year_over(self) -> bool:
        return self.quarters[-1].end < self.today

    @property
    def as_at(self) -> date:
        return self.quarters[-1].end if self.year_over else self.today

    @property
    def approved(self) -> list[Quarter]:
        """The quarters of the year SLT approved the register in."""
        return [q for q in self.quarters if q in self.trends.snapshots]

    @property
    def earlier(self) -> list[Quarter]:
        """Approved quarters before the year."""
        return [q for q in self.trends.snapshots if q < self.quarters[0]]

    @property
    def start_quarter(self) -> Quarter | None:
        """The year's baseline: the last approval before it, else the year's first."""
        if self.earlier:
            return max(self.earlier)
        return self.approved[0] if self.approved else None

    @property
    def end_quarter(self) -> Quarter | None:
        return self.approved[-1] if self.approved else None

    def rows(self, quarter: Quarter | None) -> dict[int, RiskSnapshot]:
        return self.trends.risks.get(quarter, {}) if quarter else {}

    def approved_on(self, quarter: Quarter) -> date:
        return timezone.localdate(self.trends.snapshots[quarter].approved_at)


def _window(quarters: list[Quarter]) -> tuple[datetime, datetime]:
    """The year as aware datetimes: its first moment and the first moment after it."""
    return day_start(quarters[0].start), day_start(quarters[-1].end + timedelta(days=1))


def _read_year(*, organisation: Organisation, year: int, today: date) -> _Year:
    """The corporate register's snapshots, movements off it and proposals to it in the year;
    ``ReportUnavailable`` when the organisation has no corporate register."""
    register = corporate_register(organisation=organisation)
    if register is None:
        raise ReportUnavailable(f"{organisation.name} has no corporate register.")
    quarters = quarters_of_year(year)
    year_from, year_until = _window(quarters)
    trends = quarter_trends(register=register, quarters=quarters)
    movements = (
        RiskMovement.objects.filter(
            from_register=register, moved_at__gte=year_from, moved_at__lt=year_until
        )
        .select_related("risk", "to_register", "moved_by")
        .order_by("moved_at", "pk")
    )
    proposals = (
        Proposal.objects.filter(
            kind=ProposalKind.ESCALATION,
            to_register=register,
            proposed_at__gte=year_from,
            proposed_at__lt=year_until,
        )
        .select_related("risk", "from_register")
        .order_by("proposed_at", "pk")
    )
    return _Year(
        register=register,
        quarters=quarters,
        today=today,
        trends=trends,
        states={
            q: figures.quarter_state(quarter=q, snapshots=trends.snapshots, today=today)
            for q in quarters
        },
        ratings=Ratings(scheme_bands(scheme_id=organisation.scheme_id)),
        movements=list(movements),
        proposals=list(proposals),
    )


def _latest_rows(year: _Year) -> dict[int, tuple[Quarter, RiskSnapshot]]:
    """The risks of the year, each with its latest snapshot: on the register in an approved
    quarter of the year, or on it when the year began and moved off during the year."""
    moved_off = {m.risk_id for m in year.movements}
    latest: dict[int, tuple[Quarter, RiskSnapshot]] = {}
    start = year.start_quarter
    if start is not None and start not in year.approved:
        for risk_id, row in year.rows(start).items():
            if risk_id in moved_off:
                latest[risk_id] = (start, row)
    for quarter in year.approved:
        for risk_id, row in year.rows(quarter).items():
            latest[risk_id] = (quarter, row)
    return latest


def _exempt_ids(year: _Year, risk_ids: list[int]) -> set[int]:
    """The risks exempt from publication: exempt in any snapshot of the year (or at its
    start), moved or proposed while exempt, or exempt now. Once exempt, never published."""
    quarters = {*year.approved, *([year.start_quarter] if year.start_quarter else [])}
    exempt = {
        risk_id for quarter in quarters for risk_id, row in year.rows(quarter).items() if row.exempt
    }
    exempt |= {m.risk_id for m in year.movements if m.risk.exempt}
    exempt |= {p.risk_id for p in year.proposals if p.risk.exempt}
    exempt |= set(
        Risk.objects.filter(pk__in=risk_ids, exempt=True).order_by().values_list("pk", flat=True)
    )
    return exempt


def _exempt_count(
    year: _Year, latest: dict[int, tuple[Quarter, RiskSnapshot]], exempt_ids: set[int]
) -> int:
    """How many risks of the year (on the register, moved off it or proposed for it) are
    exempt: those the public version withholds and the appendix carries."""
    everyone = set(latest) | {m.risk_id for m in year.movements}
    everyone |= {p.risk_id for p in year.proposals}
    return len(everyone & exempt_ids)


def _departure(movement: RiskMovement, *, exempt: bool) -> Departure:
    """A risk going off the corporate register, with the reason kept."""
    return Departure(
        risk_id=movement.risk_id,
        reference=movement.risk.reference,
        title=movement.risk.title,
        kind=movement.kind,
        destination=movement.to_register.name if movement.to_register else "",
        reason=movement.reason,
        moved_on=timezone.localdate(movement.moved_at),
        moved_by=person_name(movement.moved_by),
        exempt=exempt,
    )


def _trend_cells(year: _Year, row: RiskSnapshot) -> list[TrendCell]:
    """The risk's trend in each quarter of the year; a quarter not approved shows the trend
    the risk's imported sheet gave for it, or says it was not approved."""
    cells = []
    for quarter in year.trends.quarters:
        state = year.states[quarter]
        imported = year.trends.imported_in(row.risk_id, quarter, row.imported_trend)
        if state.state != APPROVED and imported:
            cells.append(TrendCell(quarter, stand_in=f"Imported: {imported}"))
        elif state.state != APPROVED:
            cells.append(TrendCell(quarter, stand_in=state.in_trend_column))
        else:
            cells.append(TrendCell(quarter, year.trends.in_quarter(row.risk_id, quarter)))
    return cells


def _mitigation(action: Action) -> Mitigation:
    return Mitigation(
        description=action.description,
        owner_name=person_name(action.owner) if action.owner else "",
        status_label=action.get_status_display(),
        due_date=action.due_date,
        completed_on=action.completed_on,
    )


def _described(year: _Year, risk_ids: list[int]) -> dict[int, dict]:
    """Each risk's description and mitigations as they are now, in two queries: its controls
    (not cancelled) and its planned actions under way or completed since the year began."""
    actions = Action.objects.exclude(status=ActionStatus.CANCELLED).select_related("owner")
    risks = with_category_labels(Risk.objects.filter(pk__in=risk_ids)).prefetch_related(
        Prefetch("actions", queryset=actions.order_by("kind", "due_date", "pk"))
    )
    year_start = year.quarters[0].start
    described = {}
    for risk in risks:
        controls = [a for a in risk.actions.all() if a.kind == ActionKind.CONTROL]
        planned = [
            a
            for a in risk.actions.all()
            if a.kind != ActionKind.CONTROL
            and (a.status in ACTIVE_ACTION_STATUSES or (a.completed_on or year_start) >= year_start)
        ]
        described[risk.pk] = {
            "event": risk.event,
            "consequence": risk.consequence,
            "impact": risk.impact,
            "category": risk.category_label or risk.category,
            "controls": [_mitigation(a) for a in controls],
            "actions": [_mitigation(a) for a in planned],
        }
    return described


def _year_risks(
    year: _Year,
    latest: dict[int, tuple[Quarter, RiskSnapshot]],
    removed: list[Departure],
    *,
    exempt_ids: set[int],
    keep: Callable[[int], bool],
) -> list[CommitteeRisk]:
    """Every corporate risk of the year as the register describes it: its scores, bands and
    owner when last approved, its trend in each quarter, its residual rating at the start,
    how it came off the register if it did, and its description and mitigations."""
    last_departure = {departure.risk_id: departure for departure in removed}
    start_rows = year.rows(year.start_quarter)
    kept = [risk_id for risk_id in latest if keep(risk_id)]
    described = _described(year, kept)
    risks = []
    for risk_id in kept:
        quarter, row = latest[risk_id]
        left = last_departure.get(risk_id)
        at_start = start_rows.get(risk_id)
        risks.append(
            CommitteeRisk(
                risk_id=risk_id,
                reference=row.reference,
                title=row.title,
                owner_name=row.owner_name,
                exempt=risk_id in exempt_ids,
                trends=_trend_cells(year, row),
                residual=year.ratings.residual(row),
                as_of=quarter,
                at_year_end=quarter == year.end_quarter,
                start_residual=year.ratings.residual(at_start) if at_start else None,
                left=left if left and left.moved_on >= year.approved_on(quarter) else None,
                inherent=year.ratings.inherent(row),
                **described.get(risk_id, {}),
            )
        )
    return sorted(risks, key=lambda r: _reference_key(r.reference))


def _added(year: _Year, *, exempt_ids: set[int], keep: Callable[[int], bool]) -> list[RiskArrival]:
    """The risks that came onto the register in an approved quarter of the year (those on
    the baseline snapshot were there when the year's record began)."""
    added = [
        RiskArrival(
            risk_id=risk_id,
            reference=row.reference,
            title=row.title,
            quarter=quarter,
            arrival=row.arrival,
            arrived_from=row.arrived_from,
            residual=year.ratings.residual(row),
            exempt=risk_id in exempt_ids,
        )
        for quarter in year.approved
        if quarter != year.start_quarter
        for risk_id, row in year.rows(quarter).items()
        if row.arrival and keep(risk_id)
    ]
    return sorted(added, key=lambda a: (a.quarter, _reference_key(a.reference)))


def _side(year: _Year, quarter: Quarter, rows: list[RiskSnapshot]) -> SnapshotSide:
    """The register at the start or the end of the year: the approval and its heat map."""
    snapshot: RegisterSnapshot = year.trends.snapshots[quarter]
    return SnapshotSide(
        quarter=quarter,
        approved_on=timezone.localdate(snapshot.approved_at),
        approved_by=person_name(snapshot.approved_by),
        counts=heatmap_counts(rows, scores="residual"),
        total=len(rows),
    )


def _movement(year: _Year, keep: Callable[[int], bool]) -> dict:
    """How the register moved: the start and end of the year side by side, with the risks by
    residual band at each."""
    start_quarter, end_quarter = year.start_quarter, year.end_quarter
    start_rows = [row for rid, row in year.rows(start_quarter).items() if keep(rid)]
    end_rows = [row for rid, row in year.rows(end_quarter).items() if keep(rid)]
    has_end = end_quarter is not None
    bands = year.ratings.bands
    return {
        "start": _side(year, start_quarter, start_rows) if has_end else None,
        "end": _side(year, end_quarter, end_rows) if has_end else None,
        "start_is_first_snapshot": not year.earlier,
        "band_counts": (
            band_counts(bands, start_rows, end_rows, count_unscored=True) if has_end else []
        ),
    }


def _process(
    year: _Year,
    risks: list[CommitteeRisk],
    removed: list[Departure],
    *,
    exempt_ids: set[int],
    keep: Callable[[int], bool],
) -> ProcessFigures:
    """How well the process ran: approvals, reviews on time, actions, escalations."""
    kept = {q: [row for rid, row in year.rows(q).items() if keep(rid)] for q in year.approved}
    reviews, reviews_total = figures.reviews(rows_by_quarter=kept, snapshots=year.trends.snapshots)
    escalations = [
        figures.escalation_outcome(p, exempt=p.risk_id in exempt_ids)
        for p in year.proposals
        if keep(p.risk_id)
    ]
    return ProcessFigures(
        approvals=[year.states[q] for q in year.quarters],
        reviews=reviews,
        reviews_total=reviews_total,
        actions=figures.action_figures(
            risk_ids=sorted({r.risk_id for r in risks} | {r.risk_id for r in removed}),
            quarters=year.quarters,
            as_at=year.as_at,
            year_over=year.year_over,
        ),
        escalations=escalations,
        escalation_counts=figures.escalation_counts(escalations),
    )


def _narrative(*, organisation: Organisation, year: int) -> dict:
    """The introduction the Insurance Manager wrote for the year, and Internal Audit's
    independent opinion with who gave it and when."""
    narrative = (
        CommitteeNarrative.objects.filter(organisation=organisation, year=year)
        .select_related("updated_by", "introduction_by", "opinion_by")
        .first()
    )
    if narrative is None:
        return {"introduction": "", "opinion": "", "narrative": None}
    opinion = narrative.opinion
    return {
        "introduction": narrative.introduction,
        "opinion": opinion,
        "narrative": narrative,
        "opinion_by": person_name(narrative.opinion_by) if opinion and narrative.opinion_by else "",
        "opinion_on": timezone.localdate(narrative.opinion_at)
        if opinion and narrative.opinion_at
        else None,
    }


def committee_report(
    *, organisation: Organisation, year: int, variant: str, today: date | None = None
) -> CommitteeReport:
    """The committee report of the financial year starting in April of ``year``, in the
    ``variant`` asked for. Raises ``ReportUnavailable`` when the organisation has no
    corporate register and ``ValueError`` for an unknown variant. Thirteen queries whatever the
    number of risks, snapshots, actions, assurances or proposals."""
    if variant not in VARIANTS:
        raise ValueError(f"{variant!r} is not a report variant: one of {', '.join(VARIANTS)}")
    the_year = _read_year(organisation=organisation, year=year, today=today or timezone.localdate())
    latest = _latest_rows(the_year)
    exempt_ids = _exempt_ids(the_year, list(latest))

    def keep(risk_id: int) -> bool:
        return variant_carries(variant, exempt=risk_id in exempt_ids)

    removed = [
        _departure(m, exempt=m.risk_id in exempt_ids) for m in the_year.movements if keep(m.risk_id)
    ]
    risks = _year_risks(the_year, latest, removed, exempt_ids=exempt_ids, keep=keep)
    return CommitteeReport(
        organisation=organisation,
        year=year,
        variant=variant,
        quarters=the_year.quarters,
        bands=the_year.ratings.bands,
        today=the_year.today,
        as_at=the_year.as_at,
        year_over=the_year.year_over,
        **_narrative(organisation=organisation, year=year),
        **_movement(the_year, keep),
        risks=risks,
        added=_added(the_year, exempt_ids=exempt_ids, keep=keep),
        removed=removed,
        process=_process(the_year, risks, removed, exempt_ids=exempt_ids, keep=keep),
        quarter_states=[the_year.states[q] for q in the_year.quarters],
        exempt_count=_exempt_count(the_year, latest, exempt_ids),
        key_control_assurance=key_control_assurance(
            risks=risks, bands=the_year.ratings.bands, as_at=the_year.as_at
        ),
        appetite=appetite_breaches(
            quarters=the_year.quarters,
            snapshots=the_year.trends.snapshots,
            rows=the_year.rows,
            bands=the_year.ratings.bands,
            keep=keep,
            organisation_id=organisation.pk,
        ),
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
    )


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
