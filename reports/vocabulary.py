"""The words and marks every report prints, in one place: the quarterly SLT pack
(``reports.packs``), the annual committee report (``reports.committee``) and the directorate
collation (``reports.collation``) say a rating, a trend, how a risk came onto or went off a
register, a count of risks and a date the same way (docs/domain.md, "Reports").

Words first: a rating reads "Red 16" and a trend "↑ Up 4"; a colour or an arrow only
decorates them, never carries the meaning alone. Pure data and words: nothing here reads the
database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from escalation.models import Proposal
from registers.models import Arrival, MovementKind, RiskSnapshot
from registers.periods import Quarter
from registers.selectors.snapshots import QuarterTrends
from registers.trends import Trend
from scoring import matrix

NOT_SCORED = "Not scored"
RATED_NOT_SCORED = "(rated, not scored)"

# A score with no band (a likelihood or impact missing): white, as the app's unscored badges.
UNSCORED_COLOUR = "#ffffff"
# A band the scheme no longer has (a snapshot taken under an older scheme): a grey that stays
# visible against the grey of the reports' table headings.
UNKNOWN_BAND_COLOUR = "#dee2e6"


# Ratings --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rating:
    """A score as approved, with its band: "Red 16". The colour only decorates."""

    likelihood: int | None
    impact: int | None
    band_key: str
    band_label: str
    colour: str
    # A risk rated but not scored: the rating word it was imported with ("Critical"), and
    # the floor of its band, where it sorts (docs/domain.md#spreadsheets).
    rated_as: str = ""
    band_floor: int = 0

    @property
    def score(self) -> int | None:
        return matrix.score_or_none(self.likelihood, self.impact)

    @property
    def rated_only(self) -> bool:
        """Rated (in a band) but not scored."""
        return self.score is None and bool(self.rated_as)

    @property
    def rank(self) -> int:
        """Where the rating sorts: its score, a rating's band floor, or 0 when not scored."""
        if self.score is not None:
            return self.score
        return self.band_floor if self.rated_only else 0

    @property
    def text(self) -> str:
        if self.rated_only:
            return f"{self.rated_as} {RATED_NOT_SCORED}"
        if self.score is None:
            return NOT_SCORED
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


class Ratings:
    """Ratings from the band keys and labels stored with a snapshot or a proposal (the band as
    it was then), coloured by the scheme's bands today."""

    def __init__(self, bands: Sequence[matrix.Band]):
        self.bands = tuple(bands)
        self.by_key = {band.key: band for band in bands}

    def stored(
        self,
        *,
        likelihood: int | None,
        impact: int | None,
        band_key: str,
        band_label: str,
        rated_as: str = "",
    ) -> Rating:
        """A stored rating; a band the scheme no longer has keeps its stored label, in grey.
        ``rated_as``: the rating word of a risk rated but not scored, in the band given."""
        band = self.by_key.get(band_key)
        rated_as = rated_as if band_key else ""
        if matrix.score_or_none(likelihood, impact) is None and not rated_as:
            colour = UNSCORED_COLOUR
        else:
            colour = band.colour if band else UNKNOWN_BAND_COLOUR
        label = band_label or (band.label if band else "")
        floor = band.floor if band else 0
        return Rating(likelihood, impact, band_key, label, colour, rated_as, floor)

    def inherent(self, row: RiskSnapshot) -> Rating:
        """The inherent rating of a risk's snapshot."""
        return self.stored(
            likelihood=row.inherent_likelihood,
            impact=row.inherent_impact,
            band_key=row.inherent_band_key,
            band_label=row.inherent_band_label,
        )

    def residual(self, row: RiskSnapshot | Proposal) -> Rating:
        """The residual rating of a risk's snapshot, or of an escalation proposal."""
        return self.stored(
            likelihood=row.residual_likelihood,
            impact=row.residual_impact,
            band_key=row.residual_band_key,
            band_label=row.residual_band_label,
            rated_as=row.residual_rated_as if isinstance(row, RiskSnapshot) else "",
        )


