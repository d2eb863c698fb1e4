"""What the SLT pack and the committee report read alike from the corporate register's
approved quarterly snapshots: the register, the quarters SLT approved it in, and the heat-map
and band counts of a snapshot's risks (docs/domain.md, "Reports")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from common.people import person_name
from registers.models import Organisation, Register, RegisterSnapshot, RiskSnapshot, Tier
from registers.periods import Quarter
from reports.vocabulary import (
    NOT_SCORED,
    UNKNOWN_BAND_COLOUR,
    UNSCORED_COLOUR,
    BandCount,
)
from scoring import matrix


def corporate_register(*, organisation: Organisation) -> Register | None:
    """The organisation's corporate register, or None. One query."""
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


def day_start(day: date) -> datetime:
    """The first moment of ``day``, in the current time zone."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def heatmap_counts(rows: Iterable[RiskSnapshot], *, scores: str = "residual") -> dict:
    """Risks by (likelihood, impact) of their ``scores`` ("inherent" or "residual"), for a
    heat map; risks not scored under (None, None)."""
    counts: dict[tuple[int | None, int | None], int] = {}
    for row in rows:
        key = (getattr(row, f"{scores}_likelihood"), getattr(row, f"{scores}_impact"))
        if None in key:
            key = (None, None)
        counts[key] = counts.get(key, 0) + 1
    return counts


def is_rated(row: RiskSnapshot) -> bool:
    """Whether the snapshot's risk has a residual band: scored, or rated but not scored."""
    return row.residual_score is not None or bool(row.residual_rated_as)


def band_counts(
    bands: Sequence[matrix.Band], *moments: Sequence[RiskSnapshot], count_unscored: bool
) -> list[BandCount]:
    """Risks by residual band at each moment (the rows of a snapshot), highest band first, as
    the bands were frozen in the snapshots: a band the scheme no longer has is still counted,
    under its stored label, after the scheme's; risks rated but not scored in their rating's
    band; risks not scored last, under "Not scored",
    when ``count_unscored`` and there are any."""
    tallies: list[dict[str, int]] = []
    labels: dict[str, str] = {}
    for rows in moments:
        tally: dict[str, int] = {}
        for row in rows:
            key = row.residual_band_key if is_rated(row) else ""
            tally[key] = tally.get(key, 0) + 1
            if not labels.get(key):
                labels[key] = row.residual_band_label
        tallies.append(tally)

    def counted(key: str) -> tuple[int, ...]:
        return tuple(tally.get(key, 0) for tally in tallies)

    known = {band.key for band in bands}
    others = sorted({key for tally in tallies for key in tally} - known - {""})
    counts = [
        BandCount(band.label, band.colour, band.within_appetite, counted(band.key))
        for band in reversed(bands)
    ]
    counts += [
        BandCount(labels[key] or key, UNKNOWN_BAND_COLOUR, None, counted(key)) for key in others
    ]
    if count_unscored and any(tally.get("") for tally in tallies):
        counts.append(BandCount(NOT_SCORED, UNSCORED_COLOUR, None, counted("")))
    return counts
