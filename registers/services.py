"""Writes to registers and risks that carry rules: each in one transaction, with its history."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from registers.models import Register, Risk, RiskStatus, add_months


def save_with_history(instance: models.Model, *, by: AbstractBaseUser | None, reason: str = ""):
    """Validate and save a tracked model, recording who changed it and why in its history."""
    instance.full_clean()
    instance._history_user = by
    instance._change_reason = reason
    instance.save()
    return instance


def risk_reference_next(*, register: Register) -> str:
    """The next free reference on a register: its prefix and the next number, e.g. CRR-07.

    Numbers are never reused: the highest number ever issued with the prefix (on any register,
    open or closed, since escalated risks keep their reference) plus one.
    """
    pattern = re.compile(rf"^{re.escape(register.prefix)}-(\d+)$", re.IGNORECASE)
    issued = Risk.objects.filter(reference__istartswith=f"{register.prefix}-").values_list(
        "reference", flat=True
    )
    numbers = [int(match.group(1)) for ref in issued if (match := pattern.match(ref))]
    return f"{register.prefix}-{max(numbers, default=0) + 1:02d}"


def review_due_after(*, register: Register, reviewed_on: date) -> date:
    """When a risk reviewed on ``reviewed_on`` is next due, by its register's interval."""
    return add_months(reviewed_on, register.review_interval_months)


@transaction.atomic
def risk_create(*, register: Register, by: AbstractBaseUser, **fields) -> Risk:
    """Create a risk on a register.

    A blank ``reference`` is generated from the register's prefix; without a
    ``next_review_due`` the risk is due one review interval from today.
    """
    # Lock the register so two risks raised at once cannot draw the same reference.
    register = Register.objects.select_for_update().get(pk=register.pk)
    risk = Risk(register=register, **fields)
    risk.reference = (risk.reference or "").strip().upper() or risk_reference_next(
        register=register
    )
    if risk.next_review_due is None:
        risk.next_review_due = review_due_after(register=register, reviewed_on=timezone.localdate())
    return save_with_history(risk, by=by, reason="Risk raised")


@transaction.atomic
def risk_close(*, risk: Risk, by: AbstractBaseUser, reason: str) -> Risk:
    """Close a risk with the reason the policy asks to be kept. Risks are never deleted."""
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "Say why the risk is being closed: the reason is kept on record.",
            code="reason_required",
        )
    if risk.status == RiskStatus.CLOSED:
        raise ValidationError("This risk is already closed.", code="already_closed")
    risk.status = RiskStatus.CLOSED
    risk.closure_reason = reason
    risk.closed_at = timezone.now()
    risk.closed_by = by
    return save_with_history(risk, by=by, reason=f"Closed: {reason}")
