"""Opening and closing project, programme, partnership and shared-service registers
(docs/domain.md#opening-and-closing-a-register): each write in one transaction, with its
history."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from registers import permissions
from registers.models import (
    Directorate,
    Kind,
    MovementKind,
    Register,
    ReportStatus,
    Risk,
    RiskReport,
    RiskStatus,
    Service,
    Tier,
)
from registers.selectors.people import organisation_people
from registers.services import risk_close, risk_move, risk_report_decline
from registers.versions import save_next_version, save_with_history


def _refuse_outsider(person, *, organisation_id: int, field: str, what: str) -> None:
    """A register's owner and review lead are people of its organisation who may own things:
    active, and not read-only (code ``not_in_organisation``)."""
    if person is None:
        return
    if not organisation_people(organisation_id=organisation_id).filter(pk=person.pk).exists():
        raise ValidationError(
            {field: f"Choose {what} from the organisation's people who may own a register."},
            code="not_in_organisation",
        )


@transaction.atomic
def register_open(
    *,
    directorate: Directorate,
    kind: str,
    name: str,
    prefix: str,
    owner: AbstractBaseUser,
    by: AbstractBaseUser,
    service: Service | None = None,
    review_interval_months: int = 3,
    review_lead: AbstractBaseUser | None = None,
) -> Register:
    """Open a project, programme, partnership or shared-service register in ``directorate``,
    held by the directorate or (``service``) by one of its services. Only the directorate's
    director and the Insurance Manager open one (code ``not_allowed``); its owner and review
    lead are people of the organisation (code ``not_in_organisation``); the prefix is unique
    in the organisation and its reference pattern is checked by the model."""
    if not permissions.can_open_register(by, directorate):
        raise ValidationError(
            "Only the directorate's director or the Insurance Manager opens a register here.",
            code="not_allowed",
        )
    if kind not in Kind.values:
        raise ValidationError({"kind": "Choose what the register is for."}, code="invalid_kind")
    organisation_id = directorate.organisation_id
    _refuse_outsider(owner, organisation_id=organisation_id, field="owner", what="the owner")
    _refuse_outsider(
        review_lead, organisation_id=organisation_id, field="review_lead", what="the review lead"
    )
    register = Register(
        organisation_id=organisation_id,
        tier=Tier.PROJECT,
        kind=kind,
        directorate=directorate,
        service=service,
        name=name.strip(),
        prefix=(prefix or "").strip().upper(),
        owner=owner,
        review_lead=review_lead,
        review_interval_months=review_interval_months,
    )
    held_by = service.name if service else directorate.name
    return save_with_history(
        register, by=by, reason=f"Opened as a {register.get_kind_display().lower()} of {held_by}"
    )


def _closing_register(register: Register, by: AbstractBaseUser, reason: str) -> Register:
    """The register, locked, once it may be closed by ``by`` with ``reason``."""
    # Only the register's row is locked: PostgreSQL locks no row of an outer join's
    # nullable side (a corporate register has no directorate).
    register = (
        Register.objects.select_for_update(of=("self",))
        .select_related("directorate")
        .get(pk=register.pk)
    )
    if register.is_closed:
        raise ValidationError("This register is already closed.", code="already_closed")
    if register.tier != Tier.PROJECT:
        raise ValidationError(
            "The corporate, directorate and service registers are the organisation's "
            "structure: they are never closed.",
            code="structure",
        )
    if not permissions.can_close_register(by, register):
        raise ValidationError(
            "Only the directorate's director or the Insurance Manager closes this register.",
            code="not_allowed",
        )
    if not reason:
        refusal = ValidationError(
            "Say why the register is being closed: the reason is kept on record.",
            code="reason_required",
        )
        raise ValidationError({"reason": refusal})
    return register


def closing_destinations(*, register: Register, by: AbstractBaseUser):
    """The registers a closing register's risks may move to: the open registers of its
    organisation that ``by`` may see, other than itself."""
    return (
        permissions.visible_registers(by)
        .filter(organisation_id=register.organisation_id, closed_at__isnull=True)
        .exclude(pk=register.pk)
    )


@transaction.atomic
def register_close(
    *,
    register: Register,
    by: AbstractBaseUser,
    reason: str,
    destinations: Mapping[int, Register | None],
) -> Register:
    """Close a project-tier register with ``reason``, each of its open risks explicitly
    moved to another register (``destinations[risk id]`` a register) or closed (``None``),
    all in one transaction. A risk left without a decision refuses the whole closure (code
    ``risk_undecided``), as does a destination ``by`` may not use (code ``destination``).
    Colleagues' reports still awaiting a decision are declined with the reason. The register
    is kept, with its history, and reads as closed."""
    reason = (reason or "").strip()
    register = _closing_register(register, by, reason)
    risks = list(Risk.objects.select_for_update().filter(register=register, status=RiskStatus.OPEN))
    undecided = [risk.reference for risk in risks if risk.pk not in destinations]
    if undecided:
        raise ValidationError(
            f"Say where each open risk goes: {', '.join(sorted(undecided))} not decided.",
            code="risk_undecided",
        )
    allowed = set(closing_destinations(register=register, by=by).values_list("pk", flat=True))
    for risk in risks:
        destination = destinations[risk.pk]
        if destination is None:
            risk_close(risk=risk, by=by, reason=f"Its register was closed: {reason}")
            continue
        if destination.pk not in allowed:
            raise ValidationError(
                f"{risk.reference} cannot move to {destination.name}: choose an open register "
                "of the organisation you can see.",
                code="destination",
            )
        risk_move(
            risk=risk,
            to_register=destination,
            kind=MovementKind.MOVED,
            by=by,
            reason=f"{register.name} was closed: {reason}",
            history_reason=f"Moved to {destination.name}: {register.name} was closed",
        )
    pending = RiskReport.objects.filter(register=register, status=ReportStatus.PENDING)
    for report in pending:
        risk_report_decline(report=report, by=by, reason=f"The register was closed: {reason}")
    register.closed_at, register.closed_by, register.closure_reason = timezone.now(), by, reason
    return save_next_version(register, by=by, reason=f"Closed: {reason}")
