"""The API's reads, each scoped to what the person may see (api/permissions.py) and each in a
fixed number of queries whatever the number of rows.

The risks list is the register page's: the same filters (registers/filters.py), the same sort,
open risks unless asked otherwise, and the same trend words (docs/domain.md#quarters-and-trends).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from registers import permissions, reference
from registers.categories import with_category_labels
from registers.filters import RegisterRiskFilter
from registers.models import (
    Action,
    Organisation,
    Register,
    RegisterSnapshot,
    Risk,
    RiskReview,
    RiskSnapshot,
)
from registers.periods import Quarter
from registers.selectors import register_page
from registers.selectors.kept import Kept
from registers.selectors.register_page import RegisterTrends, RowTrend
from registers.selectors.snapshots import (
    SNAPSHOT_PERIOD_FIELDS,
    TREND_ROW_FIELDS,
    QuarterTrends,
    TrendRow,
)
from scoring import matrix

# Past this many risks a page's trends are read by snapshot alone, not also by risk id (a
# CSV of a whole organisation would otherwise name every risk in one SQL statement).
_IDS_IN_ONE_QUERY = 1000


def registers_for(user: AbstractBaseUser) -> QuerySet[Register]:
    """The registers the person may open, with what a row names, highest tier first."""
    return (
        permissions.visible_registers(user)
        .select_related("organisation", "directorate", "service", "owner", "last_approved_by")
        .order_by("organisation__name", "tier", "name", "pk")
    )


def register_for(*, pk: int) -> Register:
    """A register by id with its organisation (raises ``Register.DoesNotExist``)."""
    return Register.objects.select_related("organisation").get(pk=pk)


def organisation_for(*, pk: int) -> Organisation:
    return Organisation.objects.get(pk=pk)


# What a row names of the risk's register, organisation and owner, read as columns of the
# risk's own query (``RiskSerializer`` and ``risk_trends`` read them): as related objects, a page
# of 1,000 rows built three more model instances a row, 40 of its 100 ms, to read seven values.
ROW_NAMES = {
    "register_name": F("register__name"),
    "register_tier": F("register__tier"),
    "register_last_approved_at": F("register__last_approved_at"),
    "organisation_name": F("register__organisation__name"),
    "owner_first_name": F("owner__first_name"),
    "owner_last_name": F("owner__last_name"),
    "owner_username": F("owner__username"),
}


def risk_rows(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """``risks`` with what ``RiskSerializer`` writes of each: its category's label and
    ``ROW_NAMES``."""
    return with_category_labels(risks).annotate(**ROW_NAMES)


@dataclass
class RiskListing:
    """The risks a register page (or the organisation's registers) would list, filtered and
    sorted as asked, with the bands they are banded by."""

    filterset: RegisterRiskFilter
    bands: tuple[matrix.Band, ...]
    # Filtered and sorted, without what a row shows: what a page is cut from.
    sorted: QuerySet[Risk]

    @staticmethod
    def rows(risks: QuerySet[Risk]) -> QuerySet[Risk]:
        """What each risk's row needs read with it (``risk_rows``)."""
        return risk_rows(risks)

    @property
    def risks(self) -> QuerySet[Risk]:
        """Every risk listed, with its row."""
        return self.rows(self.sorted)


def risk_listing(
    *,
    user: AbstractBaseUser,
    params,
    organisation: Organisation,
    register: Register | None = None,
) -> RiskListing:
    """The risks ``user`` may see on ``register`` (one they may open), or on every register of
    ``organisation``, through the register page's filters and sort. One query to build (the
    bands), then the list; the owners the owner filter accepts are read only when an owner is
    asked for (over the whole organisation, that asks person by person whether they own one of
    its risks)."""
    bands = reference.bands(organisation)
    # By the risk's own organisation (kept equal to its register's), not through the register:
    # SQLite otherwise reads a page's rows register by register, probing each for the page's
    # keys (a thousand keys by a thousand registers on the API's longest page).
    scope = permissions.visible_risks_in(user, organisation.pk)
    if register is not None:
        scope = scope.filter(register=register)
        owners = partial(register_page.register_owner_choices, register=register)
    else:
        owners = partial(register_page.owners_of, scope)
    filterset = RegisterRiskFilter(
        params,
        queryset=scope.with_bands(bands),
        bands=bands,
        owner_choices=owners,
        categories=partial(reference.categories, organisation),
        today=timezone.localdate(),
        # Fetched only when the filter is asked for: the API's pages pin their queries.
        appetite=lambda: reference.appetite(organisation, on=timezone.localdate()),
    )
    sort = register_page.parse_sort(params.get("sort"))
    return RiskListing(
        filterset=filterset, bands=bands, sorted=register_page.sort_risks(filterset.qs, sort=sort)
    )


def risk_for(*, pk: int) -> Risk:
    """A risk by id with its row (``risk_rows``), and its register and organisation, which
    whether it may be seen and its bands are read from (raises ``Risk.DoesNotExist``)."""
    return risk_rows(Risk.objects.select_related("register__organisation")).get(pk=pk)


# A register's trends compare its latest approved quarter's snapshot with the one before: rows
# frozen when approved. Each worker keeps what it has read of them (``_Frame``) by register and
# approval (``registers.selectors.kept``), so that the API's pages read again only the registers
# and risks they have not met.
_FRAMES: Kept[_Frame] = Kept()


@dataclass
class _Frame:
    """A register's trends as of one approval, with the rows of its two compared snapshots
    read so far (``read``: the risks whose rows have been, present or not)."""

    trends: RegisterTrends
    quarters: dict[int, Quarter]  # the compared snapshots' ids and their quarters
    read: set[int]


def risk_trends(risks: Sequence[Risk]) -> dict[int, RowTrend]:
    """Each risk's trend as its register's page shows it (``RegisterTrends.of``), for risks
    read through ``risk_rows`` on any number of registers. At most two queries: the snapshots
    of registers whose frame is not kept, then the rows of risks not yet read in their
    registers' compared snapshots; none when every frame and risk has been met."""
    frames = _frames({(risk.register_id, risk.register_last_approved_at) for risk in risks})
    unread = {
        risk.pk: frame
        for risk in risks
        for frame in [frames[risk.register_id, risk.register_last_approved_at]]
        if frame.quarters and risk.pk not in frame.read
    }
    if unread:
        frame_of_snapshot = {pk: frame for frame in unread.values() for pk in frame.quarters}
        for row in _trend_rows(frame_of_snapshot, list(unread)):
            frame = frame_of_snapshot[row.snapshot_id]
            frame.trends.trends.risks[frame.quarters[row.snapshot_id]][row.risk_id] = row
        for pk, frame in unread.items():
            frame.read.add(pk)
    return {
        risk.pk: frames[risk.register_id, risk.register_last_approved_at].trends.of(risk)
        for risk in risks
    }


def _frames(keys: set[tuple[int, datetime | None]]) -> dict[tuple, _Frame]:
    """The kept frame of each (register, last approval), those not kept made from the
    registers' snapshots in one query."""
    frames = {key: _FRAMES.get(key) for key in keys}
    missing = {key for key, frame in frames.items() if frame is None}
    if not missing:
        return frames
    by_register: dict[int, dict[Quarter, RegisterSnapshot]] = defaultdict(dict)
    rows = (
        RegisterSnapshot.objects.filter(register_id__in={pk for pk, _ in missing})
        .order_by("year", "quarter", "approved_at", "pk")
        .only(*SNAPSHOT_PERIOD_FIELDS)
    )
    for snapshot in rows:
        by_register[snapshot.register_id][snapshot.period] = snapshot  # later approvals win
    for key in missing:
        register_pk, approved_at = key
        chosen = _latest_and_previous(approved_at, by_register[register_pk])
        frames[key] = _FRAMES.keep(key, _frame(chosen))
    return frames


def _trend_rows(wanted: dict[int, object], risk_ids: list[int]) -> list[TrendRow]:
    """The risks' rows in the ``wanted`` register snapshots, as plain values: what a trend
    reads of them. Up to 1,000 risks, found by risk (a few rows each, through the risk's index:
    the ``(snapshot, risk)`` index would be probed once per snapshot and risk) and kept when
    their snapshot is wanted; beyond, every row of the wanted snapshots."""
    rows = RiskSnapshot.objects.order_by()
    if len(risk_ids) <= _IDS_IN_ONE_QUERY:
        rows = rows.filter(risk_id__in=risk_ids)
    else:
        rows = rows.filter(snapshot_id__in=wanted)
    return [
        TrendRow(*values) for values in rows.values_list(*TREND_ROW_FIELDS) if values[0] in wanted
    ]


def _latest_and_previous(approved_at, snapshots: dict[Quarter, RegisterSnapshot]):
    """As ``register_page.register_trends`` chooses them for a register last approved at
    ``approved_at``: the quarter of the last approval (or the latest quarter with a snapshot
    before it), and the one before with a snapshot."""
    if approved_at is None:
        return None, None, {}
    approved = Quarter.containing(timezone.localdate(approved_at))
    upto = {quarter: s for quarter, s in snapshots.items() if quarter <= approved}
    if not upto:
        return None, None, None  # approved before approvals took snapshots
    latest = max(upto)
    earlier = [quarter for quarter in upto if quarter < latest]
    return latest, max(earlier) if earlier else None, upto


def _frame(chosen) -> _Frame:
    """A frame as ``register_page.register_trends`` would build the register's trends, its
    compared snapshots' rows yet to be read."""
    latest, previous, snapshots = chosen
    if snapshots is None:
        return _Frame(RegisterTrends(None, None, None, approved_unrecorded=True), {}, set())
    if latest is None:
        return _Frame(RegisterTrends(None, None, None), {}, set())
    compared = [quarter for quarter in (latest, previous) if quarter is not None]
    quarter_trends = QuarterTrends(
        quarters=[latest], snapshots=snapshots, risks={quarter: {} for quarter in compared}
    )
    quarters = {snapshots[quarter].pk: quarter for quarter in compared}
    return _Frame(RegisterTrends(latest, previous, quarter_trends), quarters, set())


def actions_for(user: AbstractBaseUser) -> QuerySet[Action]:
    """The actions on every risk the person may see (a risk's page shows all its actions)."""
    return (
        Action.objects.filter(risk__in=permissions.visible_risks(user))
        .select_related("risk", "owner")
        .order_by("risk__reference", "kind", "due_date", "pk")
    )


def reviews_for(user: AbstractBaseUser) -> QuerySet[RiskReview]:
    """The reviews of every risk the person may see, latest first."""
    return (
        RiskReview.objects.filter(risk__in=permissions.visible_risks(user))
        .select_related("risk", "register", "reviewed_by")
        .order_by("-reviewed_at", "-pk")
    )


def snapshots_for(user: AbstractBaseUser) -> QuerySet[RiskSnapshot]:
    """Every risk of every approved quarter of the registers the person may open: the
    quarter's snapshot only, the later one where a register was approved twice in a quarter."""
    later = RegisterSnapshot.objects.filter(
        register_id=OuterRef("snapshot__register_id"),
        year=OuterRef("snapshot__year"),
        quarter=OuterRef("snapshot__quarter"),
    ).filter(
        Q(approved_at__gt=OuterRef("snapshot__approved_at"))
        | Q(approved_at=OuterRef("snapshot__approved_at"), pk__gt=OuterRef("snapshot_id"))
    )
    return (
        RiskSnapshot.objects.filter(snapshot__register__in=permissions.visible_registers(user))
        .exclude(Exists(later))
        .select_related("snapshot__register", "snapshot__approved_by")
        .order_by("snapshot__register__name", "-snapshot__year", "-snapshot__quarter", "reference")
    )
