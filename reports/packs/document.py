"""The SLT pack as plain data: what each section prints, in the shared vocabulary
(``reports.vocabulary``), for the templates under ``reports/templates/reports/_slt_*``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from registers.models import Organisation, Register
from registers.periods import Quarter
from registers.selectors.actions import MitigationCost
from registers.trends import Trend
from reports.exposure import Exposure
from reports.packs.cycle import Approval, DirectorateReds, PackOversight
from reports.permissions import APPENDIX, FULL, PUBLIC
from reports.vocabulary import BandCount, Departure, Rating, TrendCell, arrival_text, risk_word
from scoring import matrix

TITLE = "Quarterly corporate risk report to the Strategic Leadership Team"
SHORT_TITLE = "SLT risk pack"

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


def pack_filename(*, quarter: Quarter, variant: str) -> str:
    """ "SLT-pack-2026-27-Q2-public.pdf"."""
    return f"SLT-pack-{quarter.year}-{(quarter.year + 1) % 100:02d}-Q{quarter.number}-{variant}.pdf"


@dataclass(frozen=True, slots=True)
class PackAction:
    """A control in place or a planned action, as it is when the pack is generated."""

    description: str
    owner_name: str
    due_date: date | None
    status_label: str
    completed_on: date | None
    overdue: bool
    # How well it worked, and what it costs: SLT reviews "the effectiveness of actions" (the
    # policy's Roles). Printed for the planned actions.
    evaluation: str = ""
    cost: Decimal | None = None
    # A control in place's type and rating (docs/domain.md#controls-and-assurance).
    control_type_label: str = ""
    effectiveness_label: str = ""
    key_control: bool = False


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
    review_overdue: bool  # overdue for review when SLT approved the register
    inherent: Rating
    residual: Rating
    trends: list[TrendCell]
    arrival: str
    arrived_from: str
    controls: list[PackAction]
    actions: list[PackAction]
    # As they are now, like the text: the time horizon, the estimated exposure (a range, ""
    # when not estimated) and the cost of the risk's controls and actions beside it.
    horizon: str = ""
    exposure_text: str = ""
    mitigation_cost: MitigationCost | None = None

    @property
    def url(self) -> str:
        return reverse("web:risk-detail", kwargs={"pk": self.risk_id})

    @property
    def trend(self) -> Trend:
        """The trend in the pack's quarter."""
        return self.trends[-1].trend

    @property
    def arrival_text(self) -> str:
        return arrival_text(arrival=self.arrival, arrived_from=self.arrived_from)


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
    """An escalation to the corporate register, or the closure of a corporate risk, awaiting
    SLT's decision (``case`` holds the proposer's case or reason)."""

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
    draft: bool
    approval: Approval | None
    oversight: PackOversight | None
    lower_reds: list[DirectorateReds]
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
    # Closures of corporate risks proposed to SLT (docs/domain.md#closing-a-corporate-risk).
    closures: list[PackProposal] = field(default_factory=list)
    # New corporate risks proposed by members of SLT (reports.packs.new_risks.PackNewRisk).
    new_risks: list = field(default_factory=list)
    withheld: int = 0
    exempt_on_register: int = 0
    # The open risks' exposure by directorate and those tied to the MTFS, as they are now.
    exposure: Exposure | None = None
    # The risks outside the appetite by category (reports.packs.appetite.PackAppetite).
    appetite: object | None = None

    title = TITLE

    @property
    def marking(self) -> str:
        if self.variant == PUBLIC:
            return f"Public version: {self.withheld} exempt {risk_word(self.withheld)} withheld"
        return MARKINGS[self.variant]

    @property
    def withheld_text(self) -> str:
        return f"{self.withheld} {risk_word(self.withheld)} withheld as exempt from publication"

    @property
    def variant_name(self) -> str:
        return VARIANT_NAMES[self.variant]

    @property
    def running_title(self) -> str:
        title = f"{SHORT_TITLE} {self.quarter.label} · {self.marking}"
        if self.draft:
            generated = timezone.localtime(self.generated_at)
            return f"DRAFT, generated {generated:%-d %B %Y, %H:%M} · {title}"
        return title

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
        """Outside the appetite by their categories' tolerances (or bands where no line)."""
        if self.appetite is not None:
            return self.appetite.count
        return sum(b.count for b in self.band_counts if b.within_appetite is False)

    @property
    def filename(self) -> str:
        return pack_filename(quarter=self.quarter, variant=self.variant)
