"""The demo's controls as records (docs/domain.md#controls-and-assurance): each control in
place typed and rated, the corporate register's first controls and the red directorate
risks' key controls, and assurance over them: third line by Internal Audit's review of four
corporate risks (the audit its annual opinion cites), first line by the controls' owners, and
one key control whose last assurance is over a year old, so the warning shows."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from registers.assurance import assurance_record
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Assurance,
    AssuranceLine,
    ControlType,
    Effectiveness,
    Organisation,
    Tier,
)
from registers.versions import save_with_history
from scoring import matrix

AUDIT_USERNAME = "internal.audit"
TYPES = (
    ControlType.PREVENTIVE,
    ControlType.DETECTIVE,
    ControlType.DIRECTIVE,
    ControlType.CORRECTIVE,
)
# A risk's controls in order: the first effective, the next partly, the rest not yet assessed;
# every fifth risk's first control only partly effective (its residual is not borne out).
RATINGS = (Effectiveness.EFFECTIVE, Effectiveness.PARTLY_EFFECTIVE)


def _rate(controls: list[Action], *, position: int, key: bool, by) -> list[Action]:
    """Type and rate one risk's controls; the first is its key control where ``key``."""
    for index, control in enumerate(controls):
        control.control_type = TYPES[(position + index) % len(TYPES)]
        if index < len(RATINGS):
            control.effectiveness = RATINGS[index]
        if index == 0 and position % 5 == 4:
            control.effectiveness = Effectiveness.PARTLY_EFFECTIVE
        if index == 0 and position % 7 == 6:
            control.effectiveness = Effectiveness.INEFFECTIVE
        control.key_control = key and index == 0
        control.version += 1
        save_with_history(control, by=by, reason="Demo organisation: rated")
    return [c for c in controls if c.key_control]


def _assure(key_controls: list[Action], *, audit, today: date) -> int:
    """Assurance over the key controls in turn: third line, first line, an old first line
    only (unassured for a year), then none; returns how many were recorded."""
    made = 0
    for index, control in enumerate(key_controls):
        if index % 4 == 0 and audit is not None:
            line, by, days = AssuranceLine.THIRD, audit, 75 + index
            source = f"Internal Audit report IA-{today.year - 1}-{index + 11:02d}"
            conclusion = "Control designed and operating as intended; testing of a sample of "
            conclusion += "twenty transactions found no exceptions."
        elif index % 4 in (1, 2) and control.owner is not None:
            line, by = AssuranceLine.FIRST, control.owner
            days = 30 + index if index % 4 == 1 else 400 + index
            source = "Quarterly management check"
            conclusion = "Checked by the service: in place and followed."
        else:
            continue
        assurance_record(
            control=control,
            by=by,
            line=line,
            source=source,
            given_on=today - timedelta(days=days),
            conclusion=conclusion,
        )
        made += 1
    return made


def load_demo_controls(*, organisation: Organisation, today: date, by) -> int:
    """Rate the demo's controls and record their assurance, once (when the organisation has
    no assurance yet); returns how many assurance records were made."""
    if Assurance.objects.filter(control__risk__register__organisation=organisation).exists():
        return 0
    audit = (
        get_user_model()
        .objects.filter(username=AUDIT_USERNAME, profile__organisation=organisation)
        .first()
    )
    controls = (
        Action.objects.filter(risk__register__organisation=organisation, kind=ActionKind.CONTROL)
        .exclude(status=ActionStatus.CANCELLED)
        .select_related("risk__register", "owner")
        .order_by("risk__reference", "pk")
    )
    by_risk: dict[int, list[Action]] = {}
    for control in controls:
        by_risk.setdefault(control.risk_id, []).append(control)
    key_controls = []
    for position, risk_controls in enumerate(by_risk.values()):
        risk = risk_controls[0].risk
        band = matrix.band_or_none(risk.residual_likelihood, risk.residual_impact)
        key = risk.is_open and (
            risk.register.tier == Tier.CORPORATE or (band is not None and band.key == "red")
        )
        key_controls += _rate(risk_controls, position=position, key=key, by=by)
    return _assure([c for c in key_controls if c.risk.is_open], audit=audit, today=today)
