"""Reads for the register page and its CSV export.

Every function issues a fixed number of queries whatever the number of risks: the list is one
query (owner joined, where each risk arrived from as a correlated subquery), each heat map one
grouped query, the owners one query, the bands one query, the trends two (the register's
snapshots, then its risks in the latest approved quarter and the one before).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    OrderBy,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.utils import timezone

from registers.appetite import AppetiteRules, Verdict
from registers.models import Arrival, MovementKind, Register, Risk, RiskMovement
from registers.periods import Quarter
from registers.selectors.kept import Kept
from registers.selectors.snapshots import QuarterTrends, quarter_trends
from registers.trends import NEW, NOT_ON_REGISTER, Trend
from scoring import matrix

Scores = Literal["inherent", "residual"]
HeatMapCounts = dict[tuple[int | None, int | None], int]

PAGE_SIZE = 50


# The people a register's page names, and what it reads of them.
PAGE_PEOPLE = ("owner", "review_lead", "closed_by", "last_approved_by", "last_approval_recorded_by")
_NAME_FIELDS = ("username", "first_name", "last_name")


@cache
def _people_names() -> dict[str, RawSQL]:
    """A sub-query for each name of each person, written once: fifteen sub-queries built and
    compiled by the ORM on every request cost more than the joins they replace."""
    quote = connection.ops.quote_name
    user_meta = get_user_model()._meta
    register_table = quote(Register._meta.db_table)
    return {
        f"_{person}_{name}": RawSQL(
            f"SELECT {quote(user_meta.get_field(name).column)} FROM {quote(user_meta.db_table)} "
            f"WHERE {quote(user_meta.pk.column)} = "
            f"{register_table}.{quote(Register._meta.get_field(person).column)}",
            (),
        )
        for person in PAGE_PEOPLE
        for name in _NAME_FIELDS
    }


def register_for_page(*, pk: int) -> Register:
    """The register with the places and people its page names (raises ``DoesNotExist``).

    The people by their names alone, each read by a sub-query of its own, not five joins of
    the user table: PostgreSQL took 2.8 ms to plan the nine-table join for a 0.3 ms read, and
    0.2 ms with the sub-queries. Each person is a user with only those fields read, as
    ``only()`` would give."""
    user_model = get_user_model()
    register = (
        Register.objects.select_related("organisation", "directorate", "service")
        .annotate(**_people_names())
        .get(pk=pk)
    )
    fields = [field.attname for field in user_model._meta.concrete_fields]
    read = [name for name in fields if name in ("id", *_NAME_FIELDS)]
    for person in PAGE_PEOPLE:
        person_pk = getattr(register, f"{person}_id")
        if person_pk is None:
            continue
        values = {"id": person_pk} | {
            name: getattr(register, f"_{person}_{name}") for name in _NAME_FIELDS
        }
        person_read = user_model.from_db(register._state.db, read, [values[name] for name in read])
        setattr(register, person, person_read)
    return register


def register_risks(*, register: Register, bands: tuple[matrix.Band, ...]) -> QuerySet[Risk]:
    """Every risk on the register, open and closed, with the ``inherent_score``,
    ``residual_score``, ``inherent_band`` and ``residual_band`` SQL aliases to filter on."""
    return Risk.objects.filter(register=register).with_bands(bands)


def owners_of(risks: QuerySet[Risk]) -> list[tuple[int, str, str, str]]:
    """``(pk, first_name, last_name, username)`` of everyone owning one of ``risks``, by
    surname: an owner filter's choices. One query that asks, person by person, whether they own
    one (a look-up in the owner index), rather than a pass over every risk in scope, which
    grows with the organisation."""
    return list(
        get_user_model()
        .objects.filter(Exists(risks.filter(owner=OuterRef("pk"))))
        .order_by("last_name", "first_name", "username")
        .values_list("pk", "first_name", "last_name", "username")
    )


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
    # High to low on a column of its own, when one keeps that order (blanks last included).
    descending_order: OrderBy | None = None

    def order_by(self, *, descending: bool) -> list[OrderBy]:
        if descending and self.descending_order is not None:
            return [self.descending_order]
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
            (F("residual_rank"), F("residual_score")),
            first_descending=True,
            ascending_words="low to high",
            descending_words="high to low",
            # The same order high to low, stored, so that an index serves it.
            descending_order=F("residual_order").desc(),
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
    # The page's columns: the register page's, or another list page's own.
    columns: Mapping[str, SortColumn] = field(default_factory=lambda: SORT_COLUMNS)

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key

    @property
    def description(self) -> str:
        """In words, for the table's caption: "residual score, high to low"."""
        column = self.columns[self.key]
        words = column.descending_words if self.descending else column.ascending_words
        return f"{column.label}, {words}"

    def header(self, key: str) -> dict[str, str]:
        """What a column header needs: the ``?sort=`` its link sets and its ``aria-sort``."""
        column = self.columns[key]
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
        return {key: self.header(key) for key in self.columns}


