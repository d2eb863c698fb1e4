"""Writing the risk appetite statements (docs/domain.md#risk-appetite): the Insurance Manager
drafts the next version, a copy of the one approved, and edits its lines; SLT approves it on
a date, or the Insurance Manager records SLT's approval, never in their own name."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.people import person_name
from registers import permissions
from registers.appetite import appetite_draft_of, latest_approved
from registers.categories import category_labels
from registers.models import (
    AppetiteLevel,
    AppetiteLine,
    AppetiteStatement,
    Organisation,
    StatementStatus,
)
from registers.versions import save_with_history


@transaction.atomic
def appetite_draft_start(
    *, organisation: Organisation, by: AbstractBaseUser, at: datetime | None = None
) -> AppetiteStatement:
    """The organisation's draft statement: the one being drafted, or a new version copying
    every line of the latest approved one (empty when none was). Refuses with ``not_a_drafter``."""
    if not permissions.can_draft_appetite(by):
        raise ValidationError(
            "Only the Insurance Manager drafts the risk appetite statement.", code="not_a_drafter"
        )
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    existing = appetite_draft_of(organisation.pk)
    if existing is not None:
        return existing
    statements = AppetiteStatement.objects.filter(organisation=organisation)
    approved = latest_approved(organisation.pk)
    version = (statements.aggregate(last=Max("version"))["last"] or 0) + 1
    draft = AppetiteStatement(
        organisation=organisation,
        version=version,
        status=StatementStatus.DRAFT,
        summary=approved.summary if approved else "",
        drafted_by=by,
        drafted_at=at or timezone.now(),
    )
    reason = f"Drafted from version {approved.version}" if approved else "Drafted"
    save_with_history(draft, by=by, reason=reason)
    for line in approved.lines.all() if approved else ():
        copy = AppetiteLine(
            statement=draft,
            category=line.category,
            level_id=line.level_id,
            tolerance=line.tolerance,
        )
        save_with_history(copy, by=by, reason=reason)
    return draft


def _checked_lines(
    organisation_id: int, lines: Mapping[str, tuple[AppetiteLevel | None, int | None]]
) -> dict[str, tuple[AppetiteLevel, int]]:
    known = set(category_labels(organisation_id))
    unknown = sorted(set(lines) - known)
    if unknown:
        raise ValidationError(f"No such category: {', '.join(unknown)}.", code="unknown_category")
    checked = {}
    for key, (level, tolerance) in lines.items():
        if level is None and tolerance is None:
            continue
        if level is None or tolerance is None or not 1 <= tolerance <= 25:
            raise ValidationError(
                "Give each category a level and a tolerance from 1 to 25, or neither.",
                code="incomplete_line",
            )
        checked[key] = (level, tolerance)
    return checked


@transaction.atomic
def appetite_draft_save(
    *,
    statement: AppetiteStatement,
    by: AbstractBaseUser,
    summary: str,
    lines: Mapping[str, tuple[AppetiteLevel | None, int | None]],
) -> AppetiteStatement:
    """Save the draft's words and lines: ``lines`` maps a category key to its level and
    tolerance, or to (None, None) for no line (the bands decide for it). Only lines that
    change get a history row. Refuses with ``not_a_drafter``, ``not_a_draft``,
    ``unknown_category`` or ``incomplete_line``, writing nothing."""
    if not permissions.can_draft_appetite(by):
        raise ValidationError(
            "Only the Insurance Manager drafts the risk appetite statement.", code="not_a_drafter"
        )
    statement = AppetiteStatement.objects.select_for_update().get(pk=statement.pk)
    if not statement.is_draft:
        raise ValidationError(
            f"Version {statement.version} is {statement.get_status_display().lower()}: start "
            "a new draft to change the appetite.",
            code="not_a_draft",
        )
    wanted = _checked_lines(statement.organisation_id, lines)
    if statement.summary != summary.strip():
        statement.summary = summary.strip()
        save_with_history(statement, by=by, reason="Edited")
    existing = {line.category: line for line in statement.lines.all()}
    for key, line in existing.items():
        if key in lines and key not in wanted:
            line._history_user = by
            line.delete()
    for key, (level, tolerance) in wanted.items():
        line = existing.get(key) or AppetiteLine(statement=statement, category=key)
        if line.pk and (line.level_id, line.tolerance) == (level.pk, tolerance):
            continue
        line.level, line.tolerance = level, tolerance
        save_with_history(line, by=by, reason="Edited")
    return statement


def _checked_approver(*, decider: AbstractBaseUser, by: AbstractBaseUser) -> None:
    """SLT approves; only the Insurance Manager records another's approval."""
    if not permissions.may_approve_appetite(decider):
        raise ValidationError(
            f"{person_name(decider)} cannot approve the risk appetite: SLT approves it.",
            code="not_an_approver",
        )
    if decider.pk != by.pk and not permissions.can_draft_appetite(by):
        raise ValidationError(
            "Only the Insurance Manager records SLT's approval on its behalf.",
            code="not_a_recorder",
        )


@transaction.atomic
def appetite_approve(
    *,
    statement: AppetiteStatement,
    by: AbstractBaseUser,
    decided_by: AbstractBaseUser | None = None,
    decided_on: date,
    at: datetime | None = None,
) -> AppetiteStatement:
    """SLT approves the draft at its meeting on ``decided_on``: from that day it is in force
    and the version approved before it is superseded. ``decided_by`` (default ``by``) is the
    member of SLT who approved; the Insurance Manager may record their decision, kept as the
    recorder. Refuses with ``not_an_approver``, ``not_a_recorder``, ``not_a_draft``,
    ``no_lines``, ``date_in_future`` or ``before_in_force``, writing nothing."""
    decider = decided_by or by
    _checked_approver(decider=decider, by=by)
    at = at or timezone.now()
    if decided_on > timezone.localdate(at):
        raise ValidationError("SLT's meeting cannot be in the future.", code="date_in_future")
    statement = AppetiteStatement.objects.select_for_update().get(pk=statement.pk)
    if not statement.is_draft:
        raise ValidationError(
            f"Version {statement.version} is already {statement.get_status_display().lower()}.",
            code="not_a_draft",
        )
    if not statement.lines.exists():
        raise ValidationError(
            "Give at least one category a level and tolerance before approving.",
            code="no_lines",
        )
    in_force = (
        AppetiteStatement.objects.filter(
            organisation_id=statement.organisation_id, status=StatementStatus.APPROVED
        )
        .order_by("-approved_on")
        .first()
    )
    if in_force is not None and decided_on < in_force.approved_on:
        raise ValidationError(
            f"Version {in_force.version} was approved on {in_force.approved_on:%-d %B %Y}: "
            "a later version cannot be approved before it.",
            code="before_in_force",
        )
    recorder = by if by.pk != decider.pk else None
    reason = "Approved"
    if recorder is not None:
        reason = f"Approval by {person_name(decider)} recorded by {person_name(recorder)}"
    for earlier in AppetiteStatement.objects.filter(
        organisation_id=statement.organisation_id, status=StatementStatus.APPROVED
    ):
        earlier.status = StatementStatus.SUPERSEDED
        save_with_history(earlier, by=by, reason=f"Superseded by version {statement.version}")
    statement.status = StatementStatus.APPROVED
    statement.approved_on, statement.approved_at = decided_on, at
    statement.approved_by, statement.recorded_by = decider, recorder
    return save_with_history(statement, by=by, reason=reason)