@dataclass(frozen=True, slots=True)
class BandCount:
    """Risks counted in one residual band at one or more moments: the SLT pack counts its
    quarter, the committee report the start and the end of the year. The label says which
    band (a band the scheme no longer has keeps its stored label; risks with no score count
    under "Not scored"); the colour only decorates it."""

    label: str
    colour: str
    within_appetite: bool | None  # None: a band the scheme no longer has, or not scored
    counts: tuple[int, ...]

    @property
    def text_colour(self) -> str:
        return matrix.text_colour_for(self.colour)

    @property
    def count(self) -> int:
        """The count at the (last) moment counted."""
        return self.counts[-1]

    @property
    def start(self) -> int:
        return self.counts[0]

    @property
    def end(self) -> int:
        return self.counts[-1]

    @property
    def change(self) -> int:
        return self.end - self.start


# Trends ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrendCell:
    """A risk's trend in one quarter of a report's trend columns, in words ("↑ Up 4", "New",
    "N/A"); for a quarter the register has no approved snapshot of, what stands in for the
    trend ("Not approved", "Not yet")."""

    quarter: Quarter
    trend: Trend | None = None
    stand_in: str = ""  # the words when there is no trend (no approved snapshot)

    @property
    def direction(self) -> str:
        """new, up, down, steady, na, unknown; "none" with no approved snapshot."""
        return self.trend.direction if self.trend else "none"

    @property
    def glyph(self) -> str:
        return self.trend.glyph if self.trend else ""

    @property
    def label(self) -> str:
        return self.trend.label if self.trend else self.stand_in

    @property
    def text(self) -> str:
        return self.trend.text if self.trend else self.stand_in


def trend_cell(*, trends: QuarterTrends, row: RiskSnapshot, quarter: Quarter) -> TrendCell:
    """The risk's trend in ``quarter`` by the register's snapshots, or for a quarter with
    none, the trend its imported sheet gave ("Imported: ↑") where it gave one."""
    imported = trends.imported_in(row.risk_id, quarter, row.imported_trend)
    if imported:
        return TrendCell(quarter, stand_in=f"Imported: {imported}")
    return TrendCell(quarter, trends.in_quarter(row.risk_id, quarter))


# Coming onto and going off a register ---------------------------------------------------------


def arrival_text(*, arrival: str, arrived_from: str = "") -> str:
    """How a risk came onto the register in a quarter: "New risk", "Escalated from People
    directorate" ("Escalated in" when where from is not known), "De-escalated from ..."
    ("De-escalated in"), or "" when it was already on it."""
    if arrival == Arrival.ESCALATED:
        return f"Escalated from {arrived_from}" if arrived_from else Arrival.ESCALATED.label
    if arrival == Arrival.DE_ESCALATED:
        return f"De-escalated from {arrived_from}" if arrived_from else Arrival.DE_ESCALATED.label
    if arrival == Arrival.NEW:
        return "New risk"
    return ""


def departure_text(*, kind: str, destination: str) -> str:
    """How a risk went off the register: "Closed and removed", or "De-escalated to People
    directorate"."""
    if kind == MovementKind.REMOVED:
        return "Closed and removed"
    return f"{MovementKind(kind).label} to {destination}"


@dataclass(frozen=True, slots=True)
class Departure:
    """A risk that went off the register (closed and removed, or de-escalated), with the
    reason kept, when and by whom."""

    risk_id: int
    reference: str
    title: str
    kind: str
    destination: str  # the register it went to; "" when closed
    reason: str
    moved_on: date
    moved_by: str
    exempt: bool

    @property
    def what(self) -> str:
        return departure_text(kind=self.kind, destination=self.destination)


# Counts and dates -----------------------------------------------------------------------------


def risk_word(count: int) -> str:
    """ "risk" for one, "risks" for any other number: "1 risk", "2 exempt risks"."""
    return "risk" if count == 1 else "risks"


def long_date(day: date) -> str:
    """ "1 August 2025"."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """ "1 Aug 2025"."""
    return f"{day.day} {day:%b %Y}"
