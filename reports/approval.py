"""What a register's approval page shows before the button: a checklist of what is being
approved, each rule a risk breaks with the risks that break it (docs/domain.md#register-approval).

The rules have one home each: ``registers.warnings`` (what a risk's page warns about: not
scored, outside appetite, owner seniority, no owner, review and actions overdue...) and the
collation's "no controls" check (``reports.collation_checks``); nothing is re-decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from registers.appetite import appetite_rules
from registers.models import Action, ActionKind, ActionStatus, Register, Risk
from registers.warnings import risk_warnings
from reports.collation_checks import NO_CONTROLS
from scoring.selectors import scheme_bands

# The checklist's lines, in the order the page lists them, with their headings.
LINES = (
    ("not_scored", "Not scored"),
    ("no_owner", "No owner"),
    ("review_overdue", "Review overdue"),
    ("action_overdue", "Actions overdue"),
    ("outside_appetite", "Outside the risk appetite"),
    ("owner_seniority", "Owner not senior enough for the band"),
    (NO_CONTROLS.key, NO_CONTROLS.label),
    ("residual_not_below_inherent", "Residual not below inherent"),
    ("no_effective_control", "Below inherent with no control rated effective"),
    ("key_control_unassured", "Key controls without assurance in twelve months"),
    ("tolerate_without_reason", "Tolerated without a reason"),
    ("no_response", "No response chosen"),
)


@dataclass(frozen=True, slots=True)
class Flagged:
    """A risk on a line of the checklist, and what is wrong with it in words."""

    risk: Risk
    message: str


@dataclass
class ChecklistLine:
    code: str
    label: str
    risks: list[Flagged] = field(default_factory=list)


@dataclass
class Checklist:
    """The register's open risks and the rules they break today."""

    open_risks: int
    lines: list[ChecklistLine]

    @property
    def flagged(self) -> list[ChecklistLine]:
        return [line for line in self.lines if line.risks]

    @property
    def clear(self) -> bool:
        return not self.flagged


def approval_checklist(*, register: Register, today: date) -> Checklist:
    """Every line of the checklist for ``register``'s open risks, empty lines included (the
    page says "none" for them). Five queries whatever the number of risks (the appetite in
    force is one)."""
    bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    appetite = appetite_rules(bands={register.organisation_id: bands}, on=today)
    risks = list(
        Risk.objects.filter(register=register)
        .open()
        .select_related("owner__profile")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.with_latest_assurance().order_by("due_date", "pk"),
            )
        )
        .order_by("reference", "pk")
    )
    lines = {code: ChecklistLine(code, label) for code, label in LINES}
    for risk in risks:
        actions = list(risk.actions.all())
        profile = getattr(risk.owner, "profile", None) if risk.owner_id else None
        for warning in risk_warnings(
            risk=risk,
            bands=bands,
            owner_seniority=profile.seniority if profile else None,
            actions=actions,
            today=today,
            appetite=appetite.verdict(risk),
        ):
            line = lines.setdefault(warning.code, ChecklistLine(warning.code, warning.code))
            line.risks.append(Flagged(risk, warning.message))
        in_place = any(
            a.kind == ActionKind.CONTROL and a.status != ActionStatus.CANCELLED for a in actions
        )
        if not in_place:
            lines[NO_CONTROLS.key].risks.append(Flagged(risk, NO_CONTROLS.looks_for))
    return Checklist(open_risks=len(risks), lines=list(lines.values()))
