"""Reads for the pages: scoped to what the user may see, with a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Expression, F, Prefetch, Q
from django.urls import reverse

from common.people import OWNER_NAME_FIELDS, owner_name, person_name
from registers import due, reference
from registers.categories import with_category_labels
from registers.models import (
    TIER_ORDER,
    Action,
    ActionKind,
    Assurance,
    Kind,
    Organisation,
    Risk,
    RiskReview,
    RiskStatus,
    Tier,
    review_overdue_q,
)
from registers.permissions import visible_registers
from scoring import matrix
from scoring.expressions import band_case_by_scheme


def organisation_bands(*, organisation_ids) -> dict[int, tuple[matrix.Band, ...]]:
    """Each organisation's bands (its scheme, the risk appetite): one query, and one more for
    those not already read (``registers.reference``)."""
    return reference.bands_of(Organisation.objects.filter(pk__in=set(organisation_ids)))


@dataclass
class RegisterSummary:
    """A row of the organisation page: a register with its open risks counted by band."""

    register_id: int
    name: str
    tier: str
    tier_label: str
    url: str
    owner_name: str
    service_name: str
    next_review_due: date | None
    bands: tuple[matrix.Band, ...]
    band_counts: dict[str, int] = field(default_factory=dict)
    not_scored: int = 0
    reviews_overdue: int = 0
    today: date | None = None
    closed: bool = False

    @property
    def open_risks(self) -> int:
        return sum(self.band_counts.values()) + self.not_scored

    @property
    def register_review_overdue(self) -> bool:
        return self.today is not None and due.is_overdue(self.next_review_due, self.today)

    @property
    def counts(self) -> list[tuple[matrix.Band, int]]:
        """Open risks per residual band, highest band first."""
        return [(band, self.band_counts.get(band.key, 0)) for band in reversed(self.bands)]

    @property
    def tree_order(self) -> tuple:
        """Directorate register first, then each service register followed by its projects."""
        return (TIER_ORDER[self.tier], self.service_name, self.tier == Tier.PROJECT, self.name)


@dataclass
class DirectorateGroup:
    """The corporate register under its organisation's name, or a directorate's registers.
    ``more`` of the directorate's registers are not listed (``OVERVIEW_ABOVE``): they are on
    the directorate's own page."""

    name: str
    summaries: list[RegisterSummary]
    directorate_id: int | None = None
    more: int = 0

    @property
    def bands(self) -> tuple[matrix.Band, ...]:
        """Highest band first: the column order of the counts (one organisation per group)."""
        return tuple(reversed(self.summaries[0].bands))


# What the organisation page shows of each register, read as plain rows: a hundred registers'
# model instances cost more than the query.
SUMMARY_FIELDS = (
    "pk",
    "name",
    "tier",
    "kind",
    "closed_at",
    "organisation_id",
    "organisation__name",
    "directorate_id",
    "directorate__name",
    "service__name",
    *OWNER_NAME_FIELDS,
    "review_interval_months",
    "last_approved_at",
)


# Above this many registers the organisation page lists the corporate and directorate
# registers, and each directorate's service and project registers on the directorate's own
# page: a county council with its partnerships, or a shared service for several bodies, holds
# a thousand, more than a page can usefully show or a reader scan.
OVERVIEW_ABOVE = 200
# What the organisation page lists of a large organisation.
OVERVIEW_TIERS = frozenset({Tier.CORPORATE, Tier.DIRECTORATE})


