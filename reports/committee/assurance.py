"""The committee report's count of the assurance over key controls: how many of the red and
amber corporate risks at the year's end have every key control assured in the twelve months
before it, and by which line (docs/domain.md#controls-and-assurance). Two queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from registers import control_rules
from registers.models import Action, ActionKind, ActionStatus, Assurance
from reports.committee.document import CommitteeRisk
from scoring import matrix


@dataclass(frozen=True, slots=True)
class AssuranceCount:
    """One band's risks: by the line every key control is assured to, and those not."""

    band_label: str
    risks: int
    third: int = 0
    second: int = 0
    first: int = 0
    unassured: int = 0
    no_key_control: int = 0

    @property
    def assured(self) -> int:
        return self.third + self.second + self.first


@dataclass(frozen=True, slots=True)
class KeyControlAssurance:
    window_from: date
    window_to: date
    rows: list[AssuranceCount]  # highest band first

    @property
    def risks(self) -> int:
        return sum(row.risks for row in self.rows)

    @property
    def assured(self) -> int:
        return sum(row.assured for row in self.rows)


def _key_control_lines(
    risk_ids: list[int], *, window_from: date, window_to: date
) -> dict[int, list[set[str]]]:
    """Each risk's key controls in place (cancelled ones aside), each with the lines that
    assured it in the window."""
    key_controls = (
        Action.objects.filter(risk_id__in=risk_ids, kind=ActionKind.CONTROL, key_control=True)
        .exclude(status=ActionStatus.CANCELLED)
        .values_list("pk", "risk_id")
    )
    lines: dict[int, set[str]] = {pk: set() for pk, _ in key_controls}
    for control_id, line in Assurance.objects.filter(
        control_id__in=list(lines), given_on__range=(window_from, window_to)
    ).values_list("control_id", "line"):
        lines[control_id].add(line)
    by_risk: dict[int, list[set[str]]] = {}
    for pk, risk_id in key_controls:
        by_risk.setdefault(risk_id, []).append(lines[pk])
    return by_risk


def key_control_assurance(
    *, risks: Sequence[CommitteeRisk], bands: Sequence[matrix.Band], as_at: date
) -> KeyControlAssurance:
    """Count the risks on the register at the year's end whose residual band (as approved) is
    above the lowest, by the line their key controls are assured to in the twelve months up
    to ``as_at`` (the year's last day, or today while it runs)."""
    window_from = control_rules.assurance_cutoff(as_at)
    above_lowest = [band for band in reversed(bands) if band.floor > bands[0].floor]
    counted = {
        band.key: [r for r in risks if r.at_year_end and r.residual.band_key == band.key]
        for band in above_lowest
    }
    ids = [r.risk_id for group in counted.values() for r in group]
    by_risk = _key_control_lines(ids, window_from=window_from, window_to=as_at)
    rows = []
    for band in above_lowest:
        tally = {"third": 0, "second": 0, "first": 0, "unassured": 0, "no_key_control": 0}
        for risk in counted[band.key]:
            key_lines = by_risk.get(risk.risk_id, [])
            if not key_lines:
                tally["no_key_control"] += 1
            else:
                tally[control_rules.assured_to(key_lines) or "unassured"] += 1
        rows.append(AssuranceCount(band.label, len(counted[band.key]), **tally))
    return KeyControlAssurance(window_from=window_from, window_to=as_at, rows=rows)
