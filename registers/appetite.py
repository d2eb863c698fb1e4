"""The risk appetite by category (docs/domain.md#risk-appetite): which statement is in force on
a date, and every risk compared with its category's tolerance.

A statement line gives a category a level and a tolerance, the highest residual score the
organisation accepts: a risk scored at the tolerance is within the appetite, one above it
outside. A category with no line in the statement in force (or an organisation with no
statement approved yet) falls back on the bands: outside the appetite when its band is.

The check is made once per page, never once per row: ``appetite_rules`` reads the lines in
force for the organisations on the page in one query, ``AppetiteRules.verdict`` answers for a
risk in Python and ``AppetiteRules.outside_case`` asks the same question in SQL, for filters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db.models import BooleanField, Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import GreaterThan

from registers.categories import category_label, category_labels
from registers.models import (
    AppetiteLevel,
    AppetiteLine,
    AppetiteStatement,
    Organisation,
    RiskCategory,
    StatementStatus,
)
from scoring import matrix

LEVELS_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "appetite_levels.json"


def ensure_appetite_levels() -> list[AppetiteLevel]:
    """The five levels, seeded from ``fixtures/appetite_levels.json`` if a database has none
    (the migration seeds them; a flushed test database loses them)."""
    if not AppetiteLevel.objects.exists():
        for level in json.loads(LEVELS_FILE.read_text(encoding="utf-8"))["levels"]:
            AppetiteLevel.objects.update_or_create(key=level["key"], defaults=level)
    return list(AppetiteLevel.objects.order_by("rank"))


# Which statement is in force ----------------------------------------------------------------


def _approved_by(on: date) -> Q:
    return Q(status__in=(StatementStatus.APPROVED, StatementStatus.SUPERSEDED), approved_on__lte=on)


def statement_in_force(organisation: Organisation | int, *, on: date) -> AppetiteStatement | None:
    """The organisation's statement in force on ``on``: the latest version approved on or
    before that day, superseded since or not. None before any was approved. One query."""
    organisation_id = getattr(organisation, "pk", organisation)
    return (
        AppetiteStatement.objects.filter(_approved_by(on), organisation_id=organisation_id)
        .order_by("-approved_on", "-version")
        .first()
    )


@dataclass(frozen=True, slots=True)
class Tolerance:
    """A category's line in the statement in force."""

    category_label: str
    level: str
    tolerance: int

    @property
    def text(self) -> str:
        """ "Finance: Cautious, tolerance 9"."""
        return f"{self.category_label}: {self.level}, tolerance {self.tolerance}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A risk compared with the appetite. ``outside`` is None when the risk is not scored;
    ``tolerance`` is None where the band decided (no line for the category)."""

    outside: bool | None
    tolerance: Tolerance | None
    band_label: str = ""
    target_outside: bool = False

    @property
    def text(self) -> str:
        """ "outside appetite (Finance: Cautious, tolerance 9)", or the band's words."""
        if self.outside is None:
            return ""
        where = "outside appetite" if self.outside else "within appetite"
        if self.tolerance is not None:
            return f"{where} ({self.tolerance.text})"
        return f"{where} ({self.band_label} band)"


def compare(
    *,
    residual: int | None,
    target: int | None = None,
    tolerance: Tolerance | None,
    bands: Sequence[matrix.Band],
) -> Verdict:
    """A score against a category's tolerance (above it is outside, at it within), or
    without one against the bands' own appetite. Pure: no database."""
    if residual is None:
        return Verdict(None, tolerance)
    if tolerance is not None:
        target_outside = target is not None and target > tolerance.tolerance
        return Verdict(residual > tolerance.tolerance, tolerance, target_outside=target_outside)
    band = matrix.band_for(residual, bands)
    target_outside = target is not None and not matrix.band_for(target, bands).within_appetite
    return Verdict(not band.within_appetite, None, band.label, target_outside)