def parse_sort(
    value: str | None,
    *,
    columns: Mapping[str, SortColumn] = SORT_COLUMNS,
    default: str = DEFAULT_SORT,
) -> SortState:
    """The sort asked for in ``?sort=``, or the default for anything not on the whitelist."""
    value = (value or "").strip()
    key = value.removeprefix("-")
    if key not in columns:
        return parse_sort(default, columns=columns, default=default)
    return SortState(key=key, descending=value.startswith("-"), columns=columns)


def sort_risks(queryset: QuerySet[Risk], *, sort: SortState) -> QuerySet[Risk]:
    """The risks in the asked order, ties broken by reference then id (a stable order, so
    pagination never shows a risk twice or skips one)."""
    column = sort.columns[sort.key]
    return queryset.order_by(*column.order_by(descending=sort.descending), "reference", "pk")


# Rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowTrend:
    """A risk's trend as its row shows it: the words (``label``), the arrow as decoration and
    what the trend compares (``explanation``, the cell's title)."""

    trend: Trend
    label: str
    explanation: str

    @property
    def direction(self) -> str:
        return self.trend.direction

    @property
    def glyph(self) -> str:
        return self.trend.glyph

    @property
    def text(self) -> str:
        """Arrow and words, for the spreadsheet exports: "↑ Up 4", "New since 2026/27 Q2"."""
        return f"{self.glyph} {self.label}" if self.glyph else self.label


@dataclass(frozen=True, slots=True)
class RegisterTrends:
    """Each risk's trend in the register's latest approved quarter: its residual score in
    that quarter's snapshot against the register's previous approved snapshot."""

    latest: Quarter | None
    previous: Quarter | None
    trends: QuarterTrends | None
    # Approved, but only before approvals took snapshots: nothing approved to compare.
    approved_unrecorded: bool = False

    @property
    def description(self) -> str:
        """What the trend column compares, in a sentence for the table's caption."""
        if self.approved_unrecorded:
            return "Trend: the register's approvals predate quarterly snapshots."
        if self.latest is None:
            return "Trend: the register has no approved quarter yet."
        if self.previous is None:
            return f"Trend: {self.latest} is the register's first approved quarter."
        return (
            f"Trend: residual scores approved in {self.latest} against those approved in "
            f"{self.previous}."
        )

    def of(self, risk: Risk) -> RowTrend:
        """The risk's trend; until an approved snapshot holds the risk, the trend its imported
        sheet gave per quarter, where it gave one (docs/domain.md#spreadsheets)."""
        if risk.imported_trend and not self._snapshotted(risk):
            return RowTrend(
                Trend("unknown"),
                f"Imported: {risk.imported_trend}",
                "The trend in the imported sheet, quarter by quarter, until an approved "
                "quarter of this register replaces it",
            )
        return self._recorded(risk)

    def _snapshotted(self, risk: Risk) -> bool:
        """Whether the latest approved quarter's snapshot holds the risk."""
        if self.approved_unrecorded or self.latest is None or self.trends is None:
            return False
        return self.trends.snapshot_of(risk.pk, self.latest) is not None

    def _recorded(self, risk: Risk) -> RowTrend:
        if self.approved_unrecorded:
            return RowTrend(
                Trend("unknown"),
                Trend("unknown").label,
                "Approved before quarterly snapshots were kept: no approved scores to compare",
            )
        if self.latest is None or self.trends is None:
            return RowTrend(
                Trend("unknown"),
                "Not yet approved",
                "No quarter of this register has been approved yet: nothing to compare with",
            )
        latest = self.latest
        snapshot = self.trends.snapshot_of(risk.pk, latest)
        if snapshot is None:
            if risk.is_open:
                return RowTrend(
                    NEW,
                    f"New since {latest}",
                    f"Added to the register (or moved here) after its {latest} approval",
                )
            return RowTrend(
                NOT_ON_REGISTER, NOT_ON_REGISTER.label, f"Not on the register approved in {latest}"
            )
        trend = self.trends.in_quarter(risk.pk, latest)
        if trend.direction != "new":
            explanation = f"Residual score approved in {latest} against {self.previous}"
        elif self.previous is None:
            explanation = f"{latest} is the register's first approved quarter"
        else:
            came = f"New in {latest}"
            if snapshot.arrival in (Arrival.ESCALATED, Arrival.DE_ESCALATED):
                came = f"{snapshot.get_arrival_display()} from {snapshot.arrived_from} in {latest}"
            explanation = f"{came}: not on the register approved in {self.previous}"
        return RowTrend(trend, trend.label, explanation)


# Each register's trends as of its last approval, kept by each worker: the snapshots they read
# are frozen when approved, and the next approval moves ``last_approved_at``.
_KEPT_TRENDS: Kept[RegisterTrends] = Kept()


def register_trends(*, register: Register) -> RegisterTrends:
    """The trends of the register's risks in its latest approved quarter, the quarter of its
    last approval. Two queries, none when kept (``registers.selectors.kept``) since that
    approval; none for a register never approved."""
    if register.last_approved_at is None:
        return RegisterTrends(None, None, None)
    key = (register.pk, register.last_approved_at)
    kept = _KEPT_TRENDS.get(key)
    return kept if kept is not None else _KEPT_TRENDS.keep(key, _approved_trends(register))


