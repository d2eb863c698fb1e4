"""The directorate collation for the Insurance Manager (docs/domain.md#directorate-collation): every
directorate's registers side by side, with completeness checks on their open risks, as a page,
a PDF and a workbook.

The read is five queries whatever the number of risks: the directorates, their registers
(owner and service joined), the organisation's bands, the appetite in force, and one pass over
the open risks that
fetches only the columns the checks need (whether a risk has a control in place comes as a
subquery; the long text fields stay in the database, except a tolerated risk's reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import BooleanField, Case, Exists, F, OuterRef, TextField, Value, When
from django.utils import timezone

from common import spreadsheets
from common.people import OWNER_NAME_FIELDS, owner_name, person_name_from
from registers import control_rules, due
from registers.appetite import AppetiteRules, appetite_rules, compare
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Directorate,
    Effectiveness,
    Organisation,
    Register,
    Response,
    Risk,
    RiskStatus,
    Tier,
)
from registers.selectors import changes
from reports.collation_checks import CHECKS, Check, Issue, risk_issues
from reports.pdf import render_pdf
from scoring import matrix
from scoring.selectors import scheme_bands


@dataclass(frozen=True, slots=True)
class RiskIssues:
    """An open risk that fails at least one check."""

    risk_id: int
    reference: str
    title: str
    owner_name: str
    residual_score: int | None
    next_review_due: date | None
    issues: tuple[Issue, ...]


@dataclass
class Tally:
    """Open risks counted by residual band and by the checks they fail. A register's tally is
    its risks; a directorate's is the sum of its registers'; the organisation's of the
    directorates'."""

    bands: tuple[matrix.Band, ...]
    open_risks: int = 0
    band_counts: dict[str, int] = field(default_factory=dict)
    residual_not_scored: int = 0
    check_counts: dict[str, int] = field(default_factory=dict)
    risks_with_issues: int = 0

    def count_risk(self, *, residual_score: int | None, issues: tuple[Issue, ...]) -> None:
        self.open_risks += 1
        if residual_score is None:
            self.residual_not_scored += 1
        else:
            key = matrix.band_for(residual_score, self.bands).key
            self.band_counts[key] = self.band_counts.get(key, 0) + 1
        for issue in issues:
            self.check_counts[issue.check.key] = self.check_counts.get(issue.check.key, 0) + 1
        if issues:
            self.risks_with_issues += 1

    def add(self, other: Tally) -> None:
        self.open_risks += other.open_risks
        self.residual_not_scored += other.residual_not_scored
        self.risks_with_issues += other.risks_with_issues
        for key, count in other.band_counts.items():
            self.band_counts[key] = self.band_counts.get(key, 0) + count
        for key, count in other.check_counts.items():
            self.check_counts[key] = self.check_counts.get(key, 0) + count

    @property
    def by_band(self) -> list[tuple[matrix.Band, int]]:
        """Open risks per residual band, highest band first."""
        return [(band, self.band_counts.get(band.key, 0)) for band in reversed(self.bands)]

    @property
    def by_check(self) -> list[tuple[Check, int]]:
        return [(check, self.check_counts.get(check.key, 0)) for check in CHECKS]

    @property
    def issues(self) -> int:
        """Every failed check counted (a risk failing two counts twice)."""
        return sum(self.check_counts.values())


@dataclass
class RegisterCollation:
    register_id: int
    name: str
    prefix: str
    tier: str
    tier_label: str
    service_name: str
    owner_name: str
    last_approved_on: date | None
    next_review_due: date | None
    review_overdue: bool
    tally: Tally
    risks_with_issues: list[RiskIssues] = field(default_factory=list)


@dataclass
class DirectorateCollation:
    directorate_id: int
    name: str
    register: RegisterCollation | None
    # Service registers by service name, each followed by its service's project registers.
    other_registers: list[RegisterCollation]
    tally: Tally

    @property
    def registers(self) -> list[RegisterCollation]:
        return ([self.register] if self.register else []) + self.other_registers


@dataclass
class Collation:
    organisation_name: str
    organisation_slug: str
    today: date
    bands: tuple[matrix.Band, ...]
    directorates: list[DirectorateCollation]
    totals: Tally
    checks: tuple[Check, ...] = CHECKS

    @property
    def bands_high_first(self) -> tuple[matrix.Band, ...]:
        return tuple(reversed(self.bands))

    @property
    def register_count(self) -> int:
        return sum(len(directorate.registers) for directorate in self.directorates)


