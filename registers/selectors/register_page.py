"""Reads for the register page and its CSV export.

Every function issues a fixed number of queries whatever the number of risks: the list is one
query (owner joined, the latest review's residual score as a correlated subquery), each heat
map one grouped query, the owners one query, the bands one query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OrderBy,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Lower

from registers.models import MovementKind, Register, Risk, RiskMovement, RiskReview
from scoring import matrix

Scores = Literal["inherent", "residual"]
HeatMapCounts = dict[tuple[int | None, int | None], int]

PAGE_SIZE = 50


def register_for_page(*, pk: int) -> Register:
    """The register with the people and places its page names (raises ``DoesNotExist``)."""
    return Register.objects.select_related(
        "owner", "organisation", "directorate", "service", "last_approved_by"
    ).get(pk=pk)


def register_risks(*, register: Register, bands: tuple[matrix.Band, ...]) -> QuerySet[Risk]:
    """Every risk on the register, open and closed, with the ``inherent_score``,
    ``residual_score``, ``inherent_band`` and ``residual_band`` SQL aliases to filter on."""
    return Risk.objects.filter(register=register).with_bands(bands)


def register_owner_choices(*, register: Register) -> list[tuple[int, str, str, str]]:
    """``(pk, first_name, last_name, username)`` of everyone owning a risk on the register,
    by surname: the choices of the owner filter."""
    return list(
        get_user_model()
        .objects.filter(owned_risks__register=register)
        .distinct()
        .order_by("last_name", "first_name", "username")
        .values_list("pk", "first_name", "last_name", "username")
    )


# Sorting ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SortColumn:
    """A sortable column: its key in ``?sort=``, the SQL it sorts on (ascending), and which
    way a first click sorts (scores high to low, everything else A to Z or soonest first)."""

    key: str
    label: str
    expressions: tuple
    first_descending: bool = False
    ascending_words: str = "A to Z"
    descending_words: str = "Z to A"

    def order_by(self, *, descending: bool) -> list[OrderBy]:
        # Blanks (not scored, no owner, no review date) go last whichever way the column runs.
        return [
            expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            for expression in self.expressions
        ]


SORT_COLUMNS = {
    column.key: column
    for column in (
        SortColumn("reference", "reference", (F("reference"),)),
        SortColumn("title", "title", (Lower("title"),)),
        SortColumn(
            "owner",
            "owner's surname",
            (Lower("owner__last_name"), Lower("owner__first_name"), F("owner__username")),
        ),
        SortColumn(
            "inherent",
            "inherent score",
            (F("inherent_score"),),
            first_descending=True,
            ascending_words="low to high",
            descending_words="high to low",
        ),
        SortColumn(
            "residual",
            "residual score",
            (F("residual_score"),),
            first_descending=True,
            ascending_words="low to high",
            descending_words="high to low",
        ),
        SortColumn(
            "next_review",
            "next review",
            (F("next_review_due"),),
            ascending_words="soonest first",
            descending_words="latest first",
        ),
    )
}
DEFAULT_SORT = "-residual"


@dataclass(frozen=True, slots=True)
class SortState:
    """The sort in force: ``key`` without its sign and whether it runs high to low."""

    key: str
    descending: bool

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key

    @property
    def description(self) -> str:
        """In words, for the table's caption: "residual score, high to low"."""
        column = SORT_COLUMNS[self.key]
        words = column.descending_words if self.descending else column.ascending_words
        return f"{column.label}, {words}"

    def header(self, key: str) -> dict[str, str]:
        """What a column header needs: the ``?sort=`` its link sets and its ``aria-sort``."""
        column = SORT_COLUMNS[key]
        if key == self.key:
            next_descending = not self.descending
            aria_sort = "descending" if self.descending else "ascending"
        else:
            next_descending = column.first_descending
            aria_sort = ""
        return {
            "sort": f"-{key}" if next_descending else key,
            "aria_sort": aria_sort,
        }

    @property
    def headers(self) -> dict[str, dict[str, str]]:
        return {key: self.header(key) for key in SORT_COLUMNS}


def parse_sort(value: str | None) -> SortState:
    """The sort asked for in ``?sort=``, or the default for anything not on the whitelist."""
    value = (value or "").strip()
    key = value.removeprefix("-")
    if key not in SORT_COLUMNS:
        return parse_sort(DEFAULT_SORT)
    return SortState(key=key, descending=value.startswith("-"))


def sort_risks(queryset: QuerySet[Risk], *, sort: SortState) -> QuerySet[Risk]:
    """The risks in the asked order, ties broken by reference then id (a stable order, so
    pagination never shows a risk twice or skips one)."""
    column = SORT_COLUMNS[sort.key]
    return queryset.order_by(*column.order_by(descending=sort.descending), "reference", "pk")


# Rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trend:
    """The residual score now against the snapshot in the risk's latest review."""

    direction: Literal["new", "up", "down", "steady", "unknown"]
    change: int = 0

    @property
    def glyph(self) -> str:
        return {"up": "↑", "down": "↓", "steady": "→"}.get(self.direction, "")

    @property
    def label(self) -> str:
        """Words first: "Up 4", "Down 2", "Steady", "New", "Not comparable"."""
        if self.direction == "up":
            return f"Up {self.change}"
        if self.direction == "down":
            return f"Down {self.change}"
        return {"new": "New", "steady": "Steady", "unknown": "Not comparable"}[self.direction]


def trend_for(*, current: int | None, previous: int | None, reviewed: bool) -> Trend:
    """``New`` when the risk was never reviewed; otherwise up, down or steady by the change in
    residual score; not comparable when either score is missing."""
    if not reviewed:
        return Trend("new")
    if current is None or previous is None:
        return Trend("unknown")
    if current > previous:
        return Trend("up", current - previous)
    if current < previous:
        return Trend("down", previous - current)
    return Trend("steady")


@dataclass(frozen=True, slots=True)
class RiskRow:
    """A risk as the register shows it: the risk (owner loaded), its trend and whether its
    review is overdue."""

    risk: Risk
    trend: Trend
    review_overdue: bool
    last_reviewed_at: datetime | None = None


def _latest_review() -> QuerySet[RiskReview]:
    return RiskReview.objects.filter(risk=OuterRef("pk")).order_by("-reviewed_at", "-pk")


# Long text the table and the export do not show: left in the database, not sent to Python.
_UNSHOWN_TEXT = ("event", "consequence", "impact", "response_rationale", "closure_reason")


def _arrival() -> QuerySet[RiskMovement]:
    """The move that brought a risk onto the register it is on, latest first."""
    return RiskMovement.objects.filter(
        risk=OuterRef("pk"), to_register=OuterRef("register_id")
    ).order_by("-moved_at", "-pk")


def with_row_details(queryset: QuerySet[Risk]) -> QuerySet[Risk]:
    """Join the owner and annotate the latest review's date and residual score, and where the
    risk was escalated (or de-escalated) from, so rows need no further query. The risks' long
    text fields are deferred: do not read them from rows."""
    latest = _latest_review()
    arrival = _arrival()
    return (
        queryset.select_related("owner")
        .defer(*_UNSHOWN_TEXT)
        .annotate(
            latest_review_at=Subquery(latest.values("reviewed_at")[:1]),
            latest_review_residual=Subquery(
                latest.annotate(
                    snapshot=F("residual_likelihood") * F("residual_impact"),
                ).values("snapshot")[:1],
                output_field=IntegerField(),
            ),
            arrived_from=Subquery(arrival.values("from_register__name")[:1]),
            arrived_by=Subquery(arrival.values("kind")[:1]),
        )
    )


def escalated_away(*, register: Register) -> list[Risk]:
    """Open risks escalated from ``register`` that are now on another register, with it."""
    escalated_from_here = RiskMovement.objects.filter(
        risk=OuterRef("pk"), from_register=register, kind=MovementKind.ESCALATED
    )
    return list(
        Risk.objects.open()
        .filter(Exists(escalated_from_here))
        .exclude(register=register)
        .select_related("register")
        .only("pk", "reference", "title", "register__name", "register__tier")
        .order_by("reference")
    )


def risk_rows(risks: Iterable[Risk], *, today: date) -> list[RiskRow]:
    """Rows for risks fetched through ``with_row_details``."""
    return [
        RiskRow(
            risk=risk,
            trend=trend_for(
                current=risk.residual_score,
                previous=risk.latest_review_residual,
                reviewed=risk.latest_review_at is not None,
            ),
            review_overdue=risk.review_overdue(today),
            last_reviewed_at=risk.latest_review_at,
        )
        for risk in risks
    ]


# Heat maps ----------------------------------------------------------------------------------


def heatmap_counts(queryset: QuerySet[Risk], *, scores: Scores) -> HeatMapCounts:
    """How many of the risks sit in each (likelihood, impact) cell of the inherent or
    residual matrix, in one grouped query; unscored risks are counted under ``(None, None)``.
    """
    likelihood, impact = f"{scores}_likelihood", f"{scores}_impact"
    rows = (
        queryset.order_by()
        .values(likelihood, impact)
        .annotate(risks=Count("pk"))
        .values_list(likelihood, impact, "risks")
    )
    counts: HeatMapCounts = {}
    for row_likelihood, row_impact, risks in rows:
        key = (row_likelihood, row_impact)
        if row_likelihood is None or row_impact is None:
            key = (None, None)
        counts[key] = counts.get(key, 0) + risks
    return counts
