"""The committee report as plain data: what each section prints, in the shared vocabulary
(``reports.vocabulary``), for the templates under ``reports/templates/reports/_committee_*``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from registers.models import Organisation
from registers.periods import Quarter, year_label
from reports.models import CommitteeNarrative
from reports.permissions import APPENDIX, FULL, PUBLIC
from reports.vocabulary import (
    BandCount,
    Departure,
    Rating,
    TrendCell,
    arrival_text,
    long_date,
    risk_word,
)
from scoring import matrix

if TYPE_CHECKING:  # the count is built from this module's CommitteeRisk
    from reports.committee.assurance import KeyControlAssurance

REPORT_TITLE = "Annual risk management report to the Audit and Procurement Committee"

# How each variant is named in file names, and on the cover and in the choice of version.
VARIANT_FILE_NAMES = {FULL: "internal", PUBLIC: "public", APPENDIX: "confidential-appendix"}
VARIANT_LABELS = {
    FULL: "Internal version",
    PUBLIC: "Public version",
    APPENDIX: "Confidential appendix",
}

# Whether SLT approved the corporate register in a quarter of the year.
APPROVED, MISSED, IN_PROGRESS, NOT_STARTED = "approved", "missed", "in_progress", "not_started"


def committee_report_filename(*, year: int, variant: str) -> str:
    """ "Committee-risk-report-2026-27-public.pdf"."""
    year_text = year_label(year).replace("/", "-")
    return f"Committee-risk-report-{year_text}-{VARIANT_FILE_NAMES[variant]}.pdf"


class ReportUnavailable(Exception):
    """The report cannot be produced (e.g. the organisation has no corporate register)."""


@dataclass(frozen=True, slots=True)
class RiskArrival:
    """A risk coming onto the corporate register during the year (from the snapshots)."""

    risk_id: int
    reference: str
    title: str
    quarter: Quarter
    arrival: str
    arrived_from: str
    residual: Rating
    exempt: bool

    @property
    def how(self) -> str:
        """ "New risk", "Escalated from People directorate"."""
        return arrival_text(arrival=self.arrival, arrived_from=self.arrived_from)


@dataclass(frozen=True, slots=True)
class Mitigation:
    """A control in place or a planned action on a risk, as it is when the report is made."""

    description: str
    owner_name: str
    status_label: str
    due_date: date | None
    completed_on: date | None


@dataclass
class CommitteeRisk:
    """A corporate risk on the register in some quarter of the year: as the policy's glossary
    describes a register entry (description, impacts, inherent and residual scores,
    mitigations, who is responsible) with its trend in each quarter.

    Scores, bands and owner are those approved in the snapshot of ``as_of``; the description
    and the mitigations are the risk's as they are when the report is made."""

    risk_id: int
    reference: str
    title: str
    owner_name: str
    exempt: bool
    trends: list[TrendCell]
    residual: Rating
    as_of: Quarter  # the quarter whose snapshot gives ``residual``
    at_year_end: bool  # in the year's latest snapshot
    start_residual: Rating | None = None  # at the start of the year, if on the register then
    left: Departure | None = None  # how it came off the register, if it did in the year
    inherent: Rating | None = None  # in the same snapshot as ``residual``
    event: str = ""
    consequence: str = ""
    impact: str = ""
    category: str = ""
    controls: list[Mitigation] = field(default_factory=list)
    actions: list[Mitigation] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SnapshotSide:
    """The register at the start or the end of the year, as one approved snapshot."""

    quarter: Quarter
    approved_on: date
    approved_by: str
    counts: dict  # (likelihood, impact) -> risks; (None, None) for unscored, for the heat map
    total: int


@dataclass(frozen=True, slots=True)
class QuarterApproval:
    """Whether SLT approved the corporate register in a quarter, when and who."""

    quarter: Quarter
    state: str  # approved, missed, in_progress, not_started
    approved_on: date | None = None
    approved_by: str = ""

    @property
    def text(self) -> str:
        if self.state == APPROVED:
            return f"Approved on {long_date(self.approved_on)} by {self.approved_by}"
        return {
            MISSED: "Not approved",
            IN_PROGRESS: "Quarter in progress: not yet approved",
            NOT_STARTED: "Quarter not yet started",
        }[self.state]

    @property
    def in_trend_column(self) -> str:
        """What a risk's trend column says for a quarter with no approved snapshot."""
        return "Not approved" if self.state == MISSED else "Not yet"


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
        return sum(1 for approval in self.approvals if approval.state == APPROVED)

    @property
    def quarters_due(self) -> int:
        """Quarters that have ended, or were approved early."""
        return sum(1 for a in self.approvals if a.state in (APPROVED, MISSED))

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
    band_counts: list[BandCount]  # counts: (start, end)
    risks: list[CommitteeRisk]
    added: list[RiskArrival]
    removed: list[Departure]
    process: ProcessFigures
    quarter_states: list[QuarterApproval]
    exempt_count: int  # exempt risks in the year: withheld (public) or carried (appendix)
    not_scored_start: int = 0
    not_scored_end: int = 0
    warnings: list[str] = field(default_factory=list)
    opinion_by: str = ""  # the member of Internal Audit who gave the opinion
    opinion_on: date | None = None
    # The assurance over the red and amber risks' key controls (reports.committee.assurance).
    key_control_assurance: KeyControlAssurance | None = None
    # Breaches of the appetite by category (reports.committee.appetite.AppetiteBreaches).
    appetite: object | None = None

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
        return sum(c.start for c in self.band_counts if c.within_appetite is False)

    @property
    def outside_appetite_end(self) -> int:
        return sum(c.end for c in self.band_counts if c.within_appetite is False)

    @property
    def outside_appetite_labels(self) -> str:
        """ "Red", or "Critical or High" in a scheme with more bands above the appetite."""
        return " or ".join(c.label for c in self.band_counts if c.within_appetite is False)

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
        """The cover's marking: the version, and what it does with exempt risks."""
        risks = f"{self.exempt_count} {risk_word(self.exempt_count)}"
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