def _register_order(register: RegisterCollation) -> tuple:
    return (register.service_name.lower(), register.tier == Tier.PROJECT, register.name.lower())


# How long a collation may be reused while nothing it counts has changed: a bound on how late
# a renamed person, service or directorate (which keep no history) shows in it.
CACHE_SECONDS = 300


def cache_key(organisation: Organisation, today: date, part: str) -> str:
    """The key under which today's collation of ``organisation`` (or ``part`` of it) is kept:
    it changes with every risk, action or register written (``changes.change_stamp``)."""
    stamp = "-".join(str(newest) for newest in changes.change_stamp())
    return f"collation:{part}:{organisation.pk}:{organisation.scheme_id}:{today}:{stamp}"


def _registers(
    *, organisation: Organisation, bands: tuple[matrix.Band, ...], today: date
) -> tuple[dict[int, RegisterCollation], dict[int, int]]:
    """The organisation's directorate, service and project registers, each with its owner,
    approval dates and an empty tally; and each register's directorate. One query."""
    registers: dict[int, RegisterCollation] = {}
    directorate_of: dict[int, int] = {}
    tier_labels = dict(Tier.choices)
    register_rows = (
        Register.objects.filter(
            organisation=organisation,
            tier__in=[Tier.DIRECTORATE, Tier.SERVICE, Tier.PROJECT],
            closed_at__isnull=True,
        )
        .order_by("name", "pk")
        .values(
            "pk",
            "name",
            "prefix",
            "tier",
            "directorate_id",
            "service__name",
            *OWNER_NAME_FIELDS,
            "review_interval_months",
            "last_approved_at",
        )
    )
    for row in register_rows:
        approved_on = (
            timezone.localdate(row["last_approved_at"]) if row["last_approved_at"] else None
        )
        next_due = due.register_review_due(row["last_approved_at"], row["review_interval_months"])
        registers[row["pk"]] = RegisterCollation(
            register_id=row["pk"],
            name=row["name"],
            prefix=row["prefix"],
            tier=row["tier"],
            tier_label=tier_labels[row["tier"]],
            service_name=row["service__name"] or "",
            owner_name=owner_name(row),
            last_approved_on=approved_on,
            next_review_due=next_due,
            review_overdue=due.is_overdue(next_due, today),
            tally=Tally(bands=bands),
        )
        directorate_of[row["pk"]] = row["directorate_id"]
    return registers, directorate_of


class _RiskRow(NamedTuple):
    """One open risk as ``_open_risk_rows`` reads it, in its columns' order."""

    risk_id: object
    register_id: object
    reference: object
    title: object
    owner_id: object
    owner_first: object
    owner_last: object
    owner_username: object
    inherent_likelihood: object
    inherent_impact: object
    residual_likelihood: object
    residual_impact: object
    response: object
    tolerate_reason: object
    next_review_due: object
    has_control: object
    has_effective_control: object
    has_unassured_key_control: object
    has_reason: object
    category: object
    owner_seniority: object


def _open_risk_rows(register_ids: list[int], *, today: date):
    """The open risks of the registers, only the columns the checks read: whether a risk has
    a control in place, one rated effective, and a key control without assurance in the
    twelve months to ``today`` come as subqueries, and only a tolerated risk's reason is
    read."""
    controls_in_place = Action.objects.filter(risk=OuterRef("pk"), kind=ActionKind.CONTROL).exclude(
        status=ActionStatus.CANCELLED
    )
    unassured_key_controls = controls_in_place.filter(key_control=True).exclude(
        assurances__given_on__gte=control_rules.assurance_cutoff(today)
    )
    return (
        Risk.objects.filter(register_id__in=register_ids, status=RiskStatus.OPEN)
        .annotate(
            has_control=Exists(controls_in_place),
            has_effective_control=Exists(
                controls_in_place.filter(effectiveness=Effectiveness.EFFECTIVE)
            ),
            has_unassured_key_control=Exists(unassured_key_controls),
            has_reason=Case(
                When(response_rationale="", then=Value(False)),
                default=Value(True),
                output_field=BooleanField(),
            ),
            # Only a tolerated risk's reason is read, to see whether it is blank.
            tolerate_reason=Case(
                When(response=Response.TOLERATE, then=F("response_rationale")),
                default=Value(None),
                output_field=TextField(),
            ),
        )
        .order_by("register_id", "reference", "pk")
        .values_list(
            "pk",
            "register_id",
            "reference",
            "title",
            "owner_id",
            "owner__first_name",
            "owner__last_name",
            "owner__username",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
            "response",
            "tolerate_reason",
            "next_review_due",
            "has_control",
            "has_effective_control",
            "has_unassured_key_control",
            "has_reason",
            "category",
            "owner__profile__seniority",
        )
    )