def register_summaries(
    *,
    user: AbstractBaseUser,
    today: date,
    closed: bool = False,
    directorate_id: int | None = None,
) -> list[DirectorateGroup]:
    """The registers the user may see, grouped corporate first then by directorate, each
    with its open risks counted by residual band and its risks overdue for review. Closed
    registers are left out unless ``closed``; only directorate ``directorate_id``'s when it is
    given. Above ``OVERVIEW_ABOVE`` registers, only the corporate and directorate registers
    are listed, each directorate's group saying how many more it holds.

    Four queries at most whatever the number of risks: the registers (as plain rows), their
    organisations (and their bands, unless already read: ``registers.reference``), and the
    counts of the registers listed, grouped by register and band in the database."""
    registers = visible_registers(user)
    if not closed:
        registers = registers.filter(closed_at__isnull=True)
    if directorate_id is not None:
        registers = registers.filter(directorate_id=directorate_id)
    rows = list(registers.values(*SUMMARY_FIELDS))
    overview = directorate_id is None and len(rows) > OVERVIEW_ABOVE
    listed = [row for row in rows if not overview or row["tier"] in OVERVIEW_TIERS]
    bands_by_org = organisation_bands(organisation_ids=[row["organisation_id"] for row in rows])
    summaries = {
        row["pk"]: _register_summary(
            row=row, bands=bands_by_org[row["organisation_id"]], today=today
        )
        for row in listed
    }
    _count_open_risks(summaries=summaries, band=_residual_band(listed, bands_by_org), today=today)
    return _directorate_groups(rows=rows, summaries=summaries)


def _register_summary(*, row: dict, bands: tuple[matrix.Band, ...], today: date) -> RegisterSummary:
    """A register's row of the organisation page, before its risks are counted."""
    return RegisterSummary(
        register_id=row["pk"],
        name=row["name"],
        tier=row["tier"],
        tier_label=Kind(row["kind"]).label if row["kind"] else Tier(row["tier"]).label,
        closed=row["closed_at"] is not None,
        url=reverse("registers:register-detail", kwargs={"pk": row["pk"]}),
        owner_name=owner_name(row),
        service_name=row["service__name"] or "",
        next_review_due=due.register_review_due(
            row["last_approved_at"], row["review_interval_months"]
        ),
        bands=bands,
        today=today,
    )


def _count_open_risks(
    *, summaries: dict[int, RegisterSummary], band: Expression, today: date
) -> None:
    """Count each register's open risks by ``band`` and those overdue for review, in one
    query grouped by register and band."""
    counts = (
        Risk.objects.filter(register__in=list(summaries), status=RiskStatus.OPEN)
        .annotate(band=band)
        .values("register_id", "band")
        .annotate(risks=Count("pk"), overdue=Count("pk", filter=review_overdue_q(today=today)))
        .order_by()
    )
    for count in counts:
        summary = summaries[count["register_id"]]
        summary.reviews_overdue += count["overdue"]
        if count["band"]:
            summary.band_counts[count["band"]] = count["risks"]
        else:
            summary.not_scored = count["risks"]


def _directorate_groups(
    *, rows: list[dict], summaries: dict[int, RegisterSummary]
) -> list[DirectorateGroup]:
    """The corporate register under its organisation's name, every other register under its
    directorate's; corporate first, then directorates by name, each in tree order. A register
    of ``rows`` without a summary is counted in its group's ``more``."""
    groups: dict[str, DirectorateGroup] = {}
    first_tier: dict[str, int] = {}
    for row in rows:
        corporate = row["tier"] == Tier.CORPORATE
        name = row["organisation__name"] if corporate else row["directorate__name"]
        group = groups.setdefault(name, DirectorateGroup(name, [], row["directorate_id"]))
        tier = TIER_ORDER[row["tier"]]
        first_tier[name] = min(first_tier.get(name, tier), tier)
        if row["pk"] in summaries:
            group.summaries.append(summaries[row["pk"]])
        else:
            group.more += 1
    for group in groups.values():
        group.summaries.sort(key=lambda s: s.tree_order)
    return sorted(groups.values(), key=lambda group: (first_tier[group.name], group.name))


