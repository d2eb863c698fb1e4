"""Writes to registers and risks that carry rules: each in one transaction, with its history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from registers import due, permissions, roles

# Approving a register and its snapshot live in registers.approvals; the views, the demo and
# the tests call them from here too.
from registers.approvals import register_approve as register_approve
from registers.approvals import register_snapshot_take as register_snapshot_take
from registers.categories import check_category
from registers.models import (
    Action,
    ActionKind,
    ActionStatus,
    Effectiveness,
    MovementKind,
    Portfolio,
    Register,
    ReportStatus,
    Risk,
    RiskMovement,
    RiskReport,
    RiskReview,
    RiskStatus,
    Tier,
)
from registers.references import (
    REFERENCE_ATTEMPTS,
    reference_taken,
    saved_unless_reference_taken,
)
from registers.references import risk_reference_next as risk_reference_next
from registers.review_questions import questions_for

# StaleEdit and save_with_history live with the rest of the locking in registers.versions;
# the views, the other apps and the tests import them from here too.
from registers.versions import StaleEdit as StaleEdit
from registers.versions import lock_at_version, save_next_version, save_with_history
from scoring import matrix


def review_due_after(*, register: Register, reviewed_on: date) -> date:
    """When a risk reviewed on ``reviewed_on`` is next due, by its register's interval."""
    return due.next_due(reviewed_on, register.review_interval_months)


@transaction.atomic
def risk_create(
    *,
    register: Register,
    by: AbstractBaseUser,
    reason: str = "Risk raised",
    keep_category: str | None = None,
    **fields,
) -> Risk:
    """Create a risk on a register, with ``reason`` as its history's first change reason.

    The category must be one of the organisation's in use (``keep_category`` also allows that
    one when retired: a reported risk's, say); else a ``ValidationError`` on the category.

    A blank ``reference`` is generated from the register's prefix (drawn again if a risk
    raised at the same moment elsewhere took it); a reference another risk has is refused
    with a ``ValidationError`` on the reference (code ``reference_taken``), even when both
    were typed at the same moment. Without a ``next_review_due`` the risk is due one review
    interval from today.
    """
    # Lock the register so two risks raised on it at once cannot draw the same reference.
    register = Register.objects.select_for_update().get(pk=register.pk)
    if register.is_closed:
        raise ValidationError(
            f"{register.name} is closed: it takes no new risks.", code="register_closed"
        )
    check_category(
        organisation=register.organisation_id, key=fields.get("category", ""), current=keep_category
    )
    risk = Risk(register=register, organisation_id=register.organisation_id, **fields)
    risk.reference = (risk.reference or "").strip().upper()
    generated = not risk.reference
    if risk.next_review_due is None:
        risk.next_review_due = review_due_after(register=register, reviewed_on=timezone.localdate())
    for _attempt in range(REFERENCE_ATTEMPTS):
        if generated:
            risk.reference = risk_reference_next(register=register)
        saved = saved_unless_reference_taken(
            risk, save=lambda: save_with_history(risk, by=by, reason=reason)
        )
        if saved is not None:
            return saved
        if not generated:
            break
    raise reference_taken(risk.reference, new=True)


@transaction.atomic
def risk_close(*, risk: Risk, by: AbstractBaseUser, reason: str) -> Risk:
    """Close a risk, taking it off its register, with the reason the policy asks to be kept.

    Risks are never deleted: the removal is also recorded on the register's ledger
    (``RiskMovement``), which the reports read. A corporate risk closes only by SLT's
    decision (``permissions.can_close_risk``); its owner proposes the closure instead
    (docs/domain.md#closing-a-corporate-risk).
    """
    risk = Risk.objects.select_for_update().select_related("register").get(pk=risk.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "Say why the risk is being closed: the reason is kept on record.",
            code="reason_required",
        )
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError("This risk is already closed.", code="already_closed")
    if risk.register.tier == Tier.CORPORATE and not permissions.can_close_risk(by, risk):
        raise ValidationError(
            "A corporate risk comes off the register by SLT's decision: propose its closure "
            "from the risk's page.",
            code="slt_decides",
        )
    risk.status = RiskStatus.CLOSED
    risk.closure_reason = reason
    risk.closed_at = timezone.now()
    risk.closed_by = by
    save_next_version(risk, by=by, reason=f"Closed: {reason}")
    movement_record(
        risk=risk,
        kind=MovementKind.REMOVED,
        from_register=risk.register,
        reason=reason,
        by=by,
        at=risk.closed_at,
    )
    return risk