def _verdict(appetite: AppetiteRules, organisation_id: int, category: str, residual: int | None):
    """The risk against its category's tolerance in force, or its band's appetite."""
    return compare(
        residual=residual,
        tolerance=appetite.tolerance(organisation_id, category),
        bands=appetite.bands[organisation_id],
    )


def _check_risks(
    registers: dict[int, RegisterCollation], *, today: date, appetite: AppetiteRules
) -> None:
    """Run the completeness checks on every open risk of ``registers``: each register's tally
    counts its risks, and keeps those failing a check. One query, read in chunks; the risks
    are compared with ``appetite``, the organisation's appetite in force, fetched once."""
    [(organisation_id, bands)] = appetite.bands.items()
    for values in _open_risk_rows(list(registers), today=today).iterator(chunk_size=2000):
        row = _RiskRow(*values)
        inherent_score = matrix.score_or_none(row.inherent_likelihood, row.inherent_impact)
        residual_score = matrix.score_or_none(row.residual_likelihood, row.residual_impact)
        issues = risk_issues(
            owner_id=row.owner_id,
            next_review_due=row.next_review_due,
            response=row.response,
            tolerate_reason=row.tolerate_reason,
            inherent_score=inherent_score,
            residual_score=residual_score,
            has_control=bool(row.has_control),
            has_effective_control=bool(row.has_effective_control),
            has_unassured_key_control=bool(row.has_unassured_key_control),
            today=today,
            appetite=_verdict(appetite, organisation_id, row.category, residual_score),
            has_reason=bool(row.has_reason),
            owner_seniority=row.owner_seniority,
            bands=bands,
        )
        register = registers[row.register_id]
        register.tally.count_risk(residual_score=residual_score, issues=issues)
        if issues:
            register.risks_with_issues.append(
                RiskIssues(
                    risk_id=row.risk_id,
                    reference=row.reference,
                    title=row.title,
                    owner_name=person_name_from(
                        row.owner_first, row.owner_last, row.owner_username
                    ),
                    residual_score=residual_score,
                    next_review_due=row.next_review_due,
                    issues=issues,
                )
            )


def _directorates(
    directorates: list[tuple[int, str]],
    registers: dict[int, RegisterCollation],
    directorate_of: dict[int, int],
    *,
    bands: tuple[matrix.Band, ...],
) -> tuple[list[DirectorateCollation], Tally]:
    """Each directorate with its registers (its own first, then service registers each
    followed by its projects), its tally the sum of theirs; and the organisation's total, the
    sum of the directorates'."""
    by_directorate: dict[int, list[RegisterCollation]] = {pk: [] for pk, _ in directorates}
    for register_id, register in registers.items():
        by_directorate[directorate_of[register_id]].append(register)
    totals = Tally(bands=bands)
    collated = []
    for pk, name in directorates:
        members = by_directorate[pk]
        tally = Tally(bands=bands)
        for register in members:
            tally.add(register.tally)
        totals.add(tally)
        collated.append(
            DirectorateCollation(
                directorate_id=pk,
                name=name,
                register=next((r for r in members if r.tier == Tier.DIRECTORATE), None),
                other_registers=sorted(
                    (r for r in members if r.tier != Tier.DIRECTORATE), key=_register_order
                ),
                tally=tally,
            )
        )
    return collated, totals


def directorate_collation(*, organisation: Organisation, today: date | None = None) -> Collation:
    """Every directorate of ``organisation`` with its directorate, service and project
    registers: each register's owner, approval dates, open risks by residual band and the
    open risks failing the completeness checks; directorate and organisation totals are sums
    of the registers', so they add up. Five queries whatever the number of risks."""
    today = today or timezone.localdate()
    bands = scheme_bands(scheme_id=organisation.scheme_id)
    directorates = list(
        Directorate.objects.filter(organisation=organisation)
        .order_by("name", "pk")
        .values_list("pk", "name")
    )
    registers, directorate_of = _registers(organisation=organisation, bands=bands, today=today)
    appetite = appetite_rules(bands={organisation.pk: bands}, on=today)
    _check_risks(registers, today=today, appetite=appetite)
    collated, totals = _directorates(directorates, registers, directorate_of, bands=bands)
    return Collation(
        organisation_name=organisation.name,
        organisation_slug=organisation.slug,
        today=today,
        bands=bands,
        directorates=collated,
        totals=totals,
    )


