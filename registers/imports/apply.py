"""Apply a planned import: all of it in one transaction, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from common.people import person_name
from registers.categories import category_add
from registers.imports.plan import ImportPlan, RowPlan
from registers.models import ActionKind, Register, Risk
from registers.services import action_create, risk_create, save_with_history


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0


def _add_items(*, risk: Risk, by: AbstractBaseUser, kind: str, items: list[str]) -> None:
    """Add the controls or actions whose text the risk does not already have; never delete."""
    present = {
        " ".join(text.split()).lower()
        for text in risk.actions.filter(kind=kind).values_list("description", flat=True)
    }
    for item in items:
        key = " ".join(item.split()).lower()
        if key not in present:
            action_create(risk=risk, by=by, kind=kind, description=item)
            present.add(key)


def _update(row: RowPlan, *, register: Register, by: AbstractBaseUser, reason: str) -> bool:
    """Apply an update row; True if the risk changed (a re-import of the same file is quiet)."""
    risk = Risk.objects.select_for_update().get(pk=row.risk.pk)
    if risk.register_id != register.pk:
        raise ValidationError(
            f"{risk.reference} moved to another register since the preview.", code="moved"
        )
    changed = False
    for name, value in row.fields.items():
        if name == "reference":
            continue  # matched case-insensitively: keep the stored spelling
        if getattr(risk, name) != value:
            setattr(risk, name, value)
            changed = True
    if changed:
        risk.version += 1
        save_with_history(risk, by=by, reason=reason)
    before = risk.actions.count()
    _add_items(risk=risk, by=by, kind=ActionKind.CONTROL, items=row.controls)
    _add_items(risk=risk, by=by, kind=ActionKind.ACTION, items=row.actions)
    return changed or risk.actions.count() != before


@transaction.atomic
def apply_plan(
    *, plan: ImportPlan, register: Register, by: AbstractBaseUser, filename: str = ""
) -> ImportResult:
    """Add the categories the mapping chose to add, then create and update the plan's risks
    with their controls and actions, each change in the risk's history as made by the import
    and ``by``. All or nothing: any failure rolls every
    row back. Refuses a plan with problems (code ``plan_has_problems``)."""
    if not plan.ok:
        raise ValidationError(
            f"The import has {len(plan.problems)} problem(s) to fix first.",
            code="plan_has_problems",
        )
    source = f"Imported from {filename}" if filename else "Imported from a spreadsheet"
    reason = f"{source} by {person_name(by)}"
    # The categories the mapping chose to add, before the risks holding them.
    for label, key in plan.new_categories.items():
        category_add(organisation=register.organisation, by=by, label=label, key=key)
    created = updated = unchanged = 0
    for row in plan.rows:
        if row.action == "update":
            if _update(row, register=register, by=by, reason=reason):
                updated += 1
            else:
                unchanged += 1
            continue
        risk = risk_create(register=register, by=by, reason=reason, **row.fields)
        _add_items(risk=risk, by=by, kind=ActionKind.CONTROL, items=row.controls)
        _add_items(risk=risk, by=by, kind=ActionKind.ACTION, items=row.actions)
        created += 1
    return ImportResult(created=created, updated=updated, unchanged=unchanged)
