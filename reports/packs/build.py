"""Building the SLT pack of a quarter: read the corporate register as SLT approved it (or, for
a draft, as approval would freeze it now), then each section of the pack in turn (the cover,
the summary, the register, what changed, the escalations awaiting SLT, what is overdue, the
red risks on lower registers, the financial exposure and the Section 151 Officer's
oversight)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from common.people import person_name
from escalation.models import Proposal, ProposalKind
from registers import due
from registers.approvals import register_snapshot_rows
from registers.models import Organisation, Register, RegisterSnapshot, Risk, RiskSnapshot
from registers.periods import Quarter, approvable_quarters
from registers.selectors.actions import mitigation_cost
from registers.selectors.snapshots import QuarterTrends, quarter_trends
from reports.exposure import organisation_exposure
from reports.packs import cycle, sections
from reports.packs.appetite import PackAppetite, outside_appetite
from reports.packs.document import PackRisk, SltPack
from reports.packs.new_risks import new_risks_awaiting
from reports.pdf import render_pdf
from reports.permissions import PUBLIC, VARIANTS, variant_carries
from reports.snapshots import (
    band_counts,
    corporate_register,
    day_start,
    heatmap_counts,
    is_rated,
)
from reports.vocabulary import Departure, Ratings, long_date, trend_cell
from scoring.selectors import scheme_bands

TREND_QUARTERS = 4  # the pack's quarter and the three before it


@dataclass
class _ApprovedRegister:
    """The corporate register as SLT approved it in the pack's quarter, the quarter before it,
    and its risks as they are now."""

    register: Register
    quarter: Quarter
    snapshot: RegisterSnapshot
    trends: QuarterTrends
    previous: Quarter | None
    ratings: Ratings
    current: dict[int, Risk]

    @property
    def rows_now(self) -> dict[int, RiskSnapshot]:
        return self.trends.risks.get(self.quarter, {})

    @property
    def rows_before(self) -> dict[int, RiskSnapshot]:
        return self.trends.risks.get(self.previous, {}) if self.previous else {}

    @property
    def approved_on(self) -> date:
        return timezone.localdate(self.snapshot.approved_at)

    @property
    def draft(self) -> bool:
        """Not approved yet: the snapshot is the one approval would take now, unsaved."""
        return self.snapshot.pk is None

    def exempt(self, row: RiskSnapshot) -> bool:
        # Withheld if exempt when approved or marked exempt since: never published by mistake.
        return row.exempt or self.current[row.risk_id].exempt


def _approved_register(
    *, organisation: Organisation, quarter: Quarter, now: datetime
) -> _ApprovedRegister:
    """The corporate register's snapshots over the pack's trend quarters, the scheme's bands
    and the risks as they are now. A quarter SLT has not approved yet that can still be
    approved (``approvable_quarters``) is read as approving it at ``now`` would freeze it, a
    draft; ``ValueError`` for any other quarter not approved."""
    register = corporate_register(organisation=organisation)
    if register is None:
        raise ValueError(f"{organisation} has no corporate register.")
    quarters = quarter.last(TREND_QUARTERS)
    trends = quarter_trends(register=register, quarters=quarters)
    snapshot = trends.snapshots.get(quarter)
    if snapshot is None:
        if quarter not in approvable_quarters(timezone.localdate(now)):
            raise ValueError(
                f"The corporate register has no approved snapshot in {quarter.label}: SLT did "
                "not approve it in that quarter."
            )
        snapshot = RegisterSnapshot(
            register=register, year=quarter.year, quarter=quarter.number, approved_at=now
        )
        rows = register_snapshot_rows(register=register, snapshot=snapshot, at=now)
        trends = quarter_trends(register=register, quarters=quarters, draft=(snapshot, rows))
    earlier = [q for q in trends.snapshots if q < quarter]
    return _ApprovedRegister(
        register=register,
        quarter=quarter,
        snapshot=snapshot,
        trends=trends,
        previous=max(earlier) if earlier else None,
        ratings=Ratings(scheme_bands(scheme_id=organisation.scheme_id)),
        current=sections.current_risks(trends.risks.get(quarter, {})),
    )


def _pack_risk(approved: _ApprovedRegister, row: RiskSnapshot, *, today: date) -> PackRisk:
    """A row of section 2: the risk's scores, owner and trends as approved, its text, controls
    and actions as they are now."""
    risk = approved.current[row.risk_id]
    controls, actions = sections.shown_actions(risk=risk, quarter=approved.quarter, today=today)
    trends = approved.trends
    return PackRisk(
        risk_id=row.risk_id,
        reference=row.reference,
        title=row.title,
        event=risk.event,
        consequence=risk.consequence,
        impact=risk.impact,
        exempt=approved.exempt(row),
        owner_name=row.owner_name,
        next_review_due=row.next_review_due,
        review_overdue=due.is_overdue(row.next_review_due, approved.approved_on),
        inherent=approved.ratings.inherent(row),
        residual=approved.ratings.residual(row),
        trends=[trend_cell(trends=trends, row=row, quarter=q) for q in trends.quarters],
        arrival=row.arrival,
        arrived_from=row.arrived_from,
        controls=controls,
        actions=actions,
        horizon=risk.get_horizon_display(),
        exposure_text=risk.exposure_text,
        mitigation_cost=mitigation_cost(risk.actions.all()),
    )


def _register_risks(
    approved: _ApprovedRegister, rows: list[RiskSnapshot], *, today: date
) -> list[PackRisk]:
    """Section 2, the register: its risks highest residual score first."""
    risks = [_pack_risk(approved, row, today=today) for row in rows]
    risks.sort(key=lambda r: (-r.residual.rank, -(r.inherent.score or 0), r.reference))
    return risks


def _cover(approved: _ApprovedRegister, *, variant: str, now: datetime) -> dict:
    """The cover's facts: which register, quarter and version, approved when and by whom (or
    a draft), and what the Section 151 Officer said."""
    snapshot = approved.snapshot
    return {
        "register": approved.register,
        "quarter": approved.quarter,
        "variant": variant,
        "draft": approved.draft,
        "approved_at": snapshot.approved_at,
        "approved_by": "" if approved.draft else person_name(snapshot.approved_by),
        "approval": cycle.approval(snapshot),
        "oversight": cycle.oversight(register=approved.register, quarter=approved.quarter),
        "generated_at": now,
        "previous_quarter": approved.previous,
        "trend_quarters": list(approved.trends.quarters),
    }


def _summary(
    approved: _ApprovedRegister,
    rows: list[RiskSnapshot],
    risks: list[PackRisk],
    departed: list[Departure],
) -> dict:
    """Section 1, the summary: open risks by residual band, the movement since the previous
    quarter, the two heat maps, and the risks outside the appetite (listed in section 2)."""
    bands = approved.ratings.bands
    return {
        "bands": bands,
        "band_counts": band_counts(bands, rows, count_unscored=False),
        "not_scored": sum(1 for row in rows if not is_rated(row)),
        "movement": sections.movement(risks=risks, departed=departed),
        "inherent_counts": heatmap_counts(rows, scores="inherent"),
        "residual_counts": heatmap_counts(rows, scores="residual"),
        "appetite": _appetite(approved, risks),
    }


def _changes(approved: _ApprovedRegister, risks: list[PackRisk], departed: list[Departure]) -> dict:
    """Section 3, what changed since the previous quarter: arrivals, departures, rescores."""
    return {
        "arrivals": sorted((r for r in risks if r.arrival), key=lambda r: r.reference),
        "departures": departed,
        "rescored": sections.rescores(
            risks=risks, rows_before=approved.rows_before, ratings=approved.ratings
        ),
    }


def _appetite(approved: _ApprovedRegister, risks: list[PackRisk]) -> PackAppetite:
    """The risks outside the appetite, by category, and the statement that applied: the one
    the approval recorded, or for a draft the one in force now (``register_snapshot_rows``
    tells the unsaved snapshot)."""
    return outside_appetite(
        statement=approved.snapshot.appetite_statement,
        rows=approved.rows_now,
        risks=risks,
        current=approved.current,
        ratings=approved.ratings,
    )


def _escalations(
    approved: _ApprovedRegister,
    proposals: list[Proposal],
    closures: list[Proposal],
    *,
    open_now: bool,
    variant: str,
) -> dict:
    """Section 4, the escalations awaiting SLT, and the closures of corporate risks proposed
    to SLT that section 3 lists: open now, or at the end of a past quarter."""
    quarter = approved.quarter

    def carried(listed: list[Proposal]) -> list:
        return [
            sections.pack_proposal(proposal, ratings=approved.ratings, open_now=open_now)
            for proposal in listed
            if variant_carries(variant, exempt=proposal.risk.exempt)
        ]

    return {
        "proposals": carried(proposals),
        "closures": carried(closures),
        "proposals_open_now": open_now,
        "proposals_as_at": (
            "open now" if open_now else f"open at the end of the quarter ({long_date(quarter.end)})"
        ),
    }


def _overdue(risks: list[PackRisk], *, today: date) -> dict:
    """Section 5: risks overdue for review when SLT approved the register, and planned
    actions overdue when the pack is generated."""
    return {
        "overdue_reviews": sorted(
            (r for r in risks if r.review_overdue),
            key=lambda r: (r.next_review_due, r.reference),
        ),
        "overdue_actions": sections.overdue_actions(risks=risks, today=today),
    }


def _exempt_counts(
    approved: _ApprovedRegister,
    departed: list[Departure],
    proposals: list[Proposal],
    *,
    variant: str,
) -> dict:
    """How many risks the public version withholds (on the register, gone off it, or
    proposed for it), and how many exempt risks are on the register."""
    exempt_rows = {row.risk_id for row in approved.rows_now.values() if approved.exempt(row)}
    withheld = (
        exempt_rows
        | {departure.risk_id for departure in departed if departure.exempt}
        | {proposal.risk_id for proposal in proposals if proposal.risk.exempt}
    )
    return {
        "withheld": len(withheld) if variant == PUBLIC else 0,
        "exempt_on_register": len(exempt_rows),
    }


def _awaiting(
    approved: _ApprovedRegister, *, organisation: Organisation, today: date
) -> tuple[list[Proposal], list[Proposal], bool]:
    """The escalations to the corporate register and the closures of its risks awaiting SLT,
    and whether they are those open now."""
    proposals, open_now = sections.proposals_awaiting(
        organisation=organisation, quarter=approved.quarter, today=today
    )
    closures, _ = sections.proposals_awaiting(
        organisation=organisation,
        quarter=approved.quarter,
        today=today,
        kind=ProposalKind.CLOSURE,
        corporate=approved.register,
    )
    return proposals, closures, open_now


def slt_pack(
    *,
    organisation: Organisation,
    quarter: Quarter,
    variant: str,
    now: datetime | None = None,
) -> SltPack:
    """The SLT pack of the corporate register approved in ``quarter``, as ``variant``, as
    generated at ``now`` (default: now); a draft, marked so, for a quarter under review that
    SLT has not approved yet (docs/domain.md#draft-packs).

    Raises ``ValueError`` for an unknown variant, or when the corporate register has no
    approved snapshot in ``quarter`` and that quarter can no longer be approved. A fixed
    number of queries whatever the number of risks.
    """
    if variant not in VARIANTS:
        raise ValueError(f"{variant!r} is not a pack variant: choose one of {', '.join(VARIANTS)}")
    now = now or timezone.now()
    today = timezone.localdate(now)
    approved = _approved_register(organisation=organisation, quarter=quarter, now=now)
    rows = [
        row
        for row in approved.rows_now.values()
        if variant_carries(variant, exempt=approved.exempt(row))
    ]
    risks = _register_risks(approved, rows, today=today)
    previous = approved.trends.snapshots.get(approved.previous) if approved.previous else None
    all_departures = sections.departures(
        register=approved.register,
        since=previous.approved_at if previous else day_start(quarter.start),
        until=approved.snapshot.approved_at,
        rows_before=approved.rows_before,
    )
    departed = [d for d in all_departures if variant_carries(variant, exempt=d.exempt)]
    proposals, closures, open_now = _awaiting(approved, organisation=organisation, today=today)
    return SltPack(
        organisation=organisation,
        **_cover(approved, variant=variant, now=now),
        **_summary(approved, rows, risks, departed),
        risks=risks,
        **_changes(approved, risks, departed),
        **_escalations(approved, proposals, closures, open_now=open_now, variant=variant),
        **_overdue(risks, today=today),
        **_exempt_counts(approved, all_departures, proposals + closures, variant=variant),
        new_risks=new_risks_awaiting(
            register=approved.register,
            quarter=quarter,
            today=today,
            ratings=approved.ratings,
            variant=variant,
        ),
        lower_reds=cycle.lower_red_risks(
            organisation=organisation, ratings=approved.ratings, variant=variant
        ),
        exposure=organisation_exposure(
            organisation=organisation, bands=approved.ratings.bands, variant=variant
        ),
    )


def slt_pack_pdf(
    *, organisation: Organisation, quarter: Quarter, variant: str, now: datetime | None = None
) -> bytes:
    """The SLT pack as an A4 PDF (WeasyPrint; fetches nothing). ``ValueError`` as
    ``slt_pack``."""
    pack = slt_pack(organisation=organisation, quarter=quarter, variant=variant, now=now)
    return render_pdf("reports/slt_pack.html", {"pack": pack, "organisation": organisation})