def movement_record(
    *,
    risk: Risk,
    kind: str,
    from_register: Register,
    to_register: Register | None = None,
    reason: str,
    by: AbstractBaseUser,
    at=None,
) -> RiskMovement:
    """Keep a risk's move on or off a register, with its reason, in the register's ledger."""
    movement = RiskMovement(
        risk=risk,
        kind=kind,
        from_register=from_register,
        to_register=to_register,
        reason=reason,
        moved_by=by,
        moved_at=at or timezone.now(),
    )
    movement.full_clean()
    movement.save()
    return movement


def risk_move(
    *,
    risk: Risk,
    to_register: Register,
    kind: str,
    by: AbstractBaseUser,
    reason: str,
    history_reason: str,
) -> RiskMovement:
    """Move a risk (locked by the caller) to another register. It keeps its reference, owner,
    actions and history; the move is recorded with its reason. A risk never leaves its
    organisation (code ``other_organisation``): its reference is unique only there."""
    if to_register.organisation_id != risk.organisation_id:
        raise ValidationError(
            "A risk moves only between registers of its organisation.", code="other_organisation"
        )
    from_register = risk.register
    risk.register = to_register
    save_next_version(risk, by=by, reason=history_reason)
    return movement_record(
        risk=risk,
        kind=kind,
        from_register=from_register,
        to_register=to_register,
        reason=reason,
        by=by,
    )


# Fields a person edits on the risk form; everything else changes only through a service.
EDITABLE_RISK_FIELDS = (
    "reference",
    "title",
    "event",
    "consequence",
    "impact",
    "category",
    "owner",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "target_likelihood",
    "target_impact",
    "target_date",
    "response",
    "response_rationale",
    "horizon",
    "exempt",
    "next_review_due",
    "exposure_low",
    "exposure_high",
    "financial_link",
    "financial_link_detail",
)


def _refuse_closed(risk: Risk) -> None:
    if risk.status != RiskStatus.OPEN:
        raise ValidationError("This risk is closed and can no longer be changed.", code="closed")


def _refuse_lifting_exemption(*, risk: Risk, by: AbstractBaseUser, changes: dict) -> None:
    """A risk withheld from publication is published again only by those who decide for its
    register, its owner and the Insurance Manager (docs/domain.md#exempt-risks): the risk's own
    owner may withhold it, not publish it."""
    lifting = risk.exempt and "exempt" in changes and not changes["exempt"]
    if lifting and not permissions.can_change_register(by, risk.register):
        raise ValidationError(
            {
                "exempt": ValidationError(
                    "Only the register's owner or the Insurance Manager can publish a risk "
                    "that is exempt from publication: ask them to remove the exemption.",
                    code="exemption_not_yours",
                )
            }
        )


@transaction.atomic
def risk_update(
    *, risk: Risk, by: AbstractBaseUser, version: int, changes: dict, reason: str = ""
) -> Risk:
    """Apply a person's edit to a risk, unless someone else saved it since ``version``.

    Raises ``StaleEdit`` (code ``stale``) rather than overwrite a colleague's change, and
    ``ValidationError`` when the result breaks a rule (code ``reference_taken`` on the
    reference when another risk has it, ``exemption_not_yours`` on ``exempt`` when ``by`` may
    not publish the risk); nothing is saved in either case.
    """
    unknown = set(changes) - set(EDITABLE_RISK_FIELDS)
    if unknown:
        raise ValueError(f"not editable through risk_update: {sorted(unknown)}")
    current = lock_at_version(
        Risk, pk=risk.pk, version=version, fields=EDITABLE_RISK_FIELDS, refuse=_refuse_closed
    )
    _refuse_lifting_exemption(risk=current, by=by, changes=changes)
    if "category" in changes:
        check_category(
            organisation=current.organisation_id, key=changes["category"], current=current.category
        )
    for name, value in changes.items():
        setattr(current, name, value)
    if current.owner_id is not None:
        current.owner_as_written = ""  # a person is assigned: the imported name has served
    current.reference = current.reference.strip().upper()
    saved = saved_unless_reference_taken(
        current, save=lambda: save_next_version(current, by=by, reason=reason or "Edited")
    )
    if saved is None:
        raise reference_taken(current.reference, new=False)
    return saved


