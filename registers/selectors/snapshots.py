"""Reads of the quarterly snapshots: which snapshot is a register's for a quarter, and each
risk's trend over a run of quarters. A fixed number of queries whatever the size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from registers.models import Arrival, Register, RegisterSnapshot, RiskSnapshot
from registers.periods import Quarter
from registers.trends import NOT_ON_REGISTER, Trend, imported_trend_by_quarter, trend_between
from scoring import matrix

# What a trend reads of a register's snapshot: which quarter it is and when it was approved
# (the latest approval in a quarter wins), not who approved it nor the answers decided with it.
SNAPSHOT_PERIOD_FIELDS = ("register_id", "year", "quarter", "approved_at")


def quarter_snapshots(
    *, register: Register, up_to: Quarter, trend_only: bool = False
) -> dict[Quarter, RegisterSnapshot]:
    """The register's snapshot for each quarter up to ``up_to`` (the latest approval in each
    quarter), in one query; with ``trend_only``, only ``SNAPSHOT_PERIOD_FIELDS`` of each."""
    found: dict[Quarter, RegisterSnapshot] = {}
    rows = RegisterSnapshot.objects.filter(register=register, year__lte=up_to.year).order_by(
        "year", "quarter", "approved_at", "pk"
    )
    if trend_only:
        rows = rows.only(*SNAPSHOT_PERIOD_FIELDS)
    else:
        rows = rows.select_related("approved_by", "appetite_statement")
    for snapshot in rows:
        if snapshot.period <= up_to:
            found[snapshot.period] = snapshot  # later approvals in a quarter win
    return found


class TrendRow(NamedTuple):
    """What a trend reads of a risk's row in an approved snapshot (``RiskSnapshot``): its
    residual score and how it arrived, as plain values, for lists of a thousand risks (a
    named tuple: made from a database row at a fifth of a frozen dataclass's cost)."""

    snapshot_id: int
    risk_id: int
    residual_likelihood: int | None
    residual_impact: int | None
    arrival: str
    arrived_from: str

    @property
    def residual_score(self) -> int | None:
        return matrix.score_or_none(self.residual_likelihood, self.residual_impact)

    def get_arrival_display(self) -> str:
        return str(dict(Arrival.choices).get(self.arrival, self.arrival))


TREND_ROW_FIELDS = TrendRow._fields


@dataclass
class QuarterTrends:
    """Trends of a register's risks over ``quarters`` (oldest first)."""

    quarters: list[Quarter]
    snapshots: dict[Quarter, RegisterSnapshot]
    risks: dict[Quarter, dict[int, RiskSnapshot]]  # quarter -> risk id -> its snapshot
    # ``_before`` of each quarter asked, worked out once: a register's rows all ask it.
    _earlier: dict[Quarter, Quarter | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def of(self, risk_id: int) -> list[Trend]:
        """The risk's trend in each quarter, oldest first."""
        return [self.in_quarter(risk_id, quarter) for quarter in self.quarters]

    def in_quarter(self, risk_id: int, quarter: Quarter) -> Trend:
        now = self.risks.get(quarter, {}).get(risk_id)
        if now is None:
            return NOT_ON_REGISTER
        before_quarter = self._before(quarter)
        before = self.risks.get(before_quarter, {}).get(risk_id) if before_quarter else None
        return trend_between(
            current=now.residual_score,
            previous=before.residual_score if before else None,
            on_before=before is not None,
        )

    def imported_in(self, risk_id: int, quarter: Quarter, imported_trend: str) -> str:
        """The trend the risk's imported sheet gave for ``quarter`` ("↑"), standing in while
        the register has no snapshot of that quarter and no earlier snapshot holds the risk
        (real snapshots replace it); "" otherwise (docs/domain.md#spreadsheets)."""
        if not imported_trend or quarter in self.snapshots:
            return ""
        held = [q for q, rows in self.risks.items() if risk_id in rows]
        if held and quarter > min(held):
            return ""
        return imported_trend_by_quarter(imported_trend).get(quarter.number, "")

    def snapshot_of(self, risk_id: int, quarter: Quarter) -> RiskSnapshot | None:
        return self.risks.get(quarter, {}).get(risk_id)

    def _before(self, quarter: Quarter) -> Quarter | None:
        """The latest quarter before ``quarter`` with a snapshot."""
        if quarter not in self._earlier:
            earlier = [q for q in self.snapshots if q < quarter]
            self._earlier[quarter] = max(earlier) if earlier else None
        return self._earlier[quarter]


def quarter_trends(
    *,
    register: Register,
    quarters: Sequence[Quarter],
    draft: tuple[RegisterSnapshot, Sequence[RiskSnapshot]] | None = None,
    trend_only: bool = False,
) -> QuarterTrends:
    """Each risk's trend on ``register`` in each of ``quarters``, against the register's
    previous approved snapshot. ``draft`` (an unsaved snapshot and its rows) stands in for its
    quarter as if it were approved: a draft pack's trends are those approval would give. With
    ``trend_only`` the risks' rows are ``TrendRow`` values and the snapshots their
    ``SNAPSHOT_PERIOD_FIELDS``, what a trend reads, not the whole snapshot. Two queries."""
    quarters = sorted(quarters)
    snapshots = quarter_snapshots(register=register, up_to=quarters[-1], trend_only=trend_only)
    if draft is not None:
        snapshots[draft[0].period] = draft[0]
    wanted = {q for q in quarters if q in snapshots}
    for quarter in list(wanted):
        earlier = [q for q in snapshots if q < quarter]
        if earlier:
            wanted.add(max(earlier))
    by_id = {snapshots[q].pk: q for q in wanted if snapshots[q].pk is not None}
    risks: dict[Quarter, dict[int, RiskSnapshot]] = {q: {} for q in wanted}
    if draft is not None:
        risks[draft[0].period] = {row.risk_id: row for row in draft[1]}
    rows = RiskSnapshot.objects.filter(snapshot_id__in=by_id)
    if trend_only:
        rows = map(TrendRow._make, rows.order_by().values_list(*TREND_ROW_FIELDS))
    for row in rows:
        risks[by_id[row.snapshot_id]][row.risk_id] = row
    return QuarterTrends(quarters=list(quarters), snapshots=snapshots, risks=risks)