# Outputs ------------------------------------------------------------------------------------


def collation_pdf(*, organisation: Organisation, today: date | None = None) -> bytes:
    """The collation as an A4 landscape PDF: the same body as the page."""
    collation = directorate_collation(organisation=organisation, today=today)
    return render_pdf(
        "reports/collation.html", {"collation": collation, "organisation": organisation}
    )


def _tally_cells(tally: Tally) -> list[object]:
    return [
        tally.open_risks,
        *(count for _, count in tally.by_band),
        tally.residual_not_scored,
        *(count for _, count in tally.by_check),
        tally.issues,
        tally.risks_with_issues,
    ]


def _tally_columns(collation: Collation) -> list[spreadsheets.Column]:
    return [
        spreadsheets.Column("Open risks", 10),
        *(spreadsheets.Column(f"Residual {band.label}", 11) for band in collation.bands_high_first),
        spreadsheets.Column("Residual not scored", 11),
        *(spreadsheets.Column(check.label, 14) for check in CHECKS),
        spreadsheets.Column("Issues", 9),
        spreadsheets.Column("Risks with issues", 11),
    ]


def _summary_rows(collation: Collation):
    for directorate in collation.directorates:
        yield [directorate.name, len(directorate.registers), *_tally_cells(directorate.tally)]
    yield [
        "Organisation total",
        collation.register_count,
        *_tally_cells(collation.totals),
    ]


def _register_rows(collation: Collation):
    for directorate in collation.directorates:
        for register in directorate.registers:
            yield [
                directorate.name,
                register.name,
                register.prefix,
                register.tier_label,
                register.service_name,
                register.owner_name,
                register.last_approved_on,
                register.next_review_due,
                "Yes" if register.review_overdue else "No",
                *_tally_cells(register.tally),
            ]


def _issue_rows(collation: Collation):
    for directorate in collation.directorates:
        for register in directorate.registers:
            for risk in register.risks_with_issues:
                for issue in risk.issues:
                    yield [
                        directorate.name,
                        register.name,
                        register.tier_label,
                        risk.reference,
                        risk.title,
                        risk.owner_name,
                        issue.check.label,
                        issue.detail,
                        risk.residual_score,
                        risk.next_review_due,
                    ]


def collation_xlsx(*, organisation: Organisation, today: date | None = None) -> bytes:
    """The collation as a workbook: "Summary" (a row per directorate and the organisation
    total), "Registers" (a row per register, its directorate in a column) and "Issues" (a row
    per failed check, to filter by directorate, register, owner or check)."""
    collation = directorate_collation(organisation=organisation, today=today)
    workbook = spreadsheets.new_workbook()
    tally_columns = _tally_columns(collation)
    spreadsheets.write_table(
        workbook,
        title="Summary",
        columns=[
            spreadsheets.Column("Directorate", 28),
            spreadsheets.Column("Registers", 10),
            *tally_columns,
        ],
        rows=_summary_rows(collation),
    )
    spreadsheets.write_table(
        workbook,
        title="Registers",
        columns=[
            spreadsheets.Column("Directorate", 24),
            spreadsheets.Column("Register", 32),
            spreadsheets.Column("Prefix", 12),
            spreadsheets.Column("Tier", 11),
            spreadsheets.Column("Service", 22),
            spreadsheets.Column("Register owner", 22),
            spreadsheets.Column("Last approved", 13),
            spreadsheets.Column("Next review due", 13),
            spreadsheets.Column("Register review overdue", 12),
            *tally_columns,
        ],
        rows=_register_rows(collation),
    )
    spreadsheets.write_table(
        workbook,
        title="Issues",
        columns=[
            spreadsheets.Column("Directorate", 24),
            spreadsheets.Column("Register", 32),
            spreadsheets.Column("Tier", 11),
            spreadsheets.Column("Reference", 14),
            spreadsheets.Column("Title", 40),
            spreadsheets.Column("Risk owner", 22),
            spreadsheets.Column("Check", 24),
            spreadsheets.Column("What is wrong", 44),
            spreadsheets.Column("Residual score", 10),
            spreadsheets.Column("Next review due", 13),
        ],
        rows=_issue_rows(collation),
    )
    return spreadsheets.workbook_bytes(workbook)