@transaction.atomic
def risk_review_record(
    *,
    risk: Risk,
    by: AbstractBaseUser,
    answers: dict[str, str] | None,
    notes: str = "",
    bands: tuple[matrix.Band, ...],
    reviewed_on: date | None = None,
    seen_version: int | None = None,
) -> RiskReview:
    """Record a review: the tier's questions with their answers, the scores and bands at this
    moment, and the next review date one register interval on.

    ``answers=None`` is a quick review (docs/domain.md#quick-review): the reviewer confirms
    that nothing has changed, with an optional note, of the risk at ``seen_version``: if
    someone saved it since, ``StaleEdit`` and nothing recorded (they confirmed what they saw).
    """
    if answers is None and seen_version is not None:
        lock_at_version(
            Risk,
            pk=risk.pk,
            version=seen_version,
            fields=EDITABLE_RISK_FIELDS,
            refuse=_refuse_closed,
        )
    risk = Risk.objects.select_for_update().select_related("register").get(pk=risk.pk)
    if risk.status != RiskStatus.OPEN:
        raise ValidationError("A closed risk is not reviewed.", code="closed")
    questions = questions_for(risk.register.tier) if answers is not None else ()
    missing = [q for q in questions if not (answers.get(q) or "").strip()]
    if missing:
        raise ValidationError(
            f"Answer every question; {len(missing)} still blank.", code="answers_required"
        )
    reviewed_on = reviewed_on or timezone.localdate()
    next_due = review_due_after(register=risk.register, reviewed_on=reviewed_on)

    inherent = matrix.band_or_none(risk.inherent_likelihood, risk.inherent_impact, bands)
    residual = matrix.band_or_none(risk.residual_likelihood, risk.residual_impact, bands)
    review = RiskReview(
        risk=risk,
        register=risk.register,
        reviewed_by=by,
        no_change=answers is None,
        answers=[{"question": q, "answer": answers[q].strip()} for q in questions],
        notes=notes.strip(),
        **RiskReview.scores_of(risk=risk),
        inherent_band_label=inherent.label if inherent else "",
        residual_band_key=residual.key if residual else "",
        residual_band_label=residual.label if residual else "",
        residual_band_colour=residual.colour if residual else "",
        next_review_due=next_due,
    )
    review.full_clean()
    review.save()
    risk.last_reviewed_on = reviewed_on
    risk.next_review_due = next_due
    save_next_version(risk, by=by, reason="Reviewed: no change" if review.no_change else "Reviewed")
    return review


ACTION_FIELDS = (
    "kind",
    "description",
    "owner",
    "due_date",
    "status",
    "cost",
    "evaluation_notes",
    "treat_type",
    "measure_of_success",
    "agreed_by",
    "agreed_on",
    "review_date",
    "control_type",
    "effectiveness",
    "key_control",
)


def _unrate_planned(action: Action) -> None:
    """A planned action has no control type, rating or key flag (a control turned into a
    planned action loses them): docs/domain.md#controls-and-assurance."""
    if action.kind != ActionKind.CONTROL:
        action.control_type = ""
        action.effectiveness = Effectiveness.NOT_ASSESSED
        action.key_control = False


@transaction.atomic
def action_create(*, risk: Risk, by: AbstractBaseUser, **fields) -> Action:
    """Add a control or planned action to an open risk."""
    if not risk.is_open:
        raise ValidationError("A closed risk takes no new actions.", code="closed")
    action = Action(risk=risk, **{k: v for k, v in fields.items() if k in ACTION_FIELDS})
    _unrate_planned(action)
    if action.status == ActionStatus.DONE and action.completed_on is None:
        action.completed_on = timezone.localdate()
    return save_with_history(action, by=by, reason="Added")


@transaction.atomic
def action_update(*, action: Action, by: AbstractBaseUser, version: int, **fields) -> Action:
    """Apply a person's edit to an action, unless someone else saved it since ``version``
    (``StaleEdit``, code ``stale``, and nothing saved)."""
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise ValueError(f"not editable through action_update: {sorted(unknown)}")
    action = lock_at_version(Action, pk=action.pk, version=version, fields=ACTION_FIELDS)
    for name, value in fields.items():
        setattr(action, name, value)
    _unrate_planned(action)
    if action.status == ActionStatus.DONE and action.completed_on is None:
        action.completed_on = timezone.localdate()
    elif action.status != ActionStatus.DONE:
        action.completed_on = None
    return save_next_version(action, by=by, reason="Edited")