def _residual_band(register_rows: list[dict], bands_by_org: dict[int, tuple[matrix.Band, ...]]):
    """A risk's residual band key in SQL by the scheme of its register's organisation, "" when
    it is not scored: ``matrix.band_for`` as a CASE, so that the counts group by band."""
    registers_of = defaultdict(list)
    for row in register_rows:
        registers_of[row["organisation_id"]].append(row["pk"])
    # Only someone who sees several organisations (a superuser) needs the register test.
    several = len(bands_by_org) > 1
    return band_case_by_scheme(
        score=F("residual_likelihood") * F("residual_impact"),
        schemes=[
            (Q(register_id__in=registers_of[org_id]) if several else Q(), bands)
            for org_id, bands in bands_by_org.items()
        ],
    )


def risk_for_page(*, pk: int) -> Risk:
    """A risk with everything its page shows, in a fixed number of queries (its category's
    label annotated, ``category_label``)."""
    return (
        with_category_labels(Risk.objects)
        .select_related("register__organisation", "register__owner", "owner__profile", "closed_by")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.with_latest_assurance()
                .select_related("owner", "agreed_by")
                .prefetch_related(
                    Prefetch(
                        "assurances",
                        queryset=Assurance.objects.select_related("recorded_by").order_by(
                            "-given_on", "-pk"
                        ),
                    )
                )
                .order_by("kind", F("due_date").asc(nulls_last=True), "pk"),
            ),
            Prefetch(
                "reviews",
                queryset=RiskReview.objects.select_related("reviewed_by").order_by("-reviewed_at"),
            ),
        )
        .get(pk=pk)
    )


@dataclass
class HistoryEntry:
    when: object
    who: str
    reason: str
    kind: str
    changes: list[tuple[str, object, object]]


def readable_values(model, changes: Iterable[tuple[str, object, object]]):
    """A function ``shown(field_name, stored_value)`` for a model's changes, as people read
    them: related objects by name (people by their full name), choices by their label, blank
    as None. Fetches the objects the ``(field name, old, new)`` changes refer to, one query per
    related model."""
    fields = {f.name: f for f in model._meta.concrete_fields}
    wanted: dict = defaultdict(set)
    for name, *values in changes:
        if fields[name].is_relation:
            wanted[fields[name].related_model].update(v for v in values if v is not None)
    User = get_user_model()
    names = {
        (related, pk): person_name(obj) if related is User else str(obj)
        for related, pks in wanted.items()
        for pk, obj in related.objects.in_bulk(pks).items()
    }

    def shown(name: str, value):
        field = fields[name]
        if value is None or value == "":
            return None
        if field.is_relation:
            return names.get((field.related_model, value), f"#{value}")
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return value

    return shown


def risk_history(*, risk: Risk, limit: int = 50) -> list[HistoryEntry]:
    """The risk's history, newest first: who changed which fields, from what to what.

    A fixed number of queries whatever the length: the history rows (with their authors),
    then the people and registers named in changed fields.
    """
    records = list(
        risk.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    pairs = list(zip(records, [*records[1:], None], strict=True))[:limit]
    deltas = [
        (newer, newer.diff_against(older, excluded_fields=["updated_at"]) if older else None)
        for newer, older in pairs
    ]
    shown = readable_values(
        Risk, [(c.field, c.old, c.new) for _, delta in deltas if delta for c in delta.changes]
    )
    entries = []
    for newer, delta in deltas:
        changes = [
            (
                Risk._meta.get_field(c.field).verbose_name,
                shown(c.field, c.old),
                shown(c.field, c.new),
            )
            for c in (delta.changes if delta else [])
        ]
        user = newer.history_user
        entries.append(
            HistoryEntry(
                when=newer.history_date,
                who=person_name(user) if user else "System",
                reason=newer.history_change_reason or "",
                kind=newer.get_history_type_display(),
                changes=changes,
            )
        )
    return entries


def split_mitigations(actions) -> tuple[list[Action], list[Action]]:
    """(controls in place, planned actions) from a risk's prefetched actions."""
    controls = [a for a in actions if a.kind == ActionKind.CONTROL]
    planned = [a for a in actions if a.kind == ActionKind.ACTION]
    return controls, planned