def _approved_trends(register: Register) -> RegisterTrends:
    latest = Quarter.containing(timezone.localdate(register.last_approved_at))
    trends = quarter_trends(register=register, quarters=[latest], trend_only=True)
    if latest not in trends.snapshots:
        # Approved before approvals took snapshots: the latest quarter that has one, if any.
        if not trends.snapshots:
            return RegisterTrends(None, None, None, approved_unrecorded=True)
        latest = max(trends.snapshots)
        trends = quarter_trends(register=register, quarters=[latest], trend_only=True)
    earlier = [quarter for quarter in trends.snapshots if quarter < latest]
    return RegisterTrends(latest, max(earlier) if earlier else None, trends)


@dataclass(frozen=True, slots=True)
class RiskRow:
    """A risk as the register shows it: the risk (owner loaded), its trend and whether its
    review is overdue."""

    risk: Risk
    trend: RowTrend
    review_overdue: bool
    appetite: Verdict | None = None


# Long text the table and the export do not show: left in the database, not sent to Python.
_UNSHOWN_TEXT = ("event", "consequence", "impact", "response_rationale", "closure_reason")


def _arrival() -> QuerySet[RiskMovement]:
    """The move that brought a risk onto the register it is on, latest first."""
    return RiskMovement.objects.filter(
        risk=OuterRef("pk"), to_register=OuterRef("register_id")
    ).order_by("-moved_at", "-pk")


def with_row_details(queryset: QuerySet[Risk]) -> QuerySet[Risk]:
    """Join the owner and annotate where the risk was escalated (or de-escalated) from, so
    rows need no further query. The risks' long text fields are deferred: do not read them
    from rows."""
    arrival = _arrival()
    return (
        queryset.select_related("owner")
        .defer(*_UNSHOWN_TEXT)
        .annotate(
            arrived_from=Subquery(arrival.values("from_register__name")[:1]),
            arrived_by=Subquery(arrival.values("kind")[:1]),
        )
    )


def escalated_away(*, register: Register) -> list[Risk]:
    """Open risks escalated from ``register`` that are now on another register, with it."""
    # From the register's few movements to their risks (an IN on the movement's indexed
    # register), not a test of every open risk of the organisation.
    escalated_from_here = RiskMovement.objects.filter(
        from_register=register, kind=MovementKind.ESCALATED
    ).values("risk_id")
    return list(
        Risk.objects.open()
        .filter(pk__in=escalated_from_here)
        .exclude(register=register)
        .select_related("register")
        .only("pk", "reference", "title", "register__name", "register__tier")
        .order_by("reference")
    )


def risk_rows(
    risks: Iterable[Risk],
    *,
    today: date,
    trends: RegisterTrends,
    appetite: AppetiteRules | None = None,
) -> list[RiskRow]:
    """Rows for risks fetched through ``with_row_details``, each compared with the appetite
    in force when ``appetite`` is given (no query: the rules are fetched once)."""
    return [
        RiskRow(
            risk=risk,
            trend=trends.of(risk),
            review_overdue=risk.review_overdue(today),
            appetite=appetite.verdict(risk) if appetite is not None else None,
        )
        for risk in risks
    ]


# Heat maps ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeatMaps:
    """Both heat maps' cell counts, and how many risks the list shows: those in the chosen
    cells (of either map, or both), or all of them when no cell is chosen."""

    inherent: HeatMapCounts
    residual: HeatMapCounts
    listed: int


def heatmaps(queryset: QuerySet[Risk], *, selected: dict[str, tuple[int, int]]) -> HeatMaps:
    """The inherent and residual heat maps of ``queryset`` from one grouped query (at most
    26 × 26 groups, however many risks). Unscored risks are counted under ``(None, None)``.
    ``selected`` is the filter's chosen cells, e.g. ``{"residual": (4, 5)}``; the list's
    count comes from the same groups, so its paginator needs no query of its own."""
    fields = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
    rows = (
        queryset.order_by()
        .values(*fields)
        .annotate(risks=Count("pk"))
        .values_list(*fields, "risks")
    )
    counts: dict[str, HeatMapCounts] = {"inherent": {}, "residual": {}}
    listed = 0
    for in_likelihood, in_impact, re_likelihood, re_impact, risks in rows:
        cells = {"inherent": (in_likelihood, in_impact), "residual": (re_likelihood, re_impact)}
        if all(cells[scores] == cell for scores, cell in selected.items()):
            listed += risks
        for scores, key in cells.items():
            if None in key:
                key = (None, None)
            counts[scores][key] = counts[scores].get(key, 0) + risks
    return HeatMaps(inherent=counts["inherent"], residual=counts["residual"], listed=listed)


class CountedPaginator(Paginator):
    """A paginator told its count (``HeatMaps.listed``) rather than asking the database."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count