@transaction.atomic
def action_complete(*, action: Action, by: AbstractBaseUser, evaluation: str = "") -> Action:
    """Mark an action done today, with how well it worked where known."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status == ActionStatus.DONE:
        raise ValidationError("This action is already done.", code="already_done")
    action.status = ActionStatus.DONE
    action.completed_on = timezone.localdate()
    if evaluation.strip():
        action.evaluation_notes = evaluation.strip()
    return save_next_version(action, by=by, reason="Completed")


REGISTER_SETTINGS = ("name", "owner", "review_lead", "review_interval_months")


@transaction.atomic
def register_update(
    *, register: Register, by: AbstractBaseUser, version: int, **fields
) -> Register:
    """Change a register's settings, unless someone else saved the register since ``version``
    (``StaleEdit``, code ``stale``, and nothing saved)."""
    unknown = set(fields) - set(REGISTER_SETTINGS)
    if unknown:
        raise ValueError(f"not a register setting: {sorted(unknown)}")
    register = lock_at_version(Register, pk=register.pk, version=version, fields=REGISTER_SETTINGS)
    for name, value in fields.items():
        setattr(register, name, value)
    return save_next_version(register, by=by, reason="Settings changed")


@transaction.atomic
def risk_report_submit(*, register: Register, by: AbstractBaseUser, **fields) -> RiskReport:
    """A colleague reports a new risk to a register; it waits for the owner's decision."""
    check_category(organisation=register.organisation_id, key=fields.get("category", ""))
    report = RiskReport(register=register, reported_by=by, **fields)
    report.full_clean()
    report.save()
    return report


def _pending_report(report: RiskReport) -> RiskReport:
    report = RiskReport.objects.select_for_update().select_related("register").get(pk=report.pk)
    if report.status != ReportStatus.PENDING:
        raise ValidationError(
            f"This report has already been {report.get_status_display().lower()}.",
            code="already_decided",
        )
    return report


@transaction.atomic
def risk_report_accept(
    *, report: RiskReport, by: AbstractBaseUser, owner: AbstractBaseUser
) -> RiskReport:
    """Put a reported risk on the register, not yet scored, for ``owner`` to assess."""
    report = _pending_report(report)
    risk = risk_create(
        register=report.register,
        by=by,
        title=report.title,
        event=report.event,
        consequence=report.consequence,
        impact=report.impact,
        category=report.category,
        keep_category=report.category,  # retired since it was reported: still its source
        owner=owner,
    )
    report.status = ReportStatus.ACCEPTED
    report.decided_by, report.decided_at, report.risk = by, timezone.now(), risk
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def risk_report_decline(*, report: RiskReport, by: AbstractBaseUser, reason: str) -> RiskReport:
    report = _pending_report(report)
    if not (reason or "").strip():
        raise ValidationError(
            "Say why the report is declined: the colleague who reported it will see it.",
            code="reason_required",
        )
    report.status = ReportStatus.DECLINED
    report.decided_by, report.decided_at = by, timezone.now()
    report.decision_reason = reason.strip()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def portfolio_save(
    *,
    portfolio: Portfolio,
    name: str,
    holder: AbstractBaseUser | None,
    registers: Iterable[Register],
    by: AbstractBaseUser,
) -> Portfolio:
    """Create or change a Cabinet portfolio and the registers in it, keeping who did it in its
    history (docs/domain.md#cabinet-portfolios). Refuses ``not_allowed`` to anyone but the
    Insurance Manager, ``not_cabinet_member`` for a holder who is not a Cabinet member of the
    portfolio's organisation, and ``wrong_register`` for the corporate register or another
    organisation's."""
    if not permissions.can_change_portfolios(by):
        raise ValidationError(
            "Only the Insurance Manager keeps the Cabinet portfolios.", code="not_allowed"
        )
    registers = list(registers)
    if holder is not None and holder.pk != portfolio.holder_id:
        place = getattr(holder, "profile", None)
        if (
            place is None
            or place.organisation_id != portfolio.organisation_id
            or not holder.groups.filter(name=roles.CABINET_MEMBER).exists()
        ):
            raise ValidationError(
                "Only a Cabinet member of the council can hold its portfolio.",
                code="not_cabinet_member",
            )
    if any(
        register.tier == Tier.CORPORATE or register.organisation_id != portfolio.organisation_id
        for register in registers
    ):
        raise ValidationError(
            "A portfolio holds the registers of services, projects and partnerships of its own "
            "organisation, not the corporate register.",
            code="wrong_register",
        )
    created = portfolio.pk is None
    portfolio.name = name
    portfolio.holder = holder
    portfolio.full_clean()
    # One history row for the portfolio and its registers together: the row is written once
    # both are saved, so it records the registers too (saving first and setting the registers
    # after would write a second row, or a first one without them).
    portfolio.skip_history_when_saving = True
    try:
        portfolio.save()
        portfolio.registers.set(registers)
    finally:
        del portfolio.skip_history_when_saving
    portfolio._history_user = by
    portfolio._change_reason = "Portfolio created" if created else "Portfolio changed"
    post_save.send(
        sender=Portfolio, instance=portfolio, created=created, raw=False, using=portfolio._state.db
    )
    return portfolio
