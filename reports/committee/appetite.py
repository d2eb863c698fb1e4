"""The committee report's breaches of the risk appetite: how many corporate risks were outside
their category's appetite in each quarter SLT approved, by category, and which versions of
the appetite statement were in force (docs/domain.md#committee-report). Read from the
approved snapshots, which froze each risk's verdict, so a later statement changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from registers.categories import category_label, category_labels
from registers.models import RegisterSnapshot, RiskSnapshot
from registers.periods import Quarter
from scoring import matrix

UNRECORDED = ""  # a snapshot from before categories were recorded with it


@dataclass(frozen=True, slots=True)
class CategoryBreaches:
    """A category's risks outside the appetite in each approved quarter of the year (None:
    not approved that quarter), and the distinct risks over the year."""

    label: str
    by_quarter: list[int | None]
    risks_in_year: int


@dataclass(frozen=True, slots=True)
class StatementInForce:
    version: int
    approved_on: date
    quarters: list[str]


@dataclass(frozen=True, slots=True)
class AppetiteBreaches:
    quarters: list[Quarter]
    categories: list[CategoryBreaches]
    statements: list[StatementInForce]
    quarters_by_band: list[str]  # approved before any statement: the bands decided

    @property
    def total(self) -> int:
        return sum(category.risks_in_year for category in self.categories)


def _outside(row: RiskSnapshot, bands: Mapping[str, matrix.Band]) -> bool:
    if row.outside_appetite is not None:
        return row.outside_appetite
    band = bands.get(row.residual_band_key)  # a snapshot from before the appetite by category
    return band is not None and not band.within_appetite


def appetite_breaches(
    *,
    quarters: Iterable[Quarter],
    snapshots: Mapping[Quarter, RegisterSnapshot],
    rows: Callable[[Quarter], Mapping[int, RiskSnapshot]],
    bands: Iterable[matrix.Band],
    keep: Callable[[int], bool],
    organisation_id: int,
) -> AppetiteBreaches:
    """Breaches by category over ``quarters``: ``rows(quarter)`` gives the approved snapshot's
    rows, ``keep`` the risks the report's variant carries. No query (the snapshots come with
    their statements)."""
    quarters = list(quarters)
    by_key = {band.key: band for band in bands}
    counts: dict[str, dict[Quarter, set[int]]] = {}
    statements: dict[int, StatementInForce] = {}
    by_band: list[str] = []
    for quarter in quarters:
        snapshot = snapshots.get(quarter)
        if snapshot is None:
            continue
        statement = snapshot.appetite_statement
        if statement is None:
            by_band.append(quarter.label)
        else:
            statements.setdefault(
                statement.pk, StatementInForce(statement.version, statement.approved_on, [])
            ).quarters.append(quarter.label)
        for risk_id, row in rows(quarter).items():
            if keep(risk_id) and _outside(row, by_key):
                category = row.category or UNRECORDED
                counts.setdefault(category, {}).setdefault(quarter, set()).add(risk_id)
    labels = category_labels(organisation_id)
    categories = [
        CategoryBreaches(
            label=category_label(labels, key) if key != "uncategorised" else "Not recorded",
            by_quarter=[len(per_quarter.get(q, ())) if q in snapshots else None for q in quarters],
            risks_in_year=len(set().union(*per_quarter.values())),
        )
        for key, per_quarter in counts.items()
    ]
    return AppetiteBreaches(
        quarters=quarters,
        categories=sorted(categories, key=lambda category: category.label),
        statements=sorted(statements.values(), key=lambda s: s.version),
        quarters_by_band=by_band,
    )
