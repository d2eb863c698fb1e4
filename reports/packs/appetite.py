"""The SLT pack's risks outside the appetite, by category (docs/domain.md#slt-pack): read from
the approved snapshot, which froze each risk's category, the level and tolerance in force and
whether the risk was outside them, so a statement approved later changes no approved quarter.
Each risk's response and its reasons are read as they are when the pack is made, like its
description."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from registers.categories import category_label, category_labels
from registers.models import AppetiteStatement, Risk, RiskSnapshot
from reports.packs.document import PackRisk
from reports.vocabulary import Ratings


@dataclass(frozen=True, slots=True)
class OutsideRisk:
    reference: str
    title: str
    exempt: bool
    owner_name: str
    residual_text: str
    response: str
    rationale: str


@dataclass
class OutsideCategory:
    """A category's risks outside the appetite, with its level and tolerance (blank where the
    band decided: no line for the category)."""

    label: str
    level: str
    tolerance: int | None
    risks: list[OutsideRisk] = field(default_factory=list)

    @property
    def appetite_text(self) -> str:
        if self.tolerance is None:
            return "no line in the statement: the band's appetite"
        return f"{self.level}, tolerance {self.tolerance}"


@dataclass
class PackAppetite:
    """The statement in force when the quarter was approved (or, for a draft, today), and the
    register's risks outside the appetite by category."""

    version: int | None
    approved_on: object
    categories: list[OutsideCategory]

    @property
    def count(self) -> int:
        return sum(len(category.risks) for category in self.categories)


def _outside(row: RiskSnapshot, ratings: Ratings) -> bool:
    """Outside the appetite as approved; a snapshot taken before the appetite by category
    (``outside_appetite`` unset) by its residual band."""
    if row.outside_appetite is not None:
        return row.outside_appetite
    band = ratings.by_key.get(row.residual_band_key)
    return band is not None and not band.within_appetite


def outside_appetite(
    *,
    statement: AppetiteStatement | None,
    rows: dict[int, RiskSnapshot],
    risks: Iterable[PackRisk],
    current: dict[int, Risk],
    ratings: Ratings,
) -> PackAppetite:
    """The pack's risks (``risks``, already filtered for the variant) outside the appetite,
    grouped by category in the categories' order of label, highest residual first."""
    groups: dict[str, OutsideCategory] = {}
    labels = cache(category_labels)  # read once, and only when a risk is outside
    for risk in risks:
        row = rows[risk.risk_id]
        if not _outside(row, ratings):
            continue
        now = current[risk.risk_id]
        key = row.category or now.category
        if key not in groups:
            # The risk's label came with it (``current_risks``), unless its category has
            # changed since the approval froze it.
            label = (
                (now.category_label or key)
                if key == now.category
                else category_label(labels(now.organisation_id), key)
            )
            groups[key] = OutsideCategory(label, row.appetite_level, row.appetite_tolerance)
        group = groups[key]
        group.risks.append(
            OutsideRisk(
                reference=risk.reference,
                title=risk.title,
                exempt=risk.exempt,
                owner_name=risk.owner_name,
                residual_text=risk.residual.text,
                response=now.get_response_display() or "Not decided",
                rationale=now.response_rationale,
            )
        )
    return PackAppetite(
        version=statement.version if statement else None,
        approved_on=statement.approved_on if statement else None,
        categories=sorted(groups.values(), key=lambda group: group.label),
    )
