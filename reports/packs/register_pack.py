"""Any register printed as a pack for its own leadership meeting, in the shape of the policy's
register template (Appendix C): number, description, impact, inherent likelihood × impact,
mitigations, residual likelihood × impact, owner (docs/domain.md#register-packs).

Like the SLT pack, a quarter the register's approver has approved reads its snapshot (scores,
bands and owners frozen at approval) with the risks' text and mitigations as they are now; the
quarter under review, not approved yet, is a draft read as approving it now would freeze it.
A fixed number of queries whatever the number of risks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from registers.approvals import register_snapshot_rows
from registers.models import Register, RegisterSnapshot, RiskSnapshot
from registers.periods import Quarter, approvable_quarters
from reports.packs import cycle, sections
from reports.packs.document import PackAction
from reports.pdf import render_pdf
from reports.vocabulary import Rating, Ratings
from scoring.selectors import scheme_bands


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One risk in the template's columns."""

    number: int
    reference: str
    title: str
    event: str
    consequence: str
    impact: str
    inherent: Rating
    controls: list[PackAction]
    actions: list[PackAction]
    residual: Rating
    owner_name: str
    exempt: bool
    horizon: str = ""  # as the risk stands now, like its description


@dataclass
class RegisterPack:
    register: Register
    quarter: Quarter
    draft: bool
    approval: cycle.Approval | None
    generated_at: datetime
    rows: list[TemplateRow]

    @property
    def title(self) -> str:
        return f"{self.register.name}: risk register"

    @property
    def running_title(self) -> str:
        title = f"{self.register.name} {self.quarter.label}"
        if self.draft:
            generated = timezone.localtime(self.generated_at)
            return f"DRAFT, generated {generated:%-d %B %Y, %H:%M} · {title}"
        return f"{title} · approved"

    @property
    def filename(self) -> str:
        quarter = f"{self.quarter.year}-{(self.quarter.year + 1) % 100:02d}-Q{self.quarter.number}"
        draft = "-DRAFT" if self.draft else ""
        return f"{self.register.prefix}-register-{quarter}{draft}.pdf"


def register_pack_quarters(*, register: Register, today) -> tuple[list[Quarter], list[Quarter]]:
    """The quarters the register's pack can be printed for: those it may still be approved
    for and is not (drafts), and those it was approved in (latest first). One query."""
    approved = sorted(
        {
            Quarter(year, number)
            for year, number in RegisterSnapshot.objects.filter(register=register).values_list(
                "year", "quarter"
            )
        },
        reverse=True,
    )
    drafts = [q for q in approvable_quarters(today) if q not in approved]
    return drafts, approved


def _snapshot(register: Register, quarter: Quarter, now: datetime):
    """The quarter's approval and its rows, or a draft's (unsaved); ``ValueError`` for a
    quarter neither approved nor open to approval."""
    snapshot = (
        RegisterSnapshot.objects.filter(
            register=register, year=quarter.year, quarter=quarter.number
        )
        .select_related("approved_by", "recorded_by")
        .order_by("-approved_at", "-pk")
        .first()
    )
    if snapshot is not None:
        return snapshot, list(snapshot.risks.all())
    if quarter not in approvable_quarters(timezone.localdate(now)):
        raise ValueError(f"{register.name} was not approved in {quarter.label}.")
    snapshot = RegisterSnapshot(
        register=register, year=quarter.year, quarter=quarter.number, approved_at=now
    )
    return snapshot, register_snapshot_rows(register=register, snapshot=snapshot, at=now)


def _row(number: int, row: RiskSnapshot, risk, ratings: Ratings, quarter, today) -> TemplateRow:
    controls, actions = sections.shown_actions(risk=risk, quarter=quarter, today=today)
    return TemplateRow(
        number=number,
        reference=row.reference,
        title=row.title,
        event=risk.event,
        consequence=risk.consequence,
        impact=risk.impact,
        inherent=ratings.inherent(row),
        controls=controls,
        actions=actions,
        residual=ratings.residual(row),
        owner_name=row.owner_name,
        exempt=row.exempt or risk.exempt,
        horizon=risk.get_horizon_display(),
    )


def register_pack(
    *, register: Register, quarter: Quarter, now: datetime | None = None
) -> RegisterPack:
    """``register``'s pack for ``quarter`` in the template's shape, highest residual score
    first. ``ValueError`` for a quarter neither approved nor open to approval."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    snapshot, rows = _snapshot(register, quarter, now)
    ratings = Ratings(scheme_bands(scheme_id=register.organisation.scheme_id))
    current = sections.current_risks(row.risk_id for row in rows)
    rows = sorted(
        rows,
        key=lambda r: (-ratings.residual(r).rank, -(r.inherent_score or 0), r.reference),
    )
    return RegisterPack(
        register=register,
        quarter=quarter,
        draft=snapshot.pk is None,
        approval=cycle.approval(snapshot),
        generated_at=now,
        rows=[
            _row(number, row, current[row.risk_id], ratings, quarter, today)
            for number, row in enumerate(rows, start=1)
        ],
    )


def register_pack_pdf(*, pack: RegisterPack) -> bytes:
    """``pack`` as an A4 PDF (its register table landscape)."""
    return render_pdf(
        "reports/register_pack.html", {"pack": pack, "organisation": pack.register.organisation}
    )