@dataclass
class AppetiteRules:
    """The lines in force for some organisations, and their bands: the appetite a page asks
    about, fetched once. ``statements`` maps each organisation to its statement in force (or
    None), ``lines`` maps (organisation, category key) to the line."""

    on: date
    bands: Mapping[int, Sequence[matrix.Band]]
    statements: dict[int, AppetiteStatement | None] = field(default_factory=dict)
    lines: dict[tuple[int, str], Tolerance] = field(default_factory=dict)

    def tolerance(self, organisation_id: int, category: str) -> Tolerance | None:
        return self.lines.get((organisation_id, category))

    def verdict(self, risk) -> Verdict:
        """The risk (any object with ``organisation_id``, ``category`` and scores) against
        the appetite in force."""
        return compare(
            residual=risk.residual_score,
            target=risk.target_score,
            tolerance=self.tolerance(risk.organisation_id, risk.category),
            bands=self.bands[risk.organisation_id],
        )

    def outside_case(self) -> Case:
        """True where the residual score (``RiskQuerySet.with_bands``' aliases) is above the
        tolerance of the risk's category, or, for a category without a line, where its band
        (``with_bands``' ``residual_band``) is outside the appetite; False otherwise,
        including when not scored. ``verdict`` in SQL."""
        whens = [
            When(
                Q(organisation_id=organisation_id, category=category),
                then=GreaterThan(F("residual_score"), Value(line.tolerance)),
            )
            for (organisation_id, category), line in self.lines.items()
        ]
        for organisation_id, bands in self.bands.items():
            outside = [band.key for band in bands if not band.within_appetite]
            whens.append(
                When(
                    Q(organisation_id=organisation_id, residual_band__in=outside),
                    then=Value(True),
                )
            )
        return Case(
            When(residual_score__isnull=True, then=Value(False)),
            *whens,
            default=Value(False),
            output_field=BooleanField(),
        )


def appetite_rules(*, bands: Mapping[int, Sequence[matrix.Band]], on: date) -> AppetiteRules:
    """The appetite in force on ``on`` for each organisation in ``bands`` (organisation id to
    its bands): one query, however many organisations and risks."""
    latest = (
        AppetiteStatement.objects.filter(_approved_by(on), organisation_id=OuterRef("organisation"))
        .order_by("-approved_on", "-version")
        .values("pk")[:1]
    )
    in_force = (
        AppetiteStatement.objects.filter(organisation_id__in=list(bands))
        .annotate(latest=Subquery(latest))
        .filter(pk=F("latest"))
    )
    rules = AppetiteRules(on=on, bands=bands, statements=dict.fromkeys(bands))
    lines = (
        AppetiteLine.objects.filter(statement__in=in_force)
        .select_related("level", "statement")
        .annotate(
            category_label=Subquery(
                RiskCategory.objects.filter(
                    organisation_id=OuterRef("statement__organisation_id"),
                    key=OuterRef("category"),
                ).values("label")[:1]
            )
        )
    )
    for line in lines:
        statement = line.statement
        rules.statements[statement.organisation_id] = statement
        rules.lines[(statement.organisation_id, line.category)] = Tolerance(
            line.category_label or line.category,
            line.level.label,
            line.tolerance,
        )
    return rules


def statement_lines(
    statement: AppetiteStatement | None, *, organisation_id: int | None = None
) -> list[tuple[str, str, AppetiteLine | None]]:
    """Every category of the statement's organisation with its line (None: no line, the bands
    decide), in the categories' order: (key, label, line). One query; none without a
    statement (every category then has no line)."""
    if statement is not None:
        organisation_id = statement.organisation_id
        lines = {line.category: line for line in statement.lines.select_related("level")}
    else:
        lines = {}
    labels = category_labels(organisation_id) if organisation_id is not None else {}
    keys = [*labels, *sorted(set(lines) - set(labels))]
    return [(key, category_label(labels, key), lines.get(key)) for key in keys]


def latest_approved(organisation: Organisation | int) -> AppetiteStatement | None:
    """The organisation's latest approved statement (whatever the date): the one a new draft
    copies. One query."""
    organisation_id = getattr(organisation, "pk", organisation)
    return (
        AppetiteStatement.objects.filter(organisation_id=organisation_id)
        .exclude(status=StatementStatus.DRAFT)
        .order_by("-approved_on", "-version")
        .first()
    )


def appetite_draft_of(organisation: Organisation | int) -> AppetiteStatement | None:
    """The organisation's draft statement, if one is being drafted. One query."""
    organisation_id = getattr(organisation, "pk", organisation)
    return AppetiteStatement.objects.filter(
        organisation_id=organisation_id, status=StatementStatus.DRAFT
    ).first()


def statements_of(organisation: Organisation | int) -> list[AppetiteStatement]:
    """Every version of the organisation's statement, newest first, with who drafted and
    approved it. One query."""
    organisation_id = getattr(organisation, "pk", organisation)
    return list(
        AppetiteStatement.objects.filter(organisation_id=organisation_id)
        .select_related("drafted_by", "approved_by", "recorded_by")
        .order_by("-version")
    )


def versions_in(statements: Iterable[AppetiteStatement | None]) -> list[int]:
    """The distinct versions among ``statements``, in order (None, no statement, left out)."""
    return sorted({s.version for s in statements if s is not None})
